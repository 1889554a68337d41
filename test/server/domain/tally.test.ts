/** The tally's replay rule on hand-made histories, straight against the domain functions. */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CountyCode, GiType, Period, Status } from '../../../db/model';
import { openDb, type Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { computeTally, defaultAsOf, resolvePeriod, tallyAnswer, type TallyCounts } from '../../../server/domain/tally/tally';
import { addMonths } from '../../../server/domain/tally/tally-replay';
import { loadReplayIndex } from '../../../server/domain/tally/replay-store';
import { computeSeries, sampleDates } from '../../../server/domain/tally/tally-series';
import { SEEDED_COUNTY_CODES } from '../../support/seeded-counties';

let db: Db;
const period: Period = {
  id: 1, name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31',
  targets: [{ giType: 'trademark', baseline: 4, target: 10 }, { giType: 'protected_product', baseline: 2, target: 5 }],
};

beforeEach(() => {
  db = openDb(':memory:');
  for (const code of SEEDED_COUNTY_CODES) {
    db.insert(t.counties).values({ code, nameZh: code, nameEn: code, seatLat: 35.5, seatLng: 112.8, labelLat: 35.5, labelLng: 112.8, geometry: {} }).run();
  }
});

interface ProductSpec { counties?: CountyCode[]; visibility?: 'draft' | 'public'; archived?: boolean; farmers?: number; cooperativeHouseholds?: number }

function product(spec: ProductSpec = {}): number {
  const { id } = db.insert(t.products).values({
    nameZh: `产品${Math.random()}`, category: 'food', visibility: spec.visibility ?? 'public',
    archivedAt: spec.archived ? '2024-01-01T00:00:00Z' : null,
  }).returning({ id: t.products.id }).get();
  for (const code of spec.counties ?? ['140521']) db.insert(t.productCounties).values({ productId: id, countyCode: code }).run();
  let position = 0;
  if (spec.farmers !== undefined) db.insert(t.participants).values({ productId: id, position: position++, role: 'farmers', households: spec.farmers }).run();
  if (spec.cooperativeHouseholds !== undefined) {
    db.insert(t.participants).values({ productId: id, position: position++, role: 'cooperative', name: '合作社', households: spec.cooperativeHouseholds }).run();
  }
  return id;
}

/** A designation with its history, each move `[status, date]` inserted in the order given. */
function designation(productId: number, giType: GiType, history: [Status, string][], validUntil: string | null = null): number {
  const status = history.at(-1)?.[0] ?? 'cultivating';
  const { id } = db.insert(t.designations).values({ productId, giType, status, validUntil, markKind: giType === 'trademark' ? 'collective' : null })
    .returning({ id: t.designations.id }).get();
  for (const [to, on] of history) db.insert(t.transitions).values({ designationId: id, toStatus: to, on }).run();
  return id;
}

const granted = (on: string): [Status, string][] => [['cultivating', on], ['filed', on], ['granted', on]];
const type = (tally: TallyCounts, g: GiType) => tally.types.find((x) => x.giType === g)!;
const county = (tally: TallyCounts, code: CountyCode, g: GiType) => tally.counties.find((c) => c.code === code)!.types.find((x) => x.giType === g)!;

describe('replaying transitions up to asOf', () => {
  it('counts a designation from the day it is granted, not before', () => {
    designation(product(), 'trademark', [['cultivating', '2021-02-01'], ['filed', '2021-08-01'], ['granted', '2022-05-10']]);
    expect(type(computeTally(db, period, '2022-05-09'), 'trademark')).toMatchObject({ inForce: 0, pipeline: { filed: 1 } });
    expect(type(computeTally(db, period, '2022-05-10'), 'trademark')).toMatchObject({ inForce: 1, pipeline: { filed: 0 } });
  });

  it('counts a fact known only to the year or month from its last possible day', () => {
    designation(product(), 'agricultural_product', [['cultivating', '2019'], ['filed', '2019-11'], ['granted', '2020']]);
    expect(type(computeTally(db, period, '2020-06-30'), 'agricultural_product')).toMatchObject({ inForce: 0, pipeline: { filed: 1 } });
    expect(type(computeTally(db, period, '2020-12-31'), 'agricultural_product').inForce).toBe(1);
    expect(type(computeTally(db, period, '2019-11-29'), 'agricultural_product').pipeline).toMatchObject({ cultivating: 0, filed: 0 });
  });

  it('lets a later move supersede an earlier one known less precisely', () => {
    // Filed "in 2021" (counts from 2021-12-31), granted on 2021-07-03: the grant was recorded later, so it wins once it counts.
    designation(product(), 'trademark', [['cultivating', '2020'], ['filed', '2021'], ['granted', '2021-07-03']]);
    expect(type(computeTally(db, period, '2021-08-01'), 'trademark').inForce).toBe(1);
    expect(type(computeTally(db, period, '2022-01-01'), 'trademark').inForce).toBe(1);
    const series = computeSeries(db, period, 'year', '2022-06-30');
    expect(series.points.map((p) => p.inForce.trademark)).toEqual([0, 1, 1]);
  });

  it('stops counting a revoked designation from the revocation date', () => {
    designation(product(), 'protected_product', [...granted('2015-01-01'), ['revoked', '2023-03-01']]);
    expect(type(computeTally(db, period, '2023-02-28'), 'protected_product').inForce).toBe(1);
    expect(type(computeTally(db, period, '2023-03-01'), 'protected_product').inForce).toBe(0);
  });

  it('stops counting an expired trademark, and it leaves the renewal list', () => {
    designation(product(), 'trademark', [...granted('2012-06-01'), ['expired', '2022-06-01']], '2022-05-31');
    const before = computeTally(db, period, '2022-01-01');
    expect(type(before, 'trademark').inForce).toBe(1);
    expect(before.renewalsDue).toHaveLength(1);
    const after = computeTally(db, period, '2022-06-01');
    expect(type(after, 'trademark').inForce).toBe(0);
    expect(after.renewalsDue).toEqual([]);
  });

  it('lists a renewal within 12 months, not beyond, and flags a lapsed term still recorded as granted', () => {
    const renewed = designation(product(), 'trademark', granted('2013-04-01'), '2033-03-31'); // validUntil extended on renewal
    const soon = designation(product(), 'trademark', granted('2015-09-01'), '2025-08-31');
    const lapsed = designation(product(), 'trademark', granted('2014-01-01'), '2023-12-31');
    const due = computeTally(db, period, '2024-09-01').renewalsDue;
    expect(due.map((r) => [r.designationId, r.lapsed])).toEqual([[lapsed, true], [soon, false]]);
    expect(due.map((r) => r.designationId)).not.toContain(renewed);
    expect(computeTally(db, period, '2024-08-30').renewalsDue.map((r) => r.designationId)).not.toContain(soon);
    expect(computeTally(db, period, '2024-08-31').renewalsDue.map((r) => r.designationId)).toContain(soon);
    // On its last valid day a term has not lapsed yet; the day after, it has.
    const lapsedOn = (asOf: string) => computeTally(db, period, asOf).renewalsDue.find((r) => r.designationId === soon)!.lapsed;
    expect(lapsedOn('2025-08-31')).toBe(false);
    expect(lapsedOn('2025-09-01')).toBe(true);
  });

  it('counts a product with several types once per type, and once in productsInForce', () => {
    const p = product({ farmers: 120 });
    designation(p, 'trademark', granted('2020-10-28'));
    designation(p, 'protected_product', granted('2015-12-04'));
    const tally = computeTally(db, period, '2021-06-01');
    expect(type(tally, 'trademark').inForce).toBe(1);
    expect(type(tally, 'protected_product').inForce).toBe(1);
    expect(tally.productsInForce).toBe(1);
    expect(tally.households).toBe(120);
  });

  it('counts a product of two counties in each county but once for the city', () => {
    designation(product({ counties: ['140524', '140581'] }), 'agricultural_product', granted('2019-01-01'));
    const tally = computeTally(db, period, '2021-01-01');
    expect(type(tally, 'agricultural_product').inForce).toBe(1);
    expect(county(tally, '140524', 'agricultural_product').inForce).toBe(1);
    expect(county(tally, '140581', 'agricultural_product').inForce).toBe(1);
    expect(county(tally, '140521', 'agricultural_product').inForce).toBe(0);
  });

  it('follows withdrawn → cultivating again into the pipeline, and a withdrawn one counts nowhere', () => {
    designation(product(), 'trademark', [['cultivating', '2021-01-05'], ['filed', '2021-06-01'], ['withdrawn', '2022-01-01'], ['cultivating', '2023-01-01']]);
    expect(type(computeTally(db, period, '2021-07-01'), 'trademark').pipeline).toEqual({ cultivating: 0, filed: 1, published: 0, readyToFile: 0 });
    expect(type(computeTally(db, period, '2022-06-01'), 'trademark').pipeline).toEqual({ cultivating: 0, filed: 0, published: 0, readyToFile: 0 });
    expect(type(computeTally(db, period, '2023-01-01'), 'trademark').pipeline).toEqual({ cultivating: 1, filed: 0, published: 0, readyToFile: 0 });
    expect(type(computeTally(db, period, '2020-12-31'), 'trademark').pipeline).toEqual({ cultivating: 0, filed: 0, published: 0, readyToFile: 0 });
  });

  it('orders two moves on the same day by their id', () => {
    designation(product(), 'protected_product', [['cultivating', '2021-01-01'], ['filed', '2022-03-03'], ['published', '2022-03-03']]);
    expect(type(computeTally(db, period, '2022-03-03'), 'protected_product').pipeline.published).toBe(1);
  });

  it('counts only public, unarchived products', () => {
    designation(product({ visibility: 'draft', farmers: 10 }), 'trademark', granted('2020-01-01'));
    designation(product({ archived: true }), 'trademark', granted('2020-01-01'));
    designation(product({ farmers: 7, cooperativeHouseholds: 500 }), 'trademark', granted('2020-01-01'));
    const tally = computeTally(db, period, '2021-01-01');
    expect(type(tally, 'trademark').inForce).toBe(1);
    expect(tally.productsInForce).toBe(1);
    expect(tally.households).toBe(7); // farmers rows only: a cooperative's households are the same farmers
  });

  it('gives progress and what remains against the target, and zero targets for a type the period leaves out', () => {
    for (let i = 0; i < 3; i++) designation(product(), 'trademark', granted('2020-01-01'));
    const tally = computeTally(db, period, '2021-01-01');
    expect(type(tally, 'trademark')).toMatchObject({ inForce: 3, baseline: 4, target: 10, progress: 0.3, remaining: 7 });
    expect(type(tally, 'agricultural_product')).toMatchObject({ baseline: 0, target: 0, progress: null, remaining: 0 });
  });

  it("gives each county's baseline as what was in force on the eve of the period", () => {
    designation(product({ counties: ['140522'] }), 'protected_product', granted('2006-01-01'));
    designation(product({ counties: ['140522'] }), 'protected_product', granted('2023-01-01'));
    expect(county(computeTally(db, period, '2024-01-01'), '140522', 'protected_product')).toMatchObject({ inForce: 2, baseline: 1, target: 0 });
  });
});

describe('periods and dates', () => {
  function addPeriod(name: string, startsOn: string, endsOn: string) {
    return db.insert(t.periods).values({ name, startsOn, endsOn }).returning({ id: t.periods.id }).get().id;
  }

  it('picks the period containing today, else the latest started, else the earliest', () => {
    expect(resolvePeriod(db, undefined, '2026-11-24')).toBeNull();
    const p14 = addPeriod('十四五', '2021-01-01', '2025-12-31');
    expect(resolvePeriod(db, undefined, '2026-11-24')!.id).toBe(p14);
    expect(resolvePeriod(db, undefined, '2019-01-01')!.id).toBe(p14);
    const p15 = addPeriod('十五五', '2026-01-01', '2030-12-31');
    expect(resolvePeriod(db, undefined, '2026-11-24')!.id).toBe(p15);
    expect(resolvePeriod(db, undefined, '2024-11-24')!.id).toBe(p14);
    expect(resolvePeriod(db, 999, '2024-11-24')).toBeNull();
  });

  it('defaults asOf to today capped at the period end', () => {
    expect(defaultAsOf({ endsOn: '2025-12-31' }, '2026-11-24')).toBe('2025-12-31');
    expect(defaultAsOf({ endsOn: '2030-12-31' }, '2026-11-24')).toBe('2026-11-24');
  });

  it('says the period ended once today is past its last day, whatever the as-of date', () => {
    designation(product(), 'trademark', granted('2022-05-10'));
    const onLastDay = tallyAnswer(db, period, '2025-12-31', '2025-12-31');
    expect(onLastDay.periodEnded).toBe(false);
    const dayAfter = tallyAnswer(db, period, '2025-12-31', '2026-01-01');
    expect(dayAfter.periodEnded).toBe(true);
    expect(tallyAnswer(db, period, '2022-06-01', '2026-12-05').periodEnded).toBe(true);
    // The counts are computeTally's, untouched.
    const { periodEnded: _, ...counts } = dayAfter;
    expect(counts).toEqual(computeTally(db, period, '2025-12-31'));
    expect(type(dayAfter, 'trademark').inForce).toBe(1);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'], ['2025-01-31', 1, '2025-02-28'], ['2024-02-29', 12, '2025-02-28'], ['2024-09-01', 12, '2025-09-01'],
  ])('adds months without spilling: %s + %i = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds months on the numbers exactly as a Date does, every day from year 1000 to 9999 and past it', () => {
    // The reference: the calendar arithmetic of Date, as addMonths did before it worked on the numbers.
    const byDate = (date: string, months: number) => {
      const [y, m, d] = date.split('-').map(Number);
      const first = new Date(Date.UTC(y, m - 1 + months, 1));
      const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      first.setUTCDate(Math.min(d, lastDay));
      return first.toISOString().slice(0, 10);
    };
    fc.assert(fc.property(
      fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: -30, max: 30 }),
      (at, months) => {
        const date = at.toISOString().slice(0, 10);
        expect(addMonths(date, months)).toBe(byDate(date, months));
      },
    ), { numRuns: 20_000 });
    for (const [date, months] of [['9999-12-31', 12], ['9999-01-01', 12], ['1000-01-31', -1], ['2000-02-29', 12], ['2100-01-31', 1]] as const) {
      expect(addMonths(date, months), `${date} + ${months}`).toBe(byDate(date, months));
    }
  });
});

