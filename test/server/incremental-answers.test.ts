/**
 * The kept public answers are the answers: after a random sequence of writes (seeded, so a failure can be
 * replayed) with reads in between and product pages made ready ahead now and then, so that some bodies are
 * kept across writes that did not touch them and others are rebuilt, every public answer of the running server is byte for byte what a fresh server on
 * the same database file builds from nothing.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { closeApp, createApp, productPagesOf, serve } from '../../server/app';
import { startServer, type TestServer } from '../support/server';
import { seededRandom } from '../support/seeded-random';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;
let official: string;
beforeAll(async () => {
  // Every answer rebuilt at the next request (the test server's default): this is about what is kept, not about
  // the pace of rebuilds during a burst of writes (test/server/snapshot/rebuild-pace.test.ts).
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  admin = await signIn(s.url, 'city');
  official = await signIn(s.url, 'qinshui');
});
afterAll(() => s.close());


/** The body of a public GET, as sent without compression. */
async function body(base: string, path: string): Promise<string> {
  const res = await fetch(base + path, { headers: { 'accept-encoding': 'identity' } });
  return `${res.status} ${await res.text()}`;
}

/** Every public answer the test compares: each product, lists, both GeoJSONs, the map page's summary and cluster blocks, the tally on several dates, the series. */
async function publicPaths(): Promise<string[]> {
  const ids = s.db.$client.prepare('SELECT id FROM products ORDER BY id').pluck().all() as number[];
  return [
    ...ids.map((id) => `/api/products/${id}`),
    '/api/products?limit=50', '/api/products?limit=20&offset=10&lang=en', '/api/products?county=140521', '/api/products?q=%E6%B2%81',
    '/api/products.geojson', '/api/products.geojson?county=140521', '/api/counties.geojson',
    '/api/map-summary', '/api/map-summary?lang=en&limit=20&offset=10', '/api/map-summary?county=140521&status=in_progress',
    `/api/map-summary?limit=5&at=${ids[ids.length - 1]}`,
    // The map's cluster blocks over Jincheng, as the map asks for them (span 2), and the world's tile.
    '/api/clusters.geojson?z=0&x=0&y=0', '/api/clusters.geojson?z=9&x=103&y=50&span=2', '/api/clusters.geojson?z=13&x=1662&y=806&span=2&county=140521',
    '/api/tally', '/api/tally?asOf=2021-06-30', '/api/tally?asOf=2024-03-01', '/api/tally?asOf=2025-12-31', '/api/tally/series',
  ];
}

/** Starts a second app on the same database file, with nothing kept, and compares its answers with `kept`. */
async function expectSameAsFresh(kept: Map<string, string>): Promise<void> {
  const db = openDb(s.dbFile);
  const app = createApp(db, s.config);
  const server = serve(app).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const fresh = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const [path, text] of kept) expect(text, path).toBe(await body(fresh, path));
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeApp(app);
    db.$client.close();
  }
}

describe('kept answers after writes', () => {
  it('are byte-identical to a fresh rebuild after a random sequence of writes', { timeout: 240_000 }, async () => {
    const next = seededRandom(20261206);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const mine: number[] = [];
    const designations: { id: number; status: string }[] = [];
    const seeded = s.db.$client.prepare("SELECT id FROM products WHERE visibility = 'public' LIMIT 6").pluck().all() as number[];
    const expectOk = (res: { status: number; body: unknown }, what: string) => expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);

    const writes: (() => Promise<void>)[] = [
      async () => {
        const res = await send(s.url, 'POST', '/api/products', {
          nameZh: `沁水增量${mine.length}号`, category: 'food', counties: ['140521'], visibility: 'public',
          locations: [{ lat: 35.69 + mine.length / 1000, lng: 112.19, label: '端氏镇', precision: 'township', divisionCode: '140521103000' }],
        }, official);
        expectOk(res, 'create');
        mine.push(res.body.id);
      },
      async () => {
        if (mine.length === 0) return;
        expectOk(await send(s.url, 'PATCH', `/api/products/${pick(mine)}`, { description: `第${Math.floor(next() * 1000)}次修改` }, official), 'patch');
      },
      async () => {
        // An admin renames a seeded product: its page, the lists and the map change, nothing else of others.
        expectOk(await send(s.url, 'PATCH', `/api/products/${pick(seeded)}`, { nameEn: `Renamed ${Math.floor(next() * 1000)}` }, admin), 'rename');
      },
      async () => {
        if (mine.length === 0) return;
        const res = await send(s.url, 'POST', `/api/products/${pick(mine)}/designations`, { giType: 'trademark', markKind: 'collective', startedOn: '2024-01-01' }, official);
        expectOk(res, 'designation');
        designations.push({ id: res.body.id, status: 'cultivating' });
      },
      async () => {
        const d = designations.find((x) => x.status !== 'granted');
        if (!d) return;
        const to = d.status === 'cultivating' ? 'filed' : 'granted';
        const on = to === 'filed' ? '2024-02-01' : '2024-05-01';
        expectOk(await send(s.url, 'POST', `/api/designations/${d.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, official), 'move');
        d.status = to;
      },
      async () => {
        if (mine.length === 0) return;
        expectOk(await send(s.url, 'PUT', `/api/products/${pick(mine)}/participants`, [{ role: 'farmers', households: 100 + Math.floor(next() * 300) }], official), 'participants');
      },
      async () => {
        // A dossier made complete: the tally's pipeline counts its designation as ready to file.
        const d = designations.find((x) => x.status === 'cultivating');
        if (!d) return;
        const dossier = (await send(s.url, 'GET', `/api/designations/${d.id}/dossier`, undefined, official)).body;
        for (const item of dossier.items as { key: string }[]) {
          expectOk(await send(s.url, 'PUT', `/api/designations/${d.id}/dossier/${item.key}`, { status: 'ready' }, official), 'dossier');
        }
      },
      async () => {
        // A county's name: everything shows it.
        s.db.$client.prepare("UPDATE counties SET name_en = ? WHERE code = '140521'").run(`Qinshui County${next() < 0.5 ? '' : ' '}`);
      },
    ];

    // Every answer is read after every write, so each is kept across every write that did not touch it, and
    // compared with a fresh server's (a stale answer could be hidden by a later write that rebuilds it).
    for (let step = 1; step <= 40; step++) {
      await pick(writes)();
      // Sometimes the product pages are made ready ahead (as the real server does on a timer) before the reads.
      if (next() < 0.5) await productPagesOf(s.app).warm();
      const paths = await publicPaths();
      const kept = new Map<string, string>();
      for (const path of paths) kept.set(path, await body(s.url, path));
      await expectSameAsFresh(kept);
    }
    // The sequence did write: products were made and designations moved, and their places are in the map's blocks.
    expect(mine.length).toBeGreaterThan(2);
    for (const block of ['/api/clusters.geojson?z=9&x=103&y=50&span=2', '/api/clusters.geojson?z=13&x=1662&y=806&span=2&county=140521']) {
      expect(JSON.parse((await body(s.url, block)).slice(4)).features.length, block).toBeGreaterThan(0);
    }
    expect(designations.length).toBeGreaterThan(0);
  });
});
