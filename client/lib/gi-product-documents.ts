import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DOCUMENT_TYPES, type Document } from '../../db/model';
import { lang, LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { sharedStyles } from './shared-styles';
import { appHref } from './base-path';
import type { GiPhotoViewer } from './gi-photo-viewer';
import './gi-photo-viewer';

/** A file size as people read it: bytes, KB or MB in the page's number format. */
export function formatSize(bytes: number): string {
  const locale = lang() === 'en' ? 'en-US' : 'zh-CN';
  if (bytes < 1024) return t('docs.bytes', { n: bytes.toLocaleString(locale) });
  if (bytes < 1024 * 1024) return t('docs.kb', { n: Math.round(bytes / 1024).toLocaleString(locale) });
  return t('docs.mb', { n: (bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 }) });
}

/** The short name of a file's format (`PDF`, `DOCX`…). */
export function formatName(mime: Document['mime']): string {
  const ext = DOCUMENT_TYPES[mime];
  return ext === 'jpg' ? 'JPEG' : ext === 'webp' ? 'WebP' : ext.toUpperCase();
}

/**
 * A product's public documents and photos: a gallery of the photos (thumbnails opening the full
 * picture in a viewer with its caption and source, each described by its title) and a list of the other files with kind, date, format and size.
 */
@customElement('gi-product-documents')
export class GiProductDocuments extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    section { margin-top: 1.5rem; }
    h2 { font-size: 1.15rem; border-bottom: 1px solid var(--gi-border); padding-bottom: 0.25rem; }
    .gallery { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.75rem; }
    figure { margin: 0; }
    figure img { display: block; width: 100%; height: auto; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 4px; border: 1px solid var(--gi-border); background: var(--gi-surface); }
    figcaption { font-size: 0.9rem; margin-top: 0.25rem; overflow-wrap: anywhere; }
    .files { list-style: none; margin: 0; padding: 0; }
    .files li { padding: 0.4rem 0; border-bottom: 1px solid var(--gi-border); overflow-wrap: anywhere; }
    .kind { display: inline-block; font-size: 0.85rem; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5rem; margin-right: 0.4rem; }
    .meta, .source { color: var(--gi-muted); font-size: 0.9rem; }
    .source { display: block; }
  `];

  /** The product's documents as the API gave them (public ones only, on the public page). */
  @property({ attribute: false }) documents: Document[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    const photos = this.documents.filter((d) => d.kind === 'photo' && d.thumbnailUrl);
    const files = this.documents.filter((d) => !photos.includes(d));
    return html`
      ${photos.length ? html`<section aria-labelledby="photos-h"><h2 id="photos-h">${t('docs.photos')}</h2>
        <ul class="gallery">${photos.map((d) => html`<li><figure>
          <a href=${appHref(d.url)} title=${t('docs.openPhoto', { title: d.title })} @click=${(e: MouseEvent) => this.openPhoto(e, d)}><img src=${appHref(d.thumbnailUrl!)} alt=${d.title} loading="lazy" width="320" height="240" /></a>
          <figcaption>${d.title}${d.on ? html` · ${renderDate(d.on)}` : nothing}</figcaption>
        </figure></li>`)}</ul>
      </section><gi-photo-viewer></gi-photo-viewer>` : nothing}
      <section aria-labelledby="files-h"><h2 id="files-h">${t('docs.documents')}</h2>
        ${files.length === 0 ? html`<p class="state">${t('docs.noDocuments')}</p>` : html`<ul class="files">${files.map((d) => html`<li>
          <span class="kind">${t(`documentKind.${d.kind}`)}</span>
          <a href=${appHref(d.url)} type=${d.mime}>${d.title}</a>
          <span class="meta">· ${d.on ? renderDate(d.on) : t('docs.undated')} · ${formatName(d.mime)} · ${formatSize(d.bytes)}</span>
          ${d.source ? html`<span class="source">${t('docs.source', { source: d.source })}</span>` : nothing}
        </li>`)}</ul>`}
      </section>`;
  }

  /** Shows a photo in the viewer instead of following its link (a modified click still opens the file). */
  private openPhoto(event: MouseEvent, photo: Document) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void this.renderRoot.querySelector<GiPhotoViewer>('gi-photo-viewer')?.show(photo, event.currentTarget as HTMLElement);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-documents': GiProductDocuments }
}
