import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { isClosed, type Dossier } from '../../db/model';
import { api, ApiRequestError } from '../lib/api';
import { itemTitle, STATUS_GLYPHS } from '../lib/dossier-text';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import '../lib/gi-readiness-bar';

/**
 * A candidate's application progress on the public product page: readiness and each item with its
 * status in words. The public answer carries no owners, notes or due dates, so none are shown.
 */
@customElement('gi-dossier-progress')
export class GiDossierProgress extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 0.75rem; }
    h4 { margin: 0 0 0.25rem; font-size: 1rem; }
    ul { list-style: none; margin: 0.4rem 0 0; padding: 0; }
    li { padding: 0.1rem 0; }
    .glyph { display: inline-block; width: 1.2em; text-align: center; }
    .s-ready { color: #0b6e4f; }
    .s-missing { color: #8b1a10; }
    .s-in_progress { color: #6e4a00; }
    .s-not_needed { color: var(--gi-muted); }
    .note { color: var(--gi-muted); margin: 0.25rem 0; }
  `];

  /** The designation whose dossier is shown. */
  @property({ type: Number }) designationId = 0;

  private readonly i18n = new LocaleController(this);
  private readonly dossier = new Task(this, {
    task: ([id], { signal }) => api.dossier(id, signal),
    args: () => [this.designationId] as const,
  });

  override render() {
    return this.dossier.render({
      pending: () => html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`,
      // A static copy made before dossiers existed has no file: say nothing rather than fail.
      error: (e) => (e instanceof ApiRequestError && e.status === 404 ? nothing : renderError(e, () => this.dossier.run())),
      complete: (d) => this.renderDossier(d),
    });
  }

  private renderDossier(d: Dossier) {
    const id = `progress-${d.designationId}`;
    if (d.items.length === 0) {
      return isClosed(d.giType)
        ? html`<h4 id=${id}>${t('progress.heading')}</h4><p class="note">${t('dossier.agriNote')}</p>` : nothing;
    }
    return html`<section aria-labelledby=${id}>
      <h4 id=${id}>${t('progress.heading')}</h4>
      <gi-readiness-bar .ready=${d.itemsReady} .needed=${d.itemsNeeded}></gi-readiness-bar>
      <ul aria-label=${t('progress.list')}>
        ${d.items.map((i) => html`<li><span class="glyph s-${i.status}" aria-hidden="true">${STATUS_GLYPHS[i.status]}</span>${itemTitle(i)}${t('progress.colon')}<strong
          class="s-${i.status}">${t(`dossierStatus.${i.status}`)}</strong></li>`)}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-dossier-progress': GiDossierProgress }
}
