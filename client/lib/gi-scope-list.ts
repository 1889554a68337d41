import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ScopeUnit } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { CountiesController, countyName } from './counties';
import { freeTextLang } from './free-text';
import { scopeCounts, scopeGroups, unnamedTownships, type TownshipGroup } from './scope-groups';
import { sharedStyles } from './shared-styles';
import { unitsByCode } from './units-by-code';

/**
 * A protected area as a list by township: each township's name, then "全镇" when it is listed whole or
 * the villages listed under it; grouped by county when the area spans several. Names stay Chinese, as
 * the codes have them (marked so on an English page).
 */
@customElement('gi-scope-list')
export class GiScopeList extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    .summary { margin: 0.25rem 0; color: var(--gi-muted); }
    h4 { font-size: 1rem; margin: 0.5rem 0 0.25rem; }
    ul { margin: 0.25rem 0; padding-left: 1.25rem; }
    li { margin: 0.15rem 0; overflow-wrap: anywhere; }
    .township { font-weight: 600; }
    .whole { color: #0b6e4f; }
  `];

  /** The area's units (townships first, each followed by its villages). */
  @property({ attribute: false }) units: readonly ScopeUnit[] = [];
  /** The accessible name of the list. */
  @property() label = '';

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  /** Names of townships the area lists only as the township of its villages. */
  private readonly townshipNames = new Task(this, {
    task: async ([units], { signal }) => {
      const codes = unnamedTownships(scopeGroups(units));
      if (codes.length === 0) return new Map<string, string>();
      const found = await unitsByCode(codes, signal);
      return new Map([...found].map(([code, u]) => [code, u.unit.name] as const));
    },
    args: () => [this.units] as const,
  });

  override render() {
    const groups = scopeGroups(this.units, this.townshipNames.value ?? new Map());
    const counts = scopeCounts(this.units);
    const several = groups.length > 1;
    return html`<p class="summary">${counts.villages
      ? t('area.summary', counts) : t('area.summaryWhole', counts)}</p>
      ${groups.map((c) => html`${several ? html`<h4>${this.countyName(c.countyCode)}</h4>` : nothing}
        <ul aria-label=${several ? `${this.label} · ${this.countyName(c.countyCode)}` : this.label}>
          ${c.townships.map((g) => this.renderTownship(g))}</ul>`)}`;
  }

  private renderTownship(g: TownshipGroup) {
    const zh = ifDefined(freeTextLang());
    const villages = g.villages.map((v) => v.name).join('、');
    return html`<li><span class="township" lang=${zh}>${g.name ?? g.code}</span>${t('area.colon')}${
      g.whole ? html`<span class="whole">${t('area.wholeTownship')}</span>` : nothing}${
      g.whole && villages ? t('area.also') : nothing}${villages ? html`<span lang=${zh}>${villages}</span>` : nothing}</li>`;
  }

  private countyName(code: string): string {
    return countyName(code);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-scope-list': GiScopeList }
}
