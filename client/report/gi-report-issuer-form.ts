import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ReportSettings } from '../../db/model';
import { fieldErrors, type FieldErrors } from '../admin/field-errors';
import { FormSender } from '../admin/form-sender';
import { lang, LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { reportApi } from './report-api';

/** The form's fields of the settings (without their version). */
const draftOf = (s: ReportSettings): ReportSettings => ({ issuerZh: s.issuerZh, issuerEn: s.issuerEn });

/** Fired after the issuer was saved; `detail` is the setting as the server stored it. */
export type ReportSettingsSavedEvent = CustomEvent<ReportSettings>;

/** An admin's form for who issues the annual report (发布单位), in Chinese and English. */
@customElement('gi-report-issuer-form')
export class GiReportIssuerForm extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    form { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.6rem 1rem; align-items: start; }
    label { display: flex; flex-direction: column; gap: 0.2rem; font-weight: 600; }
    input { padding: 0.3rem 0.4rem; border: 1px solid var(--gi-muted); border-radius: 4px; }
    input[aria-invalid='true'] { border: 2px solid #8b1a10; }
    .err { color: #8b1a10; font-weight: 400; font-size: 0.85rem; }
    .actions { grid-column: 1 / -1; display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
    button { padding: 0.35rem 1rem; background: var(--gi-accent); color: #fff; border: 0; border-radius: 4px; }
  `];

  @state() private draft: ReportSettings | null = null;
  @state() private errors: FieldErrors = {};
  @state() private status: 'idle' | 'saving' | { saved: string } | { failed: string } = 'idle';

  private readonly i18n = new LocaleController(this);
  /** Sends the change based on the version loaded; a 412 (someone changed it meanwhile) is its notice. */
  private readonly sender = new FormSender(this);
  private readonly settings = new Task(this, {
    task: async (_args: readonly [], { signal }) => {
      const loaded = await reportApi.settings(signal);
      this.draft = draftOf(loaded);
      this.sender.load(loaded.version, this.draft);
      return loaded;
    },
    args: () => [] as const,
  });

  override render() {
    return renderTask(this.settings, () => this.renderForm());
  }

  private renderForm() {
    const d = this.draft;
    if (!d) return nothing;
    const field = (key: keyof ReportSettings, label: string, inputLang: string) => {
      const error = this.errors[key];
      return html`<label>${label}
        <input name=${key} lang=${inputLang} maxlength="200" .value=${d[key]} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${key}-err` : nothing} @input=${this.onInput} />
        ${error ? html`<span class="err" id=${`${key}-err`}>${error}</span>` : nothing}
      </label>`;
    };
    const s = this.status;
    return html`${this.sender.renderStale({
      draftOf, draft: d, apply: (draft) => { this.draft = draft; this.status = 'idle'; },
      label: (k) => (k === 'issuerZh' ? t('report.issuerZh') : k === 'issuerEn' ? t('report.issuerEn') : null),
    })}<form novalidate @submit=${this.onSubmit}>
      ${field('issuerZh', t('report.issuerZh'), 'zh-CN')}
      ${field('issuerEn', t('report.issuerEn'), 'en')}
      <div class="actions">
        <button type="submit" ?disabled=${s === 'saving'}>${t('report.save')}</button>
        <span role="status" aria-live="polite">${s === 'saving' ? t('tally.form.saving') : typeof s === 'object' && 'saved' in s ? s.saved : nothing}</span>
        ${typeof s === 'object' && 'failed' in s ? html`<span class="err" role="alert">${s.failed}</span>` : nothing}
      </div>
    </form>`;
  }

  private onInput(e: Event) {
    const input = e.target as HTMLInputElement;
    this.draft = { ...this.draft!, [input.name]: input.value };
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const parsed = ReportSettings.safeParse(this.draft);
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error.issues);
      this.status = { failed: t('tally.form.invalid') };
      return;
    }
    this.errors = {};
    this.status = 'saving';
    let saved: ReportSettings | null = null;
    const ok = await this.sender.send(async () => {
      const answer = await reportApi.saveSettings(parsed.data, this.sender.version);
      saved = draftOf(answer);
      this.draft = saved;
      this.sender.load(answer.version, saved);
    });
    if (ok && saved) {
      const kept: ReportSettings = saved;
      this.status = { saved: t('report.saved', { issuer: lang() === 'en' ? kept.issuerEn : kept.issuerZh }) };
      this.dispatchEvent(new CustomEvent('report-settings-saved', { detail: kept, bubbles: true, composed: true }));
    } else {
      this.errors = this.sender.errors;
      this.status = this.sender.stale ? 'idle' : { failed: this.sender.failure };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-report-issuer-form': GiReportIssuerForm }
  interface HTMLElementEventMap { 'report-settings-saved': ReportSettingsSavedEvent }
}
