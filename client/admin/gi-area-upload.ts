import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AreaGeometry } from '../../db/model';
import type { ClientConfig, CountyCollection } from '../lib/api';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { areaFromText, vertexTotal } from './area';
import type { FieldErrors } from './field-errors';
import { errorLine, textField } from './fields';
import '../map/gi-map';

/** Detail of `gi-area-change`: the protected area after an edit. */
export interface AreaChangeDetail { text: string; geometry: AreaGeometry | null }

/** Largest file read (the server takes 2 MB of JSON in all). */
const MAX_FILE_BYTES = 1_800_000;

/** The protected area: the announced scope as text and a GeoJSON polygon uploaded from a file, previewed on a map. */
@customElement('gi-area-upload')
export class GiAreaUpload extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    gi-map { display: block; height: 18rem; border: 1px solid var(--gi-border); margin: 0.5rem 0; }
  `];

  /** The announced scope (townships, villages). */
  @property() text = '';
  /** The polygon, if one was uploaded. */
  @property({ attribute: false }) geometry: AreaGeometry | null = null;
  /** The product form's errors (keys like `protectedArea.geometry`). */
  @property({ attribute: false }) errors: FieldErrors = {};
  /** County boundaries for the preview. */
  @property({ attribute: false }) counties: CountyCollection | null = null;
  /** The map settings (tiles, 审图号, boundary credit), as /api/config gives them. */
  @property({ attribute: false }) mapConfig: ClientConfig | null = null;

  @state() private fileError = '';
  @state() private reading = false;

  private readonly i18n = new LocaleController(this);

  override render() {
    const geometryError = this.fileError || this.errors['protectedArea.geometry'] || this.errors.protectedArea;
    return html`<fieldset><legend>${t('area.legend')}</legend>
      ${textField({ id: 'area-text', label: t('area.text'), value: this.text, multiline: true, hint: t('area.textHint'),
        error: this.errors['protectedArea.text'], onInput: (v) => this.emit(v, this.geometry) })}
      <div class="field">
        <label for="area-file">${t('area.file')}</label>
        <p class="hint" id="area-file-hint">${t('area.fileHint')}</p>
        <input id="area-file" type="file" accept=".geojson,.json,application/geo+json,application/json"
          aria-describedby=${geometryError ? 'area-file-hint area-file-error' : 'area-file-hint'}
          aria-invalid=${geometryError ? 'true' : 'false'} @change=${this.fileChosen} />
        ${errorLine('area-file', geometryError)}
      </div>
      <p role="status">${this.reading ? t('state.loading') : this.geometry
        ? t('area.loaded', { type: this.geometry.type, n: vertexTotal(this.geometry) }) : t('area.none')}</p>
      ${this.geometry ? html`
        <gi-map aria-label=${t('area.preview')} .counties=${this.counties} .tiles=${this.mapConfig?.tiles ?? null} .approvalNo=${this.mapConfig?.approvalNo ?? null} .boundarySource=${this.mapConfig?.boundarySource ?? null} .area=${this.geometry}></gi-map>
        <div class="actions"><button type="button" class="danger" @click=${() => this.emit(this.text, null)}>${t('area.remove')}</button></div>`
        : nothing}
    </fieldset>`;
  }

  private emit(text: string, geometry: AreaGeometry | null) {
    this.dispatchEvent(new CustomEvent<AreaChangeDetail>('gi-area-change', { detail: { text, geometry }, bubbles: true, composed: true }));
  }

  private fileChosen(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.fileError = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      this.fileError = t('area.tooLarge', { mb: (MAX_FILE_BYTES / 1e6).toFixed(1) });
      return;
    }
    const reader = new FileReader();
    this.reading = true;
    reader.onload = () => {
      this.reading = false;
      const read = areaFromText(String(reader.result));
      if (read.ok) this.emit(this.text, read.geometry);
      else this.fileError = read.error;
    };
    reader.onerror = () => {
      this.reading = false;
      this.fileError = t('area.unreadable');
    };
    reader.readAsText(file);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-area-upload': GiAreaUpload }
}
