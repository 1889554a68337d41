/**
 * What both import templates share: the sheet to fill, laid out from a sheet's column table (the
 * export's header cells, so a filled template imports as it is; date- and text-formatted columns;
 * drop-down lists of Chinese labels; required columns shaded; one example row in grey italics), and
 * the parts of the instructions sheet that come from the same table.
 */
import type ExcelJS from 'exceljs';
import { LABELS, type Label } from '../../../db/model/labels';
import type { CountyName } from '../cells/cell-counties';
import { DATE_FORMAT, xlsxColumn } from '../export/xlsx-stream';
import { headerCell, type ColumnList, type SheetColumns } from '../sheets/sheet-columns';

/** The data rows that carry the drop-down lists (the example row included). */
const TEMPLATE_ROWS = { first: 2, last: 2001 } as const;

// A header cell's fill, and that of a column a new record needs (orange).
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** A list validation: Excel's inline list (a quoted, comma-separated text of at most 255 characters). */
function listValidation(values: readonly string[], error: Label, prompt?: string): ExcelJS.DataValidation {
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

/** The codes a list offers, each with its Chinese label (for a vocabulary: some of its codes, or all). */
function listChoices(list: ColumnList, counties: readonly CountyName[]): { code: string; zh: string; en: string }[] {
  if (list === 'counties' || list === 'county_codes') return counties.map((c) => ({ code: c.code, zh: c.nameZh, en: c.nameEn }));
  const labels = LABELS[list.vocabulary] as Record<string, Label>;
  return (list.codes ?? Object.keys(labels)).map((code) => ({ code, ...labels[code] }));
}

function validationOf(list: ColumnList, counties: readonly CountyName[]): ExcelJS.DataValidation {
  const choices = listChoices(list, counties);
  if (list === 'counties') {
    return listValidation(choices.map((c) => c.zh), {
      zh: '请从下拉列表中选择；跨县的产品可写多个县，用"、"分开（如"沁水县、阳城县"），确定无误请点"是"。',
      en: 'Pick from the list; a product of several counties may name them all, separated by "、". Choose Yes to keep it.',
    }, '跨县的产品写多个县，用"、"分开');
  }
  if (list === 'county_codes') {
    return listValidation(choices.map((c) => c.code), {
      zh: '请填写县（市、区）代码；多个代码用";"分开，确定无误请点"是"。', en: 'Write county codes; separate several with ";". Choose Yes to keep it.',
    });
  }
  return listValidation(choices.map((c) => c.zh), {
    zh: '请从下拉列表中选择。也可以填写代码（如 trademark）；确定无误请点"是"。', en: 'Pick from the list. A code (such as trademark) is accepted too; choose Yes to keep it.',
  });
}

/** A template's sheet to fill: these columns of a column table, in this order, and an example row. */
export interface FillSheet<K extends string> {
  name: string;
  columns: SheetColumns<K, never>;
  keys: readonly K[];
  example: Partial<Record<K, string | number | Date>>;
}

/** Adds the sheet to fill: header, formats, drop-down lists on every data row, the example row, a filter. */
export function addFillSheet<K extends string>(book: ExcelJS.Workbook, spec: FillSheet<K>, counties: readonly CountyName[]): void {
  const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.columns = spec.keys.map((key) => {
    const header = headerCell(key, spec.columns[key]);
    return { header, key, width: xlsxColumn(header, spec.columns[key].width).width };
  });
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const header = sheet.getRow(1);
  header.height = 30;
  spec.keys.forEach((key, i) => {
    const { format, list, required } = spec.columns[key];
    const column = sheet.getColumn(i + 1);
    // Column formats apply to every cell typed into the column, however far down.
    if (format === 'date') column.numFmt = DATE_FORMAT;
    if (format === 'text') column.numFmt = '@';
    if (list) validations.add(`${column.letter}${TEMPLATE_ROWS.first}:${column.letter}${TEMPLATE_ROWS.last}`, validationOf(list, counties));
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = required ? REQUIRED_FILL : HEADER_FILL;
    cell.numFmt = 'General';
    cell.alignment = { vertical: 'middle', wrapText: true };
    const example = spec.example[key];
    if (example !== undefined) {
      const c = sheet.getRow(2).getCell(i + 1);
      c.value = example;
      c.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.keys.length } };
}

/** A line of an instructions sheet: the item, then what to know in Chinese and in English. */
export type InstructionLine = (item: string, zh: string, en: string) => void;

/** The instructions' line for each column: what it holds. */
export function addColumnHelp<K extends string>(line: InstructionLine, columns: SheetColumns<K, never>, keys: readonly K[]): void {
  for (const key of keys) line(headerCell(key, columns[key]), columns[key].help.zh, columns[key].help.en);
}

/** The instructions' line for each column with a drop-down list: its Chinese labels with their codes. */
export function addListHelp<K extends string>(
  line: InstructionLine, columns: SheetColumns<K, never>, keys: readonly K[], counties: readonly CountyName[],
): void {
  for (const key of keys) {
    const list = columns[key].list;
    if (!list || list === 'county_codes') continue; // the codes are on the counties' line
    const choices = listChoices(list, counties);
    line(headerCell(key, columns[key]), choices.map((c) => `${c.zh}（${c.code}）`).join('、'),
      choices.map((c) => (list === 'counties' ? `${c.en} (${c.code})` : c.en)).join(', '));
  }
}

/** An instructions sheet (item, Chinese, English) being written: its lines and its headings. */
export interface Instructions { line: InstructionLine; heading: (text: string) => void }

/** Adds an instructions sheet; its lines wrap and align to the top. */
export function addInstructionsSheet(book: ExcelJS.Workbook, name: string, write: (sheet: Instructions) => void): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: '项目 Item', width: 30 }, { header: '说明', width: 80 }, { header: 'English', width: 80 }];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
  write({
    line: (item, zh, en) => { sheet.addRow([item, zh, en]); },
    heading: (text) => {
      sheet.addRow([]);
      sheet.addRow([text]).font = { bold: true, size: 12 };
    },
  });
  sheet.eachRow((row, n) => { if (n > 1) row.alignment = { vertical: 'top', wrapText: true }; });
}
