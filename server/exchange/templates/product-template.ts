/**
 * The import template (`GET /api/import/template.xlsx`, README "HTTP API"): the product sheet
 * (product-columns.ts) to fill, laid out like the export (same header cells, so a filled template
 * imports as it is) with drop-down lists, formats and one example row, and a sheet of instructions in
 * Chinese with English lines.
 *
 * It depends on the registry only through the counties' names, so it is built once per set of names
 * and kept (a few tens of kilobytes).
 */
import type { Db } from '../../../db/open';
import { todayInShanghai } from '../../../db/model';
import { LABELS } from '../../../db/model/labels';
import { loadCountyHistory } from '../../domain/places/county-history';
import { DATE_FORMS, DATE_HELP } from '../cells/cell-dates';
import type { CountyName } from '../cells/cell-counties';
import { IMPORT_LIMITS } from '../read/limits';
import { PRODUCT_COLUMNS, PRODUCT_KEYS, type ProductColumnKey } from '../sheets/product-columns';
import { headerCell } from '../sheets/sheet-columns';
import { addColumnHelp, addFillSheet, addInstructionsSheet, addListHelp, type Instructions } from './template-sheet';

/** The name of the sheet the import reads (the first one). */
export const TEMPLATE_SHEET = '导入 Import';
/** The name of the instructions sheet. */
export const INSTRUCTIONS_SHEET = '填写说明 Instructions';

/**
 * The example row: a made-up product of 沁水县 being filed for a GI certification mark, its name marked
 * "示例" so that the import recognises the row and skips it (product-list.ts, isExampleName).
 */
export const EXAMPLE_ROW: Partial<Record<ProductColumnKey, string | Date>> = {
  product_zh: '示例：沁水核桃',
  product_en: 'Qinshui walnut',
  category: LABELS.category.food.zh,
  counties_zh: '沁水县',
  gi_type: LABELS.giType.trademark.zh,
  mark_kind: LABELS.markKind.certification.zh,
  status: LABELS.status.filed.zh,
  holder: '沁水县核桃产业协会',
  filed_on: new Date(Date.UTC(2024, 4, 1)),
};

