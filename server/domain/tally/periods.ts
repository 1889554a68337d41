/**
 * Plan periods with their targets: read by everyone, created and replaced by admins, every change
 * audited in the same transaction.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { GI_TYPES, type Period, type PeriodInput } from '../../../db/model';
import * as t from '../../../db/schema';
import { conflict, notFound } from '../../errors';
import { recordAudit, type Tx } from '../access/audit';
import type { SignedIn } from '../access/viewer';

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
    id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn,
    targets: targets.filter((x) => x.periodId === p.id)
      .sort((a, b) => GI_TYPES.indexOf(a.giType) - GI_TYPES.indexOf(b.giType))
      .map(({ giType, baseline, target }) => ({ giType, baseline, target })),
  };
}

/** 409 when another period already has this name (names are how people refer to periods: 十四五). */
function assertNameFree(tx: Tx, name: string, exceptId?: number): void {
  const clash = tx.select({ id: t.periods.id }).from(t.periods)
    .where(and(eq(t.periods.name, name), exceptId === undefined ? undefined : ne(t.periods.id, exceptId))).get();
  if (clash) throw conflict(`规划期名称已存在 / A period named ${name} already exists`, 'period_name_taken');
}

function writeTargets(tx: Tx, periodId: number, input: PeriodInput): void {
  tx.delete(t.targets).where(eq(t.targets.periodId, periodId)).run();
  for (const x of input.targets) tx.insert(t.targets).values({ periodId, ...x }).run();
}

/** Adds a period with its targets (409 if the name is taken), audited as `create`. */
export function createPeriod(db: Db, by: SignedIn, input: PeriodInput): Period {
  return db.transaction((tx) => {
    assertNameFree(tx, input.name);
    const { id } = tx.insert(t.periods).values({ name: input.name, startsOn: input.startsOn, endsOn: input.endsOn })
      .returning({ id: t.periods.id }).get();
    writeTargets(tx, id, input);
    const after = getPeriod(tx, id)!;
    recordAudit(tx, by, { action: 'create', entity: 'period', entityId: id, before: null, after });
    return after;
  });
}

/**
 * Replaces a period's name, dates and targets (404 if unknown, 409 if the name is another's);
 * a type left out of `targets` has none afterwards. Audited as `update` with before and after.
 */
export function updatePeriod(db: Db, by: SignedIn, id: number, input: PeriodInput): Period {
  return db.transaction((tx) => {
    const before = getPeriod(tx, id);
    if (!before) throw notFound('period');
    assertNameFree(tx, input.name, id);
    tx.update(t.periods).set({ name: input.name, startsOn: input.startsOn, endsOn: input.endsOn })
      .where(eq(t.periods.id, id)).run();
    writeTargets(tx, id, input);
    const after = getPeriod(tx, id)!;
    recordAudit(tx, by, { action: 'update', entity: 'period', entityId: id, before, after });
    return after;
  });
}
