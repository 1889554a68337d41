import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/admin';
import '../i18n/conversion';
import '../i18n/cultivation';
import '../i18n/documents';
import '../i18n/figures';
import '../i18n/guide';
import '../i18n/history';
import '../i18n/import';
import '../i18n/marks';
import '../i18n/places';
import '../i18n/product';
import '../i18n/report';
import '../i18n/returns';
import '../i18n/scope';
import '../i18n/security';
import '../i18n/signals';
import '../i18n/specifications';
import '../i18n/tally';
import '../i18n/verify-act';
import '../i18n/workspace';
import { CountiesController } from '../lib/counties';
import { focusHeadingWhenShown } from '../lib/focus-heading';
import { navigate, withLang } from '../lib/router';
import type { SessionEndReason } from '../lib/session-events';
import { SessionTimer } from '../lib/session-timer';
import { setPageTitle } from '../lib/page-title';
import { rememberSignedIn } from '../lib/signed-in-hint';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { accountApi, type SignedInAnswer } from '../admin/account-api';
import { adminApi } from '../admin/admin-api';
import { countyName } from '../admin/labels';
import { homePath, mayOpen, workspaceLinks, type Duties } from '../admin/workspace-nav';
import type { SignedInDetail } from '../admin/gi-sign-in';
import '../admin/gi-sign-in';
import '../admin/gi-todo-list';
import '../admin/gi-my-products';
import '../admin/gi-product-editor';
import '../admin/gi-accounts';
import '../admin/gi-password-change';
import '../admin/gi-security-events';
import '../admin/gi-session-warning';
import '../admin/gi-import';
import '../admin/gi-history-page';
import '../admin/gi-cultivation-board';
import '../admin/gi-dossier-templates';
import '../admin/gi-verify-misses';
import '../admin/gi-signals-panel';
import '../admin/gi-zone-readiness';
import '../tally/gi-next-period';

/**
 * The officials' workspace at /admin: sign in, then what the account's role may use (workspace-nav.ts), by
 * `path`: for content roles the to-do list and products, import, history; accounts for whoever manages them;
 * the security events for the auditor; everyone's own password. An expired password is changed before
 * anything else. Above the pages, for admins, the prompt for the next plan period once the last one has
 * ended. The session timer warns before the session ends and, when it does, leaves the workspace for the
 * sign-in form with the reason.
 */
