/**
 * A small HTTP client on node:http for the bench's own requests (capturing responses, signing in,
 * writes, exports, health probes): raw bytes (no decompression), timings, a hard timeout, 127.0.0.1 only.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One request. */
export interface RawRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  agent?: http.Agent;
  /** Keep the body (default true); false counts bytes only (large downloads). */
  keepBody?: boolean;
}

/** One response, with its timings in milliseconds from the start of the request. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Headers as sent, in order, names as the server wrote them. */
  rawHeaders: string[];
  body: Buffer;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
}

/** A keep-alive agent for sequential request loops. */
export const keepAlive = (): http.Agent => new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Sends a request and resolves with the whole response; rejects on a network error or the timeout. */
export function request({ method = 'GET', url, headers = {}, body, timeoutMs = 30_000, agent, keepBody = true }: RawRequest): Promise<RawResponse> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`the bench talks to 127.0.0.1 only, not ${target.hostname}`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstByteMs = 0;
    const req = http.request(target, { method, headers, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - t0;
        bytes += chunk.length;
        if (keepBody) chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks), bytes, firstByteMs: firstByteMs || performance.now() - t0, totalMs: performance.now() - t0,
        });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (error) => { clearTimeout(timer); reject(error); });
    req.end(body);
  });
}

/** The value of `percentile` (0–1) in an ascending list (0 when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

/** The median of a list (0 when empty). */
export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
