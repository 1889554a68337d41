/**
 * The import template (`GET /api/import/template.xlsx`, DESIGN.md "Spreadsheets: the officials' front
 * door"): a sheet laid out like the export (same header cells, so a filled template imports as it is),
 * with drop-down lists of the Chinese labels on the coded columns, date-formatted date columns, one
 * example row, and a sheet of instructions in Chinese with English lines.
 *
 * It depends on the registry only through the counties' names, so it is built once per set of names
 * and kept (a few tens of kilobytes).
 */
import { asc } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { Db } from '../../../db/open';
import { LABELS, type Label, type Vocabulary } from '../../../db/model/labels';
import type { Status } from '../../../db/model';
import * as t from '../../../db/schema';
import { DATE_FORMS, DATE_HELP } from '../cells/cell-dates';
import type { CountyName } from '../cells/cell-values';
import { IMPORT_LIMITS } from '../read/limits';
import { DATE_FORMAT, EXPORT_COLUMNS, PRODUCT_XLSX_COLUMNS, headerOf } from '../export/export';

/** The name of the sheet the import reads (the first one). */
export const TEMPLATE_SHEET = '导入 Import';
/** The name of the instructions sheet. */
export const INSTRUCTIONS_SHEET = '填写说明 Instructions';
/** The data rows that carry the drop-down lists (the example row included). */
export const TEMPLATE_ROWS = { first: 2, last: 2001 } as const;

/** The statuses an import may set (the others are decisions recorded in the workspace). */
export const TEMPLATE_STATUSES = ['cultivating', 'filed', 'published', 'granted'] as const satisfies readonly Status[];

type ColumnKey = (typeof EXPORT_COLUMNS)[number][0];

/** What each column holds, in Chinese and English (one line each on the instructions sheet). */
const COLUMN_HELP: Record<ColumnKey, Label> = {
  product_id: {
    zh: '系统中的产品编号（导出表格中已有）。填写后这一行更新该产品；新增产品时留空',
    en: 'The registry’s product number (as in an export). When filled, the row updates that product; leave it blank for a new product',
  },
  product_zh: {
    zh: '产品的中文名称，如"沁水黄小米"。新增产品时必填；不填产品编号时，与已有产品同名的行更新该产品',
    en: 'The product’s Chinese name. Required for a new product; without a product number, a row with the name of an existing product updates it',
  },
  product_en: { zh: '英文名称，可不填', en: 'English name (optional)' },
  category: { zh: '产品类别，从下拉列表中选择。新增产品时必填', en: 'Category: pick from the list. Required for a new product' },
  county_adcodes: {
    zh: '县（市、区）的行政区划代码，如 140521。与"县（市、区）"填其一即可；两列都填时以代码为准',
    en: 'County codes such as 140521. Fill this or the county names; when both are filled the codes count',
  },
  counties_zh: {
    zh: '所在县（市、区），从下拉列表中选择；跨县的产品写多个，用"、"或";"分开，如"沁水县、阳城县"。新增产品时必填（或填代码）',
    en: 'County names: pick from the list; for a product of several counties write them all, separated by "、" or ";". Required for a new product (or the codes)',
  },
  gi_type: {
    zh: '地理标志类型，从下拉列表中选择。不填则只登记产品，不登记地理标志',
    en: 'GI type: pick from the list. Leave it blank to record the product without a GI',
  },
  mark_kind: {
    zh: '仅地理标志商标填写：集体商标或证明商标；其他类型留空',
    en: 'For GI trademarks only: collective or certification mark; blank for the other types',
  },
  status: {
    zh: '状态：培育中、已申报、已公示或已获批。撤回、驳回、撤销、失效请在工作台中办理。填写状态时请一并填写对应日期',
    en: 'Status: cultivating, filed, published or granted (withdrawals, rejections, revocations and expiry are recorded in the workspace). Give the matching dates',
  },
  holder: { zh: '持有人（申请人、注册人或登记证书持有人）的全称', en: 'Holder: the applicant’s, registrant’s or certificate holder’s full name' },
  holder_credit_code: {
    zh: '持有人的18位统一社会信用代码（该列已设为文本格式，请勿改成数字）',
    en: 'The holder’s 18-character unified social credit code (the column is formatted as text; keep it so)',
  },
  number: { zh: '商标注册号、登记证书编号或公告号', en: 'Trademark registration, certificate or announcement number' },
  announcement: { zh: '批准或登记的公告名称、文号', en: 'The announcement of the grant (title or number)' },
  filed_on: { zh: '申报日期（写法见下）', en: 'Date filed (forms below)' },
  granted_on: { zh: '获批（注册、登记）日期（写法见下）', en: 'Date granted, registered or approved (forms below)' },
  valid_until: { zh: '有效期至，须写到具体哪一天，如 2034-05-01', en: 'Valid until: the exact day, such as 2034-05-01' },
  sources: {
    zh: '信息来源：文件名、网址，或"标题 <网址>"（网址以 http:// 或 https:// 开头），多条用分号";"分开',
    en: 'Sources: a document, an address, or "title <address>" (addresses start with http:// or https://), separated by semicolons',
  },
};

