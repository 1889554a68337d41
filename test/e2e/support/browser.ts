/**
 * Drives Debian's Chromium with playwright-core (never a downloaded browser) against a test server.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian's chromium package installs the browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this network-less machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A page plus what it did: requests to other origins, console errors, CSP violations. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  foreignRequests: string[];
  consoleErrors: string[];
}

/**
 * Opens a page in a fresh context that records foreign requests and console errors (`ignoreHTTPSErrors`: a test
 * server behind nginx with a self-signed certificate).
 */
export async function openPage(browser: Browser, baseUrl: string, options: { viewport?: { width: number; height: number }; locale?: string; ignoreHTTPSErrors?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const watched: WatchedPage = { page, context, foreignRequests: [], consoleErrors: [] };
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.foreignRequests.push(url);
  });
  page.on('console', (msg) => { if (msg.type() === 'error') watched.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => watched.consoleErrors.push(String(err)));
  return watched;
}

/** Where screenshots go when a developer wants to look at the pages (`SHOTS_DIR=/tmp/shots`); off in CI. */
export const SHOTS_DIR = process.env.SHOTS_DIR ?? '';

/** Screenshots a page or an element into SHOTS_DIR, when it is set. */
export async function saveShot(target: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> }, name: string, fullPage = false): Promise<void> {
  if (!SHOTS_DIR) return;
  await target.screenshot({ path: `${SHOTS_DIR}/${name}.png`, ...(fullPage ? { fullPage } : {}) });
}
