/**
 * Cells that hold the registry's compound values, read and written the same way in every sheet: a
 * unified social credit code (checked against its check character, GB 32100-2015), and a list of
 * sources written as one cell, `标题 <https://…>; https://…; 标题`.
 */
import { CreditCode, isWebAddress, Source, sourceKey, sourceText, type SourceValue } from '../../../db/model';
import { fail, ok, readText, type Cell, type CellResult } from './cell-values';

/** The most sources one cell may list. */
const MAX_SOURCES = 50;

/** Reads a unified social credit code: 18 characters, full-width folded and upper-cased, with a valid check character. */
export function readCreditCode(cell: Cell): CellResult<string | null> {
  const text = readText(cell, { max: 18, nfkc: true });
  if (!text.ok || text.value === null) return text;
  const code = text.value.toUpperCase();
  if (CreditCode.safeParse(code).success) return ok(code);
  return fail(`"${code}"不是有效的统一社会信用代码。请填写18位代码（数字或大写字母，不含I、O、S、V、Z），核对最后一位校验位`,
    `"${code}" is not a valid unified social credit code. Write the 18 characters (digits or capitals, no I, O, S, V, Z) and check the last one`);
}

/**
 * Reads a cell of sources separated by semicolons: each as the export writes it (`标题 <https://…>`),
 * an address, or a citation; the same source twice is kept once. An empty cell is no sources.
 */
export function readSources(cell: Cell): CellResult<Source[]> {
  const text = readText(cell, { max: 5000 });
  if (!text.ok) return text;
  const read = (text.value ?? '').split(/\s*[;；]\s*/).filter(Boolean).map((s) => Source.safeParse(s));
  if (read.some((r) => !r.success) || read.length > MAX_SOURCES) {
    return fail(`每条来源写标题、链接或"标题 <链接>"，标题不超过500字，链接以 http:// 或 https:// 开头；最多${MAX_SOURCES}条，用分号隔开`,
      `Write each source as a title, a link or "title <link>": titles at most 500 characters, links starting with http:// or https://; at most ${MAX_SOURCES}, separated by semicolons`);
  }
  const sources = read.flatMap((r) => (r.success ? [r.data] : []));
  return ok(sources.filter((s, i) => sources.findIndex((o) => sourceKey(o) === sourceKey(s)) === i));
}

/** The most codes one cell may list (a cell holds at most 5,000 characters anyway). */
const MAX_CODES = 2_000;

/**
 * Reads a cell of township and village codes separated by semicolons, commas, 、 or spaces: each 12 digits
 * (full-width folded; a lone code Excel kept as a number reads as its digits). Whether each is current,
 * listed once and in the product's counties is the domain's check. An empty cell is no value.
 */
export function readScopeCodes(cell: Cell): CellResult<string[] | null> {
  const text = readText(cell, { max: 40_000, nfkc: true });
  if (!text.ok) return text;
  if (text.value === null) return ok(null);
  const codes = text.value.split(/[\s;；,，、]+/).filter(Boolean);
  const bad = codes.find((c) => !/^\d{12}$/.test(c));
  if (bad !== undefined) {
    return fail(`"${bad}"不是12位区划代码。每个代码写12位数字，用分号隔开`, `"${bad}" is not a 12-digit division code. Write 12 digits for each code, separated by semicolons`);
  }
  if (codes.length > MAX_CODES) return fail(`代码过多：最多${MAX_CODES}个`, `Too many codes: at most ${MAX_CODES}`);
  return ok(codes);
}

/** Reads a web address (a specification's link): a whole http:// or https:// address, nothing a browser would run. */
export function readWebAddress(cell: Cell): CellResult<string | null> {
  const text = readText(cell, { max: 2000 });
  if (!text.ok || text.value === null) return text;
  if (isWebAddress(text.value)) return ok(text.value);
  return fail(`"${text.value.slice(0, 40)}"不是网址。请填写以 http:// 或 https:// 开头的完整网址`,
    `"${text.value.slice(0, 40)}" is not a web address. Write a whole address starting with http:// or https://`);
}

/** Sources as one cell, as readSources reads them back. */
export function sourcesCell(sources: readonly SourceValue[]): string {
  return sources.map(sourceText).join('; ');
}

/** The sources of `incoming` a list does not hold yet (compared as sources are: by address, else by title). */
export function newSources<S extends SourceValue>(held: readonly SourceValue[], incoming: readonly S[]): S[] {
  const known = new Set(held.map(sourceKey));
  return incoming.filter((s) => !known.has(sourceKey(s)));
}
