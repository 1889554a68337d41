/**
 * Continuous replication (`npm run replicate`: a real Litestream shipping the WAL of the database the
 * real server writes to a folder) and `npm run restore:replica`: acknowledged HTTP writes, both
 * processes SIGKILLed, the database restored from the replica alone into a fresh folder — every
 * acknowledged write there, integrity ok, the server starts on it; a restore to a moment between two
 * batches of writes has the first and not the second; restore refuses while the database is open.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { loadSeeds } from '../../seeds/loader';
import { describeReplica, litestreamConfig, readReplication, REPLICA_DEFAULTS } from '../../server/cli/litestream';
import { addAccount, send, signIn } from './fixtures';

let dir: string;
const running = new Set<ChildProcess>();

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'gi-replica-')); });
afterEach(async () => { await Promise.all([...running].map(killGroup)); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts `node --import tsx FILE` in its own process group (so a SIGKILL of the group takes Litestream,
 * the child of `replicate`, with it, as a crash or systemd would) and resolves once `ready` shows in
 * its output.
 */
function startGroup(file: string, env: Record<string, string>, ready: RegExp): Promise<{ proc: ChildProcess; match: RegExpExecArray; output: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} not ready after 30 s:\n${out}`)), 30_000);
    const look = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) { clearTimeout(timer); resolve({ proc, match, output: () => out }); }
    };
    proc.stdout!.on('data', look);
    proc.stderr!.on('data', look);
    proc.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`${file} exited (${signal ?? code}):\n${out}`)); });
  });
}

/** SIGKILL to the whole process group: no shutdown, no last sync, no checkpoint. */
async function killGroup(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise((resolve) => proc.once('exit', resolve));
  try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* already gone */ }
  await gone;
}

async function startServer(dbFile: string): Promise<{ url: string; proc: ChildProcess }> {
  const { proc, match } = await startGroup('server/main.ts', { DATABASE_PATH: dbFile, PORT: '0' }, /on (http:\/\/localhost:\d+)/);
  return { url: match[1].replace('localhost', '127.0.0.1'), proc };
}

function cli(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ids and names of the products in a restored database, and its integrity check. */
function readRestored(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      names: new Map((db.prepare('SELECT id, name_zh FROM products').all() as { id: number; name_zh: string }[]).map((r) => [r.id, r.name_zh])),
      created: new Set(db.prepare("SELECT entity_id FROM audit_events WHERE entity = 'product' AND action = 'create'").pluck().all() as number[]),
    };
  } finally {
    db.close();
  }
}

describe('npm run replicate and npm run restore:replica', () => {
  it('restores every acknowledged write from the replica after the server and Litestream are killed; and to a moment between two batches', async () => {
    const dbFile = join(dir, 'live', 'registry.sqlite');
    const replicaDir = join(dir, 'replica');
    const setup = openDb(dbFile);
    loadSeeds(setup);
    await addAccount(setup, 'qinshui', 'official', '140521');
    setup.$client.close();
    const replication = { REPLICA_DIR: replicaDir };

    const server = await startServer(dbFile);
    const litestream = await startGroup('server/cli/replicate.ts', { DATABASE_PATH: dbFile, ...replication }, /snapshot written/);
    expect(litestream.output()).toMatch(/REPLICA_DIR .* is on the same disk as the database/); // as a test's temp folder is
    const cookie = await signIn(server.url, 'qinshui');
    const acked: { id: number; name: string; at: number }[] = [];
    const write = async (name: string) => {
      const res = await send(server.url, 'POST', '/api/products', { nameZh: name, category: 'food', counties: ['140521'] }, cookie, { origin: server.url });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      acked.push({ id: res.body.id as number, name, at: Date.now() });
    };
    for (let i = 0; i < 40; i++) await write(`复制测试甲${i}`);
    const firstBatch = acked.length;

    // While the server and Litestream have the database open, a restore refuses and changes nothing.
    const inode = statSync(dbFile).ino;
    const refused = cli('restore-replica', [], { DATABASE_PATH: dbFile, ...replication });
    expect(refused.code, refused.err).toBe(1);
    expect(refused.err).toMatch(/in use.*Stop it first; nothing was changed/s);
    expect(statSync(dbFile).ino).toBe(inode);
    expect(readdirSync(join(dir, 'live')).filter((f) => /before-restore|\.tmp/.test(f))).toEqual([]);

    // Litestream ships the WAL every second, each segment dated: the moment lies between the two batches' segments.
    await sleep(Math.max(0, acked[firstBatch - 1].at + 3_000 - Date.now()));
    const moment = new Date();
    await sleep(1_500);
    for (let i = 0; i < 40; i++) await write(`复制测试乙${i}`);
    // The server dies right after its last answer; Litestream, still running, ships what it committed.
    await killGroup(server.proc);
    await sleep(3_000);
    await killGroup(litestream.proc);
    expect(existsSync(`${dbFile}-wal`)).toBe(true);

    // The live folder is lost; the replica is all there is.
    const fresh = join(dir, 'fresh', 'registry.sqlite');
    const latest = cli('restore-replica', [], { DATABASE_PATH: fresh, ...replication });
    expect(latest.code, latest.err).toBe(0);
    expect(latest.out).toMatch(/Restored .*fresh\/registry\.sqlite from the folder .*replica, as last shipped \(\d+ products, 1 accounts, last change .*; integrity ok\) in [\d.]+ s/);
    const restored = readRestored(fresh);
    expect(restored.integrity).toBe('ok');
    expect(acked.filter((w) => restored.names.get(w.id) !== w.name)).toEqual([]);
    expect(acked.filter((w) => !restored.created.has(w.id))).toEqual([]);

    // The server starts on the restored file and answers from it.
    const again = await startServer(fresh);
    const last = acked[acked.length - 1];
    expect((await send(again.url, 'GET', `/api/products/${last.id}`, undefined, await signIn(again.url, 'qinshui'))).body.nameZh).toBe(last.name);
    await killGroup(again.proc);

    // To the moment between the batches: the first batch, none of the second.
    const earlier = join(dir, 'earlier', 'registry.sqlite');
    const pit = cli('restore-replica', ['--to-time', moment.toISOString()], { DATABASE_PATH: earlier, ...replication });
    expect(pit.code, pit.err).toBe(0);
    expect(pit.err).not.toMatch(/also holds/);
    const asOf = readRestored(earlier);
    expect(asOf.integrity).toBe('ok');
    expect([...asOf.names.values()].filter((n) => n.startsWith('复制测试')).sort()).toEqual(acked.slice(0, firstBatch).map((w) => w.name).sort());

    // Before the replica began there is nothing to restore, and nothing is changed.
    const before = cli('restore-replica', ['--to-time', '2020-01-01T00:00:00+08:00'], { DATABASE_PATH: earlier, ...replication });
    expect(before.code).toBe(1);
    expect(before.err).toMatch(/Not restored: Litestream could not restore .*Nothing was changed/s);
    expect(readRestored(earlier).names).toEqual(asOf.names);
  }, 120_000);

  it.each([
    ['a moment without its zone', ['--to-time', '2026-12-05T10:00:00'], /with its zone/],
    ['an unknown option', ['--from', 'x'], /Unknown option/],
  ])('refuses %s (exit code 2)', (_what, args, message) => {
    const r = cli('restore-replica', args, { DATABASE_PATH: join(dir, 'none.sqlite'), REPLICA_DIR: join(dir, 'none') });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses to start replication without a replica', () => {
    const r = cli('replicate', [], { DATABASE_PATH: join(dir, 'none.sqlite'), REPLICA_DIR: '', REPLICA_URL: '' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No replica configured: set REPLICA_DIR .* or REPLICA_URL/);
  });
});

describe('the replica the environment names', () => {
  it('is a folder or a URL, with Litestream defaults and REPLICA_OPTIONS laid over them', () => {
    expect(readReplication('data/r.sqlite', {})).toBeNull();
    const folder = readReplication('data/r.sqlite', { REPLICA_DIR: '/mnt/backup/registry' })!;
    expect(folder.replica).toEqual({ ...REPLICA_DEFAULTS, type: 'file', path: '/mnt/backup/registry' });
    expect(folder.databasePath).toMatch(/^\/.*\/data\/r\.sqlite$/);
    expect(litestreamConfig(folder)).toMatchObject({ dbs: [{ path: folder.databasePath, replicas: [folder.replica] }] });
    const s3 = readReplication('r.sqlite', { REPLICA_URL: 's3://registry-backup/jincheng', REPLICA_OPTIONS: '{"endpoint":"https://minio.example:9000","retention":"720h"}' })!;
    expect(s3.replica).toEqual({ ...REPLICA_DEFAULTS, retention: '720h', endpoint: 'https://minio.example:9000', url: 's3://registry-backup/jincheng' });
    expect(describeReplica(readReplication('r.sqlite', { REPLICA_URL: 'sftp://backup:s3cret@10.0.0.9:22/registry' })!.replica)).toBe('sftp://backup:***@10.0.0.9:22/registry');
  });

  it.each([
    [{ REPLICA_DIR: '/a', REPLICA_URL: 's3://b/c' }, /not both/],
    [{ REPLICA_URL: 'ftp://host/path' }, /must start with file:\/\/, s3:\/\//],
    [{ REPLICA_DIR: '/a', REPLICA_OPTIONS: '["endpoint"]' }, /JSON object/],
    [{ REPLICA_DIR: '/a', REPLICA_OPTIONS: '{"endpoint":' }, /JSON object/],
  ])('refuses %o', (env, message) => {
    expect(() => readReplication('r.sqlite', env)).toThrow(message);
  });
});
