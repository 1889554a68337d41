/**
 * The cultivation board (`GET /api/cultivation.xlsx`) as a spreadsheet: one sheet, a bold frozen
 * header, real dates and percentages, in Chinese or English.
 */
import { LABELS, type Cultivation } from '../../../db/model';

const HEADERS = {
  zh: ['产品', '所在县', '地理标志类型', '状态', '材料齐备度', '已齐备', '需要', '最近期限', '逾期项', '材料未齐备即申报', '产品编号', '地理标志编号'],
  en: ['Product', 'Counties', 'GI type', 'Status', 'Readiness', 'Ready', 'Needed', 'Next due', 'Overdue items', 'Filed incomplete', 'Product id', 'Designation id'],
};

/** The board as an XLSX workbook (one sheet, frozen header, real dates and percentages). */
export async function cultivationXlsx(
  board: Cultivation, lang: 'zh' | 'en', countyNames: Record<string, { zh: string; en: string }>,
): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs'); // loaded on first use, not at start-up
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet(lang === 'zh' ? '培育看板' : 'Cultivation board', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(HEADERS[lang]).font = { bold: true };
  for (const i of board.items) {
    sheet.addRow([
      lang === 'en' && i.productEn ? i.productEn : i.productZh,
      i.counties.map((c) => countyNames[c]?.[lang] ?? c).join(lang === 'zh' ? '、' : ', '),
      LABELS.giType[i.giType][lang], LABELS.status[i.status][lang],
      i.readiness, i.itemsReady, i.itemsNeeded,
      i.nextDueOn ? new Date(`${i.nextDueOn}T00:00:00Z`) : null,
      i.overdueItems, i.filedIncomplete ? (lang === 'zh' ? '是' : 'yes') : '',
      i.productId, i.designationId,
    ]);
  }
  sheet.getColumn(5).numFmt = '0%';
  sheet.getColumn(8).numFmt = 'yyyy-mm-dd';
  sheet.columns.forEach((c, n) => { c.width = n === 0 ? 24 : n === 1 ? 18 : 14; });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
