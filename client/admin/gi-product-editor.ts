import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Product } from '../../db/model';
import { api, type ClientConfig, type CountyCollection } from '../lib/api';
import { loadCounties } from '../lib/counties';
import { localName, LocaleController, t } from '../i18n';
import { navigate, withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderError, renderTask } from '../lib/task-view';
import { adminApi, type SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import type { ProductSavedDetail } from './gi-product-form';
import './gi-audit-history';
import './gi-designation-editor';
import './gi-documents-editor';
import './gi-figures-editor';
import './gi-participants-editor';
import './gi-product-form';

/** What the maps on this page need. */
interface MapData { counties: CountyCollection | null; config: ClientConfig | null }

/** The workspace page of one product (or a new one): details, designations, participants, history, archive. */
@customElement('gi-product-editor')
export class GiProductEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    section { border-top: 1px solid var(--gi-border); margin-top: 1.5rem; }
    .head { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    .head h1 { margin: 0.5rem 0; }
  `];

  /** The product's id, or null to create one. */
  @property({ attribute: false }) productId: number | null = null;
  /** The signed-in account. */
  @property({ attribute: false }) user: SessionUser | null = null;

  /** Bumped after every save so the history reloads. */
  @state() private revision = 0;
  @state() private archiveError: unknown = null;

  private readonly i18n = new LocaleController(this);
  private readonly product = new Task(this, {
    task: async ([id], { signal }) => {
      if (id === null) return null;
      // The counties first: a county-level place's draft finds its county by name (location-draft.ts).
      await loadCounties();
      return adminApi.product(id, signal);
    },
    args: () => [this.productId] as const,
  });
  private readonly map = new Task(this, {
    task: async ([], { signal }): Promise<MapData> => {
      const [counties, config] = await Promise.all([api.countiesGeoJson(signal), api.config(signal).catch(() => null)]);
      return { counties, config };
    },
    args: () => [] as const,
  });

  override render() {
    const map: MapData = this.map.value ?? { counties: null, config: null };
    if (this.productId === null) {
      return html`<h1>${t('form.newTitle')}</h1>
        <gi-product-form .user=${this.user} .counties=${map.counties} .mapConfig=${map.config} @gi-product-saved=${this.saved}></gi-product-form>`;
    }
    // Keep showing the product while it reloads after a save, so the forms keep their place.
    const current = this.product.value;
    if (current && current.id === this.productId) return this.renderProduct(current, map);
    return renderTask(this.product, (p) => (p ? this.renderProduct(p, map) : nothing));
  }

  private renderProduct(p: Product, map: MapData) {
    const isAdmin = this.user?.role === 'admin';
    return html`<div class="head">
        <h1>${localName(p)}</h1>
        <span class="badge ${p.visibility}">${t(`visibility.${p.visibility}`)}</span>
        ${p.archived ? html`<span class="badge archived">${t('products.archived')}</span>` : nothing}
        ${p.visibility === 'public' && !p.archived ? html`<a href=${withLang(`/products/${p.id}`)}>${t('editor.publicPage')}</a>` : nothing}
      </div>
      <div class="actions">
        ${p.archived
          ? (isAdmin ? html`<button type="button" @click=${() => this.archive(p, false)}>${t('editor.restore')}</button>`
            : html`<span>${t('editor.restoreAdminOnly')}</span>`)
          : html`<button type="button" class="danger" @click=${() => this.archive(p, true)}>${t('editor.archive')}</button>`}
      </div>
      ${this.archiveError ? renderError(this.archiveError, () => { this.archiveError = null; }) : nothing}
      ${p.archived ? html`<p class="note">${t('editor.archivedNote')}</p>` : html`
      <section aria-labelledby="details-h"><h2 id="details-h">${t('editor.details')}</h2>
        <gi-product-form .product=${p} .user=${this.user} .counties=${map.counties} .mapConfig=${map.config}
          @gi-product-saved=${this.saved}></gi-product-form></section>
      <section aria-labelledby="designations-h"><h2 id="designations-h">${t('editor.designations')}</h2>
        <gi-designation-editor .productId=${p.id} .designations=${p.designations} .productCounties=${p.counties} .documents=${p.documents} .authorizedUsers=${p.authorizedUsers} @gi-product-changed=${this.changed}></gi-designation-editor></section>
      <section aria-labelledby="participants-h"><h2 id="participants-h">${t('editor.participants')}</h2>
        <gi-participants-editor .productId=${p.id} .participants=${p.participants} .designations=${p.designations} @gi-product-changed=${this.changed}></gi-participants-editor></section>
      <section aria-labelledby="figures-h"><h2 id="figures-h">${t('figEdit.form')}</h2>
        <gi-figures-editor .productId=${p.id} .figures=${p.figures} @gi-product-changed=${this.changed}></gi-figures-editor></section>
      <section aria-labelledby="documents-h"><h2 id="documents-h">${t('docs.editor')}</h2>
        <gi-documents-editor .productId=${p.id} .documents=${p.documents} .designations=${p.designations} @gi-product-changed=${this.changed}></gi-documents-editor></section>`}
      <section aria-labelledby="history-h"><h2 id="history-h">${t('editor.history')}</h2>
        <gi-audit-history .productId=${p.id} .designationIds=${p.designations.map((d) => d.id)} .revision=${this.revision}></gi-audit-history></section>`;
  }

  private saved(event: CustomEvent<ProductSavedDetail>) {
    if (event.detail.created) navigate(`/admin/products/${event.detail.product.id}`);
    else this.changed();
  }

  private changed() {
    this.revision++;
    this.product.run();
  }

  private async archive(p: Product, archive: boolean) {
    if (archive && !confirm(t('editor.confirmArchive', { name: localName(p) }))) return;
    this.archiveError = null;
    try {
      await (archive ? adminApi.archiveProduct(p.id) : adminApi.restoreProduct(p.id));
      this.changed();
    } catch (e) {
      this.archiveError = e;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-editor': GiProductEditor }
}
