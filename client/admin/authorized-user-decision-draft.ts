/**
 * The decision form of an authorised user (a suspension's or revocation's reason, number, day, display
 * window and withdrawal) as typed, checked as a whole with the shared schema (the server checks the same,
 * and that no date is after today), and the PATCH body of what changed.
 */
import { AuthorizedUserCreate, type AuthorizedUser, type AuthorizedUserUpdate, type DisplayWindow } from '../../db/model';
import { fieldErrors } from './field-errors';
import type { DraftCheck } from './product-draft';

/** A decision as typed in the form. */
export interface DecisionDraft {
  decisionReason: string;
  decisionNumber: string;
  decisionOn: string;
  displayWindow: DisplayWindow | '';
  decisionWithdrawnOn: string;
}

/** The decision fields, in the form's order. */
export const DECISION_FIELDS = ['decisionReason', 'decisionNumber', 'decisionOn', 'displayWindow', 'decisionWithdrawnOn'] as const;

/** The form of a saved user's decision. */
export function draftOfDecision(u: AuthorizedUser): DecisionDraft {
  return {
    decisionReason: u.decisionReason ?? '', decisionNumber: u.decisionNumber ?? '', decisionOn: u.decisionOn ?? '',
    displayWindow: u.displayWindow ?? '', decisionWithdrawnOn: u.decisionWithdrawnOn ?? '',
  };
}

/** Checks the decision with the rest of the saved user and gives the PATCH body of what differs (empty when nothing does). */
export function checkDecisionChange(d: DecisionDraft, saved: AuthorizedUser): DraftCheck<AuthorizedUserUpdate> {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const typed = {
    decisionReason: orNull(d.decisionReason), decisionNumber: orNull(d.decisionNumber), decisionOn: orNull(d.decisionOn),
    displayWindow: d.displayWindow || null, decisionWithdrawnOn: orNull(d.decisionWithdrawnOn),
  };
  const { id: _id, designationId: _d, displayUntil: _u, ...fields } = saved;
  const result = AuthorizedUserCreate.safeParse({ ...fields, ...typed });
  if (!result.success) return { ok: false, errors: fieldErrors(result.error.issues.filter((i) => DECISION_FIELDS.includes(i.path[0] as never))) };
  const patch: Record<string, unknown> = {};
  for (const key of DECISION_FIELDS) if (result.data[key] !== saved[key]) patch[key] = result.data[key];
  return { ok: true, body: patch as AuthorizedUserUpdate };
}
