/**
 * Runs Debian's nginx with the shipped site (deploy/nginx/jincheng-gi.conf) in front of a test server: the
 * site file as it is, with only its addresses and paths swapped for the test's (each swap must match exactly
 * once, so a change to the file that a test would no longer see fails here), inside a main configuration like
 * Debian's nginx.conf, on free loopback ports, as a foreground child process. A missing nginx is an error,
 * never a skip: `apt-get install -y nginx` (bash .ci/run does it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root';

/** The shipped site file. */
export const SITE_FILE = join(projectRoot(), 'deploy', 'nginx', 'jincheng-gi.conf');

/** Where Debian's nginx package installs the binary. */
export function nginxBinary(): string {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
  if (!found) throw new Error('nginx is not installed: run `apt-get install -y nginx` (bash .ci/run installs it). The deployment tests need the real nginx and do not skip.');
  return found;
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What the site is given in place of its production addresses and paths. */
export interface SiteTargets {
  /** The app's port on 127.0.0.1 (the upstream). */
  appPort: number;
  /** The folder of a static copy built with `--base-url https://…/gi-static`. */
  staticDir: string;
}

/** A running nginx. */
export interface RunningNginx {
  /** `https://127.0.0.1:<port>` (HTTP/2, a self-signed certificate for www.jcgov.example and 127.0.0.1). */
  https: string;
  /** `http://127.0.0.1:<port>` (the redirect to HTTPS). */
  http: string;
  /** The certificate, for a client that should trust it. */
  certificate: string;
  /** The access log so far. */
  accessLog(): string;
  /** The error log so far. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** Replaces `from` in `text`, which must occur exactly once. */
function swapOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  if (count !== 1) throw new Error(`${SITE_FILE}: expected ${String(from)} once, found it ${count} times`);
  return text.replace(from, to);
}

/** The shipped site with the test's ports, certificate, static folder and logs. */
export function siteForTest(site: string, t: SiteTargets & { httpsPort: number; httpPort: number; dir: string }): string {
  let s = site;
  s = swapOnce(s, 'server 127.0.0.1:3000;', `server 127.0.0.1:${t.appPort};`);
  s = swapOnce(s, '    listen 80;\n    listen [::]:80;\n', `    listen 127.0.0.1:${t.httpPort};\n`);
  s = swapOnce(s, '    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n', `    listen 127.0.0.1:${t.httpsPort} ssl http2;\n`);
  s = swapOnce(s, '/etc/ssl/jcgov/fullchain.pem', join(t.dir, 'cert.pem'));
  s = swapOnce(s, '/etc/ssl/jcgov/privkey.pem', join(t.dir, 'key.pem'));
  s = swapOnce(s, 'alias /var/www/jincheng-gi-static/;', `alias ${t.staticDir.replace(/\/?$/, '/')};`);
  s = swapOnce(s, '/var/log/nginx/jincheng-gi.access.log', join(t.dir, 'access.log'));
  s = swapOnce(s, '/var/log/nginx/jincheng-gi.error.log', join(t.dir, 'error.log'));
  return s;
}

/** A main configuration like Debian's /etc/nginx/nginx.conf (gzip on, its mime types), in the foreground, all files under `dir`. */
function mainConf(dir: string): string {
  return `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'main-error.log')} info;
events { worker_connections 256; }
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${join(dir, 'main-access.log')};
    gzip on;
    client_body_temp_path ${join(dir, 'body')};
    proxy_temp_path ${join(dir, 'proxy')};
    fastcgi_temp_path ${join(dir, 'fastcgi')};
    uwsgi_temp_path ${join(dir, 'uwsgi')};
    scgi_temp_path ${join(dir, 'scgi')};
    include ${join(dir, 'site.conf')};
}
`;
}

/** A self-signed certificate for www.jcgov.example and 127.0.0.1 (openssl, a day long). */
function makeCertificate(dir: string): void {
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=www.jcgov.example',
    '-addext', 'subjectAltName=DNS:www.jcgov.example,IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.error?.message ?? made.stderr}`);
}

/** Resolves once something accepts connections on the port (or rejects after `ms`). */
async function listening(port: number, child: ChildProcess, output: () => string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nginx did not listen on ${port} within ${ms} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Tests the configuration (`nginx -t`) and starts nginx with the shipped site in front of the app. */
export async function startNginx(targets: SiteTargets): Promise<RunningNginx> {
  const nginx = nginxBinary();
  const dir = mkdtempSync(join(tmpdir(), 'gi-nginx-'));
  // nginx's workers run as an unprivileged user when the tests run as root: they read the static copy from here.
  chmodSync(dir, 0o755);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  makeCertificate(dir);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'site.conf'), siteForTest(readFileSync(SITE_FILE, 'utf8'), { ...targets, httpsPort, httpPort, dir }));
  writeFileSync(join(dir, 'nginx.conf'), mainConf(dir));
  const args = ['-p', dir, '-e', join(dir, 'main-error.log'), '-c', join(dir, 'nginx.conf')];
  const test = spawnSync(nginx, ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the shipped site:\n${test.stderr}`);
  const child = spawn(nginx, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // If the test process ends without stop() (a crash, a killed run), nginx ends with it.
  const orphaned = () => { child.kill('SIGTERM'); };
  process.once('exit', orphaned);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  const read = (file: string) => () => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '');
  try {
    await listening(httpsPort, child, () => output + read('main-error.log')());
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    https: `https://127.0.0.1:${httpsPort}`,
    http: `http://127.0.0.1:${httpPort}`,
    certificate: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    accessLog: read('access.log'),
    errorLog: read('error.log'),
    stop: async () => {
      process.off('exit', orphaned);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
