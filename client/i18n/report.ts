/**
 * Strings of the annual report page around the report itself (its headings and columns are the
 * report's own words, db/model/report-words.ts), the tally page's link to it, and the issuer form.
 */
import { defineCatalog } from './catalog';

/** The report catalog. */
export const report = defineCatalog({
  'report.title': '地理标志工作年度报告',
  'report.controls': '选择年度与下载',
  'report.year': '年度',
  'report.yearOption': '{year}年',
  'report.docx': '下载 Word 文件（.docx）',
  'report.xlsx': '下载 Excel 文件（.xlsx）',
  'report.print': '打印',
  'report.printHint': '打印时按 A4 分页，每页底部有页码。',
  'report.ofYear': '{year}年度报告',
  'report.ofYearHint': '查看并下载{year}年度地理标志工作报告（Word、Excel）',
  'report.issuerSettings': '年度报告发布单位',
  'report.issuerZh': '发布单位（中文）',
  'report.issuerEn': '发布单位（英文）',
  'report.save': '保存发布单位',
  'report.saved': '已保存：年度报告将以“{issuer}”名义发布。',
  'history.entity.report_settings': '年度报告发布单位',
}, {
  'report.title': 'GI annual report',
  'report.controls': 'Pick a year and download',
  'report.year': 'Year',
  'report.yearOption': '{year}',
  'report.docx': 'Download as Word (.docx)',
  'report.xlsx': 'Download as Excel (.xlsx)',
  'report.print': 'Print',
  'report.printHint': 'Printed on A4 pages, each numbered at the foot.',
  'report.ofYear': 'Annual report {year}',
  'report.ofYearHint': 'Read and download the GI annual report of {year} (Word, Excel)',
  'report.issuerSettings': 'Issuer of the annual report',
  'report.issuerZh': 'Issuer (Chinese)',
  'report.issuerEn': 'Issuer (English)',
  'report.save': 'Save the issuer',
  'report.saved': 'Saved: the annual report is issued by “{issuer}”.',
  'history.entity.report_settings': 'Annual report issuer',
});
