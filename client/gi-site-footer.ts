import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { lang, LocaleController, t } from './i18n';
import { withLang } from './lib/router';
import { appHref } from './lib/base-path';
import { sharedStyles } from './lib/shared-styles';
import { mapConfig } from './map/map-config';

/** Where an ICP备案号 is looked up, as Chinese sites link it (the MIIT's filing system). */
const ICP_LOOKUP = 'https://beian.miit.gov.cn/';

/**
 * The footer of every page: links (the guide, the village lookup, the API pages on a live server), then
 * who runs the site and its record numbers as GET /api/config gives them (the issuer, a contact line,
 * 网站标识码, ICP备案号 linked to the MIIT's lookup, 公安备案号); a line not configured is not shown.
 */
@customElement('gi-site-footer')
export class GiSiteFooter extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    footer { padding: 0.5rem 1rem; border-top: 1px solid var(--gi-border); background: var(--gi-surface); font-size: 0.85rem; }
    nav, .site { display: flex; gap: 0.25rem 1rem; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
    .site { margin-top: 0.25rem; color: var(--gi-fg); }
    @media print { footer { display: none; } }
  `];

  /** A static copy has no API pages to link. */
  @property({ type: Boolean }) staticCopy = false;

  private readonly i18n = new LocaleController(this);
  private readonly config = new Task(this, { task: () => mapConfig(), args: () => [] as const });

  override render() {
    return html`<footer>
      <nav aria-label=${t('footer.label')}>
        <a href=${withLang('/guide')}>${t('footer.guide')}</a>
        <a href=${withLang('/places')}>${t('places.fromProduct')}</a>
        ${this.staticCopy ? nothing : html`<a href=${withLang('/api/docs')}>${t('footer.api')}</a>
          <a href=${appHref('/api/openapi.json')} type="application/json">OpenAPI</a>`}
      </nav>
      ${this.renderSite()}
    </footer>`;
  }

  /** The lines about the site, once the settings are read (none while reading or when they fail). */
  private renderSite() {
    const site = this.config.value?.site;
    if (!site) return nothing;
    const lines = [
      site.issuer ? t('footer.issuer', { issuer: site.issuer[lang()] }) : null,
      site.contact ? t('footer.contact', { contact: site.contact }) : null,
      site.siteIdCode ? t('footer.siteId', { code: site.siteIdCode }) : null,
    ].filter((l): l is string => l !== null);
    return html`<ul class="site" aria-label=${t('footer.siteInfo')}>
      ${lines.map((l) => html`<li>${l}</li>`)}
      ${site.icpRecord ? html`<li><a href=${ICP_LOOKUP} rel="noopener" lang="zh-CN">${site.icpRecord}</a></li>` : nothing}
      ${site.psbRecord ? html`<li lang="zh-CN">${site.psbRecord}</li>` : nothing}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-site-footer': GiSiteFooter }
}
