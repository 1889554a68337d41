/**
 * "A write that was acknowledged survives a crash": the real server in its own process, a write
 * answered 201, then SIGKILL (no shutdown, no checkpoint) — and the write is in the file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { createUser } from '../../server/domain/accounts/accounts';
import { signIn, send } from './fixtures';

let dir: string;
let child: ChildProcess | undefined;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'gi-crash-')); });
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `server/main.ts` on a port the system picks and resolves with its URL once it listens. */
function startProcess(dbFile: string): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_PATH: dbFile, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 30_000);
    child!.stdout!.on('data', (chunk: Buffer) => {
      const m = /on (http:\/\/localhost:\d+)/.exec(chunk.toString());
      if (m) { clearTimeout(timer); resolve(m[1].replace('localhost', '127.0.0.1')); }
    });
    child!.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

describe('durability', () => {
  it('keeps an acknowledged write after the process is killed', async () => {
    const dbFile = join(dir, 'registry.sqlite');
    const setup = openDb(dbFile);
    await createUser(setup, null, { username: 'city', password: 'city-admin-password', role: 'admin', county: null });
    setup.$client.close();

    const url = await startProcess(dbFile);
    const cookie = await signIn(url, 'city', 'city-admin-password');
    const created = await send(url, 'POST', '/api/products', { nameZh: '崩溃测试产品', category: 'food', counties: ['140525'] }, cookie, { origin: url });
    expect(created.status).toBe(201);
    child!.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    const after = openDb(dbFile);
    const row = after.$client.prepare('select name_zh, visibility from products where id = ?').get(created.body.id);
    const audit = after.$client.prepare("select action from audit_events where entity = 'product' and entity_id = ?").pluck().all(created.body.id);
    after.$client.close();
    expect(row).toEqual({ name_zh: '崩溃测试产品', visibility: 'draft' });
    expect(audit).toEqual(['create']);
  });
});