@customElement('gi-admin-page')
export class GiAdminPage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; padding: 1rem; max-width: 72rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; border-bottom: 1px solid var(--gi-border);
      padding-bottom: 0.5rem; margin-bottom: 1rem; }
    .bar nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
    .bar a[aria-current='page'] { font-weight: 700; }
    .who { margin-left: auto; display: flex; gap: 0.75rem; align-items: center; }
    button { padding: 0.25rem 0.75rem; }
  `];

  /** The path below /admin, e.g. `/products/7`. */
  @property() path = '/';

  @state() private user: SignedInAnswer | null = null;
  /** Why the last session ended, said above the sign-in form. */
  @state() private notice = '';

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly timer = new SessionTimer(this, {
    keepAlive: accountApi.keepAlive,
    signOut: () => adminApi.signOut(),
    onEnd: (reason, minutes) => this.sessionEnded(reason, minutes),
    activityTarget: this,
  });
  private readonly session = new Task(this, {
    task: async ([], { signal }) => {
      this.signedInAs(await accountApi.session(signal));
      return this.user;
    },
    args: () => [] as const,
  });

  override updated(changed: PropertyValues) {
    // A role whose home is not the product list (gi-app titles /admin so): the title names the page it starts on.
    const user = this.user;
    if (!(changed.has('user') || changed.has('path')) || !user || this.currentPath() !== '/') return;
    const home = workspaceLinks(user.role, this.duties())[0]!;
    if (home.path !== '/') setPageTitle(t(home.label), t('title.admin'));
  }

  override render() {
    return renderTask(this.session, () => (this.user ? this.renderWorkspace(this.user) : html`
      <h1>${t('admin.title')}</h1>
      <gi-sign-in .notice=${this.notice} @gi-signed-in=${this.signedIn}></gi-sign-in>`));
  }

  private renderWorkspace(user: SignedInAnswer) {
    const expired = user.session?.passwordExpired === true;
    return html`<div class="bar">
        ${expired ? nothing : this.renderNav(user)}
        <div class="who" role="group" aria-label=${t('admin.whoAmI')}>
          <span>${t('admin.signedInAs', { name: user.username })} · ${this.roleText(user)}</span>
          <button type="button" @click=${this.signOut}>${t('admin.signOut')}</button>
        </div>
      </div>
      <gi-session-warning .warning=${this.timer.warning} @gi-session-stay=${() => void this.timer.stayActive()}
        @gi-session-sign-out=${this.signOut} @gi-session-ok=${() => this.timer.acknowledgeEnd()}></gi-session-warning>
      ${expired
        ? html`<gi-password-change expired @gi-password-changed=${this.passwordChanged}></gi-password-change>`
        : html`${user.role === 'admin' ? html`<gi-next-period></gi-next-period>` : nothing}${this.renderRoute(user)}`}`;
  }

  private renderNav(user: SignedInAnswer) {
    const here = (p: string) => (this.effectivePath(user) === p ? 'page' : 'false');
    return html`<nav aria-label=${t('admin.nav')}><ul>
      ${workspaceLinks(user.role, this.duties()).map((link) => html`<li>${link.public
        ? html`<a href=${withLang(link.path)}>${t(link.label)}</a>`
        : html`<a href=${withLang(link.path === '/' ? '/admin' : `/admin${link.path}`)} aria-current=${here(link.path)}>${t(link.label)}</a>`}</li>`)}
    </ul></nav>`;
  }

  private renderRoute(user: SignedInAnswer) {
    const path = this.effectivePath(user);
    if (!mayOpen(user.role, this.duties(), path)) {
      return html`<p role="alert">${t('workspace.notForRole')} <a href=${withLang('/admin')}>${t('workspace.home')}</a></p>`;
    }
    if (path === '/') return html`<gi-my-products .user=${user}><gi-todo-list slot="first" .user=${user}></gi-todo-list></gi-my-products><gi-signals-panel .user=${user}></gi-signals-panel>`;
    if (path === '/products/new') return html`<gi-product-editor .user=${user} .productId=${null}></gi-product-editor>`;
    const product = /^\/products\/(\d+)$/.exec(path);
    if (product) return html`<gi-product-editor .user=${user} .productId=${Number(product[1])}></gi-product-editor>`;
    if (path === '/import') return html`<gi-import></gi-import>`;
    if (path === '/history') return html`<gi-history-page .user=${user}></gi-history-page>`;
    if (path === '/cultivation') return html`<gi-cultivation-board .user=${user}></gi-cultivation-board>`;
    if (path === '/readiness') return html`<gi-zone-readiness .user=${user}></gi-zone-readiness>`;
    if (path === '/dossier-templates') return html`<gi-dossier-templates .user=${user}></gi-dossier-templates>`;
    if (path === '/verify-misses') return html`<gi-verify-misses></gi-verify-misses>`;
    if (path === '/accounts') return html`<gi-accounts></gi-accounts>`;
    if (path === '/security-events') return html`<gi-security-events></gi-security-events>`;
    if (path === '/password') return html`<gi-password-change></gi-password-change>`;
    return html`<p role="alert">${t('page.notFound')} <a href=${withLang('/admin')}>${t('workspace.home')}</a></p>`;
  }

  /** The path below /admin without trailing slashes. */
  private currentPath(): string {
    return this.path.replace(/\/+$/, '') || '/';
  }

  /** The page shown: `/` is the role's home. */
  private effectivePath(user: SignedInAnswer): string {
    const path = this.currentPath();
    return path === '/' ? homePath(user.role, this.duties()) : path;
  }

  /** Whether this deployment separates the duties (SEPARATE_DUTIES): the session answer says. */
  private duties(): Duties {
    return { separate: this.user?.session?.separateDuties === true };
  }

  private roleText(user: SignedInAnswer): string {
    return user.role === 'official' ? t('admin.roleOfficial', { county: countyName(user.county) }) : t(`accountRole.${user.role}`);
  }

  /** Takes a session answer: the account, and the timer set from its clock. */
  private signedInAs(answer: SignedInAnswer | null) {
    this.user = answer;
    if (answer?.session) this.timer.start(answer.session);
    else this.timer.stop();
  }

  private signedIn(event: CustomEvent<SignedInDetail>) {
    this.notice = '';
    this.signedInAs(event.detail.user);
    // The form that had focus is gone: focus goes to the workspace's heading once it shows.
    void this.updateComplete.then(() => focusHeadingWhenShown(this.renderRoot));
  }

  private passwordChanged(event: CustomEvent<SignedInAnswer>) {
    // The server now lets this account write again: the workspace shows what it was waiting for.
    this.signedInAs(event.detail);
    void this.updateComplete.then(() => focusHeadingWhenShown(this.renderRoot));
  }

  /**
   * The session ended by itself: nothing of the workspace stays on screen (its pages, forms and what was
   * typed in them go with it), and the sign-in form says why.
   */
  private sessionEnded(reason: SessionEndReason, minutes: number) {
    // The sign-out sent at the end may answer with the same news: the first word stands.
    if (!this.user && this.notice) return;
    rememberSignedIn(false);
    this.notice = reason === 'timeout'
      ? (minutes > 0 ? t('session.timedOut', { minutes }) : t('session.timedOutPlain'))
      : reason === 'expired' ? t('session.expired') : t('session.ended');
    if (!this.user) return;
    this.user = null;
    void this.updateComplete.then(() => focusHeadingWhenShown(this.renderRoot));
  }

  private async signOut() {
    this.timer.stop();
    await adminApi.signOut().catch(() => undefined);
    // Known to be signed out: the sign-in form shows at once and stays. Asking the server again would
    // replace the form when the answer came, losing what the official had begun to type.
    this.user = null;
    this.notice = '';
    navigate('/admin');
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-admin-page': GiAdminPage }
}
