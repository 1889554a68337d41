/**
 * `npm run restore -- FILE` after a crash: back up a running server, write more, SIGKILL it (a
 * stale -wal is left), restore — and the server starts and serves the backed-up data. Restore
 * refuses while a server runs, and refuses a file that is not a sound registry backup.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { createUser } from '../../server/domain/accounts/accounts';
import { send, signIn } from './fixtures';

let dir: string;
let dbFile: string;
let child: ChildProcess | undefined;
const PW = 'city-admin-password';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gi-restore-'));
  dbFile = join(dir, 'registry.sqlite');
  const setup = openDb(dbFile);
  await createUser(setup, null, { username: 'city', password: PW, role: 'admin', county: null });
  setup.$client.close();
});
afterEach(() => { child?.kill('SIGKILL'); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startProcess(): Promise<string> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_PATH: dbFile, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  proc.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 30_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      const m = /on (http:\/\/localhost:\d+)/.exec(chunk.toString());
      if (m) { clearTimeout(timer); resolve(m[1].replace('localhost', '127.0.0.1')); }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function kill() {
  const proc = child!;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await gone;
}

function cli(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_PATH: dbFile }, encoding: 'utf8', timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const fingerprint = () => ({ size: statSync(dbFile).size, ino: statSync(dbFile).ino, files: readdirSync(dir).sort() });

describe('npm run restore', () => {
  it('after a SIGKILL: restores the backup, and the server starts and serves the backed-up data', async () => {
    let url = await startProcess();
    let cookie = await signIn(url, 'city', PW);
    const create = (nameZh: string) => send(url, 'POST', '/api/products', { nameZh, category: 'food', counties: ['140525'] }, cookie, { origin: url });
    const kept = await create('备份前的产品');
    expect(kept.status).toBe(201);

    const backup = join(dir, 'backup.sqlite');
    const b = cli('backup', [backup]);
    expect(b.code, b.err).toBe(0);

    const lost = await create('备份后的产品');
    expect(lost.status).toBe(201);

    // While the server runs, restore refuses and changes nothing.
    const before = fingerprint();
    const refused = cli('restore', [backup]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/in use.*Stop it first/s);
    expect(fingerprint()).toEqual(before);
    expect((await send(url, 'GET', `/api/products/${lost.body.id}`, undefined, cookie)).status).toBe(200);

    await kill();
    expect(existsSync(`${dbFile}-wal`)).toBe(true); // the crash left a WAL the backup knows nothing of

    const r = cli('restore', [backup]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Restored .*backup\.sqlite into .*registry\.sqlite \(.*integrity ok\)/);
    expect(r.out).toMatch(/kept the replaced database as .*before-restore-/);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.restore-'))).toEqual([]);
    // The restored database says it was restored, and from what.
    const restored = new Database(dbFile, { readonly: true });
    const events = restored.prepare("SELECT kind, detail FROM security_events WHERE kind IN ('backup', 'restore') ORDER BY id").all() as { kind: string; detail: string }[];
    restored.close();
    expect(events.map((e) => e.kind)).toEqual(['restore']); // the backup's own event came after the copy was made
    expect(JSON.parse(events[0].detail)).toMatchObject({ from: backup, summary: expect.stringMatching(/products/) });

    url = await startProcess();
    cookie = await signIn(url, 'city', PW);
    expect((await send(url, 'GET', `/api/products/${kept.body.id}`, undefined, cookie)).body.nameZh).toBe('备份前的产品');
    expect((await send(url, 'GET', `/api/products/${lost.body.id}`, undefined, cookie)).status).toBe(404);
    // …and it writes as usual.
    expect((await send(url, 'POST', '/api/products', { nameZh: '恢复后的产品', category: 'food', counties: ['140525'] }, cookie, { origin: url })).status).toBe(201);
    await kill();

    // The replaced database was kept whole (the crash's WAL folded in): it has both products.
    const aside = readdirSync(dir).find((f) => /before-restore-[^.]*$/.test(f) && !f.endsWith('-wal'))!;
    const old = new Database(join(dir, aside), { readonly: true });
    expect(old.prepare('SELECT name_zh FROM products WHERE id IN (?, ?) ORDER BY id').pluck().all(kept.body.id, lost.body.id))
      .toEqual(['备份前的产品', '备份后的产品']);
    old.close();
  }, 90_000);

  it.each([
    ['a file that is not SQLite', (f: string) => writeFileSync(f, 'hello, not a database'.repeat(500)), /not a usable backup/],
    ['a truncated backup', (f: string) => { copyFileSync(dbFile, f); truncateSync(f, Math.floor(statSync(f).size / 2)); }, /not a usable backup/],
    ['a SQLite file of something else', (f: string) => { const d = new Database(f); d.exec('CREATE TABLE notes (x)'); d.close(); }, /not a registry database/],
    ['a copy of a live database with its -wal', (f: string) => { copyFileSync(dbFile, f); writeFileSync(`${f}-wal`, Buffer.alloc(4096, 1)); }, /-wal beside it/],
  ])('refuses %s and changes nothing', (_what, make, message) => {
    const bad = join(dir, `bad-${Math.random().toString(36).slice(2)}.sqlite`);
    make(bad);
    const before = fingerprint();
    const r = cli('restore', [bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(fingerprint()).toEqual(before);
  }, 30_000);

  it('needs exactly one file name', () => {
    expect(cli('restore', []).code).toBe(2);
    expect(cli('restore', ['a', 'b']).code).toBe(2);
    expect(cli('restore', [join(dir, 'missing.sqlite')]).code).toBe(1);
  });
});
