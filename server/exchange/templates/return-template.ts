/**
 * The usage-return template (`GET /api/import/usage-returns-template.xlsx`): the columns a county keeps
 * for its users' yearly returns (年度用标情况), from the return sheet (return-columns.ts: the same header
 * cells as the officials' export's "用标报告" sheet, so a filled template imports on the same import page
 * and is told apart by its header), with the GI type's drop-down list, formats, one example row, and
 * instructions in Chinese with English lines.
 */
import { LABELS } from '../../../db/model/labels';
import { IMPORT_LIMITS } from '../read/limits';
import { RETURN_COLUMNS, type ReturnColumnKey } from '../sheets/return-columns';
import { addColumnHelp, addFillSheet, addInstructionsSheet, addListHelp, type Instructions } from './template-sheet';

/** The sheet the import reads (the first one). */
export const RETURN_TEMPLATE_SHEET = '用标报告 Usage returns';
/** The instructions sheet. */
export const RETURN_INSTRUCTIONS_SHEET = '填写说明 Instructions';

/** The template's columns, in order: the GI as an office's list names it (product and type), the user by credit code or name, the year and its figures. */
export const RETURN_TEMPLATE_COLUMNS: readonly ReturnColumnKey[] = [
  'product_zh', 'gi_type', 'user_name', 'credit_code', 'year', 'marked_tonnes', 'output_tonnes', 'marks_printed', 'channels', 'note',
];

/** The example row: a made-up cooperative of 沁水县. */
const EXAMPLE: Partial<Record<ReturnColumnKey, string | number>> = {
  product_zh: '沁水核桃', gi_type: LABELS.giType.trademark.zh, user_name: '沁水县示例核桃专业合作社', year: 2025,
  marked_tonnes: 120, output_tonnes: 150, marks_printed: 20000, channels: '电商平台、商超', note: '',
};

/** Builds the usage-return template workbook. */
export async function buildReturnTemplate(): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded on first use, not at start-up
  const book = new Excel.Workbook();
  book.creator = 'Jincheng GI registry';
  addFillSheet(book, { name: RETURN_TEMPLATE_SHEET, columns: RETURN_COLUMNS, keys: RETURN_TEMPLATE_COLUMNS, example: EXAMPLE }, []);
  addInstructionsSheet(book, RETURN_INSTRUCTIONS_SHEET, instructions);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function instructions({ line, heading }: Instructions): void {
  heading('怎样填写 How to fill it in');
  line('1', `在"${RETURN_TEMPLATE_SHEET}"表中每行填写一家用标企业一个年度的用标情况。表头请勿修改：系统凭"报告年度"和用标数量等列认出这是用标报告。`,
    `On the "${RETURN_TEMPLATE_SHEET}" sheet, write one authorised user's year per row. Keep the header: the year and figure columns tell the import this is a list of usage returns.`);
  line('2', '第2行（灰色斜体）是示例，导入前请删除或改写。橙色表头为必填项；企业凭统一社会信用代码查找，没有代码的凭名称。',
    'Row 2 (grey italics) is an example: delete or overwrite it. Orange headers are required; a user is found by its credit code, or by its name when it has none.');
  line('3', '在工作台"批量导入"页面上传，与产品、用标企业表格相同：先"检查（不保存）"，再"导入"，要么全部导入，要么一行也不保存。只能导入本县（市、区）用标企业的报告。',
    'Upload it on the workspace’s import page, as for products and users: Check first (nothing is saved), then Import (all rows or none). Officials may import the returns of their own county’s users only.');
  line('4', `每次最多 ${IMPORT_LIMITS.rows.toLocaleString('en-US')} 行。导入的报告直接记为"已接受"；同一企业同一年度已有报告的，以导入的为准（空格表示未填写该数）。`,
    `At most ${IMPORT_LIMITS.rows.toLocaleString('en-US')} rows. Imported returns are accepted; a user's existing return for the year is replaced (a blank cell is a figure not given).`);
  heading('各列说明 The columns');
  addColumnHelp(line, RETURN_COLUMNS, RETURN_TEMPLATE_COLUMNS);
  heading('代码或中文均可 Codes or Chinese labels');
  addListHelp(line, RETURN_COLUMNS, RETURN_TEMPLATE_COLUMNS, []);
}

let kept: Promise<Buffer> | null = null;

/** The template, built on first use and kept (it depends on nothing in the registry). */
export function returnTemplate(): Promise<Buffer> {
  if (!kept) {
    const body = buildReturnTemplate();
    kept = body;
    body.catch(() => { if (kept === body) kept = null; });
  }
  return kept;
}
