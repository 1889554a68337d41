/**
 * The registry's changes as the triggers record them and the ready caches read them: a write to one
 * product's parts is that product's change (and the tally's only when it can move the tally); a county or
 * a period is everything's; both sides of a conversion change together; another connection's writes are
 * seen; pruned rows and a restored (older) database count as a change of everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import { loadSeeds } from '../../../seeds/loader';
import { RegistryChanges } from '../../../server/snapshot/registry-changes';
import { registryVersionReader } from '../../../server/snapshot/ready-cache';

let dir: string;
let db: Db;
let sqlite: Database.Database;
let changes: RegistryChanges;
const version = () => registryVersionReader(sqlite)();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-changes-'));
  db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
  sqlite = db.$client;
  changes = new RegistryChanges(sqlite, version);
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Two products of the seeds with a designation each, and a location of the first. */
function twoProducts() {
  const rows = sqlite.prepare('SELECT product_id AS product, id AS designation FROM designations GROUP BY product_id ORDER BY product_id LIMIT 2').all() as { product: number; designation: number }[];
  expect(rows).toHaveLength(2);
  return rows;
}

describe('registry changes', () => {
  it('a location of one product changes that product only, and not the tally', () => {
    const [a, b] = twoProducts();
    const builtAt = version();
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(true);
    sqlite.prepare("INSERT INTO locations (product_id, position, lat, lng, label, precision) VALUES (?, 9, 35.5, 112.8, '', 'township')").run(a.product);
    expect(version()).toBeGreaterThan(builtAt);
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(false);
    expect(changes.unchangedSince({ product: b.product }, builtAt)).toBe(true);
    expect(changes.unchangedSince('tally', builtAt)).toBe(true);
    expect(changes.unchangedSince('all', builtAt)).toBe(false);
  });

  it('a designation\'s move changes its product and the tally', () => {
    const [a, b] = twoProducts();
    const builtAt = version();
    sqlite.prepare("INSERT INTO transitions (designation_id, to_status, \"on\", note) VALUES (?, 'filed', '2026-01-05', '')").run(a.designation);
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(false);
    expect(changes.unchangedSince('tally', builtAt)).toBe(false);
    expect(changes.unchangedSince({ product: b.product }, builtAt)).toBe(true);
  });

  it('the tally moves with a published product\'s names, not its description, and not with a draft\'s designations', () => {
    const [a] = twoProducts();
    const builtAt = version();
    sqlite.prepare("UPDATE products SET description = 'x' WHERE id = ?").run(a.product);
    expect(changes.unchangedSince('tally', builtAt)).toBe(true);
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(false);
    sqlite.prepare("UPDATE products SET visibility = 'draft' WHERE id = ?").run(a.product);
    expect(changes.unchangedSince('tally', builtAt)).toBe(false);
    const draft = version();
    sqlite.prepare("INSERT INTO transitions (designation_id, to_status, \"on\", note) VALUES (?, 'filed', '2026-01-05', '')").run(a.designation);
    expect(changes.unchangedSince('tally', draft)).toBe(true);
    sqlite.prepare("UPDATE products SET visibility = 'public', name_zh = name_zh || '新' WHERE id = ?").run(a.product);
    expect(changes.unchangedSince('tally', draft)).toBe(false);
  });

  it('a conversion links two products: a change to either side changes both', () => {
    const [a, b] = twoProducts();
    sqlite.prepare('UPDATE designations SET converted_from_id = ? WHERE id = ?').run(a.designation, b.designation);
    const builtAt = version();
    sqlite.prepare("UPDATE designations SET announcement = '2025年第1号' WHERE id = ?").run(a.designation);
    expect(changes.unchangedSince({ product: b.product }, builtAt)).toBe(false);
    const again = version();
    changes.lastChanged('all');
    sqlite.prepare("INSERT INTO transitions (designation_id, to_status, \"on\", note) VALUES (?, 'converted', '2026-02-01', '')").run(a.designation);
    expect(changes.unchangedSince({ product: b.product }, again)).toBe(false);
  });

  it('a county or a period changes everything', () => {
    const [a] = twoProducts();
    const builtAt = version();
    sqlite.prepare("UPDATE counties SET name_en = name_en || ' ' WHERE code = '140521'").run();
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(false);
    expect(changes.unchangedSince('tally', builtAt)).toBe(false);
  });

  it('sees the writes of another connection (a CLI, a second server)', () => {
    const [a, b] = twoProducts();
    const builtAt = version();
    const other = new Database(join(dir, 'registry.sqlite'));
    other.prepare("UPDATE products SET name_en = 'Other writer' WHERE id = ?").run(b.product);
    other.close();
    expect(changes.unchangedSince({ product: b.product }, builtAt)).toBe(false);
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(true);
  });

  it('counts rows pruned before it read them, and a version moved without rows, as a change of everything', () => {
    const [a, b] = twoProducts();
    const builtAt = version();
    sqlite.prepare("UPDATE products SET name_en = 'x' WHERE id = ?").run(b.product);
    sqlite.prepare('DELETE FROM registry_changes').run();
    sqlite.prepare("UPDATE products SET name_en = 'y' WHERE id = ?").run(b.product);
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(false);
    const next = version();
    sqlite.prepare('UPDATE registry_meta SET version = version + 1').run();
    expect(changes.unchangedSince({ product: a.product }, next)).toBe(false);
  });

  it('a write that changes nothing public (a session) changes nothing', () => {
    const [a] = twoProducts();
    const builtAt = version();
    sqlite.prepare("INSERT INTO verify_misses (key, kind, count) VALUES ('91140500MA0XXXXX0X', 'credit_code', 1)").run();
    expect(version()).toBe(builtAt);
    expect(changes.unchangedSince({ product: a.product }, builtAt)).toBe(true);
    expect(changes.unchangedSince('all', builtAt)).toBe(true);
  });
});
