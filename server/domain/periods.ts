/**
 * Reading plan periods with their targets.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { GI_TYPES, type Period } from '../../db/model';
import * as t from '../../db/schema';

/** Every period, oldest first, each with its targets in GI-type order. */
export function listPeriods(db: Db): Period[] {
  const targets = db.select().from(t.targets).all();
  return db.select().from(t.periods).orderBy(asc(t.periods.startsOn)).all().map((p) => presentPeriod(p, targets));
}

/** One period, or null. */
export function getPeriod(db: Db, id: number): Period | null {
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
