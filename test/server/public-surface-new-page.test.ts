/**
 * The proof that the table of the public surface is read everywhere: a page and an open-data path added
 * to it (here by mocking the table module, with no other edit) show up in the client router, the
 * server's page answer, the sitemap, robots.txt, CORS and the static copy.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb, type Db } from '../../db/open';
import { loadSeeds } from '../../seeds/loader';
import { pageInStatic } from '../../db/model';
import { routeOf } from '../../client/lib/router';
import { buildStaticSite } from '../../server/cli/build-static';
import { isPublicReadPath } from '../../server/cors';
import { robotsTxt, sitemapXml } from '../../server/exchange/export/site-map';
import { pageAnswer } from '../../server/static';

// vi.mock is hoisted above the imports, so what it adds is made with vi.hoisted.
const { GLOSSARY, TERMS } = vi.hoisted(() => ({
  GLOSSARY: {
    key: 'glossary', path: '/glossary', title: { zh: '术语表 · 晋城地理标志', en: 'Glossary · Jincheng GI' },
    sitemap: true, crawl: true, inStatic: true,
  },
  TERMS: { key: 'terms', path: '/api/terms.json', cors: true, ready: false, static: null, crawl: true },
}));

vi.mock('../../db/model/public-surface', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../db/model/public-surface')>();
  return { ...original, PAGES: [...original.PAGES, GLOSSARY], OPEN_DATA: [...original.OPEN_DATA, TERMS] };
});

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-new-page-'));
  db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a page and an open-data path added to the table, and nowhere else', () => {
  it('is a page of the client router and of the server, with its title', () => {
    expect(routeOf('/glossary').page).toBe('glossary');
    expect(routeOf('/glossary/').page).toBe('glossary');
    expect(pageAnswer('/glossary', 'en', () => null)).toEqual({ status: 200, title: 'Glossary · Jincheng GI' });
    expect(pageInStatic('glossary' as never)).toBe(true);
  });

  it('is in the sitemap, and robots.txt welcomes the path', () => {
    expect(sitemapXml(db, 'https://gi.example.cn')).toContain('<loc>https://gi.example.cn/glossary</loc>');
    expect(robotsTxt(null).split('\n')).toContain('Allow: /api/terms.json');
  });

  it('is open to every origin', () => {
    expect(isPublicReadPath('/api/terms.json')).toBe(true);
  });

  it('is a page file of the static copy, titled', async () => {
    mkdirSync(join(dir, 'client'));
    writeFileSync(join(dir, 'client', 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head></html>');
    await buildStaticSite(db, join(dir, 'site'), { clientDir: join(dir, 'client') });
    const file = join(dir, 'site', 'glossary', 'index.html');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('<title>术语表 · 晋城地理标志</title>');
  }, 60_000);
});