describe('the series', () => {
  it('samples the eve and each step end, stopping at today', () => {
    expect(sampleDates(period, 'year', '2023-06-15')).toEqual(['2020-12-31', '2021-12-31', '2022-12-31', '2023-06-15']);
    expect(sampleDates(period, 'quarter', '2030-01-01')).toHaveLength(21);
  });

  it('agrees with the tally at every sampled date', () => {
    designation(product(), 'trademark', granted('2021-03-15'));
    designation(product(), 'trademark', [...granted('2012-01-01'), ['revoked', '2022-07-01']]);
    designation(product(), 'protected_product', [['cultivating', '2021-01-01'], ['filed', '2022-01-01'], ['published', '2022-02-01'], ['granted', '2022-02-01']]);
    const series = computeSeries(db, period, 'quarter', '2026-01-10');
    expect(series.points.length).toBe(21);
    for (const point of series.points) {
      const tally = computeTally(db, period, point.on);
      for (const g of ['trademark', 'protected_product', 'agricultural_product'] as const) expect(point.inForce[g]).toBe(type(tally, g).inForce);
    }
    expect(series.points[0].inForce.trademark).toBe(1);
    expect(series.points.at(-1)!.inForce).toEqual({ trademark: 1, protected_product: 1, agricultural_product: 0 });
  });
});

describe('the replay index’s moves for the series sweep', () => {
  it('gives the moves by the day they count from, those of one day in the order recorded, and none after `until`', () => {
    const a = designation(product(), 'trademark', [['cultivating', '2022-03-01'], ['filed', '2021'], ['granted', '2022-03-01']]);
    const b = designation(product(), 'protected_product', [['cultivating', '2021-12'], ['filed', '2021-12-31']]);
    const c = designation(product({ visibility: 'draft' }), 'trademark', [['cultivating', '2020-01-01']]); // not counted
    const moves = loadReplayIndex(db).movesUntil('2022-03-01');
    expect(moves.map((m) => [m.designationId, m.to, m.day])).toEqual([
      [a, 'filed', '2021-12-31'], [b, 'cultivating', '2021-12-31'], [b, 'filed', '2021-12-31'],
      [a, 'cultivating', '2022-03-01'], [a, 'granted', '2022-03-01'],
    ]);
    expect(moves.some((m) => m.designationId === c)).toBe(false);
    expect(loadReplayIndex(db).movesUntil('2021-12-30')).toEqual([]);
  });
});
