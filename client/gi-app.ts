import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { pageInStatic } from '../db/model/public-paths';
import { lang, LocaleController, setLang, t, type MessageKey } from './i18n';
import './i18n/common';
import { setDocumentTitle, setPageTitle } from './lib/page-title';
import { currentAppUrl, currentRoute, interceptLinkClicks, LocationController, withLang, type Route } from './lib/router';
import { sharedStyles } from './lib/shared-styles';
import { isStaticCopy } from './lib/static-copy';
import { renderError } from './lib/task-view';
import './pages/gi-map-page';
import './pages/gi-not-found-page';
import './gi-display-switch';
import './gi-site-footer';

/** Pages that most visitors never open are loaded on first use (a smaller first download on phones). */
const lazyPages = {
  product: () => import('./pages/gi-product-page'),
  tally: () => import('./pages/gi-tally-page'),
  annualReport: () => import('./pages/gi-annual-report-page'),
  admin: () => import('./pages/gi-admin-page'),
  verify: () => import('./pages/gi-verify-page'),
  places: () => import('./pages/gi-places-page'),
  card: () => import('./pages/gi-product-card-page'),
  guide: () => import('./pages/gi-guide-page'),
  returnForm: () => import('./pages/gi-return-page'),
} as const;

/** The workspace's pages by their path below /admin, for the title (the workspace itself shows them). */
const ADMIN_PAGES: Record<string, MessageKey> = {
  '/': 'admin.myProducts', '/products/new': 'admin.newProduct', '/import': 'import.nav', '/history': 'history.nav',
  '/accounts': 'admin.accounts', '/cultivation': 'board.nav', '/dossier-templates': 'templates.nav',
  '/security-events': 'security.nav', '/password': 'password.nav',
};

/** The title of a workspace path: its page's name, then the workspace's. */
function adminTitleParts(rest: string): string[] {
  const path = rest.replace(/\/+$/, '') || '/';
  const page = ADMIN_PAGES[path] ?? (/^\/products\/\d+$/.test(path) ? 'title.editProduct' : null);
  return page ? [t(page), t('title.admin')] : [t('title.admin')];
}

/**
 * The app shell: header with navigation and language switch, and the page for the current path.
 * It titles the map, tally and workspace pages; a product page and the not-found page title themselves.
 */
