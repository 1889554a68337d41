/**
 * `npm run bench`: the tally's cost cold (computed) against warm (cached), on a temporary database of
 * the seeds plus 2,000 synthetic products and 5,000 designations with histories. Everything runs in
 * this process against 127.0.0.1, bounded in requests and in time; only ratios are meant to be quoted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../db/open';
import { addDays } from '../server/domain/tally-replay';
import { createApp } from '../server/app';
import { readConfig } from '../server/config';
import { loadSeeds } from '../seeds/loader';
import { generate } from './generate';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);
const DESIGNATIONS = Number(process.env.BENCH_DESIGNATIONS ?? 5000);
const COLD_N = 40;
const WARM_N = 400;
const CONCURRENCY = 8;
const DEADLINE = performance.now() + 90_000;

interface Result { label: string; n: number; ms: number; rps: number; p50: number; p95: number }

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** Fetches `paths` with `concurrency` requests in flight (1 = sequential); `before` runs untimed before each. */
async function measure(label: string, base: string, paths: string[], concurrency = 1, before?: () => void): Promise<Result> {
  const times: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < paths.length && performance.now() < DEADLINE) {
      const path = paths[next++];
      before?.();
      const t0 = performance.now();
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - start;
  const sorted = times.sort((a, b) => a - b);
  return { label, n: times.length, ms, rps: (times.length / ms) * 1000, p50: pct(sorted, 0.5), p95: pct(sorted, 0.95) };
}

const distinctDates = (n: number, from: string) => Array.from({ length: n }, (_, i) => addDays(from, i * 7));
const fmt = (x: number, digits = 2) => x.toFixed(digits).padStart(9);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gi-bench-'));
  const db = openDb(join(dir, 'bench.sqlite'));
  const server = createApp(db, readConfig({ DATABASE_PATH: join(dir, 'bench.sqlite'), PORT: '0' })).listen(0, '127.0.0.1');
  try {
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    loadSeeds(db);
    const t0 = performance.now();
    const made = generate(db, { products: PRODUCTS, designations: DESIGNATIONS });
    console.log(`Data: seeds + ${made.products} products, ${made.designations} designations, ${made.transitions} transitions (generated in ${(performance.now() - t0).toFixed(0)} ms)`);

    await measure('warm-up', base, ['/api/tally?asOf=2010-01-01', '/api/tally/series?period=1']);
    const tally = (asOf: string) => `/api/tally?period=1&asOf=${asOf}`;
    // Cold: every request asks for an as-of date not asked before, so each one is computed.
    const results: Result[] = [
      await measure('tally cold, sequential (new asOf each)', base, distinctDates(COLD_N, '2021-01-03').map(tally)),
      await measure('tally warm, sequential (same asOf)', base, Array(WARM_N).fill(tally('2021-01-02'))),
    ];
    let k = 0;
    const write = () => db.$client.prepare('UPDATE designations SET notes = ? WHERE id = 1').run(`bench ${k++}`);
    results.push(await measure('tally after a write, sequential (same asOf)', base, Array(COLD_N).fill(tally('2021-01-02')), 1, write));
    results.push(await measure(`tally cold, ${CONCURRENCY} concurrent`, base, distinctDates(COLD_N, '2023-01-01').map(tally), CONCURRENCY));
    results.push(await measure(`tally warm, ${CONCURRENCY} concurrent`, base, Array(WARM_N).fill(tally('2021-01-02')), CONCURRENCY));
    write();
    results.push(await measure('series (month) after a write', base, ['/api/tally/series?period=1&step=month'], 1, write));
    results.push(await measure('series (month) warm', base, Array(WARM_N / 4).fill('/api/tally/series?period=1&step=month')));

    console.log(`\n${'measurement'.padEnd(46)}${'n'.padStart(5)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}`);
    for (const r of results) console.log(`${r.label.padEnd(46)}${String(r.n).padStart(5)}${fmt(r.rps, 0)}${fmt(r.p50)}${fmt(r.p95)}`);
    const [cold, warm, afterWrite, coldC, warmC, seriesCold, seriesWarm] = results;
    console.log('\nRatios (same run, same machine):');
    console.log(`  warm vs cold, sequential p50 latency: ${(cold.p50 / warm.p50).toFixed(1)}× faster`);
    console.log(`  warm vs cold, sequential throughput:  ${(warm.rps / cold.rps).toFixed(1)}× more requests/s`);
    console.log(`  warm vs cold, ${CONCURRENCY} concurrent throughput: ${(warmC.rps / coldC.rps).toFixed(1)}× more requests/s`);
    console.log(`  after a write vs cold p50 (should be ≈1: a write empties the cache): ${(afterWrite.p50 / cold.p50).toFixed(2)}`);
    console.log(`  series warm vs after a write p50: ${(seriesCold.p50 / seriesWarm.p50).toFixed(1)}× faster`);
  } finally {
    server.closeAllConnections();
    server.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