/** Which vocabulary each coded column takes (its drop-down list). */
const CODED_COLUMNS: Partial<Record<ColumnKey, Vocabulary>> = {
  category: 'category', gi_type: 'giType', mark_kind: 'markKind', status: 'status',
};

/** The Chinese labels of a vocabulary's codes (of the import's statuses only, for `status`). */
export function listLabels(vocabulary: Vocabulary): string[] {
  const labels = LABELS[vocabulary] as Record<string, Label>;
  const codes = vocabulary === 'status' ? TEMPLATE_STATUSES : Object.keys(labels);
  return codes.map((code) => labels[code].zh);
}

/** The example row: a plausible product of 沁水县 being filed for a GI certification mark. */
export const EXAMPLE_ROW: Partial<Record<ColumnKey, string | Date>> = {
  product_zh: '沁水核桃',
  product_en: 'Qinshui walnut',
  category: LABELS.category.food.zh,
  counties_zh: '沁水县',
  gi_type: LABELS.giType.trademark.zh,
  mark_kind: LABELS.markKind.certification.zh,
  status: LABELS.status.filed.zh,
  holder: '沁水县核桃产业协会',
  filed_on: new Date(Date.UTC(2024, 4, 1)),
};

/** A list validation: Excel's inline list (a quoted, comma-separated text of at most 255 characters). */
export function listValidation(values: readonly string[], error: Label, prompt?: string): ExcelJS.DataValidation {
  const list = values.join(',');
  if (list.length > 255 || values.some((v) => /[",]/.test(v))) throw new Error(`Cannot be an inline list: ${list}`);
  return {
    type: 'list', allowBlank: true, formulae: [`"${list}"`],
    // A warning, not a stop: codes (trademark), synonyms and several counties (沁水县、阳城县) are accepted too.
    showErrorMessage: true, errorStyle: 'warning', errorTitle: '不在下拉列表中 / Not in the list',
    error: `${error.zh}\n${error.en}`,
    ...(prompt ? { showInputMessage: true, promptTitle: '填写提示', prompt } : {}),
  };
}

/** A column's header cell, as the sheet shows it. */
const headerFor = (key: ColumnKey) => headerOf(EXPORT_COLUMNS.find((c) => c[0] === key)!);

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
/** Columns a new product needs (shaded orange in the header). */
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const REQUIRED = new Set<ColumnKey>(['product_zh', 'category', 'counties_zh']);
const DATE_KEYS = new Set<ColumnKey>(['filed_on', 'granted_on', 'valid_until']);
const TEXT_KEYS = new Set<ColumnKey>(['county_adcodes', 'holder_credit_code', 'number']);

/** Builds the template workbook for these counties (in the order given). */
export async function buildImportTemplate(counties: readonly CountyName[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded on first use, not at start-up
  const book = new Excel.Workbook();
  book.creator = 'Jincheng GI registry';
  addImportSheet(book, counties);
  addInstructionsSheet(book, counties);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addImportSheet(book: ExcelJS.Workbook, counties: readonly CountyName[]): void {
  const sheet = book.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({ header: headerOf(c), key: c[0], width: PRODUCT_XLSX_COLUMNS[i].width }));
  const { first, last } = TEMPLATE_ROWS;
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  EXPORT_COLUMNS.forEach(([key], i) => {
    const column = sheet.getColumn(i + 1);
    const letter = column.letter;
    // Column formats apply to every cell typed into the column, however far down.
    if (DATE_KEYS.has(key)) column.numFmt = DATE_FORMAT;
    if (TEXT_KEYS.has(key)) column.numFmt = '@';
    const vocabulary = CODED_COLUMNS[key];
    let validation: ExcelJS.DataValidation | null = null;
    if (vocabulary) {
      validation = listValidation(listLabels(vocabulary), {
        zh: '请从下拉列表中选择。也可以填写代码（如 trademark）；确定无误请点"是"。',
        en: 'Pick from the list. A code (such as trademark) is accepted too; choose Yes to keep it.',
      });
    } else if (key === 'counties_zh') {
      validation = listValidation(counties.map((c) => c.nameZh), {
        zh: '请从下拉列表中选择；跨县的产品可写多个县，用"、"分开（如"沁水县、阳城县"），确定无误请点"是"。',
        en: 'Pick from the list; a product of several counties may name them all, separated by "、". Choose Yes to keep it.',
      }, '跨县的产品写多个县，用"、"分开');
    } else if (key === 'county_adcodes') {
      validation = listValidation(counties.map((c) => c.code), {
        zh: '请填写县（市、区）代码；多个代码用";"分开，确定无误请点"是"。',
        en: 'Write county codes; separate several with ";". Choose Yes to keep it.',
      });
    }
    if (validation) validations.add(`${letter}${first}:${letter}${last}`, validation);
  });

  const header = sheet.getRow(1);
  header.height = 30;
  EXPORT_COLUMNS.forEach(([key], i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = REQUIRED.has(key) ? REQUIRED_FILL : HEADER_FILL;
    cell.numFmt = 'General';
    cell.alignment = { vertical: 'middle', wrapText: true };
  });

  const example = sheet.getRow(2);
  EXPORT_COLUMNS.forEach(([key], i) => {
    const value = EXAMPLE_ROW[key];
    if (value === undefined) return;
    const cell = example.getCell(i + 1);
    cell.value = value;
    cell.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
}

function addInstructionsSheet(book: ExcelJS.Workbook, counties: readonly CountyName[]): void {
  const sheet = book.addWorksheet(INSTRUCTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: '项目 Item', width: 30 }, { header: '说明', width: 80 }, { header: 'English', width: 80 }];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
  const line = (item: string, zh: string, en: string) => sheet.addRow([item, zh, en]);
  const heading = (zh: string, en: string) => {
    sheet.addRow([]);
    const row = sheet.addRow([`${zh} ${en}`]);
    row.font = { bold: true, size: 12 };
  };
  const labelList = (vocabulary: Vocabulary, codes?: readonly string[]) => {
    const labels = LABELS[vocabulary] as Record<string, Label>;
    return (codes ?? Object.keys(labels)).map((code) => `${labels[code].zh}（${code}）`).join('、');
  };

  heading('怎样填写', 'How to fill it in');
  line('1', `在"${TEMPLATE_SHEET}"表中每行填写一个产品的一项地理标志（一个产品有多项地理标志时写多行，产品名称相同）。表头请勿修改。`,
    `On the "${TEMPLATE_SHEET}" sheet, write one GI of one product per row (a product with several GIs takes several rows with the same name). Keep the header row as it is.`);
  line('2', '第2行（灰色斜体）是示例：沁水核桃为虚构的示例产品。导入前请删除或改写这一行。',
    'Row 2 (grey italics) is an example: 沁水核桃 is made up. Delete or overwrite it before importing.');
  line('3', '表头为橙色的列是新增产品的必填项：产品名称、类别、县（市、区）。',
    'The orange headers are required for a new product: name, category, counties.');
  line('4', '在工作台"批量导入"页面先点"检查（不保存）"：逐行说明将新增或更改什么，不保存任何内容；全部无误后再点"导入"。新产品以草稿保存。',
    'On the workspace’s import page, first Check (nothing is saved): it says row by row what would be added or changed; then Import. New products are saved as drafts.');
  line('5', `每次最多导入 ${IMPORT_LIMITS.rows.toLocaleString('en-US')} 行，文件不超过 ${Math.round(IMPORT_LIMITS.fileBytes / 1024 / 1024)} MB。一次导入要么全部成功，要么一行也不保存：有错误的行会在报告中指出行号、列名和改法。`,
    `At most ${IMPORT_LIMITS.rows.toLocaleString('en-US')} rows per import and ${Math.round(IMPORT_LIMITS.fileBytes / 1024 / 1024)} MB per file. An import keeps all rows or none: each problem is reported with its row, column and what to write instead.`);
  line('6', '也可以导入从本系统导出的表格（CSV 或 XLSX），改动后重新导入即可更新。',
    'An export of the registry (CSV or XLSX) imports too: change it and import it again to update.');

  heading('新增还是更新', 'New or updated');
  line('产品编号 product_id', '填写了产品编号的行，更新该产品（只改动填写了的内容，留空的格不改）。',
    'A row with a product number updates that product (filled cells change it; blank cells leave it as it is).');
  line('产品名称 product_zh', '不填产品编号时，产品名称与您管辖范围内已有产品相同的行，更新该产品；否则新增产品。',
    'Without a product number, a row whose Chinese name is that of an existing product in your scope updates it; otherwise it adds a product.');
  line('状态 status', '状态比原来更进一步时（如 已申报 → 已获批），按填写的日期记录带日期的状态变更，每一步都按规则检查。',
    'A later status (such as filed → granted) becomes the dated moves that lead to it, each checked against the rules.');

  heading('各列说明', 'The columns');
  for (const c of EXPORT_COLUMNS) line(headerOf(c), COLUMN_HELP[c[0]].zh, COLUMN_HELP[c[0]].en);

  heading('代码或中文均可', 'Codes or Chinese labels');
  line('说明', '有下拉列表的列，填写中文名称或代码都可以识别，如"农产品地理标志"或 agricultural_product、"证明商标"或 certification、"沁水县"或 140521。',
    'Columns with a list take the Chinese label or the code alike: 农产品地理标志 or agricultural_product, 证明商标 or certification, 沁水县 or 140521.');
  line(headerFor('category'), labelList('category'), 'Category');
  line(headerFor('gi_type'), labelList('giType'), 'GI type');
  line(headerFor('mark_kind'), labelList('markKind'), 'Mark kind (GI trademarks only)');
  line(headerFor('status'), labelList('status', TEMPLATE_STATUSES), 'Statuses an import may set');
  line(headerFor('counties_zh'), counties.map((c) => `${c.nameZh}（${c.code}）`).join('、'),
    counties.map((c) => `${c.nameEn} (${c.code})`).join(', '));

  heading('日期写法', 'Dates');
  for (const form of DATE_FORMS) line(form.example, form.zh, form.en);
  line('说明', DATE_HELP.zh, DATE_HELP.en);
  line('只知道年月或年份', '日期列已设为日期格式。只知道年月或年份时，请先把该单元格设为"文本"格式再填写 2024-05 或 2024；否则 Excel 会把 2024年5月 变成 5月1日、把 2024 显示成 1905 年的日期。',
    'The date columns are formatted as dates. When only the month or the year is known, format the cell as Text first, then write 2024-05 or 2024; otherwise Excel turns 2024年5月 into 1 May and shows 2024 as a date in 1905.');
  line(headerFor('valid_until'), '有效期须写到具体哪一天。', 'Valid until needs the exact day.');

  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
}

/** The template as last built, keyed by the counties' names (the only part that comes from the registry). */
let kept: { key: string; body: Promise<Buffer> } | null = null;

/** The template for the registry's counties: built on first use, then kept while the names stay the same. */
export function importTemplate(db: Db): Promise<Buffer> {
  const counties = db.select({ code: t.counties.code, nameZh: t.counties.nameZh, nameEn: t.counties.nameEn })
    .from(t.counties).orderBy(asc(t.counties.code)).all();
  const key = JSON.stringify(counties);
  if (kept?.key !== key) {
    const body = buildImportTemplate(counties);
    kept = { key, body };
    body.catch(() => { if (kept?.body === body) kept = null; }); // a failed build is tried again next time
  }
  return kept.body;
}
