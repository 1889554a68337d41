import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { VerifyQuery, type VerifyGrant, type VerifyRegistry, type VerifyResult } from '../../db/model';
import { apiGet, ApiRequestError, toQuery } from '../lib/api';
import { localName, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/marks';
import '../i18n/product';
import '../i18n/verify-act';
import { CountiesController, countyName } from '../lib/counties';
import { showDate } from '../i18n/dates';
import { decisionStyles, renderDecision } from '../lib/decision-view';
import { renderVerdict, verdictStyles } from '../lib/mark-verdict';
import { setPageTitle } from '../lib/page-title';
import { LocationController, navigate, withLang } from '../lib/router';
import { markChinese } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { searchPageStyles, searchQueryOf, type GiSearchForm } from '../lib/gi-search-form';
import '../lib/gi-search-form';
import './gi-fake-report';
import './gi-genuine-label';

/**
 * The public verification page (/verify), for buyers and market inspectors, phone first: one field
 * (a company's name, part of it, or its credit code), and an answer that says what it is worth: a
 * credit code with a wrong check character is said to be wrong (nothing was looked up); "not found"
 * names how many users of how many GIs the registry holds and since when; an empty registry says that
 * absence proves nothing. Each matching company's GIs say plainly whether it may use the mark today, a
 * suspension or revocation with its decision while that is shown, and what a genuine label shows; after
 * a "not found" or "may not use", a helper writes a report to copy (what the buyer types stays here).
 * The query lives in the address (`?q=`), so a link reproduces the answer.
 */
@customElement('gi-verify-page')
export class GiVerifyPage extends LitElement {
  static override styles = [sharedStyles, verdictStyles, decisionStyles, searchPageStyles, css`
    :host { max-width: 40rem; }
    .none { border-color: #8b1a10; background: #fce8e6; }
    .none strong { color: #8b1a10; font-size: 1.15rem; }
    .unknown { border-color: #8a5a00; background: #fdf3e1; }
    .unknown strong { color: #6b4400; font-size: 1.15rem; }
    .registry { margin: 0.75rem 0 0; color: var(--gi-muted); font-size: 0.95rem; }
    .registry small { display: block; }
    .code { margin: 0 0 0.5rem; color: var(--gi-muted); font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
    ul { list-style: none; padding: 0; margin: 0; }
    li.grant { border-top: 1px solid var(--gi-border); padding: 0.6rem 0 0.2rem; }
    li.grant:first-child { border-top: 0; padding-top: 0.2rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; margin: 0.5rem 0 0; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
  `];

  @state() private q = searchQueryOf(location.search);
  @state() private typed = this.q;
  @state() private inputError = '';
  @query('gi-search-form') private form!: GiSearchForm;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly navigation = new LocationController(this, () => this.onLocation());
  private readonly onLocation = () => {
    this.q = searchQueryOf(location.search);
    this.typed = this.q;
  };

  private readonly result = new Task(this, {
    task: async ([q]: readonly [string], { signal }): Promise<VerifyResult | null> => {
      if (!q || !VerifyQuery.safeParse({ q }).success) return null;
      return apiGet<VerifyResult>(`/api/verify${toQuery({ q })}`, signal);
    },
    args: () => [this.q] as const,
  });

  override updated(): void {
    setPageTitle(t('verify.title'));
  }

  override render() {
    const tooShort = this.q !== '' && !VerifyQuery.safeParse({ q: this.q }).success;
    const error = this.inputError || (tooShort ? t('verify.tooShort') : '');
    return html`
      <h1>${t('verify.title')}</h1>
      <p class="intro">${t('verify.intro')}</p>
      <gi-search-form fieldId="verify-q" .label=${t('verify.label')} .submitLabel=${t('verify.submit')} .value=${this.typed}
        .error=${error} @gi-search-input=${this.onInput} @gi-search-submit=${this.submit}></gi-search-form>
      ${this.result.render({
        initial: () => nothing,
        pending: () => html`<p class="busy" role="status" aria-live="polite">${t('verify.searching')}</p>`,
        error: (e) => this.renderFailure(e),
        complete: (r) => (r ? this.renderResult(r) : nothing),
      })}`;
  }

  private renderFailure(error: unknown) {
    if (error instanceof ApiRequestError && error.status === 429) {
      return html`<div class="none" role="alert"><p><strong>${t('verify.tooMany')}</strong></p><p>${t('verify.tooManyHint')}</p></div>`;
    }
    return renderError(error, () => this.result.run());
  }

  private renderResult(r: VerifyResult) {
    switch (r.kind) {
      case 'invalid_code':
        return html`<div class="none unknown" role="alert">
          <p><strong>${t('answer.invalidCode')}</strong></p><p>${t('answer.invalidCodeHint')}</p></div>`;
      case 'empty_registry':
        return html`<div class="none unknown" role="status" aria-live="polite">
          <p><strong>${t('answer.empty')}</strong></p><p>${t('answer.emptyHint')}</p></div>`;
      case 'not_found':
        return html`<div class="none" role="status" aria-live="polite">
          <p><strong>${t('answer.notFound', { ...sizeOf(r.registry), date: r.registry.lastChangedOn ?? r.asOf })}</strong></p><p>${t('answer.notFoundHint')}</p></div>
          ${this.renderRegistry(r.registry)}
          <gi-fake-report fieldId="fake" .company=${r.q} .checkedOn=${r.asOf}></gi-fake-report>`;
      case 'found':
        return html`<p class="summary" role="status" aria-live="polite">${t('verify.found', { n: r.matches.length, date: showDate(r.asOf) })}</p>
          ${this.renderRegistry(r.registry)}
          ${r.matches.map((m, i) => {
            const mayUse = m.grants.some((g) => g.valid);
            return html`<article aria-labelledby="match-${i}">
              <h2 id="match-${i}" lang="zh-CN">${m.name}</h2>
              <p class="code">${t('verify.creditCode', { code: m.creditCode ?? t('verify.noCode') })}</p>
              <ul>${m.grants.map((g) => this.renderGrant(g, m.name, m.creditCode))}</ul>
              ${mayUse ? nothing : html`<gi-fake-report fieldId="fake-${i}" .company=${m.creditCode ? `${m.name} ${m.creditCode}` : m.name}
                .checkedOn=${r.asOf} .grants=${m.grants}></gi-fake-report>`}
            </article>`;
          })}`;
    }
  }

  /** "本登记簿收录 N 家用标企业（M 件地理标志），最近更新 YYYY-MM-DD", with what the date means. */
  private renderRegistry(registry: VerifyRegistry) {
    if (registry.users === 0 || registry.lastChangedOn === null) return html`<p class="registry">${t('registry.empty')}</p>`;
    return html`<p class="registry">${t('registry.size', { ...sizeOf(registry), date: registry.lastChangedOn })}
      <small>${t('registry.dateMeans')}</small></p>`;
  }

  private renderGrant(g: VerifyGrant, name: string, creditCode: string | null) {
    const product = localName({ nameZh: g.productZh, nameEn: g.productEn });
    const type = t(`giType.${g.giType}`) + (g.markKind ? t('product.paren', { x: t(`markKind.${g.markKind}`) }) : '');
    const counties = g.counties.map(countyName);
    return html`<li class="grant">
      ${renderVerdict(g.reason, true)}
      ${g.decision ? renderDecision(g.decision) : nothing}
      <dl>
        <dt>${t('verify.gi')}</dt>
        <dd><a href=${withLang(`/products/${g.productId}`)} aria-label=${t('verify.product', { name: product })}>${product}</a> · ${type}</dd>
        ${counties.length ? html`<dt>${t('verify.counties')}</dt><dd>${counties.join(t('product.separator'))}</dd>` : nothing}
        <dt>${t('verify.number')}</dt><dd>${markChinese(g.number ?? '—')}</dd>
        <dt>${t('verify.since')}</dt><dd>${showDate(g.from)}</dd>
        <dt>${t('verify.until')}</dt><dd>${g.until ? showDate(g.until) : t('verify.openEnded')}</dd>
        <dt>${t('verify.basis')}</dt><dd>${t(`basis.${g.basis}`)}</dd>
        ${g.reference ? html`<dt>${t('verify.reference')}</dt><dd>${markChinese(g.reference)}</dd>` : nothing}
      </dl>
      ${g.valid ? html`<gi-genuine-label .grant=${g} .name=${name} .creditCode=${creditCode}></gi-genuine-label>` : nothing}
    </li>`;
  }

  private onInput(event: CustomEvent<string>) {
    this.typed = event.detail;
    this.inputError = '';
  }

  private submit(event: CustomEvent<string>) {
    const q = event.detail;
    if (!VerifyQuery.safeParse({ q }).success) {
      this.inputError = t('verify.tooShort');
      this.form.focusField();
      return;
    }
    this.inputError = '';
    // The same query again asks again (a status may have changed since); a new one goes into the address.
    if (q === this.q) this.result.run();
    else navigate(`/verify${toQuery({ q })}`);
  }
}

/** The registry's counts as the sentences fill them. */
const sizeOf = (r: VerifyRegistry) => ({ users: r.users, designations: r.designations });

declare global {
  interface HTMLElementTagNameMap { 'gi-verify-page': GiVerifyPage }
}
