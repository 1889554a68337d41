/**
 * Structured logs: every answer (the fast path's too) is one JSON line with a request id that the answer
 * echoes in X-Request-Id; a proxy's id is taken only from a trusted proxy; a return link's token never reaches
 * the log; a server fault is logged with its stack under the request's id; probes are not logged; and the real
 * server (server/main.ts) writes nothing but JSON lines on stdout.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedUrl } from '../../server/request-log';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startServer({ logLevel: 'debug' }),
    startServer({ logLevel: 'info', env: { TRUST_PROXY: '1' } }),
  ]);
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

/** The log line of the request whose answer carried `id`. */
const lineOf = (s: TestServer, id: string | null) => s.logs().find((l) => l.reqId === id && l.req);

describe('request lines', () => {
  it('gives every request an id, echoed in X-Request-Id and on its log line (the fast path\'s at debug)', async () => {
    for (const level of ['info', 'debug']) {
      // The second is answered by the fast path from memory, before Express.
      const res = await fetch(`${direct.url}/api/counties`);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(lineOf(direct, id)).toMatchObject({
        level, msg: 'GET /api/counties 200', req: { method: 'GET', url: '/api/counties', client: '127.0.0.1' },
        res: { status: 200 }, responseTime: expect.any(Number), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }
  });

  it('writes no line for an answer sent from memory at the default level (info), and one for every other', async () => {
    const ids: (string | null)[] = [];
    for (let i = 0; i < 2; i++) ids.push((await fetch(`${proxied.url}/api/counties.geojson`)).headers.get('x-request-id'));
    expect(lineOf(proxied, ids[0])).toMatchObject({ level: 'info', res: { status: 200 } });
    expect(lineOf(proxied, ids[1])).toBeUndefined();
    // A 404 is Express's answer, never from memory: it keeps its line.
    const missing = await fetch(`${proxied.url}/api/products/999999`);
    expect(lineOf(proxied, missing.headers.get('x-request-id'))).toMatchObject({ level: 'info', res: { status: 404 } });
  });

  it('takes X-Request-Id from a trusted proxy only, and only when it is a plain token', async () => {
    const sent = async (s: TestServer, id: string) => (await fetch(`${s.url}/api/periods`, { headers: { 'x-request-id': id } })).headers.get('x-request-id');
    expect(await sent(proxied, '0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    expect(await sent(direct, '0123456789abcdef0123456789abcdef')).toMatch(UUID);
    expect(await sent(proxied, 'two words')).toMatch(UUID);
    expect(await sent(proxied, 'x'.repeat(200))).toMatch(UUID);
  });

  it('leaves a return link\u2019s token out of the log', async () => {
    const token = 'Secret-Token_0123456789abcdefghij';
    for (const path of [`/return/${token}`, `/api/return-links/${token}`]) {
      const res = await fetch(`${direct.url}${path}?lang=en`);
      const line = lineOf(direct, res.headers.get('x-request-id'));
      expect(line?.req.url).toBe(path.replace(token, '…') + '?lang=en');
    }
    expect(JSON.stringify(direct.logs())).not.toContain(token);
    expect(loggedUrl('/gi/return/abc/def')).toBe('/gi/return/…/def');
  });

  it('logs a server fault with its stack under the request\u2019s id, and the answer\u2019s line at error', async () => {
    await addAccount(direct.db, 'city-log', 'admin');
    const cookie = await signIn(direct.url, 'city-log');
    direct.db.$client.exec("CREATE TRIGGER products_fail BEFORE INSERT ON products BEGIN SELECT RAISE(ABORT, 'simulated fault'); END");
    try {
      const res = await send(direct.url, 'POST', '/api/products', { nameZh: '日志测试', category: 'food', counties: ['140521'] }, cookie, { origin: direct.url });
      expect(res.status).toBe(500);
      const id = res.headers.get('x-request-id');
      const lines = direct.logs().filter((l) => l.reqId === id);
      expect(lines).toContainEqual(expect.objectContaining({
        level: 'error', msg: 'internal error', err: expect.objectContaining({ message: 'simulated fault', stack: expect.stringContaining('SqliteError') }),
      }));
      expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'POST /api/products 500', res: { status: 500 } }));
      // The client hears nothing of it.
      expect(JSON.stringify(res.body)).not.toContain('simulated');
    } finally {
      direct.db.$client.exec('DROP TRIGGER products_fail');
    }
  });

  it('does not log the probes', async () => {
    const before = direct.logs().length;
    for (const path of ['/api/health', '/api/ready']) expect((await fetch(`${direct.url}${path}`)).status).toBe(200);
    expect(direct.logs().slice(before)).toEqual([]);
  });
});

describe('the server process', () => {
  it('writes JSON lines on stdout, the listening line among them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gi-log-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_PATH: join(dir, 'registry.sqlite'), PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 30_000);
        child.stdout!.on('data', () => {
          const m = /on http:\/\/localhost:(\d+)\//.exec(out);
          if (m) { clearTimeout(timer); resolve(Number(m[1])); }
        });
      });
      const res = await fetch(`http://127.0.0.1:${port}/api/periods`);
      const id = res.headers.get('x-request-id');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining([
        expect.stringMatching(/^Seeded an empty database/), expect.stringMatching(/^No accounts yet/),
        `Jincheng GI registry on http://localhost:${port}/ (database ${join(dir, 'registry.sqlite')})`, 'GET /api/periods 200', expect.stringMatching(/^SIGTERM: stopping/),
      ]));
      expect(lines.find((l) => l.msg === 'GET /api/periods 200')?.reqId).toBe(id);
      expect(lines.every((l) => typeof l.level === 'string' && typeof l.time === 'string' && typeof l.pid === 'number')).toBe(true);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
