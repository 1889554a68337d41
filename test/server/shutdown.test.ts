/**
 * SIGTERM stops the real server within seconds whatever its clients do: idle keep-alive
 * connections are closed at once, a request in flight still gets its answer, and a client that
 * sends half a header (or half a body) and stalls is cut after the grace period.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
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

/** A JPEG of `width` × `height` with fine grain, as a camera's (cheap to make, not to re-encode). */
async function grainyPhoto(width: number, height: number): Promise<Buffer> {
  const raw = randomBytes(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = 112 + (raw[i] & 31);
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 75 }).toBuffer();
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

  it('does not wait for photos queued for decoding: they are refused (503) and only the one being decoded finishes', async () => {
    const { port, exited, output } = await startProcess();
    const base = `http://127.0.0.1:${port}`;
    const signedIn = await fetch(`${base}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: PASSWORD }),
    });
    const cookie = signedIn.headers.getSetCookie()[0].split(';')[0];
    const product = await (await fetch(`${base}/api/products`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ nameZh: '停机照片测试', category: 'food', counties: ['140521'] }),
    })).json();
    // Camera-sized photos with grain (36 MP): decoded as the old code did (all at once, two passes each,
    // mozjpeg), eight of them kept the process busy for 10 s and more after SIGTERM.
    const photos = [];
    for (let i = 0; i < 8; i++) photos.push(await grainyPhoto(7200, 5000));
    const answers = photos.map((bytes, i) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ kind: 'photo', title: `照片 ${i}`, visibility: 'internal' })) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(bytes)]), `p${i}.jpg`);
      return fetch(`${base}/api/products/${product.id}/documents`, { method: 'POST', body: form, headers: { cookie } })
        .then((r) => r.status, () => 0);
    });
    await new Promise((r) => setTimeout(r, 1_000)); // the photos have arrived and are being decoded
    child!.kill('SIGTERM');
    const { code, ms } = await exited;
    const statuses = await Promise.all(answers);
    expect(ms()).toBeLessThan(5_000);
    expect(code).toBe(0);
    for (const status of statuses) expect([201, 503]).toContain(status);
    expect(statuses).toContain(503);
    expect(output()).not.toMatch(/Still not stopped/);
  }, 90_000);

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
