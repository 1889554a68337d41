/**
 * The authorised-user list template (`GET /api/import/authorized-users-template.xlsx`): the columns a
 * county keeps for its 用标企业, from the authorised-user sheet (user-columns.ts: the same header cells
 * as the export's "用标企业" sheet, so a filled template imports on the same import page and is told
 * apart by its header), with drop-down lists, formats, one example row, and instructions in Chinese
 * with English lines.
 */
import { LABELS } from '../../../db/model/labels';
import { DATE_FORMS, DATE_HELP } from '../cells/cell-dates';
import { IMPORT_LIMITS } from '../read/limits';
import { USER_COLUMNS, USER_KEYS, type UserColumnKey } from '../sheets/user-columns';
import { addColumnHelp, addFillSheet, addInstructionsSheet, addListHelp, type Instructions } from './template-sheet';

/** The sheet the import reads (the first one). */
export const USER_TEMPLATE_SHEET = '用标企业 Authorised users';
/** The instructions sheet. */
export const USER_INSTRUCTIONS_SHEET = '填写说明 Instructions';

/** The template's columns, in order (the record and product numbers are optional alternatives, explained on the instructions sheet). */
export const USER_TEMPLATE_COLUMNS: readonly UserColumnKey[] = [
  'product_zh', 'gi_type', 'user_name', 'credit_code', 'basis', 'reference', 'from', 'until', 'status',
];

/** The example row: a made-up cooperative of 沁水县. */
const EXAMPLE: Partial<Record<UserColumnKey, string | Date>> = {
  product_zh: '沁水核桃', gi_type: LABELS.giType.trademark.zh, user_name: '沁水县示例核桃专业合作社',
  basis: LABELS.basis.licensee.zh, reference: '备案第1号', from: new Date(Date.UTC(2024, 4, 1)), status: LABELS.authorizationStatus.active.zh,
};

/** Builds the authorised-user template workbook. */
export async function buildUserTemplate(): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded on first use, not at start-up
  const book = new Excel.Workbook();
  book.creator = 'Jincheng GI registry';
  addFillSheet(book, { name: USER_TEMPLATE_SHEET, columns: USER_COLUMNS, keys: USER_TEMPLATE_COLUMNS, example: EXAMPLE }, []);
  addInstructionsSheet(book, USER_INSTRUCTIONS_SHEET, instructions);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function instructions({ line, heading }: Instructions): void {
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
  addColumnHelp(line, USER_COLUMNS, USER_KEYS);
  heading('代码或中文均可 Codes or Chinese labels');
  addListHelp(line, USER_COLUMNS, USER_KEYS, []);
  heading('日期写法 Dates');
  for (const form of DATE_FORMS.filter((f) => f.precision === 'day')) line(form.example, form.zh, form.en);
  line('说明', `${DATE_HELP.zh}。用标的起止日期须写到具体哪一天。`, `${DATE_HELP.en}. The dates of use need the exact day.`);
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
