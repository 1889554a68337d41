/**
 * GET /api/map-summary over HTTP against a real SQLite file: the map page's numbers are the shared rules
 * (tallyPlaces, countyMeasure, productsOfPoints: db/model) applied to the places products.geojson answers
 * with under the same filters; the list comes a page at a time in either language's order and `at` finds a
 * product's page; bad input is a 400 in the usual shape and a product not listed a 404; the public sees
 * public products only; a write is seen in the next answer; and a static copy makes the same answer in
 * the browser from the same places.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  countyMeasure, productsOfPoints, sortByName, tallyPlaces, type MapSummary, type PlaceCollection,
} from '../../db/model';
import { staticGet } from '../../client/lib/static-api';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let official: string;
let draftId: number;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  official = await signIn(s.url, 'qinshui');
  // A draft: the county's officials see it on their map, the public does not.
  const draft = await send(s.url, 'POST', '/api/products', {
    nameZh: '端氏草稿', category: 'food', counties: ['140521'], locations: [{ lat: 35.69, lng: 112.19, label: '沁水县', precision: 'county' }],
  }, official);
  expect(draft.status).toBe(201);
  draftId = draft.body.id;
});
afterAll(() => s.close());
afterEach(() => vi.unstubAllGlobals());

const summary = async (query: string, cookie?: string): Promise<MapSummary> => {
  const res = await send(s.url, 'GET', `/api/map-summary${query}`, undefined, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const places = async (query = '', cookie?: string): Promise<PlaceCollection> =>
  (await send(s.url, 'GET', `/api/products.geojson${query}`, undefined, cookie)).body;

describe('GET /api/map-summary', () => {
  it.each(['', '?county=140521', '?type=trademark&status=in_force', '?status=cultivating', '?q=%E6%B2%81'])(
    'sums up the places of products.geojson%s with the map\'s own rules', async (filter) => {
      const points = await places(filter);
      const county = new URLSearchParams(filter).get('county');
      const tally = tallyPlaces(points, { county });
      const measure = countyMeasure(points, Object.fromEntries(new URLSearchParams(filter)));
      const all = productsOfPoints(points, 'zh');
      const got = await summary(`${filter ? `${filter}&` : '?'}limit=1000`);
      expect(got.total).toBe(all.length);
      expect(got.total).toBeGreaterThan(0);
      expect(got.byPlacement).toEqual(tally.byPlacement);
      expect(got.points).toBe(tally.points.length);
      expect(got.measure).toEqual({ kind: measure.kind, counts: Object.fromEntries(measure.counts) });
      expect(got.badges).toEqual(Object.fromEntries([...tally.byCounty].map(([code, list]) => [code, list.length])));
      expect(got.multiCounty.map((p) => [p.id, p.counties])).toEqual(tally.multiCounty.map((p) => [p.product.productId, p.counties]));
      expect(got.offset).toBe(0);
      expect(got.items.map((p) => p.id)).toEqual(all.map((p) => p.id));
      // Every product is counted once on the map: at its points, on one county, apart, or nowhere in view.
      const onCounties = got.items.filter((p) => p.shownOn.length > 0).length;
      expect(onCounties).toBe(tally.multiCounty.length + Object.values(got.badges).reduce((a, b) => a + b, 0));
      // Each type counts the products holding or seeking it; a candidate holds or seeks none.
      const seeks = (p: MapSummary['items'][number], type: string) =>
        p.designations.some((d) => d.giType === type && ['filed', 'published', 'granted'].includes(d.status));
      expect(got.byType.trademark).toBe(got.items.filter((p) => seeks(p, 'trademark')).length);
      expect(got.byType.candidate).toBe(got.items.filter((p) => !['trademark', 'protected_product', 'agricultural_product'].some((g) => seeks(p, g))).length);
    });

  it('pages the list in either language\'s order, and finds the page of a product', async () => {
    const whole = await summary('?lang=en&limit=1000');
    expect(whole.items.map((p) => p.id)).toEqual(sortByName(whole.items, 'en').map((p) => p.id));
    const pages: number[] = [];
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = await summary(`?lang=en&limit=7&offset=${offset}`);
      expect(page.offset).toBe(offset);
      expect(page.total).toBe(whole.total);
      pages.push(...page.items.map((p) => p.id));
    }
    expect(pages).toEqual(whole.items.map((p) => p.id));
    const target = whole.items[whole.total - 2];
    const found = await summary(`?lang=en&limit=5&at=${target.id}`);
    expect(found.offset % 5).toBe(0);
    expect(found.items.map((p) => p.id)).toContain(target.id);
    const alone = await summary(`?lang=en&limit=1&at=${target.id}`);
    expect(alone).toMatchObject({ offset: whole.total - 2, items: [target] });
    // The first page by default: 100 in the Chinese order.
    const first = await summary('');
    expect(first.items.length).toBe(Math.min(100, whole.total));
    expect(first.items.map((p) => p.id)).toEqual(productsOfPoints(await places(), 'zh').slice(0, 100).map((p) => p.id));
  });

  it('refuses bad input with a 400 that names it, and a product not listed with a 404', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?offset=-1', '?lang=fr', '?at=abc', '?status=lost', '?county=12', '?colour=red']) {
      const res = await send(s.url, 'GET', `/api/map-summary${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('bad_request');
    }
    const unknownCounty = await send(s.url, 'GET', '/api/map-summary?county=999999');
    expect(unknownCounty.status).toBe(400);
    const hidden = await send(s.url, 'GET', `/api/map-summary?at=${draftId}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toMatchObject({ code: 'not_listed' });
    expect(hidden.body.error.message).toMatch(/不在.*列表.*\/ The product is not in the list/);
  });

  it('shows the public public products only, and an official the county\'s drafts too', async () => {
    const publicIds = (await summary('?limit=1000')).items.map((p) => p.id);
    expect(publicIds).not.toContain(draftId);
    const theirs = await summary(`?limit=1000&at=${draftId}`, official);
    expect(theirs.items.map((p) => p.id)).toContain(draftId);
    expect(theirs.total).toBe(publicIds.length + 1);
  });

  it('sees a write in the next answer', async () => {
    const before = await summary('?county=140521');
    const made = await send(s.url, 'POST', '/api/products', {
      nameZh: '阿胶样品', category: 'food', counties: ['140521'], visibility: 'public',
      locations: [{ lat: 35.69, lng: 112.19, label: '沁水县', precision: 'county' }],
    }, official);
    expect(made.status).toBe(201);
    const after = await summary('?county=140521');
    expect(after.total).toBe(before.total + 1);
    expect(after.byPlacement.county).toBe(before.byPlacement.county + 1);
    expect(after.badges['140521']).toBe((before.badges['140521'] ?? 0) + 1);
    expect((await summary(`?county=140521&limit=1&at=${made.body.id}`)).items[0]).toMatchObject({ id: made.body.id, shownOn: ['140521'] });
  });

  it('is made the same by a static copy from its products.geojson', async () => {
    const file = (await send(s.url, 'GET', '/api/products.geojson')).body;
    const any = (await summary('?limit=1000')).items;
    const queries = ['', '?lang=en&limit=10&offset=10', '?county=140522', '?type=protected_product&status=in_force', `?limit=3&at=${any[any.length - 1].id}`];
    const live = new Map<string, MapSummary>();
    for (const query of queries) live.set(query, await summary(query));
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(file)));
    for (const query of queries) expect(await staticGet(`/api/map-summary${query}`), query).toEqual({ ok: true, data: live.get(query) });
    const bad = await staticGet('/api/map-summary?limit=0');
    expect(bad.ok ? null : bad.error.status).toBe(400);
    const missing = await staticGet('/api/map-summary?at=999999');
    expect(missing.ok ? null : missing.error.status).toBe(404);
  });
});
