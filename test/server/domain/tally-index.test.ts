/**
 * The tally index against the replay on hand-made registries with the cases a random registry may miss:
 * a move recorded later with an earlier day, moves known to the year, users whose dates are reversed,
 * terms ending on a leap day and in 9999, figures of several years, a county split, a conversion. Every
 * event day, the days either side and the ends of the calendar: the same answer, field for field.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CountyCode, GiType, Period, Status } from '../../../db/model';
import { openDb, type Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { tallyAnswer } from '../../../server/domain/tally/tally';
import { buildTallyIndex } from '../../../server/domain/tally/tally-index';
import { tallyFromIndex } from '../../../server/domain/tally/tally-index-read';
import { loadReplayIndex } from '../../../server/domain/tally/replay-store';
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
  db.insert(t.periods).values({ id: 1, name: period.name, nameEn: period.nameEn, startsOn: period.startsOn, endsOn: period.endsOn }).run();
});

function product(counties: CountyCode[] = ['140521'], farmers?: number): number {
  const { id } = db.insert(t.products).values({ nameZh: `产品${Math.random()}`, category: 'food', visibility: 'public' }).returning({ id: t.products.id }).get();
  for (const code of counties) db.insert(t.productCounties).values({ productId: id, countyCode: code }).run();
  if (farmers !== undefined) db.insert(t.participants).values({ productId: id, position: 0, role: 'farmers', households: farmers }).run();
  return id;
}

/** A designation with its moves `[status, date]`, inserted in the order given (the order they were recorded). */
function designation(productId: number, giType: GiType, moves: [Status, string][], validUntil: string | null = null, convertedFromId: number | null = null): number {
  const { id } = db.insert(t.designations).values({
    productId, giType, status: moves.at(-1)?.[0] ?? 'cultivating', validUntil, convertedFromId, markKind: giType === 'trademark' ? 'collective' : null,
  }).returning({ id: t.designations.id }).get();
  for (const [to, on] of moves) db.insert(t.transitions).values({ designationId: id, toStatus: to, on }).run();
  return id;
}

function user(designationId: number, from: string, until: string | null, status: 'active' | 'suspended' = 'active'): void {
  db.insert(t.authorizedUsers).values({ designationId, name: '企业', nameKey: '企业', basis: 'approved_producer', from, until, status }).run();
}

const shift = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/** Compares the index with the replay on every event day and the days either side, and the calendar's ends. */
function expectSameAsReplay(): number {
  const replay = loadReplayIndex(db);
  const index = buildTallyIndex(replay, [period]);
  const dates = new Set(['1949-01-01', '2000-02-29', '2024-02-29', '9998-12-31', '9999-01-01', '9999-12-31']);
  for (const d of index.days) for (const x of [-1, 0, 1]) dates.add(shift(d, x));
  let compared = 0;
  for (const asOf of [...dates].filter((d) => d >= '1949-01-01' && d <= '9999-12-31')) {
    for (const today of ['2023-06-01', '2026-12-06']) {
      expect(JSON.stringify(tallyFromIndex(index, period, asOf, today)), asOf).toBe(JSON.stringify(tallyAnswer(db, period, asOf, today, replay)));
      compared++;
    }
  }
  return compared;
}

describe('the tally index', () => {
  it('lets a move recorded later win over an earlier one known less precisely, as the replay does', () => {
    designation(product(), 'trademark', [['cultivating', '2019'], ['filed', '2021'], ['granted', '2021-07-03']], '2031-07-02');
    designation(product(), 'protected_product', [['cultivating', '2018-03'], ['filed', '2018'], ['published', '2018-06-01'], ['granted', '2019-02']]);
    expect(expectSameAsReplay()).toBeGreaterThan(20);
  });

  it('counts users in force between their dates, none when the dates are reversed or the user is suspended', () => {
    const granted = designation(product(['140521', '140522']), 'agricultural_product', [['filed', '2015-01-01'], ['granted', '2016-05-05'], ['revoked', '2022-02-02']]);
    user(granted, '2016-01-01', '2018-12-31');
    user(granted, '2017-06-01', null);
    user(granted, '2020-01-01', '2019-01-01');
    user(granted, '2019-01-01', '2019-01-01');
    user(granted, '2018-01-01', null, 'suspended');
    expectSameAsReplay();
  });

  it('lists renewals on the day their term enters the window, lapsed from the day after it ends, leap days and 9999 included', () => {
    designation(product(), 'trademark', [['filed', '2010-01-01'], ['granted', '2014-02-28']], '2024-02-29');
    designation(product(), 'trademark', [['filed', '2010-01-01'], ['granted', '2013-03-01']], '2023-03-01');
    designation(product(), 'trademark', [['filed', '2010-01-01'], ['granted', '2011-01-31']], '2021-01-31');
    designation(product(), 'trademark', [['filed', '2010-01-01'], ['granted', '2012-05-05']], '9999-12-31');
    designation(product(), 'trademark', [['filed', '2010-01-01'], ['granted', '2012-05-05'], ['expired', '2022-05-05']], '2022-05-04');
    designation(product(), 'trademark', [['filed', '2010-01-01'], ['granted', '2012-05-05']], '9998-06-30');
    expectSameAsReplay();
  });

  it('follows the households of products in force and their latest figures year by year', () => {
    const p = product(['140524'], 1200);
    designation(p, 'protected_product', [['filed', '2012-01-01'], ['granted', '2013-04-04'], ['revoked', '2020-07-07'], ['granted', '2021-01-01']]);
    for (const [year, households] of [[2010, 100], [2015, 150], [2019, 90], [2024, 300]]) {
      db.insert(t.productFigures).values({ productId: p, year, households, confidence: 'good' }).run();
    }
    designation(product(['140524'], 50), 'agricultural_product', [['filed', '2014-01-01'], ['granted', '2014-09-09']]);
    expectSameAsReplay();
  });

  it('counts a product in the county it came from before a split, and its eve baselines in the counties of the date asked', () => {
    for (const code of ['140596', '140597']) {
      db.insert(t.counties).values({ code, nameZh: code, nameEn: code, seatLat: 35.5, seatLng: 112.8, labelLat: 35.5, labelLng: 112.8, geometry: {} }).run();
      db.insert(t.countyChanges).values({ on: '2022-03-15', fromCode: '140522', toCode: code }).run();
    }
    designation(product(['140596']), 'trademark', [['filed', '2019-01-01'], ['granted', '2020-02-02']], '2030-02-01');
    designation(product(['140597', '140521']), 'protected_product', [['filed', '2019-01-01'], ['granted', '2022-03-15']]);
    designation(product(['140522']), 'agricultural_product', [['filed', '2019-01-01'], ['granted', '2019-09-09']]);
    expectSameAsReplay();
  });

  it('counts a conversion once: converted from its day, in force as what it became', () => {
    const p = product(['140525']);
    const agi = designation(p, 'agricultural_product', [['filed', '2012-01-01'], ['granted', '2013-01-01'], ['converted', '2023-09-01']]);
    designation(p, 'protected_product', [['granted', '2023-09-01']], null, agi);
    expectSameAsReplay();
  });
});
