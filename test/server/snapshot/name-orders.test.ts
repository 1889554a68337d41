/**
 * Lists' kept name orders are the lists: after a random sequence of writes (seeded, so a failure can be
 * replayed) to products' names, visibility, archive, counties and designations, every list read with the
 * keeper is the list read and ordered from nothing, for the public, a county's officials and an admin, in
 * both orders; the keeper took the writes in rather than reading every match again, and a change of
 * everything makes it read them again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProductQuery } from '../../../db/model';
import { openDb, type Db } from '../../../db/open';
import { loadSeeds } from '../../../seeds/loader';
import type { Viewer } from '../../../server/domain/access/viewer';
import { listProducts } from '../../../server/domain/products/products-read';
import { NameOrders } from '../../../server/snapshot/name-orders';
import { registryVersionReader } from '../../../server/snapshot/ready-cache';
import { RegistryChanges } from '../../../server/snapshot/registry-changes';
import { seededRandom } from '../../support/seeded-random';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-name-orders-'));
  db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const viewers: Viewer[] = [
  null,
  { id: 1, username: 'qinshui', role: 'official', county: '140521' },
  { id: 2, username: 'city', role: 'admin', county: null },
];
const queries: Partial<ProductQuery>[] = [
  { limit: 50 }, { limit: 7, offset: 3, lang: 'en' }, { county: '140521', limit: 100 }, { type: 'trademark', limit: 100 },
  { status: 'granted', limit: 100, lang: 'en' }, { category: 'food', limit: 100 },
];
const signedInQueries: Partial<ProductQuery>[] = [{ mine: '1', limit: 100 }, { archived: '1', limit: 100 }];

describe('kept name orders', () => {
  it('list what a fresh read lists after random writes, taking them in without reading every match again', () => {
    const sqlite = db.$client;
    const version = registryVersionReader(sqlite);
    // Room for every order the test reads (22).
    const orders = new NameOrders(new RegistryChanges(sqlite, version), version, 32);
    const next = seededRandom(20261207);
    const ids = () => sqlite.prepare('SELECT id FROM products').pluck().all() as number[];
    const pick = () => { const all = ids(); return all[Math.floor(next() * all.length)]!; };
    const names = ['沁水黄小米', '阳城蚕茧', '高平黄梨', '陵川党参', 'Aa', '泽州红山楂', '晋城巴公'];
    const writes = [
      () => sqlite.prepare("INSERT INTO products (name_zh, name_en, category, visibility) VALUES (?, ?, 'food', ?)")
        .run(names[Math.floor(next() * names.length)]! + Math.floor(next() * 100), next() < 0.5 ? null : `Name ${Math.floor(next() * 100)}`, next() < 0.7 ? 'public' : 'draft'),
      () => sqlite.prepare('UPDATE products SET name_zh = ? WHERE id = ?').run(names[Math.floor(next() * names.length)]!, pick()),
      () => sqlite.prepare('UPDATE products SET name_en = ? WHERE id = ?').run(next() < 0.3 ? null : `Z${Math.floor(next() * 1000)}`, pick()),
      () => sqlite.prepare("UPDATE products SET visibility = CASE visibility WHEN 'public' THEN 'draft' ELSE 'public' END WHERE id = ?").run(pick()),
      () => sqlite.prepare("UPDATE products SET archived_at = CASE WHEN archived_at IS NULL THEN '2026-01-01' END WHERE id = ?").run(pick()),
      () => sqlite.prepare("INSERT OR IGNORE INTO product_counties (product_id, county_code) VALUES (?, '140521')").run(pick()),
      () => sqlite.prepare("INSERT INTO designations (product_id, gi_type, status) VALUES (?, 'trademark', 'granted')").run(pick()),
    ];
    const compareAll = () => {
      for (const viewer of viewers) {
        for (const query of viewer ? [...queries, ...signedInQueries] : queries) {
          const q = { offset: 0, ...query } as ProductQuery;
          expect(listProducts(db, q, viewer, orders), JSON.stringify([viewer?.role, q])).toEqual(listProducts(db, q, viewer));
        }
      }
    };
    compareAll();
    const firstReads = orders.stats.read;
    for (let step = 0; step < 60; step++) {
      // One write, or a few between two reads.
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) writes[Math.floor(next() * writes.length)]!();
      compareAll();
    }
    // Every order was read once, then brought up to date write after write.
    expect(orders.stats.read).toBe(firstReads);
    expect(orders.stats.updated).toBeGreaterThan(60 * 5);

    // A county's name is everything's change: the orders are read again (and still right).
    sqlite.prepare("UPDATE counties SET name_en = 'Qinshui' WHERE code = '140521'").run();
    compareAll();
    expect(orders.stats.read).toBeGreaterThan(firstReads);
  });

  it('keeps a bounded number of orders, the least recently used let go', () => {
    const sqlite = db.$client;
    const version = registryVersionReader(sqlite);
    const orders = new NameOrders(new RegistryChanges(sqlite, version), version, 2);
    const list = (query: Partial<ProductQuery>) => listProducts(db, { offset: 0, limit: 10, ...query } as ProductQuery, null, orders);
    list({});
    list({ category: 'food' });
    list({});
    list({ lang: 'en' });
    expect(orders.stats).toEqual({ read: 3, updated: 0, kept: 1 });
    // {} was used more recently than category=food, so food was let go and is read again; {} is still kept.
    list({});
    list({ category: 'food' });
    expect(orders.stats).toEqual({ read: 4, updated: 0, kept: 2 });
  });
});
