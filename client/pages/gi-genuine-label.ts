import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { VerifyGrant } from '../../db/model';
import { localName, LocaleController, t } from '../i18n';
import { markChinese } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { giTypeText, labelReferenceOf } from './fake-report-text';
import { appHref } from '../lib/base-path';

/**
 * What a genuine label of one authorised user's GI shows, on a found answer of the verification page
 * (《地理标志专用标志使用管理办法（试行）》, 使用要求): the user and its credit code beside the official mark,
 * the GI's name and type, its announcement or registration number (by type), its standard when the
 * registry holds one, and photos of a genuine label when officials have published some.
 */
@customElement('gi-genuine-label')
export class GiGenuineLabel extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 0.6rem; }
    section { background: #f4f7f4; border-radius: 6px; padding: 0.5rem 0.75rem; }
    h3 { font-size: 1rem; margin: 0 0 0.3rem; }
    ul { margin: 0; padding-left: 1.2rem; }
    li { overflow-wrap: anywhere; }
    figure { margin: 0.5rem 0 0; }
    img { max-width: 100%; height: auto; border: 1px solid var(--gi-border); }
    .basis { color: var(--gi-muted); font-size: 0.85rem; margin: 0.4rem 0 0; }
  `];

  /** The GI the user may use. */
  @property({ attribute: false }) grant!: VerifyGrant;
  /** The user's name. */
  @property() name = '';
  /** The user's credit code (null when the registry holds none). */
  @property({ attribute: false }) creditCode: string | null = null;

  private readonly i18n = new LocaleController(this);

  override render() {
    const g = this.grant;
    const ref = labelReferenceOf(g);
    const id = `genuine-${g.designationId}`;
    return html`<section aria-labelledby=${id}>
      <h3 id=${id}>${t('genuine.heading')}</h3>
      <ul>
        <li>${markChinese(t('genuine.user', { name: this.name }))}</li>
        <li>${this.creditCode ? t('genuine.code', { code: this.creditCode }) : t('genuine.noCode')}</li>
        <li>${markChinese(t('genuine.gi', { gi: localName({ nameZh: g.productZh, nameEn: g.productEn }), type: giTypeText(g) }))}</li>
        <li>${markChinese(ref ? t(`genuine.ref.${ref.kind}`, { value: ref.value }) : t('genuine.refUnknown'))}</li>
        ${g.specification ? html`<li>${markChinese(t('genuine.standard', { value: [g.specification.number, g.specification.title].filter(Boolean).join(' ') }))}</li>` : nothing}
      </ul>
      ${g.labels.map((p) => html`<figure>
        <a href=${appHref(p.url)}><img src=${appHref(p.thumbnailUrl ?? p.url)} alt=${t('genuine.photo', { title: p.title })} loading="lazy" /></a>
        <figcaption>${markChinese(t('genuine.photo', { title: p.title }))}</figcaption>
      </figure>`)}
      <p class="basis">${t('genuine.basis')}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-genuine-label': GiGenuineLabel }
}
