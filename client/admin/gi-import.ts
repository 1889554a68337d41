import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ImportProgress, ImportReport, ImportRequest, Visibility } from '../../db/model';
import { apiGet, apiSend, ApiRequestError } from '../lib/api';
import { lang, LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { adminStyles } from './admin-styles';
import { appHref } from '../lib/base-path';
import { pageHalf } from './field-errors';

/** Largest file sent (the server reads at most 5 MB). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads a file into the import request body (format from the name, bytes as base64). */
export async function fileToImportRequest(file: File): Promise<ImportRequest> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv', data: btoa(binary) };
}

/** Whether a file is an old binary Excel workbook (.xls), which the import cannot read. */
const isOldExcel = (file: File) => /\.xls$/i.test(file.name);

/**
 * Imports a CSV/XLSX table: a dry run first shows what each row would do; the real import (all or
 * nothing) is offered once the dry run has no errors. New products are kept as the page's "import
 * as" choice says (a draft by default), and drafts the import created can be made public from its report.
 */
@customElement('gi-import')
export class GiImport extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .outcome-error { color: #8b1a10; font-weight: 600; }
    .rows { padding-left: 0; list-style: none; }
    .rows > li { border-bottom: 1px solid var(--gi-border); padding: 0.25rem 0; overflow-wrap: anywhere; }
    .rows p { margin: 0.25rem 0; }
    .line, .column { color: var(--gi-muted); }
    progress { vertical-align: middle; }
    .note { padding: 0.5rem 0.75rem; border-left: 4px solid var(--gi-accent); background: var(--gi-surface); }
    fieldset.choice { border: 0; padding: 0; margin: 0.5rem 0; display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; }
    fieldset.choice legend { float: left; margin-right: 0.5rem; padding: 0; }
    fieldset.choice label { display: inline-flex; gap: 0.25rem; align-items: center; min-height: 2.75rem; }
  `];

  @state() private file: File | null = null;
  @state() private busy = false;
  @state() private report: ImportReport | null = null;
  @state() private error: unknown = null;
  @state() private problem = '';
  @state() private progress: ImportProgress = { phase: 'idle', done: 0, total: 0 };
  /** How new products without a visibility of their own are kept. */
  @state() private visibility: Visibility = 'draft';
  /** Publishing the import's drafts: not asked, under way, done (how many), or failed. */
  @state() private publishing: { state: 'idle' | 'busy' | 'failed' } | { state: 'done'; count: number } = { state: 'idle' };

  private readonly i18n = new LocaleController(this);

  override render() {
    const checkedClean = this.report?.dryRun && this.report.summary.errors === 0;
    return html`
      <h2>${t('import.title')}</h2>
      <p class="hint">${t('import.intro')}</p>
      <p><a href=${appHref('/api/import/template.xlsx')} download>${t('import.template')}</a>
        · <a href=${appHref('/api/export/products.xlsx')} download>${t('import.export')}</a></p>
      <p class="hint">${t('marks.importIntro')}</p>
      <p><a href=${appHref('/api/import/authorized-users-template.xlsx')} download>${t('marks.importTemplate')}</a></p>
      <p class="hint">${t('ret.importIntro')}</p>
      <p><a href=${appHref('/api/import/usage-returns-template.xlsx')} download>${t('ret.importTemplate')}</a></p>
      <div class="field">
        <label for="file">${t('import.file')}</label>
        <input id="file" type="file" accept=".csv,.xlsx,.xls,text/csv" @change=${this.chooseFile}
          aria-describedby=${this.problem ? 'file-problem' : nothing} aria-invalid=${this.problem ? 'true' : 'false'} />
        ${this.problem ? html`<p id="file-problem" class="field-error">${this.problem}</p>` : nothing}
      </div>
      <fieldset class="choice">
        <legend>${t('import.as')}</legend>
        ${(['draft', 'public'] as const).map((v) => html`<label><input type="radio" name="visibility" value=${v}
          .checked=${this.visibility === v} @change=${() => { this.visibility = v; }} />${t(`import.as.${v}`)}</label>`)}
      </fieldset>
      <p class="hint">${t('import.asHint')}</p>
      <div class="actions">
        <button type="button" @click=${() => this.send(true)} ?disabled=${this.busy}>${t('import.check')}</button>
        <button type="button" class="primary" @click=${() => this.send(false)} ?disabled=${this.busy || !checkedClean}>${t('import.apply')}</button>
        ${this.busy ? this.renderProgress() : nothing}
      </div>
      ${this.error ? this.renderFailure(this.error) : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}`;
  }

  private renderProgress() {
    const { phase, done, total } = this.progress;
    const known = total > 0 && (phase === 'checking' || phase === 'writing');
    return html`<span role="status">${known ? t(`import.phase.${phase}`, { done, total }) : t('import.working')}</span>
      ${known ? html`<progress max=${total} value=${done} aria-label=${t('import.progress')}></progress>` : nothing}`;
  }

  /** A refused file (400/413: too large, an old .xls…) says what to do with the file; only other failures offer a retry. */
  private renderFailure(error: unknown) {
    if (error instanceof ApiRequestError && (error.status === 400 || error.status === 413) && error.code !== 'import_failed') {
      // An .xls under another name is told what the page tells one chosen by its name, in the same words.
      const advice = error.code === 'not_xlsx' ? t('import.oldExcel') : pageHalf(error.message);
      return html`<p class="state error" role="alert">${advice}</p>`;
    }
    return renderError(error, () => this.send(true));
  }

  private renderReport(report: ImportReport) {
    const verdict = report.dryRun ? t('import.dryRunNote') : report.applied ? t('import.applied') : t('import.failed');
    const language = lang();
    return html`<section aria-labelledby="report-title">
      <h3 id="report-title">${t('import.report')}</h3>
      <p class="note" role="status">${verdict} ${t('import.summary', report.summary)}</p>
      ${report.encoding === 'gb18030' ? html`<p class="hint">${t('import.gbk')}</p>` : nothing}
      ${report.problems.map((p) => html`<p class="outcome-error">${p[language]}</p>`)}
      ${report.unknownColumns.length ? html`<p class="hint">${t('import.unknownColumns', { columns: report.unknownColumns.join(', ') })}</p>` : nothing}
      ${report.examples.map((e) => html`<p class="hint">${t('import.example', { line: e.line, name: e.productZh })}</p>`)}
      ${report.drafts > 0 ? this.renderDrafts(report) : nothing}
      <p><button type="button" @click=${this.downloadReport} ?disabled=${this.busy}>${t('import.downloadReport')}</button></p>
      <ol class="rows">${report.rows.map((r) => html`<li>
        <p><span class="line">${t('import.line', { line: r.line })}</span> · <strong>${r.productZh}</strong> ·
          <span class="outcome-${r.outcome}">${t(`import.outcome.${r.outcome}`)}</span>${r.draft && this.publishing.state !== 'done' ? html` · <span>${t('import.draft')}</span>` : nothing}</p>
        ${r.changes.length || r.problems.length ? html`<ul>
          ${r.changes.map((c) => html`<li>${c[language]}</li>`)}
          ${r.problems.map((p) => html`<li class="outcome-error">${p.column ? html`<span class="column">${p.column}</span>：` : nothing}${p[language]}</li>`)}
        </ul>` : nothing}
      </li>`)}</ol>
    </section>`;
  }

  /** The drafts an import created (or a check would create), and, after an import, the offer to make them public. */
  private renderDrafts(report: ImportReport) {
    const drafts = report.rows.filter((r) => r.draft);
    const { publishing } = this;
    const list = html`<ul>${drafts.map((r) => html`<li>${t('import.line', { line: r.line })} · ${r.productZh}</li>`)}</ul>`;
    // Once published they are drafts no more: the note says what they are now, not what they were.
    if (publishing.state === 'done') return html`<div class="note" role="status"><p>${t('import.published', { count: publishing.count })}</p>${list}</div>`;
    return html`<div class="note" role="status">
      <p>${t(report.dryRun ? 'import.drafts.check' : 'import.drafts', { count: drafts.length })}</p>
      ${list}
      ${report.applied ? html`<p><button type="button" class="primary" @click=${() => this.publishDrafts(report)} ?disabled=${publishing.state === 'busy'}>
            ${t('import.publish', { count: drafts.length })}</button></p>
          ${publishing.state === 'failed' ? html`<p class="field-error" role="alert">${t('import.publishFailed')}</p>` : nothing}` : nothing}
    </div>`;
  }

  /** Makes the import's new drafts public, each through the product write path (permissions, audit). */
  private async publishDrafts(report: ImportReport) {
    const ids = report.rows.filter((r) => r.draft && r.productId !== null).map((r) => r.productId!);
    this.publishing = { state: 'busy' };
    try {
      // Only `visibility` is sent, so no one's other edits can be lost: whatever version is there now (`*`) is fine.
      for (const id of ids) await apiSend('PATCH', `/api/products/${id}`, { visibility: 'public' }, '*');
      this.publishing = { state: 'done', count: ids.length };
    } catch {
      this.publishing = { state: 'failed' };
    }
  }

  private chooseFile(event: Event) {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.report = null;
    this.error = null;
    this.publishing = { state: 'idle' };
    this.problem = !this.file ? '' : isOldExcel(this.file) ? t('import.oldExcel') : this.file.size > MAX_FILE_BYTES ? t('import.tooBig') : '';
  }

  private async send(dryRun: boolean) {
    if (!this.file) { this.problem = t('import.noFile'); return; }
    if (this.problem) return;
    this.busy = true;
    this.error = null;
    this.publishing = { state: 'idle' };
    this.progress = { phase: 'reading', done: 0, total: 0 };
    // While the server works, ask where it stands twice a second (a 10,000-row file takes a few seconds).
    const poll = setInterval(() => {
      void apiGet<ImportProgress>('/api/import/progress').then((p) => { if (this.busy) this.progress = p; }).catch(() => {});
    }, 500);
    try {
      const query = new URLSearchParams({ ...(dryRun ? { dryRun: '1' } : {}), visibility: this.visibility });
      this.report = await apiSend<ImportReport>('POST', `/api/import?${query}`, await fileToImportRequest(this.file));
    } catch (error) {
      // A refused import (another change came between check and import) says why; check again to see the rows.
      this.error = error;
    } finally {
      clearInterval(poll);
      this.busy = false;
    }
  }

  /** Downloads the file back with a result column per row, in the page's language. */
  private async downloadReport() {
    if (!this.file) return;
    this.busy = true;
    try {
      const res = await fetch(appHref(`/api/import/report.xlsx?lang=${lang()}`), {
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(await fileToImportRequest(this.file)),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = `${this.file.name.replace(/\.(csv|xlsx)$/i, '')}-${lang() === 'zh' ? '检查结果' : 'checked'}.xlsx`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-import': GiImport }
}
