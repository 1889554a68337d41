/**
 * The authorised-user list template (`GET /api/import/authorized-users-template.xlsx`): a sheet with
 * the columns a county keeps for its 用标企业 (the same header cells as the export's "用标企业" sheet,
 * so a filled template imports on the same import page and is told apart by its header), drop-down
 * lists for the GI type, the basis and the status, date-formatted date columns, a text-formatted credit
 * code column, one example row, and instructions in Chinese with English lines.
 */
import type ExcelJS from 'exceljs';
import { LABELS, type Label, type Vocabulary } from '../../../db/model/labels';
import { DATE_FORMS, DATE_HELP } from '../cells/cell-dates';
import { IMPORT_LIMITS } from '../read/limits';
import { USER_COLUMNS, type UserColumnKey } from '../sheets/user-columns';
import { DATE_FORMAT, headerOf } from '../export/export';
import { listValidation, TEMPLATE_ROWS } from './product-template';

/** The sheet the import reads (the first one). */
export const USER_TEMPLATE_SHEET = '用标企业 Authorised users';
/** The instructions sheet. */
export const USER_INSTRUCTIONS_SHEET = '填写说明 Instructions';

/** The template's columns, in order (the record and product numbers are optional alternatives, explained on the instructions sheet). */
export const USER_TEMPLATE_COLUMNS: readonly UserColumnKey[] = [
  'product_zh', 'gi_type', 'user_name', 'credit_code', 'basis', 'reference', 'from', 'until', 'status',
];

/** A column's header cell, as the sheet (and the export) shows it: "用标企业名称 user_name". */
export const userHeaderOf = (key: UserColumnKey) => headerOf([key, USER_COLUMNS[key].zh]);

const WIDTHS: Partial<Record<UserColumnKey, number>> = { product_zh: 20, gi_type: 22, user_name: 34, credit_code: 24, basis: 22, reference: 24, status: 14 };
const REQUIRED = new Set<UserColumnKey>(['product_zh', 'gi_type', 'user_name', 'basis', 'from']);
const CODED: Partial<Record<UserColumnKey, Vocabulary>> = { gi_type: 'giType', basis: 'basis', status: 'authorizationStatus' };
const DATES = new Set<UserColumnKey>(['from', 'until']);

/** What each column holds, in both languages. */
const HELP: Record<UserColumnKey, Label> = {
  designation_id: { zh: '系统中的地理标志记录编号（导出表格中已有）。填写后可不填产品名称和地理标志类型', en: 'The registry’s GI record number (as in an export); with it, the product name and GI type may be left blank' },
  product_id: { zh: '系统中的产品编号（导出表格中已有）。同名产品有多个时填写', en: 'The registry’s product number (as in an export); needed when several products share a name' },
  product_zh: { zh: '用标的地理标志产品名称，须是系统中已登记的产品，如"沁水黄小米"', en: 'The name of the GI product, as recorded in the registry' },
  gi_type: { zh: '地理标志类型，从下拉列表中选择。产品只有一项地理标志时可不填', en: 'GI type: pick from the list. May be blank when the product has one GI' },
  mark_kind: { zh: '仅供查看，导入时不读取', en: 'For reading only; the import leaves it alone' },
  number: { zh: '仅供查看，导入时不读取', en: 'For reading only; the import leaves it alone' },
  user_name: { zh: '用标企业（合作社、个体户）的全称', en: 'The full name of the enterprise, cooperative or household using the mark' },
  credit_code: {
    zh: '18位统一社会信用代码（该列已设为文本格式）。与系统中同一地理标志的用标企业代码相同的行，更新该企业',
    en: 'The 18-character unified social credit code (the column is text). A row with the code of an existing user of the same GI updates it',
  },
  basis: {
    zh: '用标依据：核准使用的生产者（地理标志产品）、集体商标成员（仅集体商标）、证明商标被许可人（仅证明商标）、登记备案的其他使用人',
    en: 'Basis: approved producer; member of a collective mark (collective marks only); licensee (certification marks only); other registered user',
  },
  reference: { zh: '核准或备案的公告号、备案号', en: 'The announcement or filing number that authorised it' },
  from: { zh: '起始日期，须写到具体哪一天（写法见下）', en: 'From: the exact day (forms below)' },
  until: { zh: '截止日期，无期限的留空', en: 'Until: the exact day; blank when open-ended' },
  status: { zh: '用标状态：有效、暂停使用、已撤销；不填为有效', en: 'Status: active, suspended or revoked; blank means active' },
};

