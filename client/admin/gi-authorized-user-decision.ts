import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { decisionShown, DISPLAY_WINDOWS, todayInShanghai, type AuthorizedUser } from '../../db/model';
import { LocaleController, t, type MessageKey } from '../i18n';
import { showDate } from '../i18n/dates';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { authorizedUserApi } from './authorized-user-api';
import { checkDecisionChange, DECISION_FIELDS, draftOfDecision, type DecisionDraft } from './authorized-user-decision-draft';
import type { FieldErrors } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';

/**
 * The decision behind a suspension or revocation, in the workspace's authorised-user row: its reason,
 * number (决定书文号), day and display window (3 months or 3 years), and its withdrawal; saying whether
 * the public sees it now and until when. Shown for a suspended or revoked user, or one that has a decision.
 */
@customElement('gi-authorized-user-decision')
export class GiAuthorizedUserDecision extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; }
    fieldset { margin: 0.4rem 0; }
    .status { margin: 0 0 0.5rem; color: var(--gi-muted); }
    .saved { color: #0b5a26; }
  `];

  /** The user whose decision is edited. */
  @property({ attribute: false }) user!: AuthorizedUser;

  @state() private draft: DecisionDraft = { decisionReason: '', decisionNumber: '', decisionOn: '', displayWindow: '', decisionWithdrawnOn: '' };
  @state() private saved = false;
  /** The user the decision's changes are measured against and based on: as shown, or as it was after someone else's change. */
  @state() private base!: AuthorizedUser;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('user')) {
      this.base = this.user;
      this.draft = draftOfDecision(this.user);
      this.form.load(this.user.version, this.draft);
      this.form.errors = {};
    }
  }

  override render() {
    const u = this.user;
    if (u.status === 'active' && u.decisionOn === null) return nothing;
    const id = (k: string) => `aud-${u.id}-${k}`;
    const e = this.form.errors;
    const d = this.draft;
    const set = (patch: Partial<DecisionDraft>) => { this.draft = { ...this.draft, ...patch }; this.saved = false; };
    return html`<form novalidate @submit=${this.submit} aria-label=${t('aud.form', { name: u.name })}>
      <fieldset>
        <legend>${t('aud.heading')}</legend>
        <p class="status">${this.statusLine()}</p>
        ${this.form.failure && !placedHere(e)
          // A refusal placed beside its fields says it there, in the page's language; only another one is said here.
          ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
        ${this.form.renderStale({
          draftOf: draftOfDecision, draft: this.draft,
          apply: (draft) => { this.base = this.form.stale!.current as AuthorizedUser; this.draft = draft; this.saved = false; },
          label: (k) => (LABELS[k] ? t(LABELS[k]) : null),
          show: (k, v) => (k === 'displayWindow' && v ? t(`aud.window.${v as Exclude<DecisionDraft['displayWindow'], ''>}`) : typeof v === 'string' ? v : null),
        })}
        <div class="row">
          ${textField({ id: id('number'), label: t('aud.number'), value: d.decisionNumber, error: e.decisionNumber, onInput: (v) => set({ decisionNumber: v }) })}
          ${textField({ id: id('on'), label: t('aud.on'), type: 'date', value: d.decisionOn, error: e.decisionOn, onInput: (v) => set({ decisionOn: v }) })}
        </div>
        ${textField({ id: id('reason'), label: t('aud.reason'), value: d.decisionReason, error: e.decisionReason, onInput: (v) => set({ decisionReason: v }) })}
        <div class="row">
          ${selectField({ id: id('window'), label: t('aud.window'), value: d.displayWindow, error: e.displayWindow, placeholder: '—',
            choices: DISPLAY_WINDOWS.map((w) => ({ value: w, label: t(`aud.window.${w}`) })), onInput: (v) => set({ displayWindow: v as DecisionDraft['displayWindow'] }) })}
          ${textField({ id: id('withdrawn'), label: t('aud.withdrawnOn'), type: 'date', value: d.decisionWithdrawnOn, error: e.decisionWithdrawnOn,
            onInput: (v) => set({ decisionWithdrawnOn: v }) })}
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.form.busy}>${t('aud.save')}</button>
          ${this.saved ? html`<span class="saved" role="status">✓ ${t('aud.saved')}</span>` : nothing}
        </div>
      </fieldset>
    </form>`;
  }

  /** Whether the public sees the decision today, in words. */
  private statusLine(): string {
    const u = this.user;
    if (u.decisionOn === null) return t('aud.none');
    if (u.status === 'active') return t('aud.notSuspended');
    return decisionShown(u, todayInShanghai()) && u.displayUntil ? t('aud.shown', { date: showDate(u.displayUntil) }) : t('aud.hidden');
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkDecisionChange(this.draft, this.base);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok || Object.keys(check.body).length === 0) return;
    this.saved = false;
    const ok = await this.form.send(async () => { await authorizedUserApi.update(this.user.id, check.body, this.form.version); });
    if (!ok) return;
    this.saved = true;
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }
}

/** The labels of the decision's fields, for the notice after a 412. */
const LABELS: Record<string, MessageKey> = {
  decisionReason: 'aud.reason', decisionNumber: 'aud.number', decisionOn: 'aud.on', displayWindow: 'aud.window', decisionWithdrawnOn: 'aud.withdrawnOn',
};

/** Whether every error stands beside one of this form's fields. */
function placedHere(errors: FieldErrors): boolean {
  const keys = Object.keys(errors);
  return keys.length > 0 && keys.every((k) => (DECISION_FIELDS as readonly string[]).includes(k));
}

declare global {
  interface HTMLElementTagNameMap { 'gi-authorized-user-decision': GiAuthorizedUserDecision }
}
