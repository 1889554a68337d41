import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../db/schema';
import { common } from '../../client/i18n/common';
import { routeOf } from '../../client/lib/router';
import { PAGE_TITLES, pageAnswer, productTitle } from '../../server/static';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let clientDir: string;
let server: TestServer;
let unbuilt: TestServer;
beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'gi-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>shell</title><gi-app></gi-app></html>');
  writeFileSync(join(clientDir, 'app.js'), 'console.log(1)');
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'assets', 'index-BA5SNpd_.js'), `console.log(${'"hashed";'.repeat(400)})`);
  server = await startServer({ env: { CLIENT_DIR: clientDir } });
  unbuilt = await startServer({ seed: false, env: { CLIENT_DIR: join(clientDir, 'missing') } });
});
afterAll(async () => {
  await server.close();
  await unbuilt.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('serving the client', () => {
  it.each([
    ['/', '地理标志地图 · 晋城'],
    ['/?lang=en', 'GI map · Jincheng'],
    ['/products/4', '高平大黄梨 · 晋城地理标志'],
    ['/products/4/?lang=en', 'Gaoping big yellow pear · Jincheng GI'],
    ['/tally?period=1&asOf=2020-12-31', '规划目标统计 · 晋城地理标志'],
    ['/admin/products/new', '工作台 · 晋城地理标志'],
  ])('answers the page path %s with the app shell, titled %s', async (path, title) => {
    const { status, headers, body } = await call(server.url + path);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/html/);
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(body).toContain('<gi-app>');
    expect(body).toContain(`<title>${title}</title>`);
    expect(body).toContain(path.includes('lang=en') ? '<html lang="en">' : '<html lang="zh-CN">');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each(['/no/such/page', '/products', '/products/99999', '/products/99999/card', '/products/4/x', '/product/4', '/tally/2020', '/index.htm'])(
    'answers the unknown page path %s with 404 and the app shell titled as not found', async (path) => {
      const { status, headers, body } = await call(server.url + path);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toMatch(/text\/html/);
      expect(headers.get('cache-control')).toBe('no-cache');
      expect(body).toContain('<gi-app>');
      expect(body).toContain('<title>页面不存在 · 晋城地理标志</title>');
      expect((await call(`${server.url}${path}?lang=en`)).body).toContain('<title>Page not found · Jincheng GI</title>');
    });

  it('answers a draft\'s or an archived product\'s page 404 to the public, and 200 to an official who may read it', async () => {
    await addAccount(server.db, 'qinshui', 'official', '140521');
    const cookie = await signIn(server.url, 'qinshui');
    const draft = (await send(server.url, 'POST', '/api/products', { nameZh: '沁水页面草稿', category: 'food', counties: ['140521'] }, cookie)).body;
    expect((await call(`${server.url}/products/${draft.id}`)).status).toBe(404);
    const own = await call(`${server.url}/products/${draft.id}`, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect(own.body).toContain('<title>沁水页面草稿 · 晋城地理标志</title>');
    server.db.update(schema.products).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(schema.products.id, 1)).run();
    try {
      expect((await call(`${server.url}/products/1`)).status).toBe(404);
    } finally {
      server.db.update(schema.products).set({ archivedAt: null }).where(eq(schema.products.id, 1)).run();
    }
  });

  it('escapes a product name in the title, and lets a browser revalidate a page (304)', async () => {
    const first = await fetch(`${server.url}/products/4`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // As a browser revalidates (fetch would add `no-cache`, which asks for the whole answer).
    expect((await fetch(`${server.url}/products/4`, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } })).status).toBe(304);
    server.db.update(schema.products).set({ nameZh: '<b>&梨' }).where(eq(schema.products.id, 4)).run();
    try {
      expect((await call(`${server.url}/products/4`)).body).toContain('<title>&#60;b&#62;&#38;梨 · 晋城地理标志</title>');
    } finally {
      server.db.update(schema.products).set({ nameZh: '高平大黄梨' }).where(eq(schema.products.id, 4)).run();
    }
  });

  it('titles pages as the client does (the same words in client/i18n/common.ts)', () => {
    for (const lang of ['zh', 'en'] as const) {
      const c = common[lang];
      const of = (page: string) => c['title.of'].replace('{page}', page);
      expect(PAGE_TITLES.map[lang]).toBe(c['title.map']);
      expect(PAGE_TITLES.tally[lang]).toBe(of(c['title.tally']));
      expect(PAGE_TITLES.admin[lang]).toBe(of(c['title.admin']));
      expect(PAGE_TITLES.notFound[lang]).toBe(of(c['title.notFound']));
      expect(productTitle({ nameZh: '高平大黄梨', nameEn: 'Gaoping big yellow pear' }, lang))
        .toBe(of(lang === 'en' ? 'Gaoping big yellow pear' : '高平大黄梨'));
    }
  });

  it('knows the same pages as the client router', () => {
    const none = () => null;
    const some = () => ({ nameZh: 'x', nameEn: null });
    for (const path of ['/', '/tally', '/tally/', '/products/4', '/products/4/', '/products/4/card', '/products/4/card/x', '/admin', '/admin/import', '/nope', '/products/x', '/tallies']) {
      const client = routeOf(path).page;
      expect(pageAnswer(path, 'zh', some).status, path).toBe(client === 'notFound' ? 404 : 200);
      if (client === 'product' || client === 'card') expect(pageAnswer(path, 'zh', none).status).toBe(404);
    }
  });

  it('keeps hashed assets for a year, immutable, compressed; other files are revalidated', async () => {
    const hashed = await fetch(`${server.url}/assets/index-BA5SNpd_.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${server.url}/app.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves static files and never answers /api paths with the shell', async () => {
    expect((await call(`${server.url}/app.js`)).body).toBe('console.log(1)');
    const api = await call(`${server.url}/api/unknown`);
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
  });

  it('says how to build the client when it is missing', async () => {
    const { status, body } = await call(`${unbuilt.url}/`);
    expect(status).toBe(503);
    expect(body).toContain('npm run build');
  });
});
