import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { designationAnchor, type Product, type ProductDesignation } from '../../db/model';
import { LocaleController, t } from '../i18n';
import type { ShowDesignationDetail } from '../lib/gi-conversion-note';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { countyName, joinList } from './labels';

/** A designation's name as the workspace says it: its type, and its mark's kind when it has one. */
function designationTitle(d: ProductDesignation): string {
  const type = t(`giType.${d.giType}`);
  return d.markKind ? t('desig.typeWithKind', { type, kind: t(`markKind.${d.markKind}`) }) : type;
}

/**
 * A product at a glance, first on its editor's page: category, counties, visibility, and its GIs with
 * their statuses. With `linked`, each GI is a link that asks (`gi-show-designation`) for its card.
 */
@customElement('gi-editor-summary')
export class GiEditorSummary extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    h2 { margin-top: 0.5rem; }
    h2:focus { outline: none; }
    h3 { margin: 0.75rem 0 0.25rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.25rem 0; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; }
    ul { margin: 0.25rem 0; padding-left: 1.25rem; }
    li { padding: 0.15rem 0; }
    .status { font-weight: 600; }
  `];

  /** The product summed up. */
  @property({ attribute: false }) product!: Product;
  /** Whether each GI links to its card further down the page (the editable page; not the read-only one). */
  @property({ type: Boolean }) linked = false;

  private readonly i18n = new LocaleController(this);

  override render() {
    const p = this.product;
    return html`<section aria-labelledby="summary-h">
      <h2 id="summary-h" tabindex="-1">${t('editor.summary')}</h2>
      <dl>
        <dt>${t('form.category')}</dt><dd>${t(`category.${p.category}`)}</dd>
        <dt>${t('form.counties')}</dt><dd>${joinList(p.counties.map(countyName))}</dd>
        <dt>${t('form.visibility')}</dt><dd>${t(`visibility.${p.visibility}`)}</dd>
      </dl>
      <h3 id="gis-h">${t('editor.summaryGis')}</h3>
      ${p.designations.length === 0 ? html`<p class="state">${t('desig.none')}</p>`
        : html`<ul aria-labelledby="gis-h">${p.designations.map((d) => this.renderDesignation(d))}</ul>`}
    </section>`;
  }

  /** Brings the summary's heading into view and gives it the focus (a link to `#summary` asked for it). */
  focusHeading() {
    const heading = this.renderRoot.querySelector<HTMLElement>('h2');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  private renderDesignation(d: ProductDesignation) {
    const title = designationTitle(d);
    const name = this.linked ? html`<a href=${withLang(`/admin/products/${d.productId}#${designationAnchor(d.id)}`)}
      @click=${() => this.show(d.id)}>${title}</a>` : title;
    return html`<li>${name} · <span class="status">${t(`status.${d.status}`)}</span>${d.number ? ` · ${d.number}` : nothing}</li>`;
  }

  private show(designationId: number) {
    this.dispatchEvent(new CustomEvent<ShowDesignationDetail>('gi-show-designation', { detail: { designationId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-editor-summary': GiEditorSummary }
}
