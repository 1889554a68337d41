/**
 * How verification reads a query and matches authorised users, in one place for the server (GET
 * /api/verify, over SQL) and the static copy (its verification index, searched in the browser), so
 * both answer the same: a credit code exactly, or a part of a name (NFKC, no spaces, lower case).
 */
import { z } from 'zod';
import { AuthorizationBasis, AuthorizationStatus, authorizationReason, type VerifyResult } from './marks';
import { CountyCode, GiType, MarkKind, Status } from './vocabulary';
import { IsoDate } from './scalars';

/** At most this many enterprises are answered for one query (a name part may match many). */
export const MAX_VERIFY_MATCHES = 50;

/** A query that is a credit code: 18 letters and digits once spaces are gone (upper-cased); else null. */
export function asCreditCode(q: string): string | null {
  const code = q.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return /^[0-9A-Z]{18}$/.test(code) ? code : null;
}

/** A name as compared: NFKC (full-width letters and digits become half-width), no spaces, lower case. */
export function comparableName(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
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
  designationId: z.number().int(),
  /** The designation's current status: a mark not granted (or no longer) lets nobody use it. */
  designationStatus: Status,
  giType: GiType,
  markKind: MarkKind.nullable(),
  number: z.string().nullable(),
  productId: z.number().int(),
  productZh: z.string(),
  productEn: z.string().nullable(),
  counties: z.array(CountyCode),
});
export type VerifyIndexEntry = z.infer<typeof VerifyIndexEntry>;

/** The static copy's verification index (`api/verify.json`): every authorised user of a public product, by name. */
export const VerifyIndex = z.object({ entries: z.array(VerifyIndexEntry) });
export type VerifyIndex = z.infer<typeof VerifyIndex>;

/** Whether an authorised user matches a query: the same credit code, or (for a query that is no code) a name containing it. */
export function matchesVerifyQuery(entry: Pick<VerifyIndexEntry, 'name' | 'creditCode'>, q: string): boolean {
  const code = asCreditCode(q);
  if (code) return entry.creditCode === code;
  return comparableName(entry.name).includes(comparableName(q));
}

/**
 * The answer to `q` from the authorised users that match it (in name order): grouped by enterprise
 * (its credit code, or its name when it has none), at most MAX_VERIFY_MATCHES, each grant valid or
 * not on `today` with the reason; valid grants and enterprises first.
 */
export function verifyResultOf(q: string, matching: readonly VerifyIndexEntry[], today: string): VerifyResult {
  const byEnterprise = new Map<string, VerifyResult['matches'][number]>();
  for (const r of matching) {
    const key = r.creditCode ?? `name:${comparableName(r.name)}`;
    let match = byEnterprise.get(key);
    if (!match) {
      if (byEnterprise.size >= MAX_VERIFY_MATCHES) continue;
      byEnterprise.set(key, match = { name: r.name, creditCode: r.creditCode, grants: [] });
    }
    const reason = authorizationReason(r, r.designationStatus, today);
    match.grants.push({
      productId: r.productId, productZh: r.productZh, productEn: r.productEn, counties: r.counties,
      designationId: r.designationId, giType: r.giType, markKind: r.markKind, number: r.number, basis: r.basis,
      reference: r.reference, from: r.from, until: r.until, status: r.status, valid: reason === 'valid', reason,
    });
  }
  const matches = [...byEnterprise.values()];
  for (const m of matches) m.grants.sort((a, b) => Number(b.valid) - Number(a.valid) || a.productZh.localeCompare(b.productZh, 'zh'));
  matches.sort((a, b) => Number(b.grants.some((g) => g.valid)) - Number(a.grants.some((g) => g.valid)) || a.name.localeCompare(b.name, 'zh'));
  return { q, by: asCreditCode(q) ? 'credit_code' : 'name', asOf: today, matches };
}

/** Searches a verification index as GET /api/verify searches the registry (the static copy's answer). */
export function verifyInIndex(index: VerifyIndex, q: string, today: string): VerifyResult {
  return verifyResultOf(q, index.entries.filter((e) => matchesVerifyQuery(e, q)), today);
}
