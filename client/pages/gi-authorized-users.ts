import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { publicAuthorizedUser, todayInShanghai, type AuthorizedUser, type Designation } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { showDate } from '../i18n/dates';
import { decisionStyles, renderDecision } from '../lib/decision-view';
import { publicReasonToday, renderVerdict, verdictStyles } from '../lib/mark-verdict';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';

/**
 * The authorised users of one designation on the public product page: name, credit code, basis, since
 * when, and whether each may use the mark today, in words; a suspended or revoked user only while its
 * decision is shown, with the decision (a static copy's answer is filtered again here, on today's date);
 * a link to the verification page.
 */
@customElement('gi-authorized-users')
export class GiAuthorizedUsers extends LitElement {
  static override styles = [sharedStyles, verdictStyles, decisionStyles, css`
    :host { display: block; margin-top: 0.75rem; }
    h4 { margin: 0 0 0.25rem; font-size: 1rem; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
    caption { text-align: left; }
    th, td { border-bottom: 1px solid var(--gi-border); padding: 0.3rem 0.5rem 0.3rem 0; text-align: left; vertical-align: top; }
    thead th { color: var(--gi-muted); font-weight: 600; }
    td.code { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .verdict { font-size: 0.9rem; white-space: nowrap; }
    p { margin: 0.4rem 0 0; }
  `];

  /** The designation the users belong to (its status decides whether anyone may use the mark). */
  @property({ attribute: false }) designation!: Designation;
  /** Its authorised users. */
  @property({ attribute: false }) users: AuthorizedUser[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    const today = todayInShanghai();
    const users = this.users.map((u) => publicAuthorizedUser(u, today)).filter((u): u is AuthorizedUser => u !== null);
    if (users.length === 0) return nothing;
    const d = this.designation;
    const id = `users-${d.id}`;
    // Wider than a phone: a region that scrolls, reachable by keyboard to scroll it.
    return html`<h4 id=${id}>${t('users.heading')}</h4>
      <div class="scroll" role="region" tabindex="0" aria-labelledby=${id}><table aria-labelledby=${id}>
        <caption class="visually-hidden">${t('users.caption', { gi: t(`giType.${d.giType}`) })}</caption>
        <thead><tr>
          <th scope="col">${t('users.name')}</th><th scope="col">${t('users.code')}</th><th scope="col">${t('users.basis')}</th>
          <th scope="col">${t('users.since')}</th><th scope="col">${t('users.status')}</th>
        </tr></thead>
        <tbody>${users.map((u) => html`<tr>
          <th scope="row" lang="zh-CN">${u.name}</th>
          <td class="code">${u.creditCode ?? '—'}</td>
          <td>${t(`basis.${u.basis}`)}</td>
          <td>${showDate(u.from)}${u.until ? html`<br />– ${showDate(u.until)}` : nothing}</td>
          <td>${renderVerdict(publicReasonToday(u, d.status))}${u.decisionOn && u.displayUntil ? renderDecision({
            reason: u.decisionReason, number: u.decisionNumber, on: u.decisionOn, displayUntil: u.displayUntil,
          }) : nothing}</td>
        </tr>`)}</tbody>
      </table></div>
      <p><a href=${withLang('/verify')}>${t('verify.title')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-authorized-users': GiAuthorizedUsers }
}
