/**
 * The tally page's URL state: `period` and `asOf`, the same names as GET /api/tally, so a link (or
 * the back button) reproduces the view.
 */
import { IsoDate } from '../../db/model';

/** What the URL asks the tally for; missing means the server's default. */
export interface TallyParams { period?: number; asOf?: string }

/** Reads the tally parameters from a query string, dropping values the API would refuse. */
export function readTallyParams(search: string): TallyParams {
  const q = new URLSearchParams(search);
  const period = Number(q.get('period'));
  const asOf = q.get('asOf') ?? '';
  return {
    ...(Number.isSafeInteger(period) && period > 0 ? { period } : {}),
    ...(IsoDate.safeParse(asOf).success ? { asOf } : {}),
  };
}

/** The page URL for a set of tally parameters. */
export function tallyUrl({ period, asOf }: TallyParams): string {
  const q = new URLSearchParams();
  if (period !== undefined) q.set('period', String(period));
  if (asOf) q.set('asOf', asOf);
  const s = q.toString();
  return s ? `/tally?${s}` : '/tally';
}