@customElement('gi-app')
export class GiApp extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: flex; flex-direction: column; min-height: 100vh; }
    header { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; padding: 0.5rem 1rem;
      border-bottom: 1px solid var(--gi-border); background: var(--gi-surface); }
    .brand { font-weight: 700; font-size: 1.1rem; color: inherit; text-decoration: none; }
    .brand small { font-weight: 400; color: var(--gi-muted); margin-left: 0.5rem; }
    nav { min-width: 0; }
    nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; margin: 0; padding: 0; }
    nav a[aria-current='page'] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--gi-accent); }
    .lang { margin-left: auto; }
    main { flex: 1; display: flex; flex-direction: column; min-height: 0; }
    main:focus { outline: none; }
    /* The skip link: the first thing a keyboard reaches, shown only while it has focus. */
    .skip { position: absolute; left: 0.5rem; top: -4rem; z-index: 2000; padding: 0.5rem 1rem;
      background: var(--gi-surface); border: 2px solid var(--gi-focus); }
    .skip:focus { top: 0.5rem; }
    footer { padding: 0.25rem 1rem; border-top: 1px solid var(--gi-border); background: var(--gi-surface); font-size: 0.85rem; }
    footer nav { display: flex; gap: 1rem; flex-wrap: wrap; }
    @media print { header, footer { display: none; } }
  `];

  @state() private route: Route = currentRoute();
  @state() private loadFailed: keyof typeof lazyPages | null = null;

  /** A static copy of the public side (npm run build:static) has no workspace. */
  private readonly staticCopy = isStaticCopy();
  private readonly i18n = new LocaleController(this);
  private readonly navigation = new LocationController(this, () => this.onNavigate());
  private readonly onNavigate = () => {
    this.route = currentRoute();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
    this.addEventListener('click', interceptLinkClicks);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('click', interceptLinkClicks);
    super.disconnectedCallback();
  }

  override updated(): void {
    const route = this.route;
    if (route.page === 'map') setDocumentTitle(t('title.map'));
    else if (route.page === 'tally') setPageTitle(t('title.tally'));
    else if (route.page === 'admin' && this.shows(route.page)) setPageTitle(...adminTitleParts(route.rest));
  }

  override render() {
    const current = (page: Route['page']) => (this.route.page === page ? 'page' : undefined);
    return html`
      <header>
        <a class="skip" href=${`${location.origin}${location.pathname}#main`} @click=${this.skipToMain}>${t('skip.main')}</a>
        <a class="brand" href=${withLang('/')}>${t('app.title')}<small>${t('app.subtitle')}</small></a>
        <nav aria-label=${t('nav.main')}>
          <ul>
            <li><a href=${withLang('/')} aria-current=${current('map') ?? 'false'}>${t('nav.map')}</a></li>
            <li><a href=${withLang('/tally')} aria-current=${current('tally') ?? 'false'}>${t('nav.tally')}</a></li>
            <li><a href=${withLang('/verify')} aria-current=${current('verify') ?? 'false'}>${t('verify.title')}</a></li>
            <li><a href=${withLang('/places')} aria-current=${current('places') ?? 'false'}>${t('places.nav')}</a></li>
            <li><a href=${withLang('/guide')} aria-current=${current('guide') ?? 'false'}>${t('guide.nav')}</a></li>
            ${!this.shows('admin') ? '' : html`<li><a href=${withLang('/admin')} aria-current=${current('admin') ?? 'false'}>${t('nav.admin')}</a></li>`}
          </ul>
        </nav>
        <button class="lang" type="button" lang=${lang() === 'en' ? 'zh-CN' : 'en'} aria-label=${t('lang.label')}
          @click=${this.toggleLang}>${t('lang.switch')}</button>
        <gi-display-switch></gi-display-switch>
      </header>
      <main id="main" tabindex="-1">${this.renderPage()}</main>
      <gi-site-footer ?staticCopy=${this.staticCopy}></gi-site-footer>
    `;
  }

  private renderPage() {
    if (!this.shows(this.route.page)) return this.notFound();
    switch (this.route.page) {
      case 'map': return html`<gi-map-page></gi-map-page>`;
      case 'product': return this.lazy('product', html`<gi-product-page .productId=${this.route.id}></gi-product-page>`);
      case 'card': return this.lazy('card', html`<gi-product-card-page .productId=${this.route.id}></gi-product-card-page>`);
      case 'tally': return this.lazy('tally', html`<gi-tally-page></gi-tally-page>`);
      case 'annualReport': return this.lazy('annualReport', html`<gi-annual-report-page></gi-annual-report-page>`);
      case 'verify': return this.lazy('verify', html`<gi-verify-page></gi-verify-page>`);
      case 'places': return this.lazy('places', html`<gi-places-page></gi-places-page>`);
      case 'guide': return this.lazy('guide', html`<gi-guide-page></gi-guide-page>`);
      case 'admin': return this.lazy('admin', html`<gi-admin-page .path=${this.route.rest}></gi-admin-page>`);
      case 'returnForm': return this.lazy('returnForm', html`<gi-return-page .rest=${this.route.rest}></gi-return-page>`);
      default: return this.notFound();
    }
  }

  /** Whether this site shows a page: a static copy holds only the table's static pages (db/model/public-surface.ts), not the workspace. */
  private shows(page: Route['page']): boolean {
    return !this.staticCopy || pageInStatic(page);
  }

  /** The not-found page (also a static copy's answer for the workspace, which it does not have). */
  private notFound() {
    return html`<gi-not-found-page></gi-not-found-page>`;
  }

  /** Renders a lazily loaded page, starting its download; a failed download offers a retry. */
  private lazy(page: keyof typeof lazyPages, template: unknown) {
    if (this.loadFailed === page) return renderError(new Error(page), () => { this.loadFailed = null; });
    lazyPages[page]().catch(() => { this.loadFailed = page; });
    return template;
  }

  /**
   * The skip link: a fragment cannot reach into the shadow root, so the link moves focus itself. (Its
   * address is the page's own rather than a bare `#main`, which tools such as axe look up in the document
   * and would call broken.)
   */
  private skipToMain(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private toggleLang() {
    setLang(lang() === 'en' ? 'zh' : 'en');
    history.replaceState(null, '', withLang(currentAppUrl()));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-app': GiApp }
}
