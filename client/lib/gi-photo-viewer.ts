import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Document } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { sharedStyles } from './shared-styles';

/**
 * A photo shown large in a modal `<dialog>`: the picture (its title as the text alternative), its
 * caption (title and date), its source, and a link to the file itself. Escape or the close button
 * closes it, and focus goes back to what opened it.
 */
@customElement('gi-photo-viewer')
export class GiPhotoViewer extends LitElement {
  static override styles = [sharedStyles, css`
    dialog { max-width: min(60rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); box-sizing: border-box; padding: 0.75rem;
      border: 1px solid var(--gi-border); border-radius: 6px; background: var(--gi-bg); color: var(--gi-fg); }
    dialog::backdrop { background: rgb(0 0 0 / 0.7); }
    figure { margin: 0; }
    img { display: block; max-width: 100%; max-height: calc(100vh - 12rem); height: auto; margin: 0 auto; }
    figcaption { margin-top: 0.5rem; overflow-wrap: anywhere; }
    .source { color: var(--gi-muted); font-size: 0.9rem; display: block; }
    .bar { display: flex; justify-content: space-between; gap: 1rem; align-items: center; flex-wrap: wrap; margin-top: 0.5rem; }
  `];

  @state() private photo: Document | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  private opener: HTMLElement | null = null;
  private readonly i18n = new LocaleController(this);

  /** Opens the viewer on `photo`; focus returns to `opener` when it closes. */
  async show(photo: Document, opener: HTMLElement): Promise<void> {
    this.photo = photo;
    this.opener = opener;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  override render() {
    const p = this.photo;
    return html`<dialog aria-labelledby="photo-caption" @close=${this.onClose}>
      ${p ? html`<figure>
        <img src=${p.url} alt=${p.title} />
        <figcaption id="photo-caption">${p.title}${p.on ? html` · ${renderDate(p.on)}` : nothing}
          ${p.source ? html`<span class="source">${t('docs.source', { source: p.source })}</span>` : nothing}</figcaption>
      </figure>
      <div class="bar">
        <a href=${p.url} type=${p.mime} target="_blank" rel="noopener">${t('photo.openFile')}</a>
        <button type="button" @click=${() => this.dialog.close()}>${t('photo.close')}</button>
      </div>` : nothing}
    </dialog>`;
  }

  private onClose() {
    this.opener?.focus();
    this.opener = null;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-photo-viewer': GiPhotoViewer }
}
