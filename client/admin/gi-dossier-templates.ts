import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CONVERSION_TEMPLATE, GI_TYPES } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import type { SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import './gi-dossier-template-form';

/** The dossier checklists at /admin/dossier-templates (admins): one form per GI type and one for conversions, and what a change does. */
@customElement('gi-dossier-templates')
export class GiDossierTemplates extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .note { max-width: 48rem; }
  `];

  /** The signed-in account (only admins change checklists). */
  @property({ attribute: false }) user: SessionUser | null = null;

  private readonly i18n = new LocaleController(this);

  override render() {
    if (this.user?.role !== 'admin') return html`<p role="alert">${t('templates.adminOnly')}</p>`;
    return html`<h1>${t('templates.title')}</h1>
      <p class="note">${t('templates.note')}</p>
      ${GI_TYPES.map((g) => html`<gi-dossier-template-form .giType=${g}></gi-dossier-template-form>`)}
      <gi-dossier-template-form .giType=${CONVERSION_TEMPLATE}></gi-dossier-template-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-dossier-templates': GiDossierTemplates }
}
