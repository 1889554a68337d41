import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  GI_TYPES, LABELS, longDay, percent, REPORT_WORDS, reportCountyNames, reportPeriodLine, reportProductName, reportScope,
  reportStatRows, reportTotalsNote, reportTotalsTable, reportTypeName, type AnnualReport, type ReportMove,
} from '../../db/model';
import { lang, LocaleController } from '../i18n';
import { renderDate } from '../i18n/dates';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';

type Cell = string | number | null | TemplateResult | typeof nothing;

/**
 * The annual report as a document in the page's language, in the same words and order as its Word
 * file: who issues it and when, then seven numbered sections, each a heading and a table. Printed,
 * it runs to as many A4 pages as it needs: table headers repeat, rows never split, and a heading
 * never ends a page without its table (the page size and numbers are the page's `@page` rule).
 */
@customElement('gi-annual-report')
export class GiAnnualReport extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    .meta { text-align: center; margin: 0 0 1rem; }
    .meta p { margin: 0.15rem 0; }
    .scope { color: var(--gi-muted); margin: 0.25rem 0; }
    section { margin-top: 1.5rem; }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    .note { color: var(--gi-muted); font-size: 0.85rem; margin: 0.35rem 0 0; }
    .table { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
    th, td { border: 1px solid var(--gi-border); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    thead th { background: var(--gi-surface); }
    td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tfoot td, tfoot th { font-weight: 700; }
    @media print {
      :host { font-size: 10.5pt; color: #000; }
      .meta { margin-bottom: 5mm; }
      section { margin-top: 6mm; }
      h2 { font-size: 12pt; break-after: avoid; page-break-after: avoid; }
      .table { overflow: visible; }
      table { font-size: 9.5pt; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      th, td { border-color: #000; padding: 1mm 1.5mm; }
      thead th { background: none; }
      a { color: inherit; text-decoration: none; }
    }
  `];

  /** The report to show. */
  @property({ attribute: false }) report: AnnualReport | null = null;

  private readonly i18n = new LocaleController(this);

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const l = lang();
    const w = REPORT_WORDS[l];
    const c = w.col;
    const sep = l === 'zh' ? '：' : ': ';
    const totals = reportTotalsTable(r, l, percent);
    return html`
      <div class="meta">
        <p>${w.issuer}${sep}<span data-issuer>${r.issuer[l]}</span></p>
        <p>${w.issuedOn}${sep}<time datetime=${r.issuedOn}>${longDay(r.issuedOn, l)}</time></p>
        <p class="scope">${reportScope(r, l)}</p>
        <p class="scope">${reportPeriodLine(r, l)}</p>
      </div>
      ${this.section('totals', w.totals, totals.headers, totals.rows, reportTotalsNote(l), totals.total)}
      ${this.section('grants', w.grants, [c.product, c.counties, c.giType, c.number, c.grantedOn], this.moves(r, r.newInYear.grants))}
      ${this.section('filings', w.filings, [c.product, c.counties, c.giType, c.appNumber, c.filedOn], this.moves(r, r.newInYear.filings))}
      ${this.section('users', w.users, [c.userName, c.creditCode, c.product, c.giType, c.basis, c.reference, c.from, c.status],
        r.newInYear.authorizedUsers.map((u) => [html`<span lang="zh-CN">${u.name}</span>`, u.creditCode ?? '—', this.product(u.productId, reportProductName(u, l)),
          LABELS.giType[u.giType][l], LABELS.basis[u.basis][l], u.reference ?? '—', renderDate(u.from), LABELS.authorizationStatus[u.status][l]]))}
      ${this.section('counties', w.counties, [c.county, ...GI_TYPES.map((g) => LABELS.giType[g][l]), c.newGrants, c.authorizedUsers],
        r.byCounty.map((x) => [l === 'en' ? x.nameEn : x.nameZh, ...GI_TYPES.map((g) => x.inForce[g]), x.newGrants, x.authorizedUsers]), w.countiesNote)}
      ${this.section('households', w.households, [c.item, c.value], reportStatRows(r, l).map((s) => [s.label, s.value]))}
      ${this.section('renewals', w.renewals, [c.product, c.number, c.validUntil],
        r.renewalsDueNextYear.map((x) => [this.product(x.productId, l === 'en' && x.nameEn ? x.nameEn : x.nameZh), x.number ?? '—', renderDate(x.validUntil)]),
        undefined, undefined, w.noRenewals)}
    `;
  }

  /** A numbered section: its heading, and its table (or a sentence when it has no rows). */
  private section(id: string, title: string, headers: string[], rows: Cell[][], note?: string, total?: Cell[], empty: string = REPORT_WORDS[lang()].none) {
    const cell = (v: Cell) => (typeof v === 'number' || v === null
      ? html`<td class="n">${v === null ? '—' : v.toLocaleString(lang() === 'en' ? 'en-US' : 'zh-CN')}</td>` : html`<td>${v}</td>`);
    // The section is no landmark of its own: its table's scrolling region carries the heading's name.
    return html`<section data-section=${id}>
      <h2 id=${`h-${id}`}>${title}</h2>
      ${rows.length === 0 ? html`<p class="state">${empty}</p>` : html`<div class="table" role="region" tabindex="0" aria-labelledby=${`h-${id}`}><table aria-labelledby=${`h-${id}`}>
        <thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr>${r.map(cell)}</tr>`)}</tbody>
        ${total ? html`<tfoot><tr>${total.map(cell)}</tr></tfoot>` : nothing}
      </table></div>`}
      ${note ? html`<p class="note">${note}</p>` : nothing}
    </section>`;
  }

  private moves(r: AnnualReport, list: ReportMove[]): Cell[][] {
    const l = lang();
    return list.map((m) => [
      this.product(m.productId, reportProductName(m, l)), reportCountyNames(r, m.counties, l),
      reportTypeName(m.giType, m.markKind, l),
      m.number ?? '—', renderDate(m.on),
    ]);
  }

  private product(id: number, name: string) {
    return html`<a href=${withLang(`/products/${id}`)}>${name}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-annual-report': GiAnnualReport }
}
