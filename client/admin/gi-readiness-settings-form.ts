import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MAX_READINESS_YEARS, ReadinessSettings, type ReadinessSettingsAnswer } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { FormSender } from './form-sender';
import { textField } from './fields';
import { parseNumber } from './typed-number';
import { signalsApi } from './signals-api';

/** What `gi-readiness-settings-saved` carries: the thresholds as kept. */
export interface ReadinessSettingsSaved { settings: ReadinessSettingsAnswer }

/** The form's fields of the thresholds. */
interface SettingsDraft { producerShare: string; outputShare: string; minYears: string }
const draftOf = (s: ReadinessSettings): SettingsDraft => ({
  producerShare: asPercent(s.producerShare), outputShare: asPercent(s.outputShare), minYears: String(s.minYears),
});
const LABELS = { producerShare: 'zone.producerShare', outputShare: 'zone.outputShare', minYears: 'zone.minYears' } as const;

/** A share as the form shows it: a percentage, without binary noise (0.6 → "60", not "60.00000000000001"). */
const asPercent = (share: number) => String(Math.round(share * 100_000) / 1000);

/**
 * The admins' form for the demonstration-zone thresholds: the two shares as percentages, the years
 * as a whole number; checked here with the shared schema, then PUT; reports `gi-readiness-settings-saved`.
 */
@customElement('gi-readiness-settings-form')
export class GiReadinessSettingsForm extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    form { background: var(--gi-surface); border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; }
    h2 { margin-top: 0.25rem; }
  `];

  /** The thresholds in force, with their version (the form starts from them; a save is based on them). */
  @property({ attribute: false }) settings: ReadinessSettingsAnswer | null = null;

  @state() private producerShare = '';
  @state() private outputShare = '';
  @state() private minYears = '';
  @state() private saved = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('settings') && this.settings) {
      this.draft = draftOf(this.settings);
      this.form.load(this.settings.version, this.draft);
    }
  }

  private get draft(): SettingsDraft {
    return { producerShare: this.producerShare, outputShare: this.outputShare, minYears: this.minYears };
  }

  private set draft(d: SettingsDraft) {
    this.producerShare = d.producerShare;
    this.outputShare = d.outputShare;
    this.minYears = d.minYears;
  }

  override render() {
    const e = this.form.errors;
    const edit = (set: () => void) => { set(); this.saved = false; };
    return html`<form novalidate @submit=${this.submit} aria-labelledby="zone-settings-h">
      <h2 id="zone-settings-h">${t('zone.settings')}</h2>
      <p class="hint">${t('zone.settingsHint')}</p>
      ${this.form.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
      ${this.form.renderStale({
        draftOf, draft: this.draft, apply: (d) => { this.draft = d; this.saved = false; },
        label: (k) => (k in LABELS ? t(LABELS[k as keyof typeof LABELS]) : null),
      })}
      <div class="row">
        ${textField({ id: 'zone-producers', label: t('zone.producerShare'), type: 'number', min: '0', max: '100', value: this.producerShare,
          error: e.producerShare, onInput: (v) => edit(() => { this.producerShare = v; }) })}
        ${textField({ id: 'zone-output', label: t('zone.outputShare'), type: 'number', min: '0', max: '100', value: this.outputShare,
          error: e.outputShare, onInput: (v) => edit(() => { this.outputShare = v; }) })}
        ${textField({ id: 'zone-years', label: t('zone.minYears'), type: 'number', min: '0', max: String(MAX_READINESS_YEARS), value: this.minYears,
          error: e.minYears, onInput: (v) => edit(() => { this.minYears = v; }) })}
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.form.busy}>${t('zone.save')}</button>
        <span role="status" class="saved">${this.saved ? t('zone.saved') : ''}</span>
      </div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    this.saved = false;
    const share = (v: string) => { const n = parseNumber(v); return n === null ? null : n / 100; };
    const result = ReadinessSettings.safeParse({ producerShare: share(this.producerShare), outputShare: share(this.outputShare), minYears: parseNumber(this.minYears) });
    if (!result.success) {
      // The schema speaks of shares from 0 to 1; the form asks for percentages, so it says so in its own words.
      const fields = new Set(result.error.issues.map((i) => String(i.path[0])));
      this.form.errors = Object.fromEntries([...fields].map((f) => [f, f === 'minYears' ? t('zone.yearsRange') : t('zone.percentRange')]));
      return;
    }
    this.form.errors = {};
    await this.form.send(async () => {
      const settings = await signalsApi.putSettings(result.data, this.form.version);
      this.form.load(settings.version, draftOf(settings));
      this.saved = true;
      this.dispatchEvent(new CustomEvent<ReadinessSettingsSaved>('gi-readiness-settings-saved', { detail: { settings }, bubbles: true, composed: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-readiness-settings-form': GiReadinessSettingsForm }
}
