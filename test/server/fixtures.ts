/**
 * Shared by the write-API tests: accounts of each kind, signing in over HTTP, JSON requests with
 * the session cookie, a valid credit code, and a dump of every table to prove nothing changed.
 */
import type { Db } from '../../db/open';
import { creditCodeCheckChar, type CountyCode, type Role } from '../../db/model';
import { createUser } from '../../server/domain/accounts/accounts';
import { call } from '../support/server';

/** The password every fixture account uses. */
export const PASSWORD = 'correct horse battery';

/** A valid unified social credit code built from 17 characters. */
export const creditCode = (first17 = '91140500MA0K2B3C4') => first17 + creditCodeCheckChar(first17);

/** Creates an account directly in the database. */
export function addAccount(db: Db, username: string, role: Role, county: CountyCode | null = null) {
  return createUser(db, null, { username, password: PASSWORD, role, county });
}

/** Signs in over HTTP and returns the `gi_session=...` cookie pair. */
export async function signIn(url: string, username: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gi_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}

/** A JSON request with an optional session cookie (and any extra headers). */
export function send(url: string, method: string, path: string, body?: unknown, cookie?: string, headers: Record<string, string> = {}) {
  return call(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Tables a refused request may still write: sessions, and the security log with its sign-in failures (a refused
 * sign-in is exactly what the log must record).
 */
const BOOKKEEPING = new Set(['sessions', 'security_events', 'sign_in_failures']);

/** Every row of every table (sessions and the security log aside), to compare before and after a refused write. */
export function dumpTables(db: Db): Record<string, unknown[]> {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.filter((t) => !BOOKKEEPING.has(t.name))
    .map((t) => [t.name, db.$client.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]));
}

/** A test server whose clock the test moves (for login rate limits and session expiry), with more settings in `env`. */
export async function startWithClock(start = new Date(), env: NodeJS.ProcessEnv = {}) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openDb } = await import('../../db/open');
  const { closeApp, createApp, serve } = await import('../../server/app');
  const { readConfig } = await import('../../server/config');
  const { loadSeeds } = await import('../../seeds/loader');
  const { createLogger } = await import('../../server/request-log');
  const dir = mkdtempSync(join(tmpdir(), 'gi-clock-'));
  const db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
  const clock = { now: start.getTime(), advance(ms: number) { this.now += ms; } };
  // What the app logs at warn or above, for tests that check a fault is logged.
  const lines: string[] = [];
  const log = createLogger('warn', { write: (line: string) => { lines.push(line); } });
  // Every answer rebuilt at the next request, as the test server's (test/support/server.ts): the tests read what
  // they just wrote, and on a slow machine their costly builds (reports, the tally index) could spend the public's
  // rebuild budget and leave a public read a version behind.
  const app = createApp(db, readConfig({ DATABASE_PATH: join(dir, 'registry.sqlite'), PUBLIC_REBUILD_PERCENT: '100', ...env }), { now: () => new Date(clock.now), log });
  const server = serve(app).listen(0, '127.0.0.1');
  // The server shares the tests' event loop: a test that holds it for seconds (a static build) must not find the
  // keep-alive socket it reuses next closed by the server's 5 s timer in the same turn (a read ECONNRESET).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, db, clock, app,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, any>),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        void closeApp(app).then(() => { db.$client.close(); rmSync(dir, { recursive: true, force: true }); resolve(); });
      });
    }),
  };
}
