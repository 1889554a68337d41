import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { focusHeadingWhenShown } from '../lib/focus-heading';
import { navigate, withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { adminApi, type SessionUser } from '../admin/admin-api';
import { countyName } from '../admin/labels';
import type { SignedInDetail } from '../admin/gi-sign-in';
import '../admin/gi-sign-in';
import '../admin/gi-todo-list';
import '../admin/gi-my-products';
import '../admin/gi-product-editor';
import '../admin/gi-accounts';
import '../admin/gi-import';
import '../admin/gi-history-page';
import '../admin/gi-cultivation-board';
import '../admin/gi-dossier-templates';
import '../admin/gi-verify-misses';
import '../admin/gi-signals-panel';
import '../admin/gi-zone-readiness';
import '../tally/gi-next-period';

/**
 * The officials' workspace at /admin: sign in, then (at home) the to-do list and products, import, history and (for admins) accounts, by `path`;
 * above them, for admins, the prompt for the next plan period once the last one has ended.
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

  @state() private user: SessionUser | null = null;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly session = new Task(this, {
    task: async ([], { signal }) => {
      this.user = await adminApi.session(signal);
      return this.user;
    },
    args: () => [] as const,
  });

  override render() {
    return renderTask(this.session, () => (this.user ? this.renderWorkspace(this.user) : html`
      <h1>${t('admin.title')}</h1>
      <gi-sign-in @gi-signed-in=${this.signedIn}></gi-sign-in>`));
  }

  private renderWorkspace(user: SessionUser) {
    const here = (p: string) => (this.path === p ? 'page' : 'false');
    return html`<div class="bar">
        <nav aria-label=${t('admin.nav')}><ul>
          <li><a href=${withLang('/admin')} aria-current=${here('/')}>${t('admin.myProducts')}</a></li>
          <li><a href=${withLang('/admin/products/new')} aria-current=${here('/products/new')}>${t('admin.newProduct')}</a></li>
          <li><a href=${withLang('/admin/cultivation')} aria-current=${here('/cultivation')}>${t('board.nav')}</a></li>
          <li><a href=${withLang('/admin/readiness')} aria-current=${here('/readiness')}>${t('zone.nav')}</a></li>
          <li><a href=${withLang('/admin/import')} aria-current=${here('/import')}>${t('import.nav')}</a></li>
          <li><a href=${withLang('/admin/history')} aria-current=${here('/history')}>${t('history.nav')}</a></li>
          <li><a href=${withLang('/admin/verify-misses')} aria-current=${here('/verify-misses')}>${t('misses.nav')}</a></li>
          ${user.role === 'admin' ? html`<li><a href=${withLang('/admin/accounts')} aria-current=${here('/accounts')}>${t('admin.accounts')}</a></li>
            <li><a href=${withLang('/admin/dossier-templates')} aria-current=${here('/dossier-templates')}>${t('templates.nav')}</a></li>
            <li><a href=${withLang('/tally')}>${t('admin.periods')}</a></li>` : nothing}
        </ul></nav>
        <div class="who" role="group" aria-label=${t('admin.whoAmI')}>
          <span>${t('admin.signedInAs', { name: user.username })}
            · ${user.role === 'admin' ? t('admin.roleAdmin') : t('admin.roleOfficial', { county: countyName(user.county) })}</span>
          <button type="button" @click=${this.signOut}>${t('admin.signOut')}</button>
        </div>
      </div>
      ${user.role === 'admin' ? html`<gi-next-period></gi-next-period>` : nothing}
      ${this.renderRoute(user)}`;
  }

  private renderRoute(user: SessionUser) {
    const path = this.path.replace(/\/+$/, '') || '/';
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
    if (path === '/accounts') {
      return user.role === 'admin' ? html`<gi-accounts></gi-accounts>` : html`<p role="alert">${t('admin.adminOnly')}</p>`;
    }
    return html`<p role="alert">${t('page.notFound')} <a href=${withLang('/admin')}>${t('admin.myProducts')}</a></p>`;
  }

  private signedIn(event: CustomEvent<SignedInDetail>) {
    this.user = event.detail.user;
    this.session.run();
    // The form that had focus is gone: focus goes to the workspace's heading once it shows.
    void this.updateComplete.then(() => focusHeadingWhenShown(this.renderRoot));
  }

  private async signOut() {
    await adminApi.signOut().catch(() => undefined);
    // Known to be signed out: the sign-in form shows at once and stays. Asking the server again would
    // replace the form when the answer came, losing what the official had begun to type.
    this.user = null;
    navigate('/admin');
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-admin-page': GiAdminPage }
}
