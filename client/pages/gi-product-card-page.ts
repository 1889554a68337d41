import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { STATUS_GROUPS, type County, type Designation, type Product, type Status } from '../../db/model';
import { api, ApiRequestError } from '../lib/api';
import { loadCounties } from '../lib/counties';
import { localName, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/figures';
import '../i18n/product';
import { showDate } from '../i18n/dates';
import { markChinese } from '../lib/free-text';
import { setPageTitle } from '../lib/page-title';
import { qrAddress, qrPath } from '../lib/qr-address';
import { withLang } from '../lib/router';
import { appHref } from '../lib/base-path';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import './gi-not-found-page';

/**
 * The printed page: A6 with a 6 mm margin. `@page` works only in the document's own style sheets, not a
 * shadow root's. A6 in millimetres first, for browsers that do not know the name (this Chromium drops `size: A6`).
 */
let a6Page: CSSStyleSheet | null = null;
function a6PageSheet(): CSSStyleSheet {
  if (!a6Page) {
    a6Page = new CSSStyleSheet();
    a6Page.replaceSync('@page { size: 105mm 148mm; size: A6; margin: 6mm; }');
  }
  return a6Page;
}

/** The statuses of a GI being prepared or applied for: a product with one of them (and none granted) is a candidate. */
const PREPARING: readonly Status[] = ['cultivating', ...STATUS_GROUPS.in_progress];

/** Whether a product is a GI candidate: nothing granted, and a designation being prepared or applied for. */
function isCandidate(p: Product): boolean {
  return p.designations.some((d) => PREPARING.includes(d.status));
}

/** What the card shows besides the product. */
interface CardData { product: Product; counties: County[]; address: string | null }

/**
 * A product's printable card (A6, for stalls and packaging): its names in Chinese and English, its
 * counties, each GI granted with its type and number, the QR code of its public page with the address
 * in text, and the registry's name. A "print" button (not printed) prints it on one A6 page.
 */
@customElement('gi-product-card-page')
export class GiProductCardPage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; padding: 1rem; box-sizing: border-box; max-width: 100%; }
    @media (max-width: 30rem) { :host { padding: 0.5rem; } }
    .toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: 1rem; }
    .toolbar p { margin: 0; color: var(--gi-muted); font-size: 0.9rem; }
    button { padding: 0.4rem 1.2rem; border: 1px solid var(--gi-accent); border-radius: 4px; background: var(--gi-accent); color: #fff; }
    /* True size on screen too: what you see is what is printed. */
    /* On a phone narrower than A6 the card narrows with it (print keeps A6). */
    article { box-sizing: border-box; width: 105mm; max-width: 100%; min-height: 148mm; padding: 6mm; border: 1px solid var(--gi-border);
      display: flex; flex-direction: column; gap: 2.5mm; background: #fff; color: #000; }
    h1 { font-size: 18pt; line-height: 1.2; margin: 0; }
    .en { font-size: 10pt; margin: 0; }
    .counties { font-size: 9pt; margin: 0; }
    h2 { font-size: 9pt; margin: 1mm 0 0; border-bottom: 0.3mm solid #000; padding-bottom: 0.5mm; }
    ul { list-style: none; margin: 0; padding: 0; font-size: 9pt; }
    li { margin: 0.8mm 0; }
    .number { font-variant-numeric: tabular-nums; margin-left: 1.5mm; }
    .qr { display: flex; flex-direction: column; align-items: center; gap: 1mm; margin-top: auto; }
    .qr img { width: 44mm; height: 44mm; max-width: 100%; image-rendering: pixelated; }
    .url { font-size: 7.5pt; margin: 0; overflow-wrap: anywhere; text-align: center; }
    footer { font-size: 8pt; border-top: 0.3mm solid #000; padding-top: 1mm; text-align: center; }
    @media print {
      :host { padding: 0; }
      .toolbar { display: none; }
      article { width: auto; min-height: 0; height: 134mm; padding: 0; border: none; break-inside: avoid; }
    }
  `];

  /** The product whose card this is. */
  @property({ type: Number }) productId = 0;

  private readonly i18n = new LocaleController(this);
  private readonly card = new Task(this, {
    task: async ([id], { signal }): Promise<CardData> => {
      const [product, counties, address] = await Promise.all([
        api.product(id, signal), loadCounties().then((list) => [...list], (): County[] => []), qrAddress(id, signal).catch(() => null),
      ]);
      return { product, counties, address };
    },
    args: () => [this.productId] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, a6PageSheet()];
  }

  override disconnectedCallback(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== a6PageSheet());
    super.disconnectedCallback();
  }

  override updated(): void {
    const p = this.card.value?.product;
    if (p && p.id === this.productId) setPageTitle(localName(p), t('card.title'));
  }

  override render() {
    const error = this.card.status === TaskStatus.ERROR ? this.card.error : null;
    if (error instanceof ApiRequestError && error.status === 404) return html`<gi-not-found-page what="product"></gi-not-found-page>`;
    return this.card.render({
      pending: () => html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`,
      error: (e) => renderError(e, () => this.card.run()),
      complete: (data) => this.renderCard(data),
    });
  }

  private renderCard({ product: p, counties, address }: CardData) {
    const granted = p.designations.filter((d) => d.status === 'granted');
    const county = (code: string) => counties.find((c) => c.code === code);
    const url = address ?? new URL(appHref(`/products/${p.id}`), location.origin).href;
    return html`
      <div class="toolbar" role="group" aria-label=${t('card.toolbar')}>
        <a href=${withLang(`/products/${p.id}`)}>← ${t('card.back')}</a>
        <button type="button" @click=${() => window.print()}>${t('card.print')}</button>
        <p>${t('card.hint')}</p>
      </div>
      <article aria-labelledby="card-name">
        <h1 id="card-name" lang="zh-CN">${p.nameZh}</h1>
        ${p.nameEn ? html`<p class="en" lang="en">${p.nameEn}</p>` : nothing}
        <p class="counties">${p.counties.map((code, i) => {
          const c = county(code);
          return html`${i > 0 ? ' · ' : ''}${c ? html`<span lang="zh-CN">${c.nameZh}</span> <span lang="en">${c.nameEn}</span>` : code}`;
        })}</p>
        ${granted.length === 0 ? this.renderCandidate(p)
          : html`<h2>${t('card.gis')}</h2><ul>${granted.map((d) => html`<li>${this.typeOf(d)}<span class="number">${markChinese(this.numberOf(d))}</span></li>`)}</ul>`}
        <div class="qr">
          ${address ? html`<img src=${qrPath(p.id)} alt=${t('card.qr')} />` : nothing}
          <p class="url">${url}</p>
        </div>
        <footer>${markChinese(granted.length > 0 ? t('card.footer') : isCandidate(p) ? t('card.footerCandidate') : t('card.footerRegistry'))}</footer>
      </article>`;
  }

  /** A product with no GI granted: says so (a candidate, or none in force) and lists its designations with their status. */
  private renderCandidate(p: Product) {
    return html`<h2>${t('card.candidateGis')}</h2>
      <p class="counties">${isCandidate(p) ? t('card.candidate') : t('card.notInForce')}</p>
      ${p.designations.length === 0 ? nothing
        : html`<ul>${p.designations.map((d) => html`<li>${this.typeOf(d)}<span class="number">${t(`status.${d.status}`)}</span></li>`)}</ul>`}`;
  }

  /**
   * What identifies a grant on paper: its number; else its announcement (公告号); else the day it was granted.
   * Never "not recorded": a card on a stall vouches for the grant, and the QR code leads to the full record.
   */
  private numberOf(d: Designation): string {
    if (d.number) return t('card.number', { number: d.number });
    if (d.announcement) return t('card.announcement', { announcement: d.announcement });
    return d.grantedOn ? t('card.grantedOn', { date: showDate(d.grantedOn) }) : '';
  }

  /** A designation's type, with the kind of mark for a trademark. */
  private typeOf(d: Designation): string {
    return `${t(`giType.${d.giType}`)}${d.markKind ? t('product.paren', { x: t(`markKind.${d.markKind}`) }) : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-card-page': GiProductCardPage }
}
