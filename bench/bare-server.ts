/**
 * The bare server: a node:http server with no framework, run as its own child process, that answers
 * each request with bytes captured from the real server (status, headers, body), chosen by the
 * request's path. It is the "limit" the real server's throughput is compared with.
 *
 * Usage: node --import tsx bench/bare-server.ts FIXTURES.json  (prints "bare server on http://127.0.0.1:PORT")
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/** One captured answer: served for exactly `path`, or for any path starting with `prefix`. */
export interface Fixture {
  path?: string;
  prefix?: string;
  status: number;
  /** Header name/value pairs as the real server sent them (minus connection-level ones). */
  headers: [string, string][];
  /** The body file (raw bytes, still compressed if the real server compressed it). */
  bodyFile: string;
}

/** The line the bare server prints once it listens. */
export const BARE_READY = /bare server on http:\/\/127\.0\.0\.1:(\d+)/;

interface Loaded { status: number; headers: string[]; body: Buffer }

function load(file: string): { exact: Map<string, Loaded>; prefixes: [string, Loaded][] } {
  const fixtures = JSON.parse(readFileSync(file, 'utf8')) as Fixture[];
  const exact = new Map<string, Loaded>();
  const prefixes: [string, Loaded][] = [];
  for (const f of fixtures) {
    const body = readFileSync(f.bodyFile);
    const headers = f.headers.filter(([name]) => name.toLowerCase() !== 'content-length').flat();
    headers.push('Content-Length', String(body.length));
    const loaded = { status: f.status, headers, body };
    if (f.path !== undefined) exact.set(f.path, loaded);
    if (f.prefix !== undefined) prefixes.push([f.prefix, loaded]);
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  return { exact, prefixes };
}

function main(file: string) {
  const { exact, prefixes } = load(file);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const hit = exact.get(url) ?? prefixes.find(([prefix]) => url.startsWith(prefix))?.[1];
    if (!hit) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no fixture');
      return;
    }
    res.writeHead(hit.status, hit.headers);
    res.end(hit.body);
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(`bare server on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// Run only as the child's entry point, not when the bench imports the types above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) throw new Error('usage: bare-server.ts FIXTURES.json');
  main(process.argv[2]);
}
