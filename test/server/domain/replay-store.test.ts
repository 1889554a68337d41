/**
 * The replay index patched per product is the index a whole load gives: after each of a seeded random
 * sequence of writes (designations and their moves at any date, moves taken back, products published, archived and given
 * counties, households, figures, users, a designation handed to another product), the products that
 * registry_changes names are read again, and the index (and the tally index built from it) equals a
 * fresh load of the same database.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { GiType, Period, Status } from '../../../db/model';
import { openDb, type Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { loadReplayIndex, ReplayStore } from '../../../server/domain/tally/replay-store';
import { buildTallyIndex } from '../../../server/domain/tally/tally-index';
import type { ReplayIndex } from '../../../server/domain/tally/tally-replay';
import { RegistryChanges } from '../../../server/snapshot/registry-changes';
import { registryVersionReader } from '../../../server/snapshot/ready-cache';
import { SEEDED_COUNTY_CODES } from '../../support/seeded-counties';
import { seededRandom } from '../../support/seeded-random';

let db: Db;
const period: Period = {
  id: 1, name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31',
  targets: [{ giType: 'trademark', baseline: 4, target: 10 }],
};

beforeEach(() => {
  db = openDb(':memory:');
  for (const code of SEEDED_COUNTY_CODES) {
    db.insert(t.counties).values({ code, nameZh: code, nameEn: code, seatLat: 35.5, seatLng: 112.8, labelLat: 35.5, labelLng: 112.8, geometry: {} }).run();
  }
  db.insert(t.periods).values({ id: 1, name: period.name, nameEn: period.nameEn, startsOn: period.startsOn, endsOn: period.endsOn }).run();
});


/** Everything an index answers, as plain data (its functions asked on a few dates). */
function plain(index: ReplayIndex) {
  const dates = ['2015-06-30', '2020-12-31', '2023-01-01', '2026-12-06', '9999-12-31'];
  const sorted = <K, V>(m: Map<K, V>) => [...m].sort((a, b) => Number(a[0]) - Number(b[0]));
  return {
    designations: index.designations,
    statuses: dates.map((d) => index.statusesOn(d)),
    moves: dates.map((d) => index.movesUntil(d)),
    countiesOf: sorted(index.countiesOf),
    countiesOfDesignation: index.countiesOfDesignation,
    households: sorted(index.households),
    readyToFile: [...index.readyToFile].sort((a, b) => a - b),
    authorizedUsers: index.authorizedUsers,
    figureHouseholds: sorted(index.figureHouseholds),
    tallyIndex: buildTallyIndex(index, [period]),
  };
}

