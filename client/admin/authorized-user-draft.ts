/**
 * The authorised-user forms' values (strings as typed), the bases that fit a mark, and their checks
 * with the shared zod schemas (the server checks the same), with errors keyed by field.
 */
import {
  AUTHORIZATION_BASES, AuthorizedUserCreate, basesOf, usualBasisOf, type AuthorizationBasis, type AuthorizedUser, type AuthorizedUserUpdate, type Designation,
} from '../../db/model';
import { fieldErrors } from './field-errors';
import type { DraftCheck } from './product-draft';

/** A user as typed in a form. */
export interface AuthorizedUserDraft {
  name: string;
  creditCode: string;
  basis: AuthorizationBasis | '';
  reference: string;
  from: string;
  until: string;
}

/**
 * The bases that fit a designation's mark (basesOf: a collective mark's members only for a collective
 * trademark, a licensee only for a certification trademark; the server refuses the others), in the list's order.
 */
export function basesFor(d: Pick<Designation, 'giType' | 'markKind'>): AuthorizationBasis[] {
  const fits = basesOf(d.giType, d.markKind);
  return AUTHORIZATION_BASES.filter((b) => fits.includes(b));
}

/** An empty form for a designation: its most usual basis chosen (the mark's members or licensees, else approved producers). */
export function emptyUserDraft(d: Pick<Designation, 'giType' | 'markKind'>): AuthorizedUserDraft {
  const basis = usualBasisOf(d.giType, d.markKind);
  return { name: '', creditCode: '', basis, reference: '', from: '', until: '' };
}

/** The form of a saved user. */
export function draftOfUser(u: AuthorizedUser): AuthorizedUserDraft {
  return { name: u.name, creditCode: u.creditCode ?? '', basis: u.basis, reference: u.reference ?? '', from: u.from, until: u.until ?? '' };
}

/** The JSON of a form: empty optional fields are null, the credit code is upper-cased without spaces. */
function bodyOf(d: AuthorizedUserDraft) {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    name: d.name.trim(), creditCode: orNull(d.creditCode.replace(/\s+/g, '').toUpperCase()), basis: d.basis || undefined,
    reference: orNull(d.reference), from: d.from.trim(), until: orNull(d.until),
  };
}

/** Checks a new user (POST body). */
export function checkNewUser(d: AuthorizedUserDraft): DraftCheck<AuthorizedUserCreate> {
  const result = AuthorizedUserCreate.safeParse(bodyOf(d));
  return result.success ? { ok: true, body: result.data } : { ok: false, errors: fieldErrors(result.error.issues) };
}

/** Checks a changed user as a whole and gives the PATCH body of what differs (empty when nothing does). */
export function checkUserChange(d: AuthorizedUserDraft, saved: AuthorizedUser): DraftCheck<AuthorizedUserUpdate> {
  const result = AuthorizedUserCreate.safeParse({ ...bodyOf(d), status: saved.status });
  if (!result.success) return { ok: false, errors: fieldErrors(result.error.issues) };
  const patch: Record<string, unknown> = {};
  for (const key of ['name', 'creditCode', 'basis', 'reference', 'from', 'until'] as const) {
    if (result.data[key] !== saved[key]) patch[key] = result.data[key];
  }
  return { ok: true, body: patch as AuthorizedUserUpdate };
}
