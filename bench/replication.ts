/**
 * `npm run bench:replication`: what continuous replication (`npm run replicate`, Litestream to a folder)
 * loses and how long it takes to come back, measured with the real commands.
 *
 * RPO: rounds of the real server taking product creations from a signed-in official (BENCH_REPL_RATE a
 * second), Litestream replicating; at a random moment the server and Litestream are SIGKILLed in the
 * same instant (the machine is lost), the database is restored from the replica alone, and the
 * acknowledged writes missing from it are counted: the RPO seen is how long before the kill the oldest
 * missing one was acknowledged.
 * RTO: a national-scale database (buildDatabase(file, 10000, 25000)) replicated, a few writes on top,
 * then `npm run restore:replica` into an empty folder (timed, median of BENCH_REPL_RESTORES) and the
 * server started on the restored file.
 *
 *   BENCH_REPL_ROUNDS (5), BENCH_REPL_RATE (20 writes/s), BENCH_REPL_RESTORES (3), BENCH_REPL_SKIP_RTO=1
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ROOT } from './config';
import { buildDatabase, createBenchAccount } from './dataset';
import { keepAlive, median, request, sleep } from './http';
import { killAllSync, prepareServerCommand, startServer, stopChild } from './processes';
import { signIn } from './writes';

const ROUNDS = Number(process.env.BENCH_REPL_ROUNDS ?? 5);
const RATE = Number(process.env.BENCH_REPL_RATE ?? 20);
const RESTORES = Number(process.env.BENCH_REPL_RESTORES ?? 3);
const log = (line: string) => console.log(`[replication] ${line}`);
const work = mkdtempSync(join(tmpdir(), 'gi-bench-replication-'));
const groups = new Set<ChildProcess>();
process.on('exit', () => {
  killAllSync();
  for (const g of groups) try { process.kill(-g.pid!, 'SIGKILL'); } catch { /* gone */ }
  rmSync(work, { recursive: true, force: true });
});

