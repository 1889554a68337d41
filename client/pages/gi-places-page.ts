import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { PlaceLookupQuery, type PlaceLookupAnswer, type PlaceLookupUnit } from '../../db/model';
import { ApiRequestError, api, toQuery } from '../lib/api';
import { localName, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/marks';
import '../i18n/places';
import '../i18n/product';
import { messageWith, zhText } from '../lib/free-text';
import { setPageTitle } from '../lib/page-title';
import { LocationController, navigate } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { searchPageStyles, searchQueryOf, type GiSearchForm } from '../lib/gi-search-form';
import '../lib/gi-search-form';
import './gi-place-areas';

/**
 * The public lookup "is my village in a protected area?" (/places), phone first: one field (a village or
 * township name, part of it, or its code), and for each unit found the GIs whose protected areas include
 * it, or a plain "not in any registered GI protected area"; with a short note of what the registry knows.
 * The query lives in the address (`?q=`), so a link reproduces the answer.
 */
@customElement('gi-places-page')
export class GiPlacesPage extends LitElement {
  static override styles = [sharedStyles, searchPageStyles, css`
    :host { max-width: 44rem; }
    .honest, .hint { color: var(--gi-muted); margin: 0 0 1rem; }
    .honest { font-size: 0.9rem; margin: 0.75rem 0 0; }
    .where { margin: 0 0 0.5rem; color: var(--gi-muted); overflow-wrap: anywhere; }
  `];

  @state() private q = searchQueryOf(location.search);
  @state() private typed = this.q;
  @state() private inputError = '';
  @query('gi-search-form') private form!: GiSearchForm;

  private readonly i18n = new LocaleController(this);
  private readonly navigation = new LocationController(this, () => this.onLocation());
  private readonly onLocation = () => {
    this.q = searchQueryOf(location.search);
    this.typed = this.q;
  };

  private readonly result = new Task(this, {
    task: async ([q]: readonly [string], { signal }): Promise<PlaceLookupAnswer | null> => {
      if (!q || !PlaceLookupQuery.safeParse({ q }).success) return null;
      return api.placesLookup(q, signal);
    },
    args: () => [this.q] as const,
  });

  override updated(): void {
    setPageTitle(t('places.title'));
  }

  override render() {
    const error = this.inputError;
    return html`
      <h1>${t('places.heading')}</h1>
      <p class="intro">${t('places.intro')}</p>
      <gi-search-form fieldId="places-q" .label=${t('places.label')} .submitLabel=${t('places.submit')} .value=${this.typed}
        .error=${error} @gi-search-input=${this.onInput} @gi-search-submit=${this.submit}></gi-search-form>
      <p class="honest">${t('places.honest')}</p>
      ${this.result.render({
        initial: () => nothing,
        pending: () => html`<p class="busy" role="status" aria-live="polite">${t('places.searching')}</p>`,
        error: (e) => this.renderFailure(e),
        complete: (r) => (r ? this.renderAnswer(r) : nothing),
      })}`;
  }

  private renderFailure(error: unknown) {
    if (error instanceof ApiRequestError && error.status === 429) {
      return html`<div class="none" role="alert"><p><strong>${t('verify.tooMany')}</strong></p><p>${t('verify.tooManyHint')}</p></div>`;
    }
    return renderError(error, () => this.result.run());
  }

  private renderAnswer(r: PlaceLookupAnswer) {
    if (r.units.length === 0) {
      return html`<div class="none" role="status" aria-live="polite">
        <p><strong>${messageWith('places.noUnit', 'q', zhText(r.query))}</strong></p><p>${t('places.noUnitHint')}</p></div>`;
    }
    return html`<p class="summary" role="status" aria-live="polite">${t('places.found', { n: r.units.length })}</p>
      ${r.truncated ? html`<p class="hint">${t('places.truncated', { n: r.units.length })}</p>` : nothing}
      ${r.units.map((u) => this.renderUnit(u))}`;
  }

  private renderUnit(u: PlaceLookupUnit) {
    const id = `unit-${u.unit.code}`;
    const county = localName({ nameZh: u.countyNameZh, nameEn: u.countyNameEn });
    return html`<article aria-labelledby=${id}>
      <h2 id=${id}>${zhText(u.unit.name)}</h2>
      <p class="where">${t(`places.level.${u.unit.level}`)} · ${u.townshipName ? html`${zhText(u.townshipName)} · ` : nothing}${county}
        · ${t('places.code', { code: u.unit.code })}</p>
      <gi-place-areas .areas=${u.areas}></gi-place-areas>
    </article>`;
  }

  private onInput(event: CustomEvent<string>) {
    this.typed = event.detail;
    this.inputError = '';
  }

  private submit(event: CustomEvent<string>) {
    const q = event.detail;
    if (!PlaceLookupQuery.safeParse({ q }).success) {
      this.inputError = t('places.empty');
      this.form.focusField();
      return;
    }
    this.inputError = '';
    if (q === this.q) this.result.run();
    else navigate(`/places${toQuery({ q })}`);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-places-page': GiPlacesPage }
}
