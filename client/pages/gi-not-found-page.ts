import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n';
import { setPageTitle } from '../lib/page-title';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';

/**
 * The app's not-found page: a heading, what happened, and the way home; it titles the document too.
 * The server answers such paths with status 404 (server/static.ts); a client-side navigation shows it as well.
 */
@customElement('gi-not-found-page')
export class GiNotFoundPage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; padding: 2rem 1rem; max-width: 40rem; margin: 0 auto; }
    h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
    .home { font-size: 1.1rem; }
  `];

  /** What is missing: any page, or a product (not public, archived, or never there). */
  @property() what: 'page' | 'product' = 'page';

  private readonly i18n = new LocaleController(this);

  override updated(): void {
    setPageTitle(t('title.notFound'));
  }

  override render() {
    return html`<h1>${this.what === 'product' ? t('notFound.productHeading') : t('notFound.heading')}</h1>
      <p>${this.what === 'product' ? t('product.notFound') : t('notFound.text')}</p>
      <p><a class="home" href=${withLang('/')}>${t('notFound.home')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-not-found-page': GiNotFoundPage }
}