/** The example row: a made-up cooperative of 沁水县. */
const EXAMPLE: Partial<Record<UserColumnKey, string | Date>> = {
  product_zh: '沁水核桃', gi_type: LABELS.giType.trademark.zh, user_name: '沁水县示例核桃专业合作社',
  basis: LABELS.basis.licensee.zh, reference: '备案第1号', from: new Date(Date.UTC(2024, 4, 1)), status: LABELS.authorizationStatus.active.zh,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** Builds the authorised-user template workbook. */
export async function buildUserTemplate(): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Jincheng GI registry';
  addListSheet(book);
  addInstructions(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addListSheet(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet(USER_TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.columns = USER_TEMPLATE_COLUMNS.map((key) => ({ header: userHeaderOf(key), key, width: WIDTHS[key] ?? 14 }));
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  USER_TEMPLATE_COLUMNS.forEach((key, i) => {
    const column = sheet.getColumn(i + 1);
    if (DATES.has(key)) column.numFmt = DATE_FORMAT;
    if (key === 'credit_code' || key === 'reference') column.numFmt = '@';
    const vocabulary = CODED[key];
    if (vocabulary) {
      const labels = Object.values(LABELS[vocabulary] as Record<string, Label>).map((l) => l.zh);
      validations.add(`${column.letter}${TEMPLATE_ROWS.first}:${column.letter}${TEMPLATE_ROWS.last}`, listValidation(labels, {
        zh: '请从下拉列表中选择。也可以填写代码；确定无误请点"是"。', en: 'Pick from the list. A code is accepted too; choose Yes to keep it.',
      }));
    }
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = REQUIRED.has(key) ? REQUIRED_FILL : HEADER_FILL;
    cell.numFmt = 'General';
    cell.alignment = { vertical: 'middle', wrapText: true };
    const example = EXAMPLE[key];
    if (example !== undefined) {
      const c = sheet.getRow(2).getCell(i + 1);
      c.value = example;
      c.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    }
  });
  sheet.getRow(1).height = 30;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: USER_TEMPLATE_COLUMNS.length } };
}

function addInstructions(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet(USER_INSTRUCTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: '项目 Item', width: 30 }, { header: '说明', width: 80 }, { header: 'English', width: 80 }];
  sheet.getRow(1).font = { bold: true };
  const line = (item: string, zh: string, en: string) => sheet.addRow([item, zh, en]);
  const heading = (text: string) => { sheet.addRow([]); sheet.addRow([text]).font = { bold: true, size: 12 }; };
  heading('怎样填写 How to fill it in');
  line('1', `在"${USER_TEMPLATE_SHEET}"表中每行填写一家企业使用一项地理标志（一家企业使用多项时写多行）。表头请勿修改：系统凭"用标企业名称"列认出这是用标企业名单。`,
    `On the "${USER_TEMPLATE_SHEET}" sheet, write one enterprise using one GI per row. Keep the header: the "用标企业名称" column tells the import this is a list of authorised users.`);
  line('2', '第2行（灰色斜体）是示例，导入前请删除或改写。橙色表头为新增用标企业的必填项。',
    'Row 2 (grey italics) is an example: delete or overwrite it. Orange headers are required for a new user.');
  line('3', '在工作台"批量导入"页面上传，与产品表格相同：先"检查（不保存）"，逐行说明将新增或更改什么；全部无误后再"导入"，要么全部导入，要么一行也不保存。只能导入本县（市、区）产品的用标企业。',
    'Upload it on the workspace’s import page, as for products: Check first (nothing is saved), then Import (all rows or none). Officials may import the users of their own county’s products only.');
  line('4', `每次最多 ${IMPORT_LIMITS.rows.toLocaleString('en-US')} 行。统一社会信用代码相同（或无代码而名称相同）的行更新系统中已有的用标企业，留空的格不改。`,
    `At most ${IMPORT_LIMITS.rows.toLocaleString('en-US')} rows. A row with the credit code (or, without one, the name) of an existing user of the GI updates it; blank cells leave it as it is.`);
  heading('各列说明 The columns');
  for (const key of Object.keys(USER_COLUMNS) as UserColumnKey[]) line(userHeaderOf(key), HELP[key].zh, HELP[key].en);
  heading('代码或中文均可 Codes or Chinese labels');
  for (const [key, vocabulary] of Object.entries(CODED) as [UserColumnKey, Vocabulary][]) {
    const labels = Object.entries(LABELS[vocabulary] as Record<string, Label>);
    line(userHeaderOf(key), labels.map(([code, l]) => `${l.zh}（${code}）`).join('、'), labels.map(([, l]) => l.en).join(', '));
  }
  heading('日期写法 Dates');
  for (const form of DATE_FORMS.filter((f) => f.precision === 'day')) line(form.example, form.zh, form.en);
  line('说明', `${DATE_HELP.zh}。用标的起止日期须写到具体哪一天。`, `${DATE_HELP.en}. The dates of use need the exact day.`);
  sheet.eachRow((row, n) => { if (n > 1) row.alignment = { vertical: 'top', wrapText: true }; });
}

let kept: Promise<Buffer> | null = null;

/** The template, built on first use and kept (it depends on nothing in the registry). */
export function userTemplate(): Promise<Buffer> {
  if (!kept) {
    const body = buildUserTemplate();
    kept = body;
    body.catch(() => { if (kept === body) kept = null; });
  }
  return kept;
}
