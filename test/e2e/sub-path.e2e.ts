/**
 * A city portal publishes the registry under a path: Debian's nginx with the shipped site
 * (deploy/nginx/jincheng-gi.conf) in front of the real app (BASE_PATH=/gi/, TRUST_PROXY=1) and of a static copy
 * built for /gi-static/, over HTTPS and HTTP/2, driven in Chromium. Under /gi/: the map page draws and lists, a
 * product page opens from the list and from a deep link, the language switch and an official's sign-in stay
 * under /gi/. Under /gi-static/: the same pages from the files. Every request stays under its own path, none
 * fails, nothing is logged as an error.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { map } from '../../client/i18n/map';
import { buildStaticSite } from '../../server/cli/build-static';
import { CLIENT_DIR } from '../../server/static';
import { addAccount, PASSWORD } from '../server/fixtures';
import { startNginx, type RunningNginx } from '../support/nginx';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';

const clientDir = process.env.CLIENT_DIR ?? CLIENT_DIR;
let dir: string;
let app: TestServer;
let nginx: RunningNginx;
let browser: Browser;
/** Each page opened, with the prefix every request of it must stay under, and what went wrong. */
const opened: (WatchedPage & { prefix: string; failed: string[]; outside: string[] })[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gi-subpath-'));
  chmodSync(dir, 0o755);
  app = await startServer({ env: { CLIENT_DIR: clientDir, BASE_PATH: '/gi/', TRUST_PROXY: '1' } });
  await addAccount(app.db, 'qinshui', 'official', '140521');
  await buildStaticSite(app.db, join(dir, 'static'), { clientDir, baseUrl: 'https://www.jcgov.example/gi-static' });
  nginx = await startNginx({ appPort: Number(new URL(app.url).port), staticDir: join(dir, 'static') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens `path` through nginx, watching that every request stays under `prefix` and succeeds (but for the live
 * app's question who is signed in, which a visitor hears answered 401).
 */
async function open(path: string, prefix: string): Promise<Page> {
  const expected = prefix === '/gi/' ? ['401 /gi/api/session'] : [];
  const watched = { ...await openPage(browser, nginx.https, { ignoreHTTPSErrors: true }), prefix, failed: [] as string[], outside: [] as string[] };
  opened.push(watched);
  watched.page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'https:' && !u.pathname.startsWith(prefix)) watched.outside.push(u.pathname);
  });
  watched.page.on('response', (r) => {
    const answer = `${r.status()} ${new URL(r.url()).pathname}`;
    if (r.status() < 400) return;
    if (!expected.includes(answer)) watched.failed.push(answer);
    // Chromium logs every 4xx resource as an error: an expected one is not the page's.
    else watched.consoleErrors.push(`expected: ${answer}`);
  });
  await watched.page.goto(path);
  return watched.page;
}

afterAll(() => {
  for (const { prefix, failed, outside, consoleErrors, foreignRequests } of opened) {
    // Each expected 4xx left one "Failed to load resource" line in the console, and nothing else may be there.
    const expected = consoleErrors.filter((e) => e.startsWith('expected: ')).length;
    const errors = consoleErrors.filter((e) => !e.startsWith('expected: '));
    const loads = errors.filter((e) => /^Failed to load resource: the server responded with a status of 4\d\d/.test(e));
    expect({ prefix, failed, outside, foreignRequests, errors: errors.length - Math.min(loads.length, expected), loads: loads.length <= expected })
      .toEqual({ prefix, failed: [], outside: [], foreignRequests: [], errors: 0, loads: true });
  }
});

describe.each([
  ['the live app', '/gi/'],
  ['the static copy', '/gi-static/'],
])('%s under %s, through nginx', (_name, prefix) => {
  it('draws the map page and lists the products', async () => {
    const page = await open(prefix, prefix);
    await page.getByRole('heading', { level: 1, name: map.zh['map.title'] }).waitFor();
    await expect.poll(() => page.locator('.leaflet-counties-pane path').count()).toBe(6);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '共 16 个产品' }).count()).toBe(1);
    // The open-data links of the map are under the prefix too.
    const links = await page.locator('.open-data a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(prefix), link).toBe(true);
  });

  it('opens a product page from the list, and again from its address', async () => {
    const page = await open(prefix, prefix);
    await page.getByRole('region', { name: '筛选结果' }).getByRole('link', { name: '阳城桑椹' }).click();
    await page.getByRole('heading', { level: 1, name: '阳城桑椹' }).waitFor();
    const address = new URL(page.url()).pathname;
    expect(address).toMatch(new RegExp(`^${prefix}products/\\d+$`));
    const deep = await open(address, prefix);
    await deep.getByRole('heading', { level: 1, name: '阳城桑椹' }).waitFor();
  });

  it('switches language without leaving the prefix', async () => {
    const page = await open(`${prefix}tally`, prefix);
    await page.getByRole('button', { name: common.zh['lang.label'] }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${prefix}tally?lang=en`);
  });
});

describe('signing in under /gi/', () => {
  it('signs an official in at /gi/admin with a cookie for /gi, and shows the workspace', async () => {
    const page = await open('/gi/admin', '/gi/');
    await page.getByLabel(admin.zh['signIn.username']).fill('qinshui');
    await page.getByLabel(admin.zh['signIn.password']).fill(PASSWORD);
    await page.getByRole('button', { name: admin.zh['signIn.submit'] }).click();
    await page.getByRole('link', { name: common.zh['admin.myProducts'] }).waitFor();
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'gi_session', path: '/gi', secure: true, httpOnly: true });
  });
});
