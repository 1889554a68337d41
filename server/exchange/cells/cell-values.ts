/**
 * Spreadsheet cells, written the way county officials write them, read into the registry's values — or
 * into a problem in both languages that says what is wrong and what to write instead (README "HTTP API":
 * labels or codes, dates as people type them). Pure: no database, no clock unless `today` is left out.
 *
 * Every reader answers `null` for an empty cell ("no value"); `required` turns that into a problem.
 * Coded values are read in cell-codes.ts, counties in cell-counties.ts.
 */
import type { Label } from '../../../db/model/labels';

// ---------------------------------------------------------------- cells and results

/** What a cell may hold: CSV gives strings; XLSX gives numbers, Dates (date-formatted cells), booleans, strings. */
export type Cell = string | number | Date | boolean | null | undefined;
/** What is wrong with a cell and what to write instead, in Chinese and English. */
export type CellProblem = { zh: string; en: string };
/** A value read from a cell, or the problem that stopped it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

/** A successful result. */
export const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
/** A failed result with its problem in both languages. */
export const fail = (zh: string, en: string): { ok: false; problem: CellProblem } => ({ ok: false, problem: { zh, en } });

/** Text as it should be compared: NFKC (full-width → ASCII), no zero-width characters, single spaces, trimmed. */
export function normalise(text: string): string {
  return collapse(text.normalize('NFKC'));
}

/** Whitespace collapsed and trimmed, zero-width characters removed, nothing else changed. */
function collapse(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether a cell holds nothing (null, or only whitespace). */
export function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && normalise(cell) === '');
}

/** A cell as the official sees it, for quoting in a problem (shortened when long). */
export function shownCell(cell: Cell): string {
  let text: string;
  if (cell instanceof Date) text = Number.isNaN(cell.getTime()) ? '?' : cell.toISOString().slice(0, 10);
  else if (typeof cell === 'boolean') text = cell ? 'TRUE' : 'FALSE';
  else text = normalise(String(cell ?? ''));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Turns "no value" into a problem naming the column: for cells that must be filled. */
export function required<T>(result: CellResult<T | null>, column: Label): CellResult<T> {
  if (result.ok && result.value === null) return fail(`${column.zh}不能为空。请填写${column.zh}`, `${column.en} is missing. Fill in the ${column.en}`);
  return result as CellResult<T>;
}

// ---------------------------------------------------------------- text and numbers

/** Excel keeps 15 significant digits: a longer number has already lost its last digits. */
const EXCEL_DIGITS = 1e15;

/**
 * Reads a text cell: whitespace collapsed, at most `max` characters. Names keep their full-width
 * punctuation (沁水（端氏）山楂) unless `nfkc` is set, for numbers and codes (第１２号 → 第12号).
 * A number cell becomes its digits (12, not "12.0").
 */
export function readText(cell: Cell, { max, nfkc = false }: { max: number; nfkc?: boolean }): CellResult<string | null> {
  if (isEmptyCell(cell)) return ok(null);
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail(`无法识别"${shownCell(cell)}"。请填写文字`, `"${shownCell(cell)}" cannot be read. Write text`);
    if (Math.abs(cell) >= EXCEL_DIGITS) {
      return fail('这一格的数字超过 15 位，Excel 已把末几位变成了 0。请把这一列设为"文本"格式后重新输入',
        'This number has more than 15 digits, so Excel has already turned its last digits into 0. Format the column as Text and type the value again');
    }
    text = String(Number(cell.toPrecision(15)));
  } else if (cell instanceof Date) {
    return fail(`Excel 把这一格当成了日期（${shownCell(cell)}）。请把这一列设为"文本"格式后重新输入`,
      `Excel turned this cell into a date (${shownCell(cell)}). Format the column as Text and type the value again`);
  } else if (typeof cell === 'boolean') {
    return fail(`这一格是逻辑值 ${shownCell(cell)}。请填写文字`, `This cell holds the logical value ${shownCell(cell)}. Write text instead`);
  } else {
    text = nfkc ? normalise(String(cell)) : collapse(String(cell));
  }
  if (text.length > max) {
    return fail(`"${text.slice(0, 20)}…"太长：最多 ${max} 个字，现有 ${text.length} 个。请删减到 ${max} 个字以内`,
      `"${text.slice(0, 20)}…" is too long: at most ${max} characters, it has ${text.length}. Shorten it to ${max} characters or fewer`);
  }
  return ok(text);
}

/** Limits of readNumber. */
export interface NumberOptions { min?: number; max?: number; integer?: boolean }

/** Reads a number: a number cell, or digits with an optional sign, decimal point and thousands separators (1,200). */
export function readNumber(cell: Cell, { min, max, integer = false }: NumberOptions = {}): CellResult<number | null> {
  if (isEmptyCell(cell)) return ok(null);
  const shown = shownCell(cell);
  let n: number | undefined;
  if (typeof cell === 'number') n = Number.isFinite(cell) ? cell : undefined;
  else if (typeof cell === 'string') {
    const text = normalise(cell).replace(/(?<=\d)[, ](?=\d{3}(?!\d))/g, '');
    n = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
  }
  const example = integer ? '1200' : '1200 或 12.5';
  const exampleEn = integer ? '1200' : '1200 or 12.5';
  if (n === undefined) {
    return fail(`"${shown}"不是数字。请只填写数字，例如 ${example}（单位见列名）`,
      `"${shown}" is not a number. Write digits only, such as ${exampleEn} (the unit is in the column heading)`);
  }
  if (integer && !Number.isInteger(n)) return fail(`"${shown}"须为整数。请填写整数，例如 1200`, `"${shown}" is not a whole number. Write a whole number, such as 1200`);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const zh = max === undefined ? `不小于 ${min}` : min === undefined ? `不大于 ${max}` : `${min} 到 ${max} 之间`;
    const en = max === undefined ? `of at least ${min}` : min === undefined ? `of at most ${max}` : `between ${min} and ${max}`;
    return fail(`"${shown}"超出范围。请填写${zh} 的数字`, `"${shown}" is out of range. Write a number ${en}`);
  }
  return ok(n);
}