/** `npm run replicate` for `databasePath` in its own process group; resolves once the first snapshot is written. */
function startReplication(databasePath: string, replicaDir: string): Promise<{ child: ChildProcess; snapshotMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli/replicate.ts')], {
    cwd: ROOT, env: { ...process.env, DATABASE_PATH: databasePath, REPLICA_DIR: replicaDir }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  groups.add(child);
  child.once('exit', () => groups.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no snapshot after 120 s:\n${out}`)), 120_000);
    const look = (chunk: Buffer) => {
      out += chunk.toString();
      if (/snapshot written/.test(out)) { clearTimeout(timer); resolve({ child, snapshotMs: performance.now() - t0 }); }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`replicate exited (${code}):\n${out}`)); });
  });
}

/** `npm run restore:replica` into `databasePath`; its wall time and what it printed. */
function restoreReplica(databasePath: string, replicaDir: string): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli/restore-replica.ts')], {
    cwd: ROOT, env: { ...process.env, DATABASE_PATH: databasePath, REPLICA_DIR: replicaDir }, encoding: 'utf8', timeout: 600_000,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`restore:replica failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return { ms, out: r.stdout };
}

const du = (dir: string): number => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const command = prepareServerCommand(log);

async function rpoRound(seedFile: string, round: number) {
  const folder = join(work, `rpo-${round}`);
  mkdirSync(folder);
  const dbFile = join(folder, 'registry.sqlite');
  copyFileSync(seedFile, dbFile);
  const replicaDir = join(work, `rpo-${round}-replica`);
  const [server, replication] = await Promise.all([startServer(command, dbFile), startReplication(dbFile, replicaDir)]);
  const base = `http://127.0.0.1:${server.port}`;
  const session = await signIn(base);
  const agent = keepAlive();
  const acked: { id: number; at: number }[] = [];
  const runMs = 4000 + Math.random() * 4000;
  const until = performance.now() + runMs;
  let killed = false;
  const writer = (async () => {
    for (let i = 0; !killed; i++) {
      const next = performance.now() + 1000 / RATE;
      try {
        const res = await request({
          method: 'POST', url: `${base}/api/products`, agent,
          headers: { 'content-type': 'application/json', cookie: session.cookie, origin: base },
          body: JSON.stringify({ nameZh: `复制测量${round}-${i}`, category: 'food', counties: ['140521'] }),
        });
        if (res.status === 201 && !killed) acked.push({ id: (JSON.parse(res.body.toString()) as { id: number }).id, at: performance.now() });
      } catch { /* the write in flight when the server dies was never acknowledged */ }
      await sleep(Math.max(0, next - performance.now()));
    }
  })();
  await sleep(Math.max(0, until - performance.now()));
  // The machine is lost: both processes die in the same instant, the live folder with them.
  killed = true;
  const killAt = performance.now();
  server.child.kill('SIGKILL');
  process.kill(-replication.child.pid!, 'SIGKILL');
  await writer;
  agent.destroy();
  rmSync(folder, { recursive: true, force: true });

  const fresh = join(work, `rpo-${round}-fresh`, 'registry.sqlite');
  const restored = restoreReplica(fresh, replicaDir);
  const db = new Database(fresh, { readonly: true });
  const present = new Set(db.prepare("SELECT id FROM products WHERE name_zh LIKE '复制测量%'").pluck().all() as number[]);
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  const lost = acked.filter((w) => !present.has(w.id));
  // Writes were sequential, so what the replica kept must be the first of them, with no gap.
  const prefix = acked.slice(0, acked.length - lost.length).every((w) => present.has(w.id));
  const result = {
    round, acked: acked.length, lost: lost.length, integrity, prefix,
    rpoMs: lost.length > 0 ? Math.round(killAt - lost[0].at) : 0,
    newestPresentAgeMs: acked.length > lost.length ? Math.round(killAt - acked[acked.length - lost.length - 1].at) : null,
    restoreMs: Math.round(restored.ms),
  };
  log(`round ${round}: ${JSON.stringify(result)}`);
  return result;
}

async function rto() {
  const dbFile = join(work, 'national', 'registry.sqlite');
  mkdirSync(join(work, 'national'));
  log('building the national-scale database (10,000 products, 25,000 designations) …');
  const { info } = buildDatabase(dbFile, 10_000, 25_000);
  createBenchAccount(dbFile);
  const replicaDir = join(work, 'national-replica');
  const replication = await startReplication(dbFile, replicaDir);
  const server = await startServer(command, dbFile);
  const base = `http://127.0.0.1:${server.port}`;
  const session = await signIn(base);
  for (let i = 0; i < 100; i++) {
    const res = await request({
      method: 'POST', url: `${base}/api/products`,
      headers: { 'content-type': 'application/json', cookie: session.cookie, origin: base },
      body: JSON.stringify({ nameZh: `恢复测量${i}`, category: 'food', counties: ['140521'] }),
    });
    if (res.status !== 201) throw new Error(`write ${i}: HTTP ${res.status}`);
  }
  await sleep(2500);
  await stopChild(server.child);
  replication.child.kill('SIGTERM');
  await new Promise((resolve) => replication.child.once('exit', resolve));

  const restores: number[] = [];
  let out = '';
  let fresh = '';
  for (let i = 0; i < RESTORES; i++) {
    fresh = join(work, `national-fresh-${i}`, 'registry.sqlite');
    const r = restoreReplica(fresh, replicaDir);
    restores.push(r.ms);
    out = r.out.trim().split('\n').find((l) => l.startsWith('Restored')) ?? '';
    log(`restore ${i + 1}: ${s(r.ms)} — ${out}`);
  }
  const started = await startServer(command, fresh);
  await stopChild(started.child);
  const restoreMs = median(restores);
  return {
    products: info.products, designations: info.designations,
    databaseBytes: statSync(dbFile).size, replicaBytes: du(replicaDir),
    snapshotMs: Math.round(replication.snapshotMs), restoreMs: Math.round(restoreMs), restores: restores.map(Math.round),
    serverStartMs: Math.round(started.startMs), rtoMs: Math.round(restoreMs + started.startMs), lastRestoreLine: out,
  };
}

const seedFile = join(work, 'seed.sqlite');
buildDatabase(seedFile, 0, 0);
createBenchAccount(seedFile);
log(`RPO: ${ROUNDS} rounds at ${RATE} writes/s, server ${command.label}`);
const rounds = [];
for (let i = 1; i <= ROUNDS; i++) rounds.push(await rpoRound(seedFile, i));
const rtoResult = process.env.BENCH_REPL_SKIP_RTO === '1' ? null : await rto();

console.log('\n| RPO round | acknowledged | lost | RPO seen (oldest lost, before the kill) | newest kept, before the kill | integrity |');
console.log('|---:|---:|---:|---:|---:|---|');
for (const r of rounds) {
  console.log(`| ${r.round} | ${r.acked} | ${r.lost} | ${r.lost ? `${r.rpoMs} ms` : '—'} | ${r.newestPresentAgeMs ?? '—'} ms | ${r.integrity}${r.prefix ? '' : ' (NOT a prefix)'} |`);
}
if (rtoResult) {
  console.log(`\nRTO, national scale (${rtoResult.products} products, ${rtoResult.designations} designations; database ${mb(rtoResult.databaseBytes)}, replica ${mb(rtoResult.replicaBytes)}):`);
  console.log(`  first snapshot ${s(rtoResult.snapshotMs)}; npm run restore:replica ${s(rtoResult.restoreMs)} (median of ${rtoResult.restores.length}: ${rtoResult.restores.map(s).join(', ')}); server start ${s(rtoResult.serverStartMs)}; RTO ${s(rtoResult.rtoMs)}`);
}
console.log(`\n${JSON.stringify({ date: new Date().toISOString(), node: process.version, rate: RATE, rounds, rto: rtoResult })}`);
process.exit(rounds.every((r) => r.integrity === 'ok' && r.prefix) ? 0 : 1);
