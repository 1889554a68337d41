/**
 * Reconciles a pasted scope text with the current codes in one call: reads it (scope-text.ts), matches
 * each name within the product's counties (scope-match.ts) and checks its box (scope-box.ts). The answer
 * is plain data with codes and kinds, ready for the API to send and the pages to word in zh and en.
 */
import type { Box, CountyBounds } from '../../../seeds/divisions/county-bounds';
import type { DivisionIndex } from '../../../seeds/divisions/divisions';
import { checkScopeBox, type BoxCheck } from './scope-box';
import type { BoxIssue } from './scope-coords';
import { matchName, type NameMatch, type NameMatchKind } from './scope-match';
import { parseScopeText } from './scope-text';

/** One name of the scope and what became of it. */
export type ScopeNameResult = NameMatch & {
  /** False for a township named only as the parent of villages listed after it. */
  whole: boolean;
  /** The township the text listed it under, as written. */
  township: string | null;
};

/** The whole reconciliation. */
export interface ScopeReport {
  names: ScopeNameResult[];
  counties: {
    /** Counties the text names. */
    named: string[];
    /** Of those, the ones that are not the product's. */
    outside: string[];
    /** Counties the text gives as a whole. */
    whole: string[];
  };
  box: { given: Box; check: BoxCheck } | null;
  boxIssue: BoxIssue | null;
  /** Codes that more than one name came to (matched, renamed or misspelt). */
  repeated: string[];
  /** How many names of each kind. */
  tally: Record<NameMatchKind, number>;
}

/** The data a reconciliation reads: the committed division codes, and the counties that exist today (scope-check.ts). */
export interface ScopeData { index: DivisionIndex; counties: readonly CountyBounds[] }

const KINDS: readonly NameMatchKind[] = ['matched', 'renamed', 'misspelt', 'ambiguous', 'other_county', 'vanished', 'unknown'];

/** Reconciles `text` for a product in `productCounties` (county codes); throws ScopeInputError over the limits. */
export function reconcileScope(
  text: string, productCounties: readonly string[], data: ScopeData,
): ScopeReport {
  const own = data.counties.filter((c) => productCounties.includes(c.code));
  if (!productCounties.length || own.length !== new Set(productCounties).size) {
    throw new Error(`not the product's counties: ${productCounties.join(', ') || '(none)'}`);
  }
  const parsed = parseScopeText(text, data.counties);
  // A name the text puts under a county is looked for there, and only there if that is not the product's.
  const whereOf = (county: string | null) => (county === null ? productCounties : productCounties.filter((c) => c === county));
  const townships = new Map<string, string | null>();
  const townshipCode = (name: string, county: string | null) => {
    const key = `${county}|${name}`;
    if (!townships.has(key)) {
      const m = matchName(name, { counties: whereOf(county) }, data.index);
      const code = (m.kind === 'matched' || m.kind === 'renamed' || m.kind === 'misspelt') && m.level === 'township' ? m.code : null;
      townships.set(key, code);
    }
    return townships.get(key) ?? null;
  };
  const names = parsed.names.map((n): ScopeNameResult => ({
    ...matchName(n.name, {
      counties: whereOf(n.county), townshipCode: n.township ? townshipCode(n.township, n.county) : null,
    }, data.index),
    whole: n.whole, township: n.township,
  }));
  const hits = names.flatMap((n) => (n.whole && 'code' in n ? [n.code] : []));
  const tally = Object.fromEntries(KINDS.map((k) => [k, names.filter((n) => n.kind === k).length])) as Record<NameMatchKind, number>;
  return {
    names,
    counties: {
      named: parsed.counties,
      outside: parsed.counties.filter((c) => !productCounties.includes(c)),
      whole: parsed.wholeCounties,
    },
    box: parsed.box ? { given: parsed.box, check: checkScopeBox(parsed.box, own) } : null,
    boxIssue: parsed.boxIssue,
    repeated: [...new Set(hits.filter((c, i) => hits.indexOf(c) !== i))].sort(),
    tally,
  };
}
