/**
 * The designation forms' state: a new designation (validated with DesignationCreate) and a status move
 * (only the moves ALLOWED_MOVES offers, dated between the previous move and today).
 */
import {
  ALLOWED_MOVES, DesignationCreate, TransitionCreate, firstPossibleDay, hasMarkKind, isNotBefore, todayInShanghai, type Designation,
  type GiType, type MarkKind, type Status,
} from '../../db/model';
import { t } from '../i18n';
import { showDate } from '../i18n/dates';
import { fieldErrors, type FieldErrors } from './field-errors';
import { joinList } from './labels';
import type { DraftCheck } from './product-draft';

/** The new-designation form as typed. */
export interface DesignationDraft {
  giType: GiType | '';
  markKind: MarkKind | '';
  holder: string;
  holderCreditCode: string;
  number: string;
  announcement: string;
  validUntil: string;
  notes: string;
  startedOn: string;
}

/** An empty new-designation form starting today. */
export function emptyDesignation(today = todayInShanghai()): DesignationDraft {
  return { giType: '', markKind: '', holder: '', holderCreditCode: '', number: '', announcement: '', validUntil: '', notes: '', startedOn: today };
}

/** The JSON body: empty fields left out; the mark kind only for a type that has one (trademarks). */
export function designationBody(d: DesignationDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { giType: d.giType === '' ? undefined : d.giType };
  if (d.giType !== '' && hasMarkKind(d.giType)) body.markKind = d.markKind === '' ? undefined : d.markKind;
  const texts = { holder: d.holder, number: d.number, announcement: d.announcement, validUntil: d.validUntil, notes: d.notes, startedOn: d.startedOn };
  for (const [key, value] of Object.entries(texts)) if (value.trim() !== '') body[key] = value.trim();
  const code = d.holderCreditCode.trim().toUpperCase();
  if (code !== '') body.holderCreditCode = code;
  return body;
}

/** Checks a new designation with the shared schema. */
export function checkDesignation(d: DesignationDraft): DraftCheck<DesignationCreate> {
  const result = DesignationCreate.safeParse(designationBody(d));
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, errors: fieldErrors(result.error.issues) };
}

/** The statuses a designation may move to next by a plain move (a conversion is recorded apart: gi-conversion-form). */
export function nextMoves(status: Status): readonly Status[] {
  return ALLOWED_MOVES[status].filter((s) => s !== 'converted');
}

/** The date of the designation's latest recorded move (the one a new move may not be before), if any. */
export function lastMoveOn(d: Pick<Designation, 'transitions'>): string | null {
  return d.transitions.at(-1)?.on ?? null;
}

/**
 * Checks a move: an allowed target, a date (`2024`, `2024-05` or `2024-05-01`) not in the future and
 * not before the previous move by the design's rule (its last possible day not before the previous
 * one's first: `2020` may follow `2020-05-01`, `2020-04` may not), as the server checks it.
 */
export function checkMove(
  from: Status, move: { to: Status | ''; on: string; note: string }, previousOn: string | null, today = todayInShanghai(),
): DraftCheck<TransitionCreate> {
  const result = TransitionCreate.safeParse({ to: move.to === '' ? undefined : move.to, on: move.on, note: move.note.trim() });
  const errors: FieldErrors = result.success ? {} : fieldErrors(result.error.issues);
  if (result.success && !nextMoves(from).includes(result.data.to)) {
    errors.to = t('move.notAllowed', { allowed: joinList(nextMoves(from).map((s) => t(`status.${s}`))) });
  }
  if (!errors.on && firstPossibleDay(move.on) > today) errors.on = t('move.future');
  else if (!errors.on && previousOn && !isNotBefore(move.on, previousOn)) errors.on = t('move.beforePrevious', { date: showDate(previousOn) });
  if (result.success && Object.keys(errors).length === 0) return { ok: true, body: result.data };
  return { ok: false, errors };
}
