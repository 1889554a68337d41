import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ImportReport, ImportRequest } from '../../db/model';
import { apiSend } from '../api';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../shared-styles';
import { renderError } from '../task-view';
import { adminStyles } from './admin-styles';

/** Largest file sent (the API takes about 2 MB of base64). */
const MAX_FILE_BYTES = 1_500_000;

/** Reads a file into the import request body (format from the name, bytes as base64). */
export async function fileToImportRequest(file: File): Promise<ImportRequest> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv', data: btoa(binary) };
}

/**
 * Imports a CSV/XLSX table: a dry run first shows what each row would do; the real import (all or
 * nothing) is offered once the dry run has no errors.
 */
@customElement('gi-import')
export class GiImport extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .outcome-error { color: #8b1a10; font-weight: 600; }
    .note { padding: 0.5rem 0.75rem; border-left: 4px solid var(--gi-accent); background: var(--gi-surface); }
  `];

  @state() private file: File | null = null;
  @state() private busy = false;
  @state() private report: ImportReport | null = null;
  @state() private error: unknown = null;
  @state() private problem = '';

  private readonly i18n = new LocaleController(this);

  override render() {
    const checkedClean = this.report?.dryRun && this.report.summary.errors === 0;
    return html`
      <h2>${t('import.title')}</h2>
      <p class="hint">${t('import.intro')}</p>
      <p><a href="/api/export/products.csv" download>${t('import.template')}</a></p>
      <div class="field">
        <label for="file">${t('import.file')}</label>
        <input id="file" type="file" accept=".csv,.xlsx,text/csv" @change=${this.chooseFile}
          aria-describedby=${this.problem ? 'file-problem' : nothing} aria-invalid=${this.problem ? 'true' : 'false'} />
        ${this.problem ? html`<p id="file-problem" class="field-error">${this.problem}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="button" @click=${() => this.send(true)} ?disabled=${this.busy}>${t('import.check')}</button>
        <button type="button" class="primary" @click=${() => this.send(false)} ?disabled=${this.busy || !checkedClean}>${t('import.apply')}</button>
        ${this.busy ? html`<span role="status">${t('import.working')}</span>` : nothing}
      </div>
      ${this.error ? renderError(this.error, () => this.send(true)) : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}`;
  }

  private renderReport(report: ImportReport) {
    const verdict = report.dryRun ? t('import.dryRunNote') : report.applied ? t('import.applied') : t('import.failed');
    return html`<section aria-labelledby="report-title">
      <h3 id="report-title">${t('import.report')}</h3>
      <p class="note" role="status">${verdict} ${t('import.summary', report.summary)}</p>
      ${report.unknownColumns.length ? html`<p class="hint">${t('import.unknownColumns', { columns: report.unknownColumns.join(', ') })}</p>` : nothing}
      <table>
        <thead><tr><th scope="col">${t('import.line')}</th><th scope="col">${t('import.product')}</th>
          <th scope="col">${t('import.outcome')}</th><th scope="col">${t('import.messages')}</th></tr></thead>
        <tbody>${report.rows.map((r) => html`<tr>
          <td>${r.line}</td><td>${r.productZh}</td>
          <td class="outcome-${r.outcome}">${t(`import.outcome.${r.outcome}`)}</td>
          <td>${r.messages.join('；')}</td>
        </tr>`)}</tbody>
      </table>
    </section>`;
  }

  private chooseFile(event: Event) {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.report = null;
    this.problem = this.file && this.file.size > MAX_FILE_BYTES ? t('import.tooBig') : '';
  }

  private async send(dryRun: boolean) {
    if (!this.file) { this.problem = t('import.noFile'); return; }
    if (this.problem) return;
    this.busy = true;
    this.error = null;
    try {
      this.report = await apiSend<ImportReport>('POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, await fileToImportRequest(this.file));
    } catch (error) {
      // A refused import (another change came between check and import) says why; check again to see the rows.
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-import': GiImport }
}
