/**
 * Plan periods with their targets: read by everyone, created and replaced by admins (names unique in
 * both languages, dates never overlapping), every change audited in the same transaction.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { GI_TYPES, type Period, type PeriodInput } from '../../../db/model';
import * as t from '../../../db/schema';
import { HttpError, notFound } from '../../errors';
import { recordAudit, type Tx } from '../access/audit';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { periodVersion, versionedPeriod } from '../access/resource-versions';

/** Every period, oldest first, each with its targets in GI-type order. */
export function listPeriods(db: Tx): Period[] {
  const targets = db.select().from(t.targets).all();
  return db.select().from(t.periods).orderBy(asc(t.periods.startsOn), asc(t.periods.id)).all().map((p) => presentPeriod(p, targets));
}

/** One period, or null. */
export function getPeriod(db: Tx, id: number): Period | null {
  const p = db.select().from(t.periods).where(eq(t.periods.id, id)).get();
  return p ? presentPeriod(p, db.select().from(t.targets).where(eq(t.targets.periodId, id)).all()) : null;
}

function presentPeriod(p: typeof t.periods.$inferSelect, targets: (typeof t.targets.$inferSelect)[]): Period {
  return {
    id: p.id, name: p.name, nameEn: p.nameEn, startsOn: p.startsOn, endsOn: p.endsOn,
    targets: targets.filter((x) => x.periodId === p.id)
      .sort((a, b) => GI_TYPES.indexOf(a.giType) - GI_TYPES.indexOf(b.giType))
      .map(({ giType, baseline, target }) => ({ giType, baseline, target })),
  };
}

/** A period's name and dates as a message shows them: 「十四五」（2021-01-01 至 2025-12-31）. */
const shownZh = (p: Pick<Period, 'name' | 'startsOn' | 'endsOn'>) => `「${p.name}」（${p.startsOn} 至 ${p.endsOn}）`;
const shownEn = (p: Pick<Period, 'name' | 'nameEn' | 'startsOn' | 'endsOn'>) => `${p.nameEn || p.name} (${p.startsOn} to ${p.endsOn})`;

/**
 * 409 when `input` does not fit among the other periods: its Chinese name, or its English name whatever
 * its capitals, is another's (`period_name_taken`: names are how people refer to periods, 十四五), or its
 * dates share a day with another's (`period_overlap`: a date belongs to one period, so the tally and the
 * annual report never have to choose). The message is in both languages; its issue names the field to change.
 */
function assertFits(tx: Tx, input: PeriodInput, exceptId?: number): void {
  const others = listPeriods(tx).filter((p) => p.id !== exceptId);
  const sameZh = others.find((p) => p.name === input.name);
  const sameEn = others.find((p) => p.nameEn !== '' && p.nameEn.toLowerCase() === input.nameEn.toLowerCase());
  const taken = sameZh ?? sameEn;
  if (taken) {
    const message = `已有名为「${taken.name}」（${taken.nameEn || taken.name}）的规划期，中英文名称均不得重复 / `
      + `A period named ${taken.nameEn || taken.name} (${taken.name}) already exists; each name must be unique`;
    throw new HttpError(409, 'period_name_taken', message, [{ path: [sameZh ? 'name' : 'nameEn'], message }]);
  }
  const overlapped = others.find((p) => p.startsOn <= input.endsOn && input.startsOn <= p.endsOn);
  if (overlapped) {
    const message = `规划期 ${input.startsOn} 至 ${input.endsOn} 与${shownZh(overlapped)}重叠，规划期不得重叠 / `
      + `${input.startsOn} to ${input.endsOn} overlaps ${shownEn(overlapped)}; periods may not overlap`;
    const field = overlapped.startsOn <= input.startsOn ? 'startsOn' : 'endsOn';
    throw new HttpError(409, 'period_overlap', message, [{ path: [field], message }]);
  }
}

function writeTargets(tx: Tx, periodId: number, input: PeriodInput): void {
  tx.delete(t.targets).where(eq(t.targets.periodId, periodId)).run();
  for (const x of input.targets) tx.insert(t.targets).values({ periodId, ...x }).run();
}

/** Adds a period with its targets (409 if a name is taken or the dates overlap another period's), audited as `create`. */
export function createPeriod(db: Db, by: SignedIn, input: PeriodInput): Period {
  return db.transaction((tx) => {
    assertFits(tx, input);
    const { id } = tx.insert(t.periods).values({ name: input.name, nameEn: input.nameEn, startsOn: input.startsOn, endsOn: input.endsOn })
      .returning({ id: t.periods.id }).get();
    writeTargets(tx, id, input);
    const after = getPeriod(tx, id)!;
    recordAudit(tx, by, { action: 'create', entity: 'period', entityId: id, before: null, after });
    return versionedPeriod(after);
  });
}

/**
 * Replaces a period's names, dates and targets (404 if unknown, 409 if a name is another's or the
 * dates overlap another period's);
 * a type left out of `targets` has none afterwards. Audited as `update` with before and after. `check`
 * (the route's If-Match) sees the period's version first.
 */
export function updatePeriod(db: Db, by: SignedIn, id: number, input: PeriodInput, check?: VersionCheck): Period {
  return db.transaction((tx) => {
    const before = getPeriod(tx, id);
    if (!before) throw notFound('period');
    check?.(periodVersion(before), versionedPeriod(before));
    assertFits(tx, input, id);
    tx.update(t.periods).set({ name: input.name, nameEn: input.nameEn, startsOn: input.startsOn, endsOn: input.endsOn })
      .where(eq(t.periods.id, id)).run();
    writeTargets(tx, id, input);
    const after = getPeriod(tx, id)!;
    recordAudit(tx, by, { action: 'update', entity: 'period', entityId: id, before, after });
    return versionedPeriod(after);
  });
}
