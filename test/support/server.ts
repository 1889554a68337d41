/**
 * Starts the real app for a test: a fresh SQLite file in a temp folder, the real migrations,
 * optionally the seeds, listening on an ephemeral port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { openDb, type Db } from '../../db/open';
import { closeApp, createApp, serve } from '../../server/app';
import { readConfig, type Config } from '../../server/config';
import { loadSeeds } from '../../seeds/loader';
import { createLogger } from '../../server/request-log';

/** A running test server. */
export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  db: Db;
  /** The app (for what a test drives directly, such as `productPagesOf(app).warm()`). */
  app: Express;
  dbFile: string;
  config: Config;
  /** What the app logged at `logLevel` or above (`warn` unless asked), one parsed JSON line each. */
  logs(): Record<string, any>[];
  close(): Promise<void>;
}

/** Options for startServer; `now` is the app's clock (today's date, sessions), the machine's by default. */
export interface StartOptions {
  seed?: boolean; env?: NodeJS.ProcessEnv; now?: () => Date;
  /** The boundary file the seeds load the counties from (seeds/counties.geojson unless given). */
  countiesFile?: string;
  /** The lowest level of the app's log lines kept for `logs()` (default warn: request lines are info). */
  logLevel?: string;
}

/** Starts the app on 127.0.0.1:0 over a new database file (seeded unless `seed: false`). */
export async function startServer({ seed = true, env = {}, now, countiesFile, logLevel = 'warn' }: StartOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gi-test-'));
  const dbFile = join(dir, 'registry.sqlite');
  // A client built elsewhere (CLIENT_DIR=/tmp/x-dist) serves every test server unless a test names its own.
  const clientDir = process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {};
  // Tests read right after they write and expect what they wrote: the public's rebuild budget (a timing rule,
  // server/snapshot/rebuild-pace.ts, tested with its own clock in test/server/snapshot/rebuild-pace.test.ts) is off
  // unless a test sets it. With it on, a slow machine's first builds (a worker starting) could spend it and hold a
  // public answer back for a few seconds after a write, as it would in production.
  const config = readConfig({ DATABASE_PATH: dbFile, PORT: '0', PUBLIC_REBUILD_PERCENT: '100', ...clientDir, ...env });
  const db = openDb(dbFile);
  if (seed) loadSeeds(db, ...(countiesFile ? [countiesFile] : []));
  const lines: string[] = [];
  const log = createLogger(logLevel, { write: (line: string) => { lines.push(line); } });
  const app = createApp(db, config, { ...(now ? { now } : {}), log });
  const server = serve(app).listen(0, '127.0.0.1');
  // The server shares the tests' event loop: a test that holds it for seconds (a static build) must not find the
  // keep-alive socket it reuses next closed by the server's 5 s timer in the same turn (a read ECONNRESET).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    app,
    dbFile,
    config,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, any>),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(async () => {
        await closeApp(app);
        db.$client.close();
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
    }),
  };
}

/**
 * fetch + JSON for tests: returns status, headers and the parsed body. A write (POST, PATCH, PUT,
 * DELETE) that names no If-Match is sent with `If-Match: *` ("whatever is there now", server/versions.ts),
 * so tests about something else need not read versions first; tests about versions pass their own
 * If-Match (a version, or an empty header value to send none and see the 428).
 */
export async function call(url: string, init: RequestInit = {}) {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    if (!headers.has('if-match')) headers.set('if-match', '*');
    else if (headers.get('if-match') === '') headers.delete('if-match');
  }
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body };
}
