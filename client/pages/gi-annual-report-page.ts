import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { reportTitle, type AnnualReport } from '../../db/model';
import { lang, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/report';
import { setPageTitle } from '../lib/page-title';
import { currentYear, readReportYear, reportApi, reportFile, reportPageUrl } from '../report/report-api';
import { LocationController, navigate } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import '../report/gi-annual-report';

/**
 * The printed page: A4, numbered at the foot. `@page` works only in the document's own style sheets
 * (not a shadow root's), so the page adopts this sheet while it is shown.
 */
let a4Sheet: CSSStyleSheet | null = null;
function a4PageSheet(): CSSStyleSheet {
  if (!a4Sheet) {
    a4Sheet = new CSSStyleSheet();
    a4Sheet.replaceSync(`@page {
      size: A4; margin: 20mm 18mm 22mm;
      @bottom-center { content: counter(page); font-size: 9pt; }
    }`);
  }
  return a4Sheet;
}

/**
 * The annual report page (/reports/annual?year=): a year picker, the report in the page's language,
 * its Word and Excel files, and a print layout of numbered A4 pages.
 */
@customElement('gi-annual-report-page')
export class GiAnnualReportPage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; padding: 1rem; max-width: 60rem; margin: 0 auto; width: 100%; box-sizing: border-box; }
    h1 { font-size: 1.5rem; margin: 0 0 0.75rem; text-align: center; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: center; margin: 0 0 1rem;
      padding: 0.5rem 0.75rem; border: 1px solid var(--gi-border); border-radius: 6px; background: var(--gi-surface); }
    .toolbar label { font-weight: 600; margin-right: 0.4rem; }
    .toolbar .hint { color: var(--gi-muted); font-size: 0.85rem; margin: 0; flex-basis: 100%; }
    button { padding: 0.3rem 1rem; border: 1px solid var(--gi-accent); border-radius: 4px; background: #fff; color: var(--gi-accent); }
    @media print {
      :host { padding: 0; max-width: none; }
      .toolbar { display: none; }
      h1 { font-size: 16pt; margin-bottom: 3mm; }
    }
  `];

  @state() private year = readReportYear(location.search);

  private readonly i18n = new LocaleController(this);
  private readonly navigation = new LocationController(this, () => {
    this.year = readReportYear(location.search);
  });

  private readonly report = new Task(this, {
    task: ([year], { signal }) => reportApi.annual(year, signal),
    args: () => [this.year] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, a4PageSheet()];
  }

  override disconnectedCallback(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== a4PageSheet());
    super.disconnectedCallback();
  }

  override updated(): void {
    setPageTitle(t('report.title'), t('report.yearOption', { year: this.year }));
  }

  override render() {
    return html`
      <h1>${reportTitle(this.year, lang())}</h1>
      ${this.renderToolbar(this.report.value ?? null)}
      ${renderTask(this.report, (r) => html`<gi-annual-report .report=${r}></gi-annual-report>`)}
    `;
  }

  private renderToolbar(r: AnnualReport | null) {
    const last = currentYear();
    const first = Math.min(r?.firstYear ?? this.year, this.year);
    const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
    const docx = reportFile(this.year, 'docx', lang());
    const xlsx = reportFile(this.year, 'xlsx', lang());
    return html`<div class="toolbar" role="group" aria-label=${t('report.controls')}>
      <span><label for="year">${t('report.year')}</label>
        <select id="year" @change=${this.onYear}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === this.year}>${t('report.yearOption', { year: y })}</option>`)}
        </select></span>
      <a href=${docx.href} download=${docx.name}>${t('report.docx')}</a>
      <a href=${xlsx.href} download=${xlsx.name}>${t('report.xlsx')}</a>
      <button type="button" @click=${() => window.print()}>${t('report.print')}</button>
      ${r ? html`<p class="hint">${t('report.printHint')}</p>` : nothing}
    </div>`;
  }

  private onYear(e: Event) {
    navigate(reportPageUrl(Number((e.target as HTMLSelectElement).value)));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-annual-report-page': GiAnnualReportPage }
}
