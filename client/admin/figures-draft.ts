/**
 * The figures editor's rows (strings as typed), their conversion to the PUT body, and the check with
 * the shared ProductFigures schema, so the errors beside the fields are the server's own rules.
 */
import { ProductFigures, todayInShanghai, type ProductFigure, type ProductFigureInput, type Source } from '../../db/model';
import { fieldErrors } from './field-errors';
import { parseNumber, type DraftCheck } from './product-draft';

/** One year's row as typed: the first source as title and link; further sources kept as they are. */
export interface FigureDraft {
  year: string;
  households: string;
  areaMu: string;
  yieldKgPerMu: string;
  outputTonnes: string;
  valueWanYuan: string;
  note: string;
  sourceTitle: string;
  sourceUrl: string;
  /** Sources after the first (seeded years may have several): not edited here, never dropped. */
  moreSources: Source[];
}

/** The numeric columns, in display order. */
export const FIGURE_MEASURES = ['households', 'areaMu', 'yieldKgPerMu', 'outputTonnes', 'valueWanYuan'] as const;

const text = (n: number | null) => (n === null ? '' : String(n));

/** The row of a saved year. */
export function draftFromFigure(f: ProductFigure): FigureDraft {
  const [first, ...more] = f.sources;
  return {
    year: String(f.year), households: text(f.households), areaMu: text(f.areaMu), yieldKgPerMu: text(f.yieldKgPerMu), outputTonnes: text(f.outputTonnes),
    valueWanYuan: text(f.valueWanYuan), note: f.note, sourceTitle: first?.title ?? '', sourceUrl: first?.url ?? '', moreSources: more,
  };
}

/** A new row: the year after the latest one entered (this year at most; left blank when that year is taken). */
export function emptyFigure(rows: readonly FigureDraft[], thisYear = Number(todayInShanghai().slice(0, 4))): FigureDraft {
  const years = rows.map((r) => Number(r.year)).filter((y) => Number.isInteger(y));
  const next = years.length ? Math.min(Math.max(...years) + 1, thisYear) : thisYear - 1;
  const year = years.includes(next) ? '' : String(next);
  return { year, households: '', areaMu: '', yieldKgPerMu: '', outputTonnes: '', valueWanYuan: '', note: '', sourceTitle: '', sourceUrl: '', moreSources: [] };
}

/** The JSON of one row: empty cells are null, an empty source is left out. */
export function figureBody(d: FigureDraft): Record<string, unknown> {
  const title = d.sourceTitle.trim();
  const url = d.sourceUrl.trim();
  const first = title || url ? [{ title: title || null, url: url || null }] : [];
  return {
    year: parseNumber(d.year) ?? undefined,
    households: parseNumber(d.households),
    areaMu: parseNumber(d.areaMu),
    yieldKgPerMu: parseNumber(d.yieldKgPerMu),
    outputTonnes: parseNumber(d.outputTonnes),
    valueWanYuan: parseNumber(d.valueWanYuan),
    note: d.note.trim(),
    sources: [...first, ...d.moreSources],
  };
}

/**
 * Checks all rows with the shared schema. Errors are keyed `0.year`, `2.households`…; the first
 * source's are moved to `n.sourceTitle` / `n.sourceUrl`, the fields that hold it.
 */
export function checkFigures(rows: readonly FigureDraft[]): DraftCheck<ProductFigureInput[]> {
  const result = ProductFigures.safeParse(rows.map(figureBody));
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, errors: placeSourceErrors(fieldErrors(result.error.issues), rows) };
}

/** Moves the errors of each row's first source (`n.sources.0…`) to the field that holds it. */
export function placeSourceErrors(errors: Record<string, string>, rows: readonly FigureDraft[]): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^(\d+)\.sources\.0(?:\.(title|url))?$/.exec(key);
    const row = m ? rows[Number(m[1])] : undefined;
    if (m && row && (row.sourceTitle.trim() || row.sourceUrl.trim())) placed[`${m[1]}.${m[2] === 'url' ? 'sourceUrl' : 'sourceTitle'}`] ??= message;
    else placed[key] = message;
  }
  return placed;
}
