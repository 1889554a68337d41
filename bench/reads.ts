/**
 * The public reads the issue measures, the capture of the real server's answers that the bare server
 * replays (same status, headers and bytes, compressed as the real server sent them), and the check
 * that autocannon is not the bottleneck for large bodies.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from './bare-server';
import { TARGETS } from './config';
import { request } from './http';
import { READ_HEADERS, runLoad, settle, summarize, type GeneratedPaths, type LoadSummary, type PathSource, type Target } from './load';

/** One measured read. */
export interface ReadSpec {
  key: string;
  label: string;
  /** What autocannon requests (a generator when every request differs). */
  paths: PathSource[];
  /** The request captured for the bare server, and which requests the bare server answers with it. */
  capture: string;
  match: { path: string } | { prefix: string };
  /** The smallest ratio real ÷ bare req/s the issue asks for. */
  minRatio: number;
}

/** Varying inputs of the reads: product ids the public may see; every call of `asOf` gives a new date. */
export interface ReadInputs { publicIds: number[] }

const pct = (cores: number) => `${(cores * 100).toFixed(0)} %`;

/** Product paths that walk the ids with a stride, so consecutive requests differ. */
export function productPaths(ids: number[]): GeneratedPaths {
  return { products: ids };
}

/** Tally paths with a new as-of date on every request (one day later each time, from 1990). */
export function asOfPaths(): GeneratedPaths {
  return { asOf: true };
}

/** The reads of the issue, in table order. */
export function readSpecs({ publicIds }: ReadInputs): ReadSpec[] {
  const fixed = (key: string, label: string, path: string, minRatio: number): ReadSpec =>
    ({ key, label, paths: [path], capture: path, match: { path }, minRatio });
  return [
    fixed('list', 'products ?limit=50', '/api/products?limit=50', TARGETS.listRatio),
    fixed('filter', 'products ?county&type', '/api/products?county=140521&type=agricultural_product', TARGETS.listRatio),
    {
      key: 'product', label: 'product /:id (varying)', paths: [productPaths(publicIds)],
      capture: `/api/products/${publicIds[Math.floor(publicIds.length / 2)]}`, match: { prefix: '/api/products/' },
      minRatio: TARGETS.listRatio,
    },
    fixed('tally', 'tally (default, cached)', '/api/tally', TARGETS.aggregateRatio),
    {
      key: 'tallyAsOf', label: 'tally ?asOf=new each', paths: [asOfPaths()],
      capture: '/api/tally?asOf=2024-06-30', match: { prefix: '/api/tally?asOf=' }, minRatio: TARGETS.aggregateRatio,
    },
    fixed('series', 'tally/series', '/api/tally/series', TARGETS.aggregateRatio),
    fixed('productsGeo', 'products.geojson', '/api/products.geojson', TARGETS.aggregateRatio),
    fixed('countiesGeo', 'counties.geojson', '/api/counties.geojson', TARGETS.aggregateRatio),
  ];
}

/** What the real server answered to a captured request (for the report). */
export interface Captured { key: string; path: string; status: number; bytes: number; contentType: string; contentEncoding: string; etag: string }

/** Headers that belong to one connection or one moment, not to the answer; the bare server sets its own. */
const PER_CONNECTION = new Set(['connection', 'keep-alive', 'date', 'transfer-encoding', 'content-length']);

/**
 * Requests each spec's `capture` path once from the real server (with the browser's Accept-Encoding),
 * writes the bodies and FIXTURES.json into `dir`, and returns the fixtures file and what was captured.
 */
export async function captureFixtures(real: string, specs: ReadSpec[], dir: string): Promise<{ file: string; captured: Captured[] }> {
  const fixtures: Fixture[] = [];
  const captured: Captured[] = [];
  for (const spec of specs) {
    const res = await request({ url: real + spec.capture, headers: { ...READ_HEADERS } });
    if (res.status !== 200) throw new Error(`GET ${spec.capture}: HTTP ${res.status} ${res.body.subarray(0, 300).toString()}`);
    const bodyFile = join(dir, `fixture-${spec.key}.bin`);
    writeFileSync(bodyFile, res.body);
    const headers: [string, string][] = [];
    for (let i = 0; i < res.rawHeaders.length; i += 2) {
      if (!PER_CONNECTION.has(res.rawHeaders[i].toLowerCase())) headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
    }
    fixtures.push({ ...spec.match, status: res.status, headers, bodyFile });
    captured.push({
      key: spec.key, path: spec.capture, status: res.status, bytes: res.bytes,
      contentType: String(res.headers['content-type'] ?? ''), contentEncoding: String(res.headers['content-encoding'] ?? 'identity'),
      etag: String(res.headers.etag ?? ''),
    });
  }
  const file = join(dir, 'fixtures.json');
  writeFileSync(file, JSON.stringify(fixtures));
  return { file, captured };
}

/** Checks that the bare server answers every capture with the same bytes and headers as the real server. */
export async function verifyBare(bare: string, specs: ReadSpec[], captured: Captured[]): Promise<void> {
  for (const spec of specs) {
    const want = captured.find((c) => c.key === spec.key)!;
    const res = await request({ url: bare + spec.capture, headers: { ...READ_HEADERS } });
    const same = res.status === want.status && res.bytes === want.bytes
      && String(res.headers['content-type'] ?? '') === want.contentType
      && String(res.headers['content-encoding'] ?? 'identity') === want.contentEncoding
      && String(res.headers.etag ?? '') === want.etag;
    if (!same) throw new Error(`bare server: ${spec.capture} differs from the real server's answer`);
  }
}

/** The load generator check: the bare server's req/s on the largest body with 1 and with 2 autocannon workers. */
export interface GeneratorCheck { path: string; bytes: number; oneWorker: LoadSummary; twoWorkers: LoadSummary; workers: 1 | 2; note: string }

/**
 * Measures the bare server on `path` with 1 then 2 autocannon workers, with the CPU each side used.
 * Fixed-path reads use 2 workers when that gives 10 % more req/s (one thread was the bottleneck), else 1
 * (two workers only compete with the server for the cores). The note says which side was saturated.
 */
export async function checkGenerator(bare: Target, path: string, bytes: number, connections: number, seconds: number): Promise<GeneratorCheck> {
  const one = summarize([await runLoad({ target: bare, paths: [path], connections, seconds, workers: 1 })]);
  await settle(bare);
  const two = summarize([await runLoad({ target: bare, paths: [path], connections, seconds, workers: 2 })]);
  await settle(bare);
  const workers = two.rps > one.rps * 1.1 ? 2 : 1;
  const used = workers === 2 ? two : one;
  const cpu = `with ${workers}: bare server ${pct(used.serverCores)} of a core, autocannon ${pct(used.generatorCores)}, other processes ${pct(used.otherCores)}`;
  const verdict = used.generatorCores >= 0.8 * workers && used.serverCores < 0.8
    ? 'autocannon is busier than the bare server, so for large bodies the bare req/s is a floor of the limit and those ratios flatter the real server'
    : 'autocannon is not saturated';
  const note = `2 workers gave ${(two.rps / one.rps).toFixed(2)}× the req/s of 1, so ${workers === 2 ? 'fixed-path reads use 2 workers' : 'all reads use 1 worker'}; ${cpu}: ${verdict}`;
  return { path, bytes, oneWorker: one, twoWorkers: two, workers, note };
}
