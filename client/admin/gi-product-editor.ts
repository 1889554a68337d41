import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Product } from '../../db/model';
import { api, type ClientConfig, type CountyCollection } from '../lib/api';
import { loadCounties } from '../lib/counties';
import { localName, LocaleController, t } from '../i18n';
import { freeTextLang } from '../lib/free-text';
import type { ShowDesignationDetail } from '../lib/gi-conversion-note';
import { ifDefined } from 'lit/directives/if-defined.js';
import { navigate, withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { adminApi, type SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import type { GiEditorSection } from './gi-editor-section';
import type { ProductSavedDetail } from './gi-product-form';
import { FormSender } from './form-sender';
import './gi-audit-history';
import './gi-designation-editor';
import './gi-documents-editor';
import './gi-editor-next-step';
import './gi-editor-section';
import './gi-editor-summary';
import './gi-figures-editor';
import './gi-participants-editor';
import './gi-product-form';

/** What the maps on this page need. */
interface MapData { counties: CountyCollection | null; config: ClientConfig | null }

/** The editor's sections, each opened by a link to its anchor (`#documents`). */
const SECTIONS = ['details', 'designations', 'documents', 'participants', 'figures', 'history'] as const;
type SectionKey = (typeof SECTIONS)[number];

/** Anchors of places inside a GI's card (the to-do list's and the conversions' links): they open the GIs' section. */
const IN_DESIGNATIONS = /^#(designation|title|dossier|authorized-user|usage-returns)-\d/;

/**
 * The workspace page of one product (or a new one). First the product at a glance (its GIs with their
 * statuses), then its parts, each folded away until opened and each saved on its own: details, GIs (each
 * with its dossier), documents, participants, figures, history; the archive last. Once created, the next
 * step (its GI) is offered; a link's anchor opens its part; a product of another county is shown
 * read-only (the server's `canEdit`).
 */
@customElement('gi-product-editor')
export class GiProductEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .head { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; }
    .head h1 { margin: 0.5rem 0; }
    .readonly { border-left: 4px solid var(--gi-muted); padding: 0.5rem 0.75rem; }
    gi-editor-summary { margin-bottom: 1rem; }
    .archive { border-top: 1px solid var(--gi-border); padding-top: 0.75rem; }
    .description { white-space: pre-wrap; }
  `];

  /** The product's id, or null to create one. */
  @property({ attribute: false }) productId: number | null = null;
  /** The signed-in account. */
  @property({ attribute: false }) user: SessionUser | null = null;

  /** Bumped after every save so the history reloads. */
  @state() private revision = 0;

  /** The product whose link asked for a place (`#summary`, `#add-gi`, a section, a card) already shown: done once per product. */
  private shownTarget: number | null = null;

  private readonly i18n = new LocaleController(this);
  /** Archiving and restoring: a refusal's line, or the notice when someone changed the product meanwhile. */
  private readonly archiving = new FormSender(this);
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
    // Keep showing the product while it reloads after a save, so the forms keep their place and the sections stay open.
    const current = this.product.value;
    if (current && current.id === this.productId) return this.renderProduct(current, map);
    return renderTask(this.product, (p) => (p ? this.renderProduct(p, map) : nothing));
  }

  /** A link's place in the page, once the product shows: the next step after creating it, its summary, a section, a card. */
  override updated() {
    const p = this.product.value;
    if (!p || p.id !== this.productId || this.shownTarget === p.id) return;
    this.shownTarget = p.id;
    void this.showAsked(location.hash);
  }

  private renderHead(p: Product) {
    return html`<div class="head">
      <h1>${localName(p)}</h1>
      <span class="badge ${p.visibility}">${t(`visibility.${p.visibility}`)}</span>
      ${p.archived ? html`<span class="badge archived">${t('products.archived')}</span>` : nothing}
      ${p.visibility === 'public' && !p.archived ? html`<a href=${withLang(`/products/${p.id}`)}>${t('editor.publicPage')}</a>` : nothing}
    </div>`;
  }

  /** Another county's product: what it is and its GIs, with no form (the server would refuse the writes). */
  private renderReadOnly(p: Product) {
    return html`${this.renderHead(p)}
      <p class="readonly" role="note">${t('editor.readOnly')}</p>
      <gi-editor-summary .product=${p}></gi-editor-summary>
      ${p.description ? html`<section aria-labelledby="description-h"><h2 id="description-h">${t('form.description')}</h2>
        <p class="description" lang=${ifDefined(freeTextLang())}>${p.description}</p></section>` : nothing}`;
  }

  private renderProduct(p: Product, map: MapData) {
    if (p.canEdit === false) return this.renderReadOnly(p);
    const isAdmin = this.user?.role === 'admin';
    return html`${this.renderHead(p)}
      ${p.archived ? html`<div class="actions">${isAdmin
        ? html`<button type="button" @click=${() => this.archive(p, false)}>${t('editor.restore')}</button>`
        : html`<span>${t('editor.restoreAdminOnly')}</span>`}</div>
        <p class="note">${t('editor.archivedNote')}</p>` : nothing}
      ${this.archiving.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.archiving.failure}</p>` : nothing}
      ${this.archiving.renderStale({ reload: () => this.changed() })}
      ${!p.archived && location.hash === '#add-gi' && p.designations.length === 0 ? html`<gi-editor-next-step
        hint=${t('editor.nextGiHint')} action=${t('editor.nextGi')} @gi-next-step=${this.addGi}></gi-editor-next-step>` : nothing}
      <gi-editor-summary .product=${p} ?linked=${!p.archived} @gi-show-designation=${this.showDesignation}></gi-editor-summary>
      ${p.archived ? nothing : html`
      <gi-editor-section id="details" heading=${t('editor.details')}>
        <gi-product-form .product=${p} .user=${this.user} .counties=${map.counties} .mapConfig=${map.config}
          @gi-product-saved=${this.saved}></gi-product-form></gi-editor-section>
      <gi-editor-section id="designations" heading=${t('editor.designations')} note=${t('editor.noteGis', { n: p.designations.length })}>
        <gi-designation-editor .productId=${p.id} .designations=${p.designations} .productCounties=${p.counties} .documents=${p.documents}
          .authorizedUsers=${p.authorizedUsers} @gi-product-changed=${this.changed}></gi-designation-editor></gi-editor-section>
      <gi-editor-section id="documents" heading=${t('docs.editor')} note=${t('editor.noteDocuments', { n: p.documents.length })}>
        <gi-documents-editor .productId=${p.id} .documents=${p.documents} .designations=${p.designations} @gi-product-changed=${this.changed}></gi-documents-editor></gi-editor-section>
      <gi-editor-section id="participants" heading=${t('editor.participants')} note=${t('editor.noteParticipants', { n: p.participants.length })}>
        <gi-participants-editor .productId=${p.id} .participants=${p.participants} .version=${p.participantsVersion} .designations=${p.designations}
          @gi-product-changed=${this.changed}></gi-participants-editor></gi-editor-section>
      <gi-editor-section id="figures" heading=${t('figEdit.form')} note=${t('editor.noteFigures', { n: p.figures.length })}>
        <gi-figures-editor .productId=${p.id} .figures=${p.figures} .version=${p.figuresVersion} @gi-product-changed=${this.changed}></gi-figures-editor></gi-editor-section>`}
      <gi-editor-section id="history" heading=${t('editor.history')}>
        <gi-audit-history .productId=${p.id} .designationIds=${p.designations.map((d) => d.id)} .revision=${this.revision}></gi-audit-history></gi-editor-section>
      ${p.archived ? nothing : html`<div class="actions archive">
        <button type="button" class="danger" @click=${() => this.archive(p, true)}>${t('editor.archive')}</button></div>`}`;
  }

  private section(key: SectionKey): GiEditorSection | null {
    return this.renderRoot.querySelector<GiEditorSection>(`gi-editor-section#${key}`);
  }

  /** Shows what a link's anchor asks for; a card or a dossier item asked for focuses itself once its section is open. */
  private async showAsked(hash: string) {
    if (hash === '#add-gi') {
      const next = this.renderRoot.querySelector('gi-editor-next-step');
      await next?.updateComplete;
      next?.scrollIntoView({ block: 'center' });
      next?.focus({ preventScroll: true });
    } else if (hash === '#summary') {
      // A draft's link: what it is, its details open below to finish and publish it.
      void this.section('details')?.expand();
      const summary = this.renderRoot.querySelector('gi-editor-summary');
      await summary?.updateComplete;
      summary?.focusHeading();
    } else if (IN_DESIGNATIONS.test(hash)) {
      await this.section('designations')?.expand();
    } else {
      const key = SECTIONS.find((s) => `#${s}` === hash);
      if (key) await this.section(key)?.reveal();
    }
  }

  private saved(event: CustomEvent<ProductSavedDetail>) {
    // The product is made: the next step, its GI, is offered on its page.
    if (event.detail.created) navigate(`/admin/products/${event.detail.product.id}#add-gi`);
    else this.changed();
  }

  /** The next step after creating the product: its GIs' section opened at the form that adds one. */
  private async addGi() {
    await this.section('designations')?.expand();
    await this.renderRoot.querySelector('gi-designation-editor')?.focusAdd();
  }

  /** A GI of the summary was chosen: its section opened at its card. */
  private async showDesignation(event: CustomEvent<ShowDesignationDetail>) {
    await this.section('designations')?.expand();
    this.renderRoot.querySelector('gi-designation-editor')?.showDesignation(event.detail.designationId);
  }

  private changed() {
    this.revision++;
    this.product.run();
  }

  private async archive(p: Product, archive: boolean) {
    if (archive && !confirm(t('editor.confirmArchive', { name: localName(p) }))) return;
    // Based on the product's own version as shown: archiving what someone changed meanwhile is a 412, told.
    const ok = await this.archiving.send(async () => {
      await (archive ? adminApi.archiveProduct(p.id, p.version) : adminApi.restoreProduct(p.id, p.version));
    });
    if (ok) this.changed();
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-editor': GiProductEditor }
}
