import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CountyCode, DivisionLevel, DivisionUnit, ScopeNameResult } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { freeTextLang, messageWith, zhText } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { errorLine } from './fields';
import type { DivisionPickDetail } from './gi-division-picker';
import { offeredCodes, type Resolution } from './scope-draft';
import { flagMessage, unitLabel } from './scope-words';
import './gi-division-picker';

/** Detail of `gi-scope-resolve`: the official's decision for one name. */
export interface ScopeResolveDetail { index: number; resolution: Resolution | null }

/**
 * One name of a checked scope: as written, its flag in words, and — when the official must decide — a
 * group of choices: use the suggestion or one of the candidates, take another unit from the code list,
 * or leave the name out. A certain match can still be left out. Reports `gi-scope-resolve`.
 */
@customElement('gi-scope-name')
export class GiScopeName extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; }
    .head { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; }
    .name { font-weight: 600; }
    .flag { border-radius: 4px; padding: 0 0.4rem; }
    .flag.ok { color: #0b6e4f; background: #e6f4ee; }
    .flag.warn { color: #6e4a00; background: #fff4d6; }
    .flag.bad { color: #8b1a10; background: #fce8e6; }
    .context { color: var(--gi-muted); font-size: 0.9rem; }
    fieldset { margin: 0.4rem 0 0.2rem; padding: 0.4rem 0.75rem; }
    .choice { display: flex; gap: 0.4rem; align-items: baseline; margin: 0.2rem 0; }
    .dropped .name { text-decoration: line-through; }
    .head button { font-size: 0.85rem; padding: 0 0.5rem; border-color: var(--gi-border); color: var(--gi-muted); }
  `];

  /** The name and what became of it. */
  @property({ attribute: false }) name!: ScopeNameResult;
  /** Its place in the answer. */
  @property({ type: Number }) index = 0;
  /** Whether the official must decide it (not a certain match, and listed as a whole unit). */
  @property({ type: Boolean }) needed = false;
  /** The decision so far. */
  @property({ attribute: false }) resolution: Resolution | null = null;
  /** The answer's units by code, to name codes. */
  @property({ attribute: false }) units: ReadonlyMap<string, DivisionUnit> = new Map();
  /** The product's counties (the code list is limited to them). */
  @property({ attribute: false }) productCounties: readonly CountyCode[] = [];
  /** The error shown when it is still undecided at a save. */
  @property() error: string | undefined;

  private readonly i18n = new LocaleController(this);

  override render() {
    const n = this.name;
    const zh = ifDefined(freeTextLang());
    const tone = n.kind === 'matched' && !n.outsideTownship ? 'ok' : n.kind === 'renamed' || n.kind === 'misspelt' || n.kind === 'matched' ? 'warn' : 'bad';
    const dropped = this.resolution?.how === 'drop';
    return html`<div class=${dropped ? 'dropped' : ''}>
      <div class="head">
        <span class="name" lang=${zh}>${n.name}</span>
        <span class="flag ${tone}">${this.renderFlag()}</span>
        ${n.township ? html`<span class="context">${messageWith('scope.underTownship', 'township', zhText(n.township))}</span>` : nothing}
        ${!n.whole ? html`<span class="context">${t('scope.parentOnly')}</span>` : nothing}
        ${n.whole && !this.needed ? html`<button type="button" aria-pressed=${dropped ? 'true' : 'false'}
          @click=${() => this.resolve(dropped ? { how: 'use', code: 'code' in n ? n.code : '' } : { how: 'drop' })}>${
          dropped ? t('scope.undrop', { name: n.name }) : t('scope.dropOne', { name: n.name })}</button>` : nothing}
      </div>
      ${n.kind === 'other_county' ? html`<p class="context">${t('scope.otherCountyHint')}</p>` : nothing}
      ${n.kind === 'vanished' && n.namesakes.length ? html`<p class="context">${messageWith('scope.namesakes', 'names',
        zhText(n.namesakes.map((c) => unitLabel(c, this.units)).join('、')))}</p>` : nothing}
      ${this.needed ? this.renderChoices() : nothing}
    </div>`;
  }

  private renderFlag() {
    const m = flagMessage(this.name, this.units);
    return m.zhName !== undefined ? messageWith(m.key, 'name', zhText(m.zhName), m.vars) : t(m.key, m.vars);
  }

  private renderChoices() {
    const n = this.name;
    const id = `sn-${this.index}`;
    const r = this.resolution;
    const offered = offeredCodes(n);
    const suggested = n.kind === 'renamed' || n.kind === 'misspelt' || n.kind === 'matched';
    const radio = (value: string, label: unknown, checked: boolean, onPick: () => void) => html`<div class="choice">
      <input type="radio" id="${id}-${value}" name=${id} .checked=${checked} aria-invalid=${this.error ? 'true' : 'false'} @change=${onPick} />
      <label for="${id}-${value}">${label}</label></div>`;
    const named = (key: 'scope.accept' | 'scope.pickOne', code: string) => messageWith(key, 'name', zhText(unitLabel(code, this.units)));
    return html`<fieldset aria-describedby=${ifDefined(this.error ? `${id}-error` : undefined)}>
      <legend>${t('scope.how', { name: n.name })}</legend>
      ${offered.map((code, i) => radio(code, named(suggested && i === 0 ? 'scope.accept' : 'scope.pickOne', code),
        r?.how === 'use' && r.code === code, () => this.resolve({ how: 'use', code })))}
      ${radio('other', t('scope.other'), r?.how === 'other', () => this.resolve({ how: 'other', code: null }))}
      ${r?.how === 'other' ? html`<gi-division-picker .counties=${this.productCounties} level=${this.levelOf(n)} fieldId="${id}-div"
        label=${t('scope.otherSearch', { name: n.name })} .value=${r.code ? { code: r.code, name: unitLabel(r.code, this.units) } : null}
        .error=${this.error && !r.code ? t('scope.chooseOther') : undefined}
        @gi-division-pick=${this.pickedOther}></gi-division-picker>` : nothing}
      ${radio('drop', t('scope.drop'), r?.how === 'drop', () => this.resolve({ how: 'drop' }))}
      ${errorLine(id, this.error)}
    </fieldset>`;
  }

  /** The level a replacement is looked for at: the name's own (a township for a name of no known level). */
  private levelOf(n: ScopeNameResult): DivisionLevel {
    return 'level' in n ? n.level : 'township';
  }

  private pickedOther(event: CustomEvent<DivisionPickDetail>) {
    event.stopPropagation();
    this.resolve({ how: 'other', code: event.detail.unit.code }, event.detail.unit);
  }

  private resolve(resolution: Resolution | null, unit?: DivisionUnit) {
    this.dispatchEvent(new CustomEvent<ScopeResolveDetail & { unit?: DivisionUnit }>('gi-scope-resolve', {
      detail: { index: this.index, resolution, unit }, bubbles: true, composed: true,
    }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-scope-name': GiScopeName }
}
