import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  ABSENT_VERSION, returnYears, todayInShanghai, usageReturnsAnchor, type AuthorizedUser, type OpenReturnLink, type ReturnLinkIssued, type UsageReturn,
} from '../../db/model';
import { LocaleController, t } from '../i18n';
import { showDate } from '../i18n/dates';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { selectField, textField } from './fields';
import { FormSender } from './form-sender';
import { usageReturnApi } from './usage-return-api';
import type { ReturnSubmit } from './gi-usage-return-form';
import './gi-usage-return-form';

/** A figure as shown ('—' when not given). */
const figure = (n: number | null) => (n === null ? '—' : n.toLocaleString());

/**
 * One authorised user's yearly usage returns in the workspace: each year's return with where it stands
 * and how it came, accept / return for a company's submitted one, a form to enter a year's return
 * (accepted at once), and a link to issue to the company (its address shown once, with a copy button
 * and a QR code). Says `gi-product-changed` after each change, so the product (and its history) reloads.
 */
@customElement('gi-usage-returns')
export class GiUsageReturns extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; margin: 0.25rem 0 0.5rem; padding-left: 0.75rem; border-left: 3px solid var(--gi-border); }
    h5 { margin: 0.25rem 0; font-size: 0.95rem; }
    ul { list-style: none; padding: 0; margin: 0 0 0.25rem; }
    li { padding: 0.25rem 0; }
    .status { font-weight: 600; }
    .status.submitted { color: #6e4a00; }
    .status.returned { color: #8b1a10; }
    .status.accepted { color: #0b6e4f; }
    .muted { color: var(--gi-muted); }
    summary { cursor: pointer; color: var(--gi-accent); margin: 0.25rem 0; }
    .link input { width: 100%; font-family: monospace; }
    .qr { width: 10rem; height: 10rem; display: block; margin: 0.5rem 0; }
  `];

  /** The user whose returns these are. */
  @property({ attribute: false }) user!: AuthorizedUser;
  /** Its returns, newest year first. */
  @property({ attribute: false }) returns: UsageReturn[] = [];
  /** Its open links. */
  @property({ attribute: false }) links: OpenReturnLink[] = [];

  @state() private entering = false;
  @state() private issuing = false;
  @state() private issued: ReturnLinkIssued | null = null;
  @state() private linkYear = '';
  @state() private linkDays = '30';
  @state() private copied = false;
  @state() private returning: number | null = null;
  @state() private returnNote = '';
  @state() private saved = '';
  /** The version of each year's return when the entry form was opened (or last saved): what an entry is based on. */
  private entryBase = new Map<number, string>();

  private readonly i18n = new LocaleController(this);
  private readonly enterForm = new FormSender(this);
  private readonly linkForm = new FormSender(this);
  private readonly reviewForm = new FormSender(this);

  /** Opened from a link to these returns (the to-do list's `#usage-returns-<id>`, returns missing): brought into view, the heading focused. */
  override firstUpdated() {
    if (location.hash !== `#${usageReturnsAnchor(this.user.id)}`) return;
    const heading = this.renderRoot.querySelector<HTMLElement>('h5');
    heading?.scrollIntoView({ block: 'center' });
    heading?.focus({ preventScroll: true });
  }

  override render() {
    const u = this.user;
    const headingId = `ret-h-${u.id}`;
    return html`<section id=${usageReturnsAnchor(u.id)} aria-labelledby=${headingId}>
      <h5 id=${headingId} tabindex="-1">${t('ret.heading')}</h5>
      ${this.returns.length === 0 ? html`<p class="muted">${t('ret.none')}</p>` : html`<ul aria-label=${t('ret.listOf', { name: u.name })}>
        ${this.returns.map((r) => this.renderReturn(r))}</ul>`}
      ${this.reviewForm.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.reviewForm.failure}</p>` : nothing}
      ${this.reviewForm.renderStale({ reload: () => this.changed(''), keeps: this.returning !== null, changes: this.staleChanges(this.reviewForm) })}
      ${this.links.map((l) => html`<p class="muted">${t('ret.openLink', { year: l.year, date: showDate(todayInShanghai(new Date(l.expiresAt))) })}</p>`)}
      ${this.saved ? html`<p class="saved" role="status">✓ ${this.saved}</p>` : nothing}
      <details @toggle=${this.toggleEntry}>
        <summary aria-label=${t('ret.enterOf', { name: u.name })}>${t('ret.enter')}</summary>
        ${this.enterForm.renderStale({ reload: () => this.reloadEntry(), keeps: true, changes: this.staleChanges(this.enterForm) })}
        ${this.entering ? html`<gi-usage-return-form idPrefix=${`ret-${u.id}`} .years=${returnYears(u, todayInShanghai())}
          .errors=${this.enterForm.errors} .failure=${this.enterForm.failure} ?busy=${this.enterForm.busy}
          submitLabel=${t('ret.save')} formLabel=${t('ret.enterOf', { name: u.name })} @gi-return-submit=${this.enter}></gi-usage-return-form>` : nothing}
      </details>
      <details @toggle=${(e: Event) => { this.issuing = (e.target as HTMLDetailsElement).open; }}>
        <summary aria-label=${t('ret.issueOf', { name: u.name })}>${t('ret.issue')}</summary>
        ${this.issuing ? this.renderIssue() : nothing}
      </details>
    </section>`;
  }

  private renderReturn(r: UsageReturn) {
    const name = this.user.name;
    return html`<li>
      <strong>${t('ret.year', { year: r.year })}</strong>
      <span class="status ${r.status}">${t(`ret.status.${r.status}`)}</span>
      <span class="muted">· ${t(`ret.via.${r.via}`)}</span>
      <div>${t('ret.figures', { marked: figure(r.markedTonnes), output: figure(r.outputTonnes), marks: figure(r.marksPrinted) })}</div>
      ${r.channels.length ? html`<div>${t('ret.channelsAre', { channels: r.channels.join('、') })}</div>` : nothing}
      ${r.note ? html`<div class="muted">${r.note}</div>` : nothing}
      ${r.status === 'returned' && r.reviewNote ? html`<div>${t('ret.reviewNoteIs', { note: r.reviewNote })}</div>` : nothing}
      ${r.status === 'submitted' ? html`<div class="actions">
        <button type="button" class="primary" ?disabled=${this.reviewForm.busy} aria-label=${t('ret.acceptOf', { name, year: r.year })}
          @click=${() => this.review(r, 'accept')}>${t('ret.accept')}</button>
        <button type="button" class="danger" ?disabled=${this.reviewForm.busy} aria-label=${t('ret.returnOf', { name, year: r.year })}
          @click=${() => { this.returning = r.id; this.returnNote = ''; }}>${t('ret.return')}</button>
      </div>` : nothing}
      ${this.returning === r.id ? html`<form novalidate aria-label=${t('ret.returnOf', { name, year: r.year })} @submit=${(e: Event) => { e.preventDefault(); void this.review(r, 'return'); }}>
        ${textField({ id: `ret-note-${r.id}`, label: t('ret.returnNote'), value: this.returnNote, required: true, multiline: true,
          error: this.reviewForm.errors.note, onInput: (v) => { this.returnNote = v; } })}
        <div class="actions"><button type="submit" class="danger" ?disabled=${this.reviewForm.busy}>${t('ret.returnSubmit')}</button></div>
      </form>` : nothing}
    </li>`;
  }

  private renderIssue() {
    const u = this.user;
    const taken = new Set(this.returns.filter((r) => r.status !== 'returned').map((r) => r.year));
    const years = returnYears(u, todayInShanghai()).filter((y) => !taken.has(y));
    const year = years.includes(Number(this.linkYear)) ? this.linkYear : String(years[0] ?? '');
    const e = this.linkForm.errors;
    return html`<form novalidate aria-label=${t('ret.issueOf', { name: u.name })} @submit=${(ev: Event) => { ev.preventDefault(); void this.issue(Number(year)); }}>
      ${this.linkForm.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.linkForm.failure}</p>` : nothing}
      <div class="row">
        ${selectField({ id: `ret-link-year-${u.id}`, label: t('ret.field.year'), value: year, required: true, error: e.year,
          choices: years.map((y) => ({ value: String(y), label: t('ret.year', { year: y }) })), onInput: (v) => { this.linkYear = v; } })}
        ${textField({ id: `ret-link-days-${u.id}`, label: t('ret.days'), value: this.linkDays, inputmode: 'numeric', error: e.days,
          onInput: (v) => { this.linkDays = v; } })}
      </div>
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.linkForm.busy || years.length === 0}>${t('ret.issueSubmit')}</button></div>
    </form>
    ${this.issued ? this.renderIssued(this.issued) : nothing}`;
  }

  private renderIssued(link: ReturnLinkIssued) {
    const id = `ret-url-${this.user.id}`;
    return html`<div class="link" role="status">
      <p>${t('ret.linkReady')}</p>
      <div class="field"><label for=${id}>${t('ret.linkLabel', { year: link.year })}</label>
        <input id=${id} type="text" readonly .value=${link.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></div>
      <div class="actions"><button type="button" @click=${() => this.copy(link.url)}>${t('ret.copy')}</button>
        ${this.copied ? html`<span class="saved">✓ ${t('ret.copied')}</span>` : nothing}</div>
      <img class="qr" alt=${t('ret.qr')} src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} />
    </div>`;
  }

  private toggleEntry(event: Event) {
    this.entering = (event.target as HTMLDetailsElement).open;
    if (this.entering) this.entryBase = new Map(this.returns.map((r) => [r.year, r.version ?? ABSENT_VERSION]));
  }

  private async enter(event: CustomEvent<ReturnSubmit>) {
    this.enterForm.errors = {};
    const { year, body } = event.detail;
    const version = this.entryBase.get(year!) ?? this.returns.find((r) => r.year === year)?.version ?? ABSENT_VERSION;
    const ok = await this.enterForm.send(async () => {
      const kept = await usageReturnApi.enter(this.user.id, year!, body, version);
      this.entryBase.set(kept.year, kept.version ?? ABSENT_VERSION);
    });
    if (ok) this.changed(t('ret.saved'));
  }

  /** After a 412 on an entry: the year's return as it is now becomes what the entry is based on; the form keeps what was typed. */
  private reloadEntry() {
    const now = this.enterForm.stale?.current as UsageReturn | null | undefined;
    if (now) this.entryBase.set(now.year, now.version ?? ABSENT_VERSION);
    this.changed('');
  }

  /** After a 412: the return as it is now, in a line. */
  private staleChanges(form: FormSender) {
    const now = form.stale?.current as UsageReturn | null | undefined;
    if (!now) return [];
    return [{
      label: `${t('ret.year', { year: now.year })} · ${t(`ret.status.${now.status}`)}`,
      value: t('ret.figures', { marked: figure(now.markedTonnes), output: figure(now.outputTonnes), marks: figure(now.marksPrinted) }),
    }];
  }

  private async issue(year: number) {
    this.linkForm.errors = {};
    this.issued = null;
    this.copied = false;
    const days = Number(this.linkDays.trim() || 30);
    await this.linkForm.send(async () => { this.issued = await usageReturnApi.issueLink(this.user.id, { year, days }); });
    if (this.issued) this.changed('');
  }

  private async review(r: UsageReturn, decision: 'accept' | 'return') {
    this.reviewForm.errors = {};
    const ok = await this.reviewForm.send(async () => {
      await usageReturnApi.review(r.id, { decision, note: decision === 'return' ? this.returnNote : '' }, r.version);
    });
    if (!ok) return;
    this.returning = null;
    this.changed(t('ret.reviewed'));
  }

  private async copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      this.copied = true;
    } catch {
      // No clipboard (an insecure origin, or refused): the address stays selected in its field to copy by hand.
      this.renderRoot.querySelector<HTMLInputElement>(`#ret-url-${this.user.id}`)?.select();
    }
  }

  private changed(saved: string) {
    this.saved = saved;
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-usage-returns': GiUsageReturns }
}
