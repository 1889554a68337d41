/**
 * A product's answer is built on every cache miss (a buyer opening any product of thousands), so each
 * of its statements must find its rows by index. Found in session 5's bench: the conversion links
 * matched the converted side on `source.id`, which made SQLite scan every designation for each answer
 * (1.2 ms of a 1.5 ms build at 25,000 designations; /api/products/:id fell from 0.51 to 0.02 of bare).
 * This test records every statement a product answer prepares and reads its EXPLAIN QUERY PLAN.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open';
import { loadSeeds } from '../../seeds/loader';
import { generate } from '../../bench/generate';
import { getProduct } from '../../server/domain/products/products-read';
import type { Viewer } from '../../server/domain/access/viewer';

let dir: string;
let db: Db;
const prepared: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-plans-'));
  db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
  generate(db, { products: 300, designations: 750 });
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => { prepared.push(source); return prepare(source); }) as typeof client.prepare;
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The plan lines of a statement that read a whole table (or a whole index of it). */
function scans(source: string): string[] {
  const statement = db.$client.prepare(`EXPLAIN QUERY PLAN ${source}`);
  // Drizzle binds positionally; a plan does not depend on the values, so each is bound to null.
  const plan = statement.all(...(source.match(/\?/g) ?? []).map(() => null)) as { detail: string }[];
  // json_each walks the bound id list, not the registry; a SCAN of a subquery's result is bounded by it.
  return plan.map((p) => p.detail).filter((d) => /^SCAN /.test(d) && !/^SCAN (json_each|CONSTANT ROW|\(subquery)/.test(d));
}

describe('a product answer reads by index', () => {
  it('no statement of a product answer, for the public or an official, scans a table', () => {
    const official: Viewer = { id: 1, username: 'plans', role: 'official', county: null };
    const id = (db.$client.prepare("SELECT id FROM products WHERE visibility = 'public' ORDER BY id DESC LIMIT 1").get() as { id: number }).id;
    prepared.length = 0; // statements are prepared once per connection: this records the first answers' statements
    expect(getProduct(db, id, null, '2026-12-05')).not.toBeNull();
    expect(getProduct(db, id, official, '2026-12-05')).not.toBeNull();
    const queries = prepared.filter((source) => /^\s*(select|with)\b/i.test(source));
    expect(queries.length).toBeGreaterThan(5);
    const found = queries.map((source) => ({ source, scans: scans(source) })).filter((s) => s.scans.length > 0);
    expect(found).toEqual([]);
  });
});
