import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Designation, Participant, ParticipantRole } from '../../db/model';
import { lang, LocaleController, t, type MessageKey } from '../i18n';
import { freeText } from './free-text';
import { sharedStyles } from './shared-styles';

type Figure = 'households' | 'areaMu' | 'outputTonnes' | 'valueWanYuan';
const FIGURES: readonly Figure[] = ['households', 'areaMu', 'outputTonnes', 'valueWanYuan'];

/** The stages of the chain and which roles stand in each. */
const STAGES: readonly { key: MessageKey; roles: readonly ParticipantRole[] }[] = [
  { key: 'product.chain.lead', roles: ['enterprise', 'association'] },
  { key: 'product.chain.coop', roles: ['cooperative'] },
  { key: 'product.chain.farmers', roles: ['farmers'] },
];

/** Sums a figure over rows, or null when no row records it. */
function total(rows: readonly Participant[], figure: Figure): number | null {
  const known = rows.map((r) => r[figure]).filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/**
 * The public page's cooperative-farmer model as the chain 企业/协会 → 地理标志 → 合作社 → 农户: each stage with its
 * participants, their figures (户, 亩, 吨, 万元) and the stage's totals.
 */
@customElement('gi-product-chain')
export class GiProductChain extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 1.5rem; }
    li.stage { position: relative; border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem; background: var(--gi-surface); }
    li.stage + li.stage::before { content: '→'; position: absolute; left: -1.3rem; top: 40%; font-size: 1.2rem; color: var(--gi-muted); }
    h3 { font-size: 0.95rem; margin: 0 0 0.25rem; }
    ul { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.35rem; }
    .figures { color: var(--gi-muted); font-size: 0.85rem; }
    .totals { margin-top: 0.4rem; padding-top: 0.3rem; border-top: 1px dashed var(--gi-border); font-size: 0.85rem; }
    .none { color: var(--gi-muted); }
    @media (max-width: 700px) {
      ol { grid-template-columns: 1fr; gap: 1.25rem; }
      li.stage + li.stage::before { content: '↓'; left: 50%; top: -1.25rem; }
    }
  `];

  /** The participants of the model. */
  @property({ attribute: false }) participants: Participant[] = [];
  /** The product's designations (the GI link of the chain). */
  @property({ attribute: false }) designations: Designation[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    if (this.participants.length === 0) return html`<p class="state">${t('product.chain.empty')}</p>`;
    const [lead, coop, farmers] = STAGES.map((s) => this.renderStage(s.key, s.roles));
    return html`<ol aria-label=${t('product.chainLabel')}>
      ${lead}
      <li class="stage"><h3>${t('product.chain.gi')}</h3>
        ${this.designations.length === 0 ? html`<span class="none">${t('product.chain.none')}</span>`
          : html`<ul>${this.designations.map((d) => html`<li>${t(`giType.${d.giType}`)} · ${t(`status.${d.status}`)}</li>`)}</ul>`}
      </li>
      ${coop}${farmers}
    </ol>`;
  }

  private renderStage(key: MessageKey, roles: readonly ParticipantRole[]) {
    const rows = this.participants.filter((p) => roles.includes(p.role));
    return html`<li class="stage"><h3>${t(key)}</h3>
      ${rows.length === 0 ? html`<span class="none">${t('product.chain.none')}</span>` : html`<ul>${rows.map((r) => html`<li>
          ${r.name ? html`<div>${freeText(r.name)}${roles.length > 1 ? html` <small>${t('product.paren', { x: t(`role.${r.role}`) })}</small>` : nothing}</div>` : nothing}
          <div class="figures">${this.figures(r)}</div></li>`)}</ul>
        ${rows.length > 1 ? html`<div class="totals">${t('product.chain.totals')}：${this.figures(rows)}</div>` : nothing}`}
    </li>`;
  }

  /** The known figures of one row (or the totals of several), e.g. "120 户 · 300 亩". */
  private figures(rows: Participant | readonly Participant[]): string {
    const list = Array.isArray(rows) ? rows : [rows as Participant];
    const fmt = new Intl.NumberFormat(lang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
    const parts = FIGURES.flatMap((f) => {
      const v = total(list, f);
      return v === null ? [] : [t(`product.${f}`, { n: fmt.format(v) })];
    });
    return parts.length ? parts.join(' · ') : t('product.notRecorded');
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-chain': GiProductChain }
}
