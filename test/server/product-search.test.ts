/**
 * Product search and order over HTTP (issue 22): several words, pinyin and initials find a product in the list,
 * on the map and in the exports; lists are by pinyin in Chinese and alphabetical in English; and the static
 * copy, given the live server's own files, answers every search and order the same.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { staticGet } from '../../client/lib/static-api';
import { call, startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());
afterEach(() => vi.unstubAllGlobals());

const get = (path: string) => call(server.url + path);
const names = async (query: string): Promise<string[]> => {
  const { status, body } = await get(`/api/products?limit=1000&${query}`);
  expect(status).toBe(200);
  return body.items.map((p: { nameZh: string }) => p.nameZh);
};
const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('searching the public list', () => {
  it.each(['沁水 蜂蜜', '沁水\u3000蜂蜜', 'qinshui', 'qinshui fengmi', 'qsfm', 'QSFM', 'honey qinshui'])('finds 沁水蜂蜜 by %j', async (text) => {
    expect(await names(q(text))).toContain('沁水蜂蜜');
  });

  it('needs every word, and reads initials as a run: qsfm is 沁水蜂蜜, not 沁水刺槐蜂蜜 (qschfm)', async () => {
    expect(await names(q('qsfm'))).toEqual(['沁水蜂蜜']);
    expect(await names(q('qschfm'))).toEqual(['沁水刺槐蜂蜜']);
    expect(await names(q('沁水 蜂蜜'))).toEqual(['沁水刺槐蜂蜜', '沁水蜂蜜']);
    expect(await names(q('fengmi'))).toEqual(['沁水刺槐蜂蜜', '沁水蜂蜜']);
    expect(await names(q('沁水 大葱'))).toEqual([]);
    expect(await names(q('qsfx'))).toEqual([]);
  });

  it('counts what it finds, and pages through it in order', async () => {
    const all = (await get(`/api/products?${q('qinshui')}`)).body;
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(2);
    const first = (await get(`/api/products?${q('qinshui')}&limit=2`)).body;
    const rest = (await get(`/api/products?${q('qinshui')}&limit=100&offset=2`)).body;
    expect(first.total).toBe(all.total);
    expect([...first.items, ...rest.items].map((p: { id: number }) => p.id)).toEqual(all.items.map((p: { id: number }) => p.id));
  });

  it('finds the same on the map', async () => {
    const { status, body } = await get(`/api/products.geojson?${q('qsfm')}`);
    expect(status).toBe(200);
    expect([...new Set(body.features.map((f: any) => f.properties.nameZh))]).toEqual(['沁水蜂蜜']);
    expect(body.features[0].properties.namePinyin).toBe('qin shui feng mi');
  });

  it('refuses an order it does not know with a 400', async () => {
    const { status, body } = await get('/api/products?lang=fr');
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
  });
});

describe('the order of lists', () => {
  // Made here from pinyin-pro directly, not from the code under test.
  const spelled = (nameZh: string) => pinyin(nameZh, { toneType: 'none', type: 'array' }).join(' ').toLowerCase();
  const inOrder = (keys: string[]) => keys.every((k, i) => i === 0 || keys[i - 1] <= k);

  it('is by pinyin in Chinese (巴公 before 高平 before 晋城 before 陵川 before 沁水), also as the default', async () => {
    const zh = await names('lang=zh');
    expect(await names('')).toEqual(zh);
    expect(inOrder(zh.map(spelled))).toBe(true);
    const firstOf = (prefix: string) => zh.findIndex((n) => n.startsWith(prefix));
    const order = ['巴公', '高平', '晋城', '陵川', '沁水', '阳城', '泽州'].map(firstOf);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('is alphabetical by English name in English', async () => {
    const { body } = await get('/api/products?limit=1000&lang=en');
    const keys = body.items.map((p: { nameZh: string; nameEn: string | null }) => (p.nameEn ?? spelled(p.nameZh)).toLowerCase());
    expect(inOrder(keys)).toBe(true);
    expect(body.items[0].nameEn).toMatch(/^B/); // no A in the seeded English names: Bagong comes first
    expect(body.items.map((p: { id: number }) => p.id)).not.toEqual((await get('/api/products?limit=1000')).body.items.map((p: { id: number }) => p.id));
  });

  it('puts the map’s points in the Chinese order', async () => {
    const { body } = await get('/api/products.geojson');
    const products = [...new Set<string>(body.features.map((f: any) => f.properties.nameZh))];
    expect(inOrder(products.map(spelled))).toBe(true);
  });
});

describe('the static copy', () => {
  it('answers every search and order as the live server does, from the live server’s files', async () => {
    const list = (await get('/api/products?limit=1000')).body; // the file a static copy keeps (api/products.json)
    const points = (await get('/api/products.geojson')).body;
    const live = globalThis.fetch;
    // The static copy fetches its files by path; the live server is still asked by full URL.
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => (url.startsWith(server.url) ? live(url, init)
      : new Response(JSON.stringify(url.includes('geojson') ? points : list))));
    for (const text of ['沁水 蜂蜜', 'qinshui', 'qinshui fengmi', 'qsfm', 'qschfm', 'HONEY', 'jc', '沁水 大葱']) {
      for (const lang of ['zh', 'en']) {
        const path = `/api/products?${q(text)}&lang=${lang}`;
        const answer = (await get(path)).body;
        const found = await staticGet(path);
        expect(found.ok && (found.data as typeof answer).items.map((p: { id: number }) => p.id), path).toEqual(answer.items.map((p: { id: number }) => p.id));
      }
      const map = `/api/products.geojson?${q(text)}`;
      const livePoints = (await get(map)).body;
      const staticPoints = await staticGet(map);
      expect(staticPoints.ok && (staticPoints.data as typeof livePoints).features.map((f: any) => f.id), map)
        .toEqual(livePoints.features.map((f: any) => f.id));
    }
  });
});
