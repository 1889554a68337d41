/**
 * The guard against CSV formula injection, in both directions. A spreadsheet runs a cell that starts
 * with = + - @ (or a tab or carriage return) as a formula, so the CSV export writes such a text with a
 * leading apostrophe, and the CSV import takes that apostrophe off again: `=晋城` goes out as `'=晋城`
 * and comes back as `=晋城`. A text that already starts with apostrophes before such a character gets
 * one more, so the two directions are exact inverses and no value is changed by a round trip.
 */

/** What a spreadsheet would start a formula with, after any apostrophes the guard put before it. */
const GUARDED = /^'*[=+\-@\t\r]/;
/** A guarded text: at least one apostrophe, then a formula's first character. */
const GUARD = /^'+[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula, with a leading apostrophe (numbers as they are). */
export function defuseFormula<T extends string | number | null>(value: T): T | string {
  return typeof value === 'string' && GUARDED.test(value) ? `'${value}` : value;
}

/** A CSV field as the registry wrote it: the apostrophe defuseFormula added taken off again. */
export function restoreFormula(text: string): string {
  return GUARD.test(text) ? text.slice(1) : text;
}
