/**
 * The protected-area (scope) editor's state and what it sends: the pasted text and where it was
 * announced, each flagged name's resolution by the official (use the suggestion or a candidate, take
 * another unit from the code list, or leave the name out), the box's, and from them the codes of the PUT.
 */
import { ScopeInput, type DivisionUnit, type ScopeCheckAnswer, type ScopeNameResult } from '../../db/model';
import { fieldErrors } from './field-errors';
import type { DraftCheck } from './product-draft';
import { parseNumber } from './typed-number';

/** The editor's fields as typed. */
export interface ScopeDraft { text: string; sourceTitle: string; sourceUrl: string; announcedOn: string }

/** What the official decided for one name: a code (the suggestion, a candidate, a certain match), one from the code list, or nothing. */
export type Resolution =
  | { how: 'use'; code: string }
  | { how: 'other'; code: string | null }
  | { how: 'drop' };

/** What the official decided for the box: keep it, leave it out, or keep a corrected one (degrees as typed). */
export type BoxResolution =
  | { how: 'keep' }
  | { how: 'leave' }
  | { how: 'fix'; west: string; east: string; south: string; north: string };

/** An empty draft, or the draft of a stored scope. */
export function scopeDraftOf(stored: { text: string; source: { title: string | null; url: string | null } | null; announcedOn: string | null } | null): ScopeDraft {
  return {
    text: stored?.text ?? '', sourceTitle: stored?.source?.title ?? '', sourceUrl: stored?.source?.url ?? '',
    announcedOn: stored?.announcedOn ?? '',
  };
}

/** Whether the official must decide a name: every name listed as a whole unit except a match the answer calls certain. */
export function needsResolution(name: ScopeNameResult, answer: Pick<ScopeCheckAnswer, 'certain'>): boolean {
  return name.whole && !(name.kind === 'matched' && answer.certain.includes(name.code));
}

/** The codes a name offers to use directly: its suggestion first, then its other candidates. */
export function offeredCodes(name: ScopeNameResult): string[] {
  switch (name.kind) {
    case 'matched': case 'renamed': return [name.code];
    case 'misspelt': return [name.code, ...name.candidates.filter((c) => c !== name.code)];
    case 'ambiguous': return name.candidates;
    default: return []; // another county's units are not the product's; a vanished or unknown name has nothing to use
  }
}

/** The starting resolutions: certain matches are kept, every other whole name waits for the official (null). */
export function initialResolutions(answer: ScopeCheckAnswer): (Resolution | null)[] {
  return answer.names.map((n) => (n.kind === 'matched' && n.whole && answer.certain.includes(n.code) ? { how: 'use', code: n.code } : null));
}

/** The starting box resolution: a box on the counties is kept; one off them waits for the official (null); none, none. */
export function initialBoxResolution(answer: ScopeCheckAnswer): BoxResolution | null {
  if (!answer.box) return { how: 'leave' };
  return answer.box.check.relation === 'off' ? null : { how: 'keep' };
}

/**
 * The codes the resolutions come to, in the text's order without repeats, and the names still to decide
 * (by their index): a name that needs a decision and has none, or has "another unit" with none picked.
 */
export function resolvedCodes(answer: Pick<ScopeCheckAnswer, 'names' | 'certain'>, resolutions: readonly (Resolution | null)[]): { codes: string[]; unresolved: number[] } {
  const codes: string[] = [];
  const unresolved: number[] = [];
  answer.names.forEach((name, i) => {
    if (!name.whole) return; // a township named only as the parent of villages after it is not itself in the area
    const r = resolutions[i] ?? null;
    if (r === null || (r.how === 'other' && r.code === null)) {
      if (needsResolution(name, answer)) unresolved.push(i);
      return;
    }
    if (r.how === 'drop') return;
    if (r.code && !codes.includes(r.code)) codes.push(r.code);
  });
  return { codes, unresolved };
}

/** The box to send for a resolution: the given box, a corrected one (NaN where a degree is unreadable), or none. */
export function boxOf(answer: Pick<ScopeCheckAnswer, 'box'>, r: BoxResolution | null): ScopeInput['box'] | undefined {
  if (!r || r.how === 'leave' || !answer.box) return r?.how === 'leave' ? null : undefined;
  if (r.how === 'keep') {
    const { west, east, south, north } = answer.box.given;
    return { west, east, south, north };
  }
  const degree = (s: string) => parseNumber(s) ?? Number.NaN;
  return { west: degree(r.west), east: degree(r.east), south: degree(r.south), north: degree(r.north) };
}

/** The body of PUT /api/designations/:id/scope, checked with the shared schema (errors keyed by field: `source.url`, `box.east`). */
export function scopeBody(draft: ScopeDraft, codes: readonly string[], box: ScopeInput['box'] | undefined): DraftCheck<ScopeInput> {
  const title = draft.sourceTitle.trim();
  const url = draft.sourceUrl.trim();
  const result = ScopeInput.safeParse({
    text: draft.text,
    source: title || url ? { title: title || null, url: url || null } : null,
    announcedOn: draft.announcedOn.trim() || null,
    codes: [...codes],
    box: box ?? null,
  });
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, errors: fieldErrors(result.error.issues) };
}

/** The units of an answer by code, to name codes. */
export function unitIndex(units: readonly DivisionUnit[]): Map<string, DivisionUnit> {
  return new Map(units.map((u) => [u.code, u]));
}