describe('the replay index patched per product', () => {
  it('equals a whole load after every write of a random sequence', () => {
    const next = seededRandom(20261207);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const day = () => `${2010 + Math.floor(next() * 16)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    // A date as officials may know it: a day, a month or a year.
    const date = () => { const d = day(); const r = next(); return r < 0.7 ? d : r < 0.85 ? d.slice(0, 7) : d.slice(0, 4); };
    const products: number[] = [];
    const designations: number[] = [];
    const types: GiType[] = ['trademark', 'protected_product', 'agricultural_product'];
    const statuses: Status[] = ['cultivating', 'filed', 'published', 'granted', 'revoked', 'expired'];

    const writes: (() => void)[] = [
      () => {
        const { id } = db.insert(t.products).values({ nameZh: `产品${products.length}`, category: 'food', visibility: next() < 0.8 ? 'public' : 'draft' })
          .returning({ id: t.products.id }).get();
        products.push(id);
        db.insert(t.productCounties).values({ productId: id, countyCode: pick(SEEDED_COUNTY_CODES) }).run();
      },
      () => {
        if (products.length === 0) return;
        const giType = pick(types);
        const { id } = db.insert(t.designations).values({
          productId: pick(products), giType, status: 'cultivating', validUntil: next() < 0.5 ? day() : null, markKind: giType === 'trademark' ? 'collective' : null,
        }).returning({ id: t.designations.id }).get();
        designations.push(id);
        db.insert(t.transitions).values({ designationId: id, toStatus: 'cultivating', on: date() }).run();
      },
      () => {
        if (designations.length === 0) return;
        const id = pick(designations);
        const to = pick(statuses);
        db.insert(t.transitions).values({ designationId: id, toStatus: to, on: date() }).run();
        db.update(t.designations).set({ status: to }).where(eq(t.designations.id, id)).run();
      },
      () => {
        if (products.length === 0) return;
        db.update(t.products).set({ visibility: next() < 0.5 ? 'public' : 'draft' }).where(eq(t.products.id, pick(products))).run();
      },
      () => {
        if (products.length === 0) return;
        db.update(t.products).set({ archivedAt: next() < 0.5 ? '2026-01-01T00:00:00Z' : null }).where(eq(t.products.id, pick(products))).run();
      },
      () => {
        if (products.length === 0) return;
        db.insert(t.participants).values({ productId: pick(products), position: Math.floor(next() * 1000), role: 'farmers', households: Math.floor(next() * 500) }).run();
      },
      () => {
        if (products.length === 0) return;
        db.insert(t.productFigures).values({ productId: pick(products), year: 2015 + Math.floor(next() * 11), households: Math.floor(next() * 900), confidence: 'good' }).onConflictDoNothing().run();
      },
      () => {
        if (designations.length === 0) return;
        const from = day();
        db.insert(t.authorizedUsers).values({
          designationId: pick(designations), name: '企业', nameKey: '企业', basis: 'approved_producer', from, until: next() < 0.5 ? null : day(),
          status: next() < 0.8 ? 'active' : 'suspended',
        }).run();
      },
      () => {
        // A designation handed to another product: both products change.
        if (designations.length === 0 || products.length < 2) return;
        db.update(t.designations).set({ productId: pick(products) }).where(eq(t.designations.id, pick(designations))).run();
      },
      () => {
        // Moves taken back: a designation left with none.
        if (designations.length === 0) return;
        db.delete(t.transitions).where(eq(t.transitions.designationId, pick(designations))).run();
      },
      () => {
        if (products.length === 0) return;
        db.insert(t.productCounties).values({ productId: pick(products), countyCode: pick(SEEDED_COUNTY_CODES) }).onConflictDoNothing().run();
      },
    ];

    const version = registryVersionReader(db.$client);
    const changes = new RegistryChanges(db.$client, version);
    let store = ReplayStore.load(db);
    let keptAt = version();
    let patched = 0;
    let patchedProducts = 0;
    for (let step = 0; step < 160; step++) {
      pick(writes)();
      const since = changes.changedSince(keptAt);
      const at = version();
      if (since === 'all') store = ReplayStore.load(db);
      else {
        store.patch(db, since);
        patched++;
        patchedProducts += since.length;
      }
      keptAt = at;
      expect(plain(store.index()), `step ${step}`).toEqual(plain(loadReplayIndex(db)));
    }
    // The patch was what kept it right (not a whole load each time), a product or two at a time.
    expect(patched).toBeGreaterThan(150);
    expect(patchedProducts / patched).toBeLessThan(3);
    expect(store.index().designations.length).toBeGreaterThan(5);
    expect(store.index().movesUntil('9999-12-31').length).toBeGreaterThan(5);
  });

  it('drops a product that is no longer counted and keeps the index it gave before unchanged', () => {
    const { id } = db.insert(t.products).values({ nameZh: '产品', category: 'food', visibility: 'public' }).returning({ id: t.products.id }).get();
    const d = db.insert(t.designations).values({ productId: id, giType: 'trademark', status: 'filed', markKind: 'collective' }).returning({ id: t.designations.id }).get();
    db.insert(t.transitions).values({ designationId: d.id, toStatus: 'filed', on: '2022-01-01' }).run();
    const store = ReplayStore.load(db);
    const before = store.index();
    expect(before.designations.map((x) => x.id)).toEqual([d.id]);
    db.update(t.products).set({ visibility: 'draft' }).where(eq(t.products.id, id)).run();
    store.patch(db, [id]);
    expect(store.index().designations).toEqual([]);
    expect(store.index().movesUntil('9999-12-31')).toEqual([]);
    // An index already handed out is not changed under whoever holds it.
    expect(before.designations.map((x) => x.id)).toEqual([d.id]);
    expect(before.movesUntil('9999-12-31').map((m) => m.designationId)).toEqual([d.id]);
  });
});
