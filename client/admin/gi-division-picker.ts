import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CountyCode, DivisionLevel, DivisionUnit } from '../../db/model';
import { api } from '../lib/api';
import { LocaleController, t } from '../i18n';
import { freeTextLang } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { adminStyles } from './admin-styles';
import { errorLine } from './fields';
import { countyLabel, type DivisionChoice } from './location-draft';

/** Detail of `gi-division-pick`: the unit chosen, with the name to show for it. */
export interface DivisionPickDetail { unit: DivisionUnit; choice: DivisionChoice }

/** How long typing must pause before the list is asked for (ms). */
const TYPING_PAUSE = 250;

/**
 * The name a unit is shown by, in Chinese as the codes have it: a village with its township, and the county
 * when the product has several (沁水县龙港镇 has 柳庄社区居委会; another township may have a village of the same name).
 */
export function divisionChoiceName(unit: DivisionUnit, townships: ReadonlyMap<string, string>, withCounty: boolean): string {
  const within = [withCounty ? countyLabel(unit.countyCode) : null, unit.townshipCode ? townships.get(unit.townshipCode) : null]
    .filter((x): x is string => Boolean(x));
  return within.length ? `${unit.name}（${within.join('')}）` : unit.name;
}

/**
 * A searchable list of the township or village codes of the product's counties (GET /api/divisions):
 * the official types part of a name (or a code) and chooses one of the units found; reports
 * `gi-division-pick`. The units' names are Chinese and marked so on an English page.
 */
@customElement('gi-division-picker')
export class GiDivisionPicker extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .results { list-style: none; margin: 0.25rem 0; padding: 0; max-height: 14rem; overflow-y: auto; border: 1px solid var(--gi-border); border-radius: 4px; }
    .results li label { display: flex; gap: 0.4rem; align-items: baseline; padding: 0.3rem 0.5rem; cursor: pointer; }
    .results li + li { border-top: 1px solid var(--gi-border); }
    .results code { color: var(--gi-muted); font-size: 0.85rem; margin-left: auto; }
    .chosen { font-weight: 600; margin: 0.25rem 0; }
    fieldset.list { border: 0; padding: 0; margin: 0; }
  `];

  /** The product's counties (the list is limited to them). */
  @property({ attribute: false }) counties: readonly CountyCode[] = [];
  /** Which level to list. */
  @property() level: DivisionLevel = 'village';
  /** The unit chosen so far. */
  @property({ attribute: false }) value: DivisionChoice | null = null;
  /** The id of the search field (its error and hint ids derive from it). */
  @property() fieldId = 'division';
  /** The search field's label. */
  @property() label = '';
  /** The error shown beside the field. */
  @property() error: string | undefined;

  @state() private typed = '';

  private readonly i18n = new LocaleController(this);
  /** The townships of the counties, to name a village's township. */
  private readonly townships = new Task(this, {
    task: async ([counties]: readonly [readonly CountyCode[]], { signal }) => {
      const lists = await Promise.all(counties.map((county) => api.divisions({ county, level: 'township' }, signal)));
      return new Map(lists.flatMap((l) => l.units.map((u) => [u.code, u.name] as const)));
    },
    args: () => [this.counties] as const,
  });
  private readonly found = new Task(this, {
    task: async ([q, level, counties]: readonly [string, DivisionLevel, readonly CountyCode[]], { signal }) => {
      if (q === '') return null;
      await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE));
      signal.throwIfAborted();
      const lists = await Promise.all(counties.map((county) => api.divisions({ county, q, level }, signal)));
      return { units: lists.flatMap((l) => l.units), truncated: lists.some((l) => l.truncated) };
    },
    args: () => [this.typed.trim(), this.level, this.counties] as const,
  });

  override render() {
    const id = this.fieldId;
    const described = [`${id}-hint`, this.value ? `${id}-chosen` : '', this.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${this.label}<span class="req" aria-hidden="true"> *</span></label>
      <p class="hint" id="${id}-hint">${t('div.hint')}</p>
      <input id=${id} type="search" autocomplete="off" spellcheck="false" maxlength="100" .value=${this.typed}
        aria-required="true" aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${described}
        @input=${(e: Event) => { this.typed = (e.target as HTMLInputElement).value; }} />
      ${this.value ? html`<p class="chosen" id="${id}-chosen">${t('div.chosen')}<span lang=${ifDefined(freeTextLang())}>${this.value.name || this.value.code}</span></p>` : nothing}
      ${errorLine(id, this.error)}
      ${this.found.render({
        initial: () => nothing,
        pending: () => html`<p class="state" role="status">${t('div.searching')}</p>`,
        error: (e) => renderError(e, () => this.found.run()),
        complete: (r) => (r ? this.renderResults(r.units, r.truncated) : nothing),
      })}
    </div>`;
  }

  private renderResults(units: DivisionUnit[], truncated: boolean) {
    const q = this.typed.trim();
    const level = t(`div.level.${this.level}`);
    if (units.length === 0) return html`<p class="state" role="status">${t('div.none', { q, level })}</p>`;
    const townships = this.townships.value ?? new Map<string, string>();
    const many = this.counties.length > 1;
    return html`<fieldset class="list"><legend class="visually-hidden">${t('div.results', { q, level })}</legend>
      <ul class="results">${units.map((u) => {
        const name = divisionChoiceName(u, townships, many);
        return html`<li><label><input type="radio" name="${this.fieldId}-unit" .checked=${this.value?.code === u.code}
          @change=${() => this.pick(u, name)} /><span lang=${ifDefined(freeTextLang())}>${name}</span>
          <code>${u.code}</code></label></li>`;
      })}</ul>
      ${truncated ? html`<p class="hint" role="status">${t('div.more', { n: units.length })}</p>` : nothing}
    </fieldset>`;
  }

  private pick(unit: DivisionUnit, name: string) {
    this.dispatchEvent(new CustomEvent<DivisionPickDetail>('gi-division-pick', {
      detail: { unit, choice: { code: unit.code, name } }, bubbles: true, composed: true,
    }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-division-picker': GiDivisionPicker }
}
