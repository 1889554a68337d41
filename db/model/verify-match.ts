/**
 * How verification reads a query and matches authorised users, in one place for the server (GET
 * /api/verify, over SQL) and the static copy (its verification index, searched in the browser), so
 * both answer the same: a credit code exactly, or a part of a name (NFKC, no spaces, lower case); a
 * code whose check character is wrong is answered as such and looked up nowhere.
 */
import { z } from 'zod';
import {
  AuthorizationBasis, AuthorizationStatus, LabelPhoto, publicReason, type VerifyAnswerKind, type VerifyRegistry, type VerifyResult,
} from './marks';
import { decisionShown, ShownDecision } from './decisions';
import { CountyCode, GiType, MarkKind, Status } from './vocabulary';
import { CreditCode, IsoDate, withoutInvisible } from './scalars';

/** At most this many enterprises are answered for one query (a name part may match many). */
export const MAX_VERIFY_MATCHES = 50;

/** A query that is a credit code: 18 letters and digits once spaces and invisible characters are gone (NFKC, upper-cased); else null. */
export function asCreditCode(q: string): string | null {
  const code = withoutInvisible(q.normalize('NFKC')).replace(/\s+/g, '').toUpperCase();
  return /^[0-9A-Z]{18}$/.test(code) ? code : null;
}

/** Whether a code (as asCreditCode reads it) is a valid unified social credit code: GB 32100's characters and check character. */
export function isValidCreditCode(code: string): boolean {
  return CreditCode.safeParse(code).success;
}

/**
 * A name as compared: NFKC (full-width letters and digits become half-width), no invisible characters (a
 * zero-width space pasted from a web page or a chat), no spaces, lower case.
 */
export function comparableName(s: string): string {
  return withoutInvisible(s.normalize('NFKC')).replace(/\s+/g, '').toLowerCase();
}

/** One authorised user of a public product with everything a verification answer needs (a row of the static index). */
export const VerifyIndexEntry = z.object({
  name: z.string(),
  creditCode: z.string().nullable(),
  basis: AuthorizationBasis,
  reference: z.string().nullable(),
  from: IsoDate,
  until: IsoDate.nullable(),
  status: AuthorizationStatus,
  /**
   * Its suspension or revocation decision while the public may see it (not withdrawn, its window not
   * over when the entry was read); the answer checks the window again on its own day.
   */
  decision: ShownDecision.nullable(),
  designationId: z.number().int(),
  /** The designation's current status: a mark not granted (or no longer) lets nobody use it. */
  designationStatus: Status,
  giType: GiType,
  markKind: MarkKind.nullable(),
  number: z.string().nullable(),
  announcement: z.string().nullable(),
  specification: z.object({ number: z.string().nullable(), title: z.string() }).nullable(),
  labels: z.array(LabelPhoto),
  productId: z.number().int(),
  productZh: z.string(),
  productEn: z.string().nullable(),
  counties: z.array(CountyCode),
});
export type VerifyIndexEntry = z.infer<typeof VerifyIndexEntry>;

/**
 * The static copy's verification index (`api/verify.json`): every authorised user of a public product,
 * by name, and the day the list last changed (the registry's size is counted from the entries).
 */
export const VerifyIndex = z.object({ entries: z.array(VerifyIndexEntry), lastChangedOn: IsoDate.nullable() });
export type VerifyIndex = z.infer<typeof VerifyIndex>;

/** Whether an authorised user matches a query: the same credit code, or (for a query that is no code) a name containing it. */
export function matchesVerifyQuery(entry: Pick<VerifyIndexEntry, 'name' | 'creditCode'>, q: string): boolean {
  const code = asCreditCode(q);
  if (code) return isValidCreditCode(code) && entry.creditCode === code;
  return comparableName(entry.name).includes(comparableName(q));
}

/** The key an enterprise is counted and grouped by: its credit code, or its comparable name when it has none. */
export function enterpriseKey(u: { creditCode: string | null; name: string }): string {
  return u.creditCode ?? `name:${comparableName(u.name)}`;
}

/** How many enterprises and GIs a list of users holds (the registry's size as the answer states it). */
export function registrySizeOf(entries: readonly VerifyIndexEntry[], lastChangedOn: string | null): VerifyRegistry {
  return {
    users: new Set(entries.map(enterpriseKey)).size,
    designations: new Set(entries.map((e) => e.designationId)).size,
    lastChangedOn,
  };
}

/** What an answer with `matches` found means for query `q` in a registry of `registry`'s size. */
function answerKind(q: string, found: number, registry: VerifyRegistry): VerifyAnswerKind {
  const code = asCreditCode(q);
  if (code && !isValidCreditCode(code)) return 'invalid_code';
  if (found > 0) return 'found';
  return registry.users === 0 ? 'empty_registry' : 'not_found';
}

/**
 * The answer to `q` from the authorised users that match it (in name order): grouped by enterprise
 * (its credit code, or its name when it has none), at most MAX_VERIFY_MATCHES, each grant valid or
 * not on `today` with the reason as the public reads it; valid grants and enterprises first.
 */
export function verifyResultOf(q: string, matching: readonly VerifyIndexEntry[], today: string, registry: VerifyRegistry): VerifyResult {
  const byEnterprise = new Map<string, VerifyResult['matches'][number]>();
  for (const r of matching) {
    const key = enterpriseKey(r);
    let match = byEnterprise.get(key);
    if (!match) {
      if (byEnterprise.size >= MAX_VERIFY_MATCHES) continue;
      byEnterprise.set(key, match = { name: r.name, creditCode: r.creditCode, grants: [] });
    }
    const facts = {
      status: r.status, decisionOn: r.decision?.on ?? null, displayUntil: r.decision?.displayUntil ?? null, decisionWithdrawnOn: null,
    };
    const reason = publicReason({ ...r, ...facts }, r.designationStatus, today);
    match.grants.push({
      productId: r.productId, productZh: r.productZh, productEn: r.productEn, counties: r.counties,
      designationId: r.designationId, giType: r.giType, markKind: r.markKind, number: r.number, announcement: r.announcement,
      basis: r.basis, reference: r.reference, from: r.from, until: r.until, valid: reason === 'valid', reason,
      decision: decisionShown(facts, today) ? r.decision : null, specification: r.specification, labels: r.labels,
    });
  }
  const matches = [...byEnterprise.values()];
  for (const m of matches) m.grants.sort((a, b) => Number(b.valid) - Number(a.valid) || a.productZh.localeCompare(b.productZh, 'zh'));
  matches.sort((a, b) => Number(b.grants.some((g) => g.valid)) - Number(a.grants.some((g) => g.valid)) || a.name.localeCompare(b.name, 'zh'));
  return { q, kind: answerKind(q, matches.length, registry), by: asCreditCode(q) ? 'credit_code' : 'name', asOf: today, registry, matches };
}

/** Searches a verification index as GET /api/verify searches the registry (the static copy's answer). */
export function verifyInIndex(index: VerifyIndex, q: string, today: string): VerifyResult {
  return verifyResultOf(q, index.entries.filter((e) => matchesVerifyQuery(e, q)), today, registrySizeOf(index.entries, index.lastChangedOn));
}
