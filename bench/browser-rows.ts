/**
 * The Chromium rows of the bench (first-load bytes of /, 10,000 markers vs bare Leaflet), taken from
 * bench/browser.ts when it is there; imported dynamically so the bench runs without it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './config';

/** Bytes and requests of a page's first load (as bench/browser.ts reports them). */
export interface FirstLoad {
  bytes: number;
  requests: number;
  byType: Record<string, number>;
  /** Bytes and requests by path (the query left out: every cluster tile under one path). */
  byPath?: Record<string, { bytes: number; requests: number }>;
}
/** App vs bare Leaflet time to put n markers on the map. */
export interface MarkerTimes { appMs: number; bareMs: number; ratio: number }

/** What bench/browser.ts exports. */
export interface BrowserModule {
  measureFirstLoad(baseUrl: string): Promise<FirstLoad>;
  measureMarkers(baseUrl: string, n: number): Promise<MarkerTimes>;
}

/** A browser measurement, or why it was not made. */
export type Measured<T> = { ok: true; value: T; ms: number } | { ok: false; reason: string };

/** Loads bench/browser.ts, or says why it cannot. */
export async function loadBrowserModule(): Promise<BrowserModule | string> {
  const file = join(ROOT, 'bench', 'browser.ts');
  if (!existsSync(file)) return 'bench/browser.ts missing';
  try {
    const mod = (await import(pathToFileURL(file).href)) as Partial<BrowserModule>;
    if (typeof mod.measureFirstLoad !== 'function' || typeof mod.measureMarkers !== 'function') {
      return 'bench/browser.ts does not export measureFirstLoad and measureMarkers';
    }
    return mod as BrowserModule;
  } catch (error) {
    return `bench/browser.ts failed to load: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** Runs one browser measurement, bounded by `timeoutMs`; a failure becomes a reason, not an exception. */
export async function attempt<T>(fn: () => Promise<T>, timeoutMs = 180_000): Promise<Measured<T>> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs / 1000} s`)), timeoutMs); });
    const value = await Promise.race([fn(), timeout]);
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n')[0].slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}
