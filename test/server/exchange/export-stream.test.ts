/**
 * Exports are streamed by a task worker: they work past SQLite's bound-parameter limit, the server
 * answers other requests while a download is under way, and a dropped download frees the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../seeds/csv';
import { startServer, type TestServer } from '../../support/server';

/** More designations than one `IN (…)` may bind (32,766), which broke the old export. */
const EXTRA = 33_000;

let s: TestServer;
let designations: number;
beforeAll(async () => {
  s = await startServer();
  const sqlite = s.db.$client;
  const products = sqlite.prepare("SELECT id FROM products WHERE visibility = 'public' AND archived_at IS NULL").pluck().all() as number[];
  const addDesignation = sqlite.prepare("INSERT INTO designations (product_id, gi_type, status) VALUES (?, 'agricultural_product', 'filed')");
  const addMove = sqlite.prepare("INSERT INTO transitions (designation_id, to_status, \"on\") VALUES (?, 'filed', '2024-03-01')");
  sqlite.transaction(() => {
    for (let i = 0; i < EXTRA; i++) addMove.run(addDesignation.run(products[i % products.length]).lastInsertRowid);
  })();
  designations = sqlite.prepare(`SELECT count(*) FROM designations d JOIN products p ON p.id = d.product_id
    WHERE p.visibility = 'public' AND p.archived_at IS NULL`).pluck().get() as number;
}, 60_000);
afterAll(() => s.close());

describe('streamed exports', () => {
  it(`writes every row of a registry with over ${EXTRA.toLocaleString('en')} designations`, async () => {
    const res = await fetch(`${s.url}/api/export/products.csv`);
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text()).slice(1);
    expect(rows).toHaveLength(designations);
    expect(rows.filter((r) => r[14] === '' && r[13] === '2024-03-01')).toHaveLength(EXTRA); // filed_on from the moves
  });

  it('answers /api/health while a download waits half-read, and frees the worker when it is dropped', async () => {
    const abort = new AbortController();
    const res = await fetch(`${s.url}/api/export/products.xlsx`, { signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect([...first.value!.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip ("PK") begins at once
    // The download is neither finished nor read further; the server still answers others.
    const health = await fetch(`${s.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
    abort.abort();
    await reader.cancel().catch(() => {});
    // Both workers are free again: two downloads at once still complete.
    const [a, b] = await Promise.all([
      fetch(`${s.url}/api/export/products.csv?county=140524`).then((r) => r.text()),
      fetch(`${s.url}/api/export/products.csv?county=140525`).then((r) => r.text()),
    ]);
    expect(parseCsv(a).length).toBeGreaterThan(1);
    expect(parseCsv(b).length).toBeGreaterThan(1);
  });
});
