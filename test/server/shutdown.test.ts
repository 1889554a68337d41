/**
 * SIGTERM stops the real server within seconds whatever its clients do: idle keep-alive
 * connections are closed at once, a request in flight still gets its answer, and a client that
 * sends half a header (or half a body) and stalls is cut after the grace period.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { addAccount, PASSWORD } from './fixtures';

let dir: string;
let dbFile: string;
let child: ChildProcess | undefined;
const sockets: Socket[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gi-shutdown-'));
  dbFile = join(dir, 'registry.sqlite');
  const db = openDb(dbFile);
  await addAccount(db, 'city', 'admin');
  db.$client.close();
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
  child?.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `server/main.ts` on a port the system picks; resolves with its port and its output so far. */
function startProcess(): Promise<{ port: number; output: () => string; exited: Promise<{ code: number | null; ms: () => number }> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_PATH: dbFile, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
  proc.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
  let signalledAt = 0;
  const origKill = proc.kill.bind(proc);
  proc.kill = (sig?: NodeJS.Signals | number) => { if (!signalledAt) signalledAt = performance.now(); return origKill(sig); };
  const exited = new Promise<{ code: number | null; ms: () => number }>((resolve) => {
    proc.once('exit', (code) => { const at = performance.now(); resolve({ code, ms: () => at - signalledAt }); });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    proc.stdout!.on('data', () => {
      const m = /on http:\/\/localhost:(\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ port: Number(m[1]), output: () => out, exited }); }
    });
    void exited.then(() => reject(new Error(`server exited early:\n${out}`)));
  });
}

/** A socket that sent `data` and then stalls (never finishes its request). */
function stalled(port: number, data: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1', () => { sock.write(data); resolve(sock); });
    sock.on('error', () => {});
    sock.once('error', reject);
    sockets.push(sock);
  });
}

const get = (port: number, path: string, agent?: Agent) => new Promise<number>((resolve, reject) => {
  request({ host: '127.0.0.1', port, path, agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode!)); }).on('error', reject).end();
});

describe('shutdown', () => {
  it('exits at once on SIGTERM when only idle keep-alive connections are open', async () => {
    const { port, exited } = await startProcess();
    const agent = new Agent({ keepAlive: true });
    expect(await get(port, '/api/counties', agent)).toBe(200);
    child!.kill('SIGTERM');
    const { code, ms } = await exited;
    agent.destroy();
    expect(code).toBe(0);
    expect(ms()).toBeLessThan(2_000);
  }, 40_000);

  it('cuts a slow-header and a slow-body client and exits within 8 s', async () => {
    const { port, exited, output } = await startProcess();
    await stalled(port, 'GET /api/counties HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    await stalled(port, `POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"user`);
    await new Promise((r) => setTimeout(r, 200));
    child!.kill('SIGTERM');
    const { code, ms } = await exited;
    expect(ms()).toBeLessThan(8_000);
    expect(code).toBe(0);
    expect(output()).toMatch(/SIGTERM: stopping/);
    expect(output()).not.toMatch(/Error|at .*\.ts:\d+/);
  }, 40_000);

  it('lets a request in flight finish before it exits', async () => {
    const { port, exited } = await startProcess();
    const body = JSON.stringify({ username: 'city', password: PASSWORD });
    const half = Math.floor(body.length / 2);
    const answer = new Promise<string>((resolve, reject) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.write(`POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`);
      });
      sockets.push(sock);
      let text = '';
      sock.on('data', (c) => { text += c.toString(); });
      sock.on('close', () => resolve(text));
      sock.on('error', reject);
      setTimeout(() => {
        child!.kill('SIGTERM');
        setTimeout(() => sock.write(body.slice(half)), 1_000);
      }, 300);
    });
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    // …and the connection was then closed by the server (the promise resolves on close).
    const { code, ms } = await exited;
    expect(code).toBe(0);
    expect(ms()).toBeLessThan(3_000);
  }, 40_000);
});
