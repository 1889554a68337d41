/**
 * The server runs from a read-only release, as the container's `--read-only` root and systemd's
 * ProtectSystem=strict run it: the project folder (its code and node_modules) is mounted read-only in a mount
 * namespace of its own (unshare, as root), the database lives in a writable folder and /tmp stays writable.
 * Every kind of work is done once (start, sign in, a write, a photo decoded and thumbnailed, a
 * worker's build, a streamed export, readiness's write), and none of it may need to write anywhere else.
 * Without unshare and mount it fails, saying so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { projectRoot } from '../../db/project-root';
import { loadSeeds } from '../../seeds/loader';
import { picture, upload, uploadForm } from '../support/sample-files';
import { addAccount, send, signIn } from '../server/fixtures';

const ROOT = projectRoot();
let dir: string;
let child: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  const probe = spawnSync('unshare', ['--mount', 'sh', '-c', `mount --bind ${ROOT} ${ROOT} && mount -o remount,ro,bind ${ROOT}`], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`This test mounts the project read-only in a mount namespace (unshare --mount, as root): ${probe.error?.message ?? probe.stderr}`);
  }
  dir = mkdtempSync(join(tmpdir(), 'gi-readonly-'));
  const db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
  await addAccount(db, 'qinshui', 'official', '140521');
  db.$client.close();
  const script = `mount --bind ${ROOT} ${ROOT} && mount -o remount,ro,bind ${ROOT} && exec ${process.execPath} --import tsx server/main.ts`;
  child = spawn('unshare', ['--mount', 'sh', '-c', script], {
    cwd: ROOT, env: { ...process.env, DATABASE_PATH: join(dir, 'registry.sqlite'), PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start on a read-only release:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const m = /on http:\/\/localhost:(\d+)\//.exec(output);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) on a read-only release:\n${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the server on a read-only release', () => {
  it('cannot write to its own folder (the mount holds)', async () => {
    const run = spawnSync('unshare', ['--mount', 'sh', '-c', `mount --bind ${ROOT} ${ROOT} && mount -o remount,ro,bind ${ROOT} && touch ${join(ROOT, 'package.json')}`], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Read-only file system/);
  });

  it('serves, writes, decodes a photo, builds in a worker, streams an export and is ready', async () => {
    const cookie = await signIn(url, 'qinshui');
    const created = await send(url, 'POST', '/api/products', { nameZh: '只读测试产品', category: 'food', counties: ['140521'] }, cookie, { origin: url });
    expect(created.status).toBe(201);
    const photo = await upload(url, created.body.id, uploadForm({ kind: 'photo', title: '只读照片', visibility: 'public' }, { bytes: await picture('jpeg'), name: 'a.jpg' }), cookie, { origin: url });
    expect(photo.status).toBe(201);
    expect((await fetch(`${url}${photo.body.thumbnailUrl}`, { headers: { cookie } })).status).toBe(200); // a draft's: for its officials
    expect((await fetch(`${url}/api/products.geojson`)).status).toBe(200);
    const xlsx = await fetch(`${url}/api/export/products.xlsx`);
    expect(xlsx.status).toBe(200);
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const ready = await fetch(`${url}/api/ready`);
    expect(await ready.json()).toMatchObject({ ready: true });
    expect(output).not.toMatch(/EROFS|read-only file system/i);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
