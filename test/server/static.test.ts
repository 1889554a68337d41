import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server';

let clientDir: string;
let server: TestServer;
let unbuilt: TestServer;
beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'gi-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>shell</title><gi-app></gi-app>');
  writeFileSync(join(clientDir, 'app.js'), 'console.log(1)');
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'assets', 'index-BA5SNpd_.js'), `console.log(${'"hashed";'.repeat(400)})`);
  server = await startServer({ env: { CLIENT_DIR: clientDir } });
  unbuilt = await startServer({ seed: false, env: { CLIENT_DIR: join(clientDir, 'missing') } });
});
afterAll(async () => {
  await server.close();
  await unbuilt.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('serving the client', () => {
  it.each(['/', '/products/4', '/tally?period=1&asOf=2020-12-31', '/admin/products/new', '/no/such/page'])(
    'answers the page path %s with the app shell', async (path) => {
      const { status, headers, body } = await call(server.url + path);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/text\/html/);
      expect(headers.get('cache-control')).toBe('no-cache');
      expect(body).toContain('<gi-app>');
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    });

  it('keeps hashed assets for a year, immutable, compressed; other files are revalidated', async () => {
    const hashed = await fetch(`${server.url}/assets/index-BA5SNpd_.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${server.url}/app.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves static files and never answers /api paths with the shell', async () => {
    expect((await call(`${server.url}/app.js`)).body).toBe('console.log(1)');
    const api = await call(`${server.url}/api/unknown`);
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
  });

  it('says how to build the client when it is missing', async () => {
    const { status, body } = await call(`${unbuilt.url}/`);
    expect(status).toBe(503);
    expect(body).toContain('npm run build');
  });
});
