/**
 * The Chinese of the texts of the operations tagged `import` (server/openapi/operations/import.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `import` operations' texts, by their English. */
export const IMPORT_ZH: Readonly<Record<string, string>> = {
  // getImportTemplate
  'The import template':
    '导入模板',
  'Chinese headers, drop-down lists, an instructions sheet.':
    '中文表头、下拉列表和填写说明工作表。',
  // getAuthorizedUserTemplate
  'The authorised-user list template':
    '授权用标企业名单模板',
  'A list of 用标企业 (told apart by its 用标企业名称 column) imports through POST /api/import like a product table.':
    '用标企业名单（以“用标企业名称”列识别）与产品表一样通过 `POST /api/import` 导入。',
  // getUsageReturnTemplate
  'The yearly usage-return template':
    '年度用标情况报告模板',
  'A list of 用标报告 (told apart by its 报告年度 column and a figure: 用标数量, 产量 or 印制标志), one user and year per row, imports through POST /api/import; imported returns are accepted.':
    '用标报告名单（以“报告年度”列和一项数量——用标数量、产量或印制标志——识别），每行一家企业的一个年度，通过 `POST /api/import` 导入；导入的报告直接记为已接受。',
  // getImportProgress
  'Where the viewer’s import under way stands':
    '查看者正在进行的导入的进度',
  // importReportXlsx
  'The file sent back with a result column per row':
    '返回原文件，每行加一列检查结果',
  'A dry run: nothing is kept.':
    '只作检查：不保存任何内容。',
  'The workbook with a result column':
    '加了检查结果列的工作簿',
  'The file is over a limit (5 MB, 40 MB unpacked, 10,000 rows, 60 columns, 400,000 cells, 5,000 characters a cell).':
    '文件超出限制（5 MB，解压后 40 MB，10,000 行，60 列，400,000 个单元格，每个单元格 5,000 个字）。',
  // importTable
  'Import a CSV/XLSX table':
    '导入 CSV 或 XLSX 表格',
  '`dryRun=1` reports row by row what would change and keeps nothing; otherwise all rows or none.':
    '`dryRun=1` 逐行报告将改动什么，不保存任何内容；否则要么全部导入，要么一行也不导入。',
  'The report of a dry run':
    '检查（不保存）的报告',
  'Imported: the report':
    '已导入：逐行报告',
  'Invalid input, an unreadable file, or rows with errors (`import_failed`, nothing imported; the report is included).':
    '输入无效，文件无法读取，或有出错的行（`import_failed`，未导入任何内容；附逐行报告）。',
};
