/**
 * GET /api/feed.atom: the public changes as Atom 1.0, read back by a feed reader's parser
 * (@rowanmanning/feed-parser) and checked as well-formed XML (fast-xml-parser): products made
 * public and status moves of public products, newest first, never drafts, archived products or account names.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../server/context';
import { atomFeed } from '../../../server/exchange/export/feed';
import { feedRoutes } from '../../../server/routes/feed';
import { ReadyCache, registryVersionReader, rememberedVersion } from '../../../server/snapshot/ready-cache';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, send, signIn } from '../fixtures';

let server: TestServer;
let official: string;
/** The feed route on its own app over the test server's database (so it is tested whether or not app.ts mounts it). */
let feedServer: Server;
let feedUrl: string;

beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qinshui', 'official', '140521');
  official = await signIn(server.url, 'qinshui');
  const ready = new ReadyCache(rememberedVersion(registryVersionReader(server.db.$client), 0));
  const ctx = { db: server.db, config: server.config, ready } as unknown as AppContext;
  feedServer = createServer(express().use(feedRoutes(ctx)));
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/api/feed.atom`;
});

afterAll(async () => {
  await new Promise((resolve) => feedServer?.close(resolve));
  await server?.close();
});

const getFeed = async (headers: Record<string, string> = {}) => {
  const res = await fetch(feedUrl, { headers });
  return { res, xml: await res.text() };
};

/** The parts RFC 4287 requires, read with a plain XML parser (attributes kept). */
function atomParts(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml);
  expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  return doc.feed as {
    id: string; title: string; updated: string; link: { '@_rel': string; '@_href': string }[];
    author: { name: string }; entry?: { id: string; title: string; updated: string; summary: { '#text': string }; link: { '@_href': string }[] }[];
  };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('GET /api/feed.atom', () => {
  it('is valid Atom, with a "made public" entry for each seeded product (the seeds record no changes)', async () => {
    const { res, xml } = await getFeed();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    const feed = atomParts(xml);
    expect(feed.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe('/api/feed.atom');
    const publicIds = (await (await fetch(`${server.url}/api/products?limit=1000`)).json()).items.map((p: { id: number }) => p.id);
    expect(publicIds).toHaveLength(16);
    const entries = feed.entry ?? [];
    expect(entries.map((e) => e.title).every((title) => title.startsWith('新公开：'))).toBe(true);
    expect(entries.map((e) => Number(e.link[0]['@_href'].replace('/products/', ''))).sort((a, b) => a - b))
      .toEqual([...publicIds].sort((a, b) => a - b));
    expect(new Set(entries.map((e) => e.id)).size).toBe(16);
    const parsed = parseFeed(xml);
    expect(parsed.meta.type).toBe('atom');
    expect(parsed.title).toContain('Jincheng GI registry');
    expect(parsed.items).toHaveLength(16);
  });

  it('lists new public products and status moves of public products, newest first, in Chinese with an English line', async () => {
    const create = (nameZh: string, visibility: 'public' | 'draft') => send(server.url, 'POST', '/api/products',
      { nameZh, nameEn: `${nameZh} EN`, category: 'food', counties: ['140521'], visibility }, official);
    const honey = (await create('订阅测试蜂蜜', 'public')).body;
    const draft = (await create('订阅测试草稿', 'draft')).body;
    const gone = (await create('订阅测试归档', 'public')).body;
    const startedHoney = await send(server.url, 'POST', `/api/products/${honey.id}/designations`, { giType: 'agricultural_product', startedOn: '2025-01-02' }, official);
    expect(startedHoney.status).toBe(201);
    await send(server.url, 'POST', `/api/products/${draft.id}/designations`, { giType: 'agricultural_product' }, official);
    expect((await send(server.url, 'POST', `/api/designations/${startedHoney.body.id}/transitions`, { to: 'filed', on: '2025-03-04' }, official)).status).toBe(201);
    expect((await send(server.url, 'DELETE', `/api/products/${gone.id}`, undefined, official)).status).toBe(200);
    // A draft made public later appears once, as made public then.
    expect((await send(server.url, 'PATCH', `/api/products/${draft.id}`, { visibility: 'public' }, official)).status).toBe(200);
    expect((await send(server.url, 'PATCH', `/api/products/${draft.id}`, { description: '改' }, official)).status).toBe(200);

    const { res, xml } = await getFeed();
    expect(res.status).toBe(200);
    const feed = atomParts(xml);
    const entries = feed.entry ?? [];
    const titles = entries.map((e) => e.title);
    // The recorded changes first; the seeded products' entries (from when the registry was seeded) after them.
    expect(titles.slice(0, 5)).toEqual([
      '新公开：订阅测试草稿',
      '订阅测试蜂蜜：农产品地理标志已申报',
      '订阅测试草稿：农产品地理标志培育中',
      '订阅测试蜂蜜：农产品地理标志培育中',
      '新公开：订阅测试蜂蜜',
    ]);
    expect(titles.slice(5)).toHaveLength(16);
    const updated = entries.map((e) => e.updated);
    expect(updated.every((u) => RFC3339.test(u))).toBe(true);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(feed.updated).toBe(updated[0]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries[1].link[0]['@_href']).toBe(`/products/${honey.id}`);
    expect(entries[1].summary['#text']).toBe(
      '订阅测试蜂蜜（沁水县）的农产品地理标志状态变为“已申报”（2025-03-04）。\n' +
      '订阅测试蜂蜜 EN (Qinshui County): Agricultural-product GI is now filed on 2025-03-04.');
    expect(xml).not.toContain('订阅测试归档');
    expect(xml).not.toContain('qinshui');

    // What a feed reader makes of it.
    const parsed = parseFeed(xml);
    expect(parsed.items.map((i) => i.title)).toEqual(titles);
    expect(parsed.items.map((i) => i.id)).toEqual(entries.map((e) => e.id));
    expect(parsed.items[0].url).toBe(`/products/${draft.id}`);
    expect(parsed.items[4].description).toContain('is now public in the Jincheng GI registry.');
    expect(parsed.items.every((i) => i.updated instanceof Date && !Number.isNaN(i.updated.getTime()))).toBe(true);
    expect(parsed.self).toBe('/api/feed.atom');
  });

  it('is a ready body of the registry version: an ETag, 304, brotli, and a new body after a public change', async () => {
    const first = await getFeed({ 'accept-encoding': 'br' });
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^".+-br"$/);
    expect(first.res.headers.get('vary')).toBe('Accept-Encoding');
    expect((await fetch(feedUrl, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const id = (await send(server.url, 'POST', '/api/products', { nameZh: '订阅测试新品', category: 'food', counties: ['140521'], visibility: 'public' }, official)).body.id;
    const after = await getFeed();
    expect(after.res.headers.get('etag')).not.toBe(etag.replace(/-br"$/, '"'));
    expect(parseFeed(after.xml).items[0].url).toBe(`/products/${id}`);
  });

  it('links absolutely under a base URL (for a static copy that knows its host), ids unchanged', () => {
    const relative = atomParts(atomFeed(server.db));
    const absolute = atomParts(atomFeed(server.db, { baseUrl: 'https://gi.example.cn/' }));
    expect(absolute.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe('https://gi.example.cn/api/feed.atom');
    expect(absolute.entry![0].link[0]['@_href']).toMatch(/^https:\/\/gi\.example\.cn\/products\/\d+$/);
    expect(absolute.entry!.map((e) => e.id)).toEqual(relative.entry!.map((e) => e.id));
    expect(atomFeed(server.db, { limit: 2 }).match(/<entry>/g)).toHaveLength(2);
  });

  it('escapes what names may hold', async () => {
    await send(server.url, 'POST', '/api/products', { nameZh: '订阅<测试>&"引号"', category: 'food', counties: ['140521'], visibility: 'public' }, official);
    const { xml } = await getFeed();
    expect(xml).toContain('<title>新公开：订阅&lt;测试&gt;&amp;&quot;引号&quot;</title>');
    expect(atomParts(xml).entry![0].title).toBe('新公开：订阅<测试>&"引号"');
    expect(parseFeed(xml).items[0].title).toBe('新公开：订阅<测试>&"引号"');
  });
});
