import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Location } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { messageWith, zhText } from '../lib/free-text';
import { countyPlaceName, locationWords, shownLabel, unitName } from '../lib/location-label';
import { sharedStyles } from '../lib/shared-styles';
import { unitsByCode } from '../lib/units-by-code';

/**
 * A product's locations in words, each at the precision it is known: coordinates only for an exact spot
 * ("精确位置：35.828748, 112.31727"), otherwise the place it is known to ("仅知乡镇：龙港镇", "仅知县：沁水县"),
 * so a point placed somewhere in a township is never read as the spot; the official's note after it.
 */
@customElement('gi-product-locations')
export class GiProductLocations extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    ul { margin: 0; padding-left: 1.1rem; }
    li { overflow-wrap: anywhere; }
    .note { color: var(--gi-muted); }
  `];

  /** The product's locations. */
  @property({ attribute: false }) locations: readonly Location[] = [];

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  /** The names of the villages and townships the locations name by code. */
  private readonly names = new Task(this, {
    task: async ([locations], { signal }) => {
      const codes = locations.flatMap((l) => (l.divisionCode ? [l.divisionCode] : []));
      return codes.length ? unitsByCode(codes, signal) : new Map();
    },
    args: () => [this.locations] as const,
  });

  override render() {
    if (this.locations.length === 0) return html`${t('product.notRecorded')}`;
    return html`<ul>${this.locations.map((l) => html`<li>${this.renderLocation(l)}</li>`)}</ul>`;
  }

  private renderLocation(l: Location) {
    const label = shownLabel(l);
    if (l.precision === 'county') {
      const county = countyPlaceName(l);
      return html`${locationWords(l, county ?? label.text)}`;
    }
    const named = l.divisionCode ? this.names.value?.get(l.divisionCode) : undefined;
    // The official's note, unless it only repeats the unit's name.
    const note = label.text && label.text !== named?.unit.name
      ? html`<span class="note">${messageWith('product.paren', 'x', html`<span lang=${label.lang ?? nothing}>${label.text}</span>`)}</span>` : nothing;
    if (l.precision === 'exact') return html`${locationWords(l, '')}${note}`;
    // The unit's name is Chinese as the codes have it: marked so on an English page.
    const [before, after = ''] = locationWords(l, '\u0000').split('\u0000');
    return html`${before}${named ? zhText(unitName(named)) : (l.divisionCode ?? t('locw.unnamed'))}${after}${note}`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-locations': GiProductLocations }
}
