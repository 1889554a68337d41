import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { todayInShanghai, type ReturnLinkForm, type ReturnReceipt } from '../../db/model';
import { refusalOf, type FieldErrors } from '../admin/field-errors';
import type { ReturnSubmit } from '../admin/gi-usage-return-form';
import '../admin/gi-usage-return-form';
import { localName, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/product';
import '../i18n/returns';
import { showDate } from '../i18n/dates';
import { apiGet, ApiRequestError, apiSend } from '../lib/api';
import { setPageTitle } from '../lib/page-title';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';

/** What became of the link: still to fill, sent, or refused (used or expired, not found, too many tries). */
type Outcome = 'open' | 'sent' | 'gone' | 'notFound' | 'tooMany';

/** The outcome an API refusal means for the page (null: an error to show with a retry). */
function outcomeOf(error: unknown): Outcome | null {
  if (!(error instanceof ApiRequestError)) return null;
  return error.status === 410 ? 'gone' : error.status === 404 ? 'notFound' : error.status === 429 ? 'tooMany' : null;
}

/**
 * The page behind a return link (`/return/<token>`), for the company, on its phone and without an
 * account: its own name, the GI and the year the county asked about, and the return's form; sent once.
 * The token in the address is the only key: the page never names a user or a year to the server.
 */
@customElement('gi-return-page')
export class GiReturnPage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; max-width: 36rem; width: 100%; box-sizing: border-box; padding: 0.75rem 1rem 2rem; }
    h1 { font-size: 1.3rem; margin: 0.25rem 0 0.5rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0.75rem 0; padding: 0.75rem;
      border: 1px solid var(--gi-border); border-radius: 6px; background: var(--gi-surface); }
    dt { color: var(--gi-muted); }
    dd { margin: 0; overflow-wrap: anywhere; font-weight: 600; }
    .notice { border-left: 4px solid #b3261e; background: #fff8f7; padding: 0.5rem 0.75rem; }
    .box { border: 2px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; }
    .box.done { border-color: #0b6e4f; background: #e6f4ee; }
    .box strong { font-size: 1.1rem; }
  `];

  /** The path below /return: `/<token>`. */
  @property() rest = '/';

  @state() private outcome: Outcome = 'open';
  @state() private busy = false;
  @state() private errors: FieldErrors = {};
  @state() private failure = '';

  private readonly i18n = new LocaleController(this);
  private readonly form = new Task(this, {
    task: async ([token], { signal }) => {
      if (!/^\/[A-Za-z0-9_-]+\/?$/.test(token)) throw new ApiRequestError(404, 'not_found', 'return link not found');
      return apiGet<ReturnLinkForm>(`/api/return-links/${this.token()}`, signal);
    },
    args: () => [this.rest] as const,
  });

  override updated(): void {
    setPageTitle(t('return.title'));
  }

  override render() {
    return html`<h1>${t('return.title')}</h1>${this.form.render({
      initial: () => nothing,
      pending: () => html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`,
      error: (error) => (outcomeOf(error) ? this.renderOutcome(outcomeOf(error)!) : renderError(error, () => this.form.run())),
      complete: (f) => (this.outcome === 'open' ? this.renderForm(f) : this.renderOutcome(this.outcome)),
    })}`;
  }

  private renderForm(f: ReturnLinkForm) {
    const type = t(`giType.${f.giType}`) + (f.markKind ? t('product.paren', { x: t(`markKind.${f.markKind}`) }) : '');
    return html`
      <p>${t('return.intro', { year: f.year })}</p>
      <dl>
        <dt>${t('return.who')}</dt><dd>${f.userName}</dd>
        <dt>${t('return.gi')}</dt><dd>${localName({ nameZh: f.productZh, nameEn: f.productEn })} · ${type}</dd>
        <dt>${t('return.yearIs')}</dt><dd>${t('ret.year', { year: f.year })}</dd>
        <dt>${t('return.until')}</dt><dd>${showDate(todayInShanghai(new Date(f.expiresAt)))}</dd>
      </dl>
      ${f.returned ? html`<p class="notice" role="note">${t('return.returnedNote', { note: f.returned.note })}</p>` : nothing}
      <gi-usage-return-form idPrefix="return" .initial=${f.returned?.values ?? null} .errors=${this.errors} .failure=${this.failure}
        ?busy=${this.busy} submitLabel=${this.busy ? t('return.sending') : t('return.submit')} formLabel=${t('return.title')}
        @gi-return-submit=${this.submit}></gi-usage-return-form>`;
  }

  private renderOutcome(outcome: Outcome) {
    switch (outcome) {
      case 'sent': return html`<div class="box done" role="status" aria-live="polite"><p><strong>✓ ${t('return.done')}</strong></p>
        <p>${t('return.doneHint')}</p></div>`;
      case 'gone': return html`<div class="box" role="alert"><p><strong>${t('return.gone')}</strong></p><p>${t('return.goneHint')}</p></div>`;
      case 'tooMany': return html`<div class="box" role="alert"><p><strong>${t('return.tooMany')}</strong></p><p>${t('return.tooManyHint')}</p></div>`;
      default: return html`<div class="box" role="alert"><p><strong>${t('return.notFound')}</strong></p><p>${t('return.notFoundHint')}</p></div>`;
    }
  }

  /** The token in the address (the only key the page ever sends). */
  private token(): string {
    return this.rest.replace(/^\/|\/$/g, '');
  }

  private async submit(event: CustomEvent<ReturnSubmit>) {
    this.busy = true;
    this.failure = '';
    this.errors = {};
    try {
      await apiSend<ReturnReceipt>('POST', `/api/return-links/${this.token()}`, event.detail.body);
      this.outcome = 'sent';
    } catch (error) {
      const outcome = outcomeOf(error);
      if (outcome) this.outcome = outcome;
      else {
        const refusal = refusalOf(error);
        this.errors = refusal.errors ?? {};
        this.failure = refusal.failure;
      }
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-return-page': GiReturnPage }
}
