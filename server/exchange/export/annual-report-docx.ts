/**
 * The annual report as a Word file (.docx), what government offices edit and file: A4, a title and
 * the issuing body, numbered headings that keep with their tables, real Word tables whose header
 * row repeats on every page and whose rows never split, page numbers in the footer, and 宋体 (SimSun)
 * as the East Asian font with 黑体 (SimHei) for headings.
 */
import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun,
  WidthType,
} from 'docx';
import {
  formatPartialDate, GI_TYPES, LABELS, longDay, percent, REPORT_WORDS, reportCountyNames, reportPeriodLine, reportProductName,
  reportScope, reportStatRows, reportTitle, reportTotalsNote, reportTotalsTable, reportTypeName, type AnnualReport, type ReportLang,
} from '../../../db/model';

/** Fonts: the body in 宋体, headings in 黑体; Latin text in Times New Roman beside them. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei', cs: 'Times New Roman' };
/** A4 in twentieths of a point, with 2.5 cm / 2.3 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1417, bottom: 1417, left: 1304, right: 1304 };

type Cell = string | number | null;

const numberText = (n: number | null, lang: ReportLang) => (n === null ? '—' : n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'));

function paragraph(text: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean } = {}) {
  return new Paragraph({ alignment: options.align, keepNext: options.keepNext, children: [new TextRun({ text, bold: options.bold })] });
}

function heading(text: string) {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, keepLines: true, children: [new TextRun(text)] });
}

/** A Word table: the header row repeats on each page, no row splits across pages, numbers to the right. */
function table(headers: string[], rows: Cell[][], lang: ReportLang, bold: number[] = []) {
  const cell = (value: Cell, header: boolean) => new TableCell({
    children: [new Paragraph({
      alignment: typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      // The header row keeps with the first row (and the heading with the header), so a heading never ends a page alone.
      keepNext: header,
      children: [new TextRun({ text: typeof value === 'number' || value === null ? numberText(value, lang) : value, bold: header })],
    })],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r, i) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, bold.includes(i))) })),
    ],
  });
}

/** A section: its heading, then its table (or a sentence when it has no rows), then an optional note. */
function section(title: string, headers: string[], rows: Cell[][], lang: ReportLang, empty: string, note?: string, bold?: number[]) {
  return [
    heading(title),
    ...(rows.length ? [table(headers, rows, lang, bold)] : [paragraph(empty)]),
    ...(note ? [paragraph(note)] : []),
  ];
}

/** The body of the report: title, issuer and date, then the seven sections. */
function reportBody(r: AnnualReport, lang: ReportLang): (Paragraph | Table)[] {
  const w = REPORT_WORDS[lang];
  const c = w.col;
  const day = (d: string) => formatPartialDate(d, lang);
  const product = (x: { productZh: string; productEn: string | null }) => reportProductName(x, lang);
  const totals = reportTotalsTable(r, lang, percent);
  const moveRows = (list: AnnualReport['newInYear']['grants']) =>
    list.map((m) => [product(m), reportCountyNames(r, m.counties, lang), reportTypeName(m.giType, m.markKind, lang), m.number ?? '—', day(m.on)]);
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(reportTitle(r.year, lang))] }),
    paragraph(`${w.issuer}${lang === 'zh' ? '：' : ': '}${r.issuer[lang]}`, { align: AlignmentType.CENTER }),
    paragraph(`${w.issuedOn}${lang === 'zh' ? '：' : ': '}${longDay(r.issuedOn, lang)}`, { align: AlignmentType.CENTER }),
    paragraph(reportScope(r, lang)),
    paragraph(reportPeriodLine(r, lang)),
    ...section(w.totals, totals.headers, [...totals.rows, totals.total], lang, w.none, reportTotalsNote(lang), [r.totals.length]),
    ...section(w.grants, [c.product, c.counties, c.giType, c.number, c.grantedOn], moveRows(r.newInYear.grants), lang, w.none),
    ...section(w.filings, [c.product, c.counties, c.giType, c.appNumber, c.filedOn], moveRows(r.newInYear.filings), lang, w.none),
    ...section(w.users, [c.userName, c.creditCode, c.product, c.giType, c.basis, c.reference, c.from, c.status],
      r.newInYear.authorizedUsers.map((u) => [u.name, u.creditCode ?? '—', product(u), LABELS.giType[u.giType][lang],
        LABELS.basis[u.basis][lang], u.reference ?? '—', day(u.from), LABELS.authorizationStatus[u.status][lang]]), lang, w.none),
    ...section(w.counties, [c.county, ...GI_TYPES.map((g) => LABELS.giType[g][lang]), c.newGrants, c.authorizedUsers],
      r.byCounty.map((x) => [lang === 'en' ? x.nameEn : x.nameZh, ...GI_TYPES.map((g) => x.inForce[g]), x.newGrants, x.authorizedUsers]),
      lang, w.none, w.countiesNote),
    ...section(w.households, [c.item, c.value], reportStatRows(r, lang).map((s) => [s.label, s.value]), lang, w.none),
    ...section(w.renewals, [c.product, c.number, c.validUntil],
      r.renewalsDueNextYear.map((x) => [lang === 'en' && x.nameEn ? x.nameEn : x.nameZh, x.number ?? '—', x.validUntil]), lang, w.noRenewals),
  ];
}

/** The annual report as the bytes of a .docx file in one language. */
export async function annualReportDocx(r: AnnualReport, lang: ReportLang): Promise<Uint8Array> {
  const pageLabel = REPORT_WORDS[lang].page('\u0000').split('\u0000');
  const doc = new Document({
    creator: r.issuer[lang],
    title: reportTitle(r.year, lang),
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24, language: { value: lang === 'zh' ? 'zh-CN' : 'en-GB', eastAsia: 'zh-CN' } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: HEADING_FONT, size: 28, bold: true, color: '000000' }, paragraph: { keepNext: true, spacing: { before: 360, after: 120 } } },
      },
    },
    sections: [{
      properties: { page: { size: A4, margin: MARGIN } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [pageLabel[0], PageNumber.CURRENT, pageLabel[1]] })],
          })],
        }),
      },
      children: reportBody(r, lang),
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