/** Builds the template workbook for these counties (in the order given). */
export async function buildImportTemplate(counties: readonly CountyName[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded on first use, not at start-up
  const book = new Excel.Workbook();
  book.creator = 'Jincheng GI registry';
  addFillSheet(book, { name: TEMPLATE_SHEET, columns: PRODUCT_COLUMNS, keys: PRODUCT_KEYS, example: EXAMPLE_ROW }, counties);
  addInstructionsSheet(book, INSTRUCTIONS_SHEET, (sheet) => instructions(sheet, counties));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function instructions({ line, heading }: Instructions, counties: readonly CountyName[]): void {
  heading('怎样填写 How to fill it in');
  line('1', `在"${TEMPLATE_SHEET}"表中每行填写一个产品的一项地理标志（一个产品有多项地理标志时写多行，产品名称相同）。表头请勿修改。`,
    `On the "${TEMPLATE_SHEET}" sheet, write one GI of one product per row (a product with several GIs takes several rows with the same name). Keep the header row as it is.`);
  line('2', '第2行（灰色斜体）是示例：沁水核桃为虚构的示例产品。产品名称以"示例"开头的行不会导入（报告中会说明已跳过），可以保留；也可以删除或改写这一行（改写时去掉"示例"二字）。',
    'Row 2 (grey italics) is an example: 沁水核桃 is made up. A row whose name starts with 示例 (or Example) is never imported (the report says it was skipped), so it may stay; or delete or overwrite it (removing 示例).');
  line('3', '表头为橙色的列是新增产品的必填项：产品名称、类别、县（市、区）。',
    'The orange headers are required for a new product: name, category, counties.');
  line('4', '在工作台"批量导入"页面先点"检查（不保存）"：逐行说明将新增或更改什么，不保存任何内容；全部无误后再点"导入"。新产品按"公开范围"列保存；该列留空时按页面上"导入为"的选择（默认草稿：不在地图和统计中显示，导入后可在报告中一键公开）。',
    'On the workspace’s import page, first Check (nothing is saved): it says row by row what would be added or changed; then Import. New products are kept as their Visibility column says; left blank, as the page’s “Import as” choice (a draft unless chosen otherwise: off the map and the tally, and publishable from the report).');
  line('5', `每次最多导入 ${IMPORT_LIMITS.rows.toLocaleString('en-US')} 行，文件不超过 ${Math.round(IMPORT_LIMITS.fileBytes / 1024 / 1024)} MB。一次导入要么全部成功，要么一行也不保存：有错误的行会在报告中指出行号、列名和改法。`,
    `At most ${IMPORT_LIMITS.rows.toLocaleString('en-US')} rows per import and ${Math.round(IMPORT_LIMITS.fileBytes / 1024 / 1024)} MB per file. An import keeps all rows or none: each problem is reported with its row, column and what to write instead.`);
  line('6', '也可以导入从本系统导出的表格（CSV 或 XLSX），改动后重新导入即可更新。',
    'An export of the registry (CSV or XLSX) imports too: change it and import it again to update.');

  heading('新增还是更新 New or updated');
  line('产品编号 product_id', '填写了产品编号的行，更新该产品（只改动填写了的内容，留空的格不改）。',
    'A row with a product number updates that product (filled cells change it; blank cells leave it as it is).');
  line('产品名称 product_zh', '不填产品编号时，产品名称与您管辖范围内已有产品相同的行，更新该产品；否则新增产品。',
    'Without a product number, a row whose Chinese name is that of an existing product in your scope updates it; otherwise it adds a product.');
  line('状态 status', '状态比原来更进一步时（如 已申报 → 已获批），按填写的日期记录带日期的状态变更，每一步都按规则检查。',
    'A later status (such as filed → granted) becomes the dated moves that lead to it, each checked against the rules.');

  heading('各列说明 The columns');
  addColumnHelp(line, PRODUCT_COLUMNS, PRODUCT_KEYS);

  heading('代码或中文均可 Codes or Chinese labels');
  line('说明', '有下拉列表的列，填写中文名称或代码都可以识别，如"农产品地理标志"或 agricultural_product、"证明商标"或 certification、"沁水县"或 140521。',
    'Columns with a list take the Chinese label or the code alike: 农产品地理标志 or agricultural_product, 证明商标 or certification, 沁水县 or 140521.');
  addListHelp(line, PRODUCT_COLUMNS, PRODUCT_KEYS, counties);

  heading('日期写法 Dates');
  for (const form of DATE_FORMS) line(form.example, form.zh, form.en);
  line('说明', DATE_HELP.zh, DATE_HELP.en);
  line('只知道年月或年份', '日期列已设为日期格式。只知道年月或年份时，请先把该单元格设为"文本"格式再填写 2024-05 或 2024；否则 Excel 会把 2024年5月 变成 5月1日、把 2024 显示成 1905 年的日期。',
    'The date columns are formatted as dates. When only the month or the year is known, format the cell as Text first, then write 2024-05 or 2024; otherwise Excel turns 2024年5月 into 1 May and shows 2024 as a date in 1905.');
  line(headerCell('valid_until', PRODUCT_COLUMNS.valid_until), '有效期须写到具体哪一天。', 'Valid until needs the exact day.');
}

/** The template as last built, keyed by the counties' names (the only part that comes from the registry). */
let kept: { key: string; body: Promise<Buffer> } | null = null;

/** The template for the counties that exist today: built on first use, then kept while their names stay the same. */
export function importTemplate(db: Db): Promise<Buffer> {
  const counties = loadCountyHistory(db).spansOn(todayInShanghai()).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
  const key = JSON.stringify(counties);
  if (kept?.key !== key) {
    const body = buildImportTemplate(counties);
    kept = { key, body };
    body.catch(() => { if (kept?.body === body) kept = null; }); // a failed build is tried again next time
  }
  return kept.body;
}
