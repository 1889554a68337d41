/**
 * Serving under a sub-path (BASE_PATH=/gi/): the server takes the prefix off every request, so pages, the API,
 * the fast path and the client's files answer under /gi/ and nothing answers outside it; what goes back out
 * carries the prefix: the pages' <base href>, the session cookie's Path, the sitemap, robots.txt and the feed
 * (and the QR codes, whose address is PUBLIC_BASE_URL's). And BASE_PATH as configured: normalised, or refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, PASSWORD } from './fixtures';

describe('BASE_PATH', () => {
  it.each([
    [{}, '/'],
    [{ BASE_PATH: '/' }, '/'],
    [{ BASE_PATH: 'gi' }, '/gi/'],
    [{ BASE_PATH: '/gi' }, '/gi/'],
    [{ BASE_PATH: '/portal/gi/' }, '/portal/gi/'],
    [{ PUBLIC_BASE_URL: 'https://www.jcgov.example/gi' }, '/gi/'],
    [{ PUBLIC_BASE_URL: 'https://www.jcgov.example/gi/', BASE_PATH: '/gi/' }, '/gi/'],
    [{ PUBLIC_BASE_URL: 'https://gi.jcgov.example' }, '/'],
  ])('%j serves under %s', (env, basePath) => {
    expect(readConfig(env).basePath).toBe(basePath);
  });

  it.each([
    [{ BASE_PATH: '/gi/../admin/' }, /BASE_PATH must be a path/],
    [{ BASE_PATH: '/g i/' }, /BASE_PATH must be a path/],
    [{ BASE_PATH: '/gi?x=1' }, /BASE_PATH must be a path/],
    [{ BASE_PATH: '/gi/', PUBLIC_BASE_URL: 'https://www.jcgov.example/other' }, /differ/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('%j is refused', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('a server under /gi/', () => {
  let dir: string;
  let s: TestServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gi-base-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" />\n<base href="/" /><title>shell</title></head><body></body></html>');
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1);');
    s = await startServer({ env: { CLIENT_DIR: dir, BASE_PATH: '/gi/' } });
    await addAccount(s.db, 'city-base', 'admin');
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers its pages under /gi/ with <base href="/gi/">, titled as at the root', async () => {
    const page = await call(`${s.url}/gi/products/4?lang=en`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<base href="/gi/" />');
    expect(page.body).toContain('<title>Gaoping big yellow pear · Jincheng GI</title>');
    expect((await call(`${s.url}/gi/no-such-page`)).status).toBe(404);
  });

  it('answers the API under /gi/api/ (the fast path too) and its files under /gi/assets/', async () => {
    for (let i = 0; i < 2; i++) expect((await call(`${s.url}/gi/api/counties`)).status).toBe(200);
    const asset = await fetch(`${s.url}/gi/assets/index-Ab12Cd34.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends /gi to /gi/ (308, the query kept) and answers nothing outside /gi/', async () => {
    for (const [path, to] of [['/gi', '/gi/'], ['/gi?lang=en', '/gi/?lang=en']]) {
      const res = await fetch(`${s.url}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(308);
      expect(res.headers.get('location')).toBe(to);
    }
    for (const path of ['/', '/api/counties', '/gift/api/counties', '/products/4']) {
      expect(await call(`${s.url}${path}`), path).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
  });

  it('sets the session cookie for /gi only', async () => {
    const res = await fetch(`${s.url}/gi/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city-base', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Path=\/gi;/);
  });

  it('writes its own address with /gi in the sitemap, robots.txt and the feed', async () => {
    const sitemap = (await call(`${s.url}/gi/sitemap.xml`)).body as string;
    expect(sitemap).toContain(`<loc>${s.url}/gi/</loc>`);
    expect(sitemap).toContain(`<loc>${s.url}/gi/products/1</loc>`);
    const robots = (await call(`${s.url}/gi/robots.txt`)).body as string;
    expect(robots.split('\n')).toEqual(expect.arrayContaining(['Allow: /gi/', 'Disallow: /gi/admin', 'Disallow: /gi/api/', `Sitemap: ${s.url}/gi/sitemap.xml`]));
    const feed = (await call(`${s.url}/gi/api/feed.atom`)).body as string;
    expect(feed).toContain('xml:base="/gi/"');
    expect(feed).toMatch(/href="\/gi\/products\/\d+"/);
  });

  it('draws QR codes of the public address PUBLIC_BASE_URL names, its path the base path', async () => {
    const based = await startServer({ env: { CLIENT_DIR: dir, PUBLIC_BASE_URL: 'https://www.jcgov.example/gi' } });
    try {
      expect(based.config.basePath).toBe('/gi/');
      const qr = await call(`${based.url}/gi/api/products/1/qr.svg`);
      expect(qr.status).toBe(200);
      expect(qr.body).toContain('<title>https://www.jcgov.example/gi/products/1</title>');
    } finally {
      await based.close();
    }
  });

  it('links the API page relatively, so it works under /gi/', async () => {
    const docs = (await call(`${s.url}/gi/api/docs`)).body as string;
    expect(docs).toContain('href="docs.css"');
    expect(docs).not.toMatch(/href="\/(?!\/)/);
    expect((await fetch(new URL('docs.css', `${s.url}/gi/api/docs`))).status).toBe(200);
  });
});
