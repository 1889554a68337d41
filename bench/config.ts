/**
 * The bench's settings, read once from the environment, and the performance targets.
 *
 *   BENCH_SCALE=national|small   data size (national: 10,000 generated products + the seeds; small: 500)
 *   BENCH_PRODUCTS, BENCH_DESIGNATIONS   override the generated counts
 *   BENCH_SECONDS      seconds per measured run (default 3; small: 1)
 *   BENCH_ROUNDS       interleaved real/bare pairs per read (default 3; small: 1)
 *   BENCH_WARMUP       seconds of unmeasured warm-up per read and server (default 1; small: 0.5)
 *   BENCH_CONNECTIONS  concurrent connections of the load generator (default 50)
 *   BENCH_EXPORT_RUNS  downloads of each export (default 3; small: 1)
 *   BENCH_ONLY         comma list of sections to run: reads,writes,exports,browser (default all)
 *   BENCH_PROFILE      a folder: the real server writes a CPU profile of each thread there (node --cpu-prof)
 *   BENCH_RESULTS      where to write the results (default bench/results.json for a full national run,
 *                      the temp folder otherwise); the README is updated only by a full national run
 */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder above bench/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The sections of a run. */
export const SECTIONS = ['reads', 'writes', 'exports', 'browser'] as const;
export type Section = (typeof SECTIONS)[number];

/** Settings of one run. */
export interface BenchConfig {
  scale: 'national' | 'small';
  products: number;
  designations: number;
  seconds: number;
  rounds: number;
  warmup: number;
  connections: number;
  exportRuns: number;
  sections: Set<Section>;
  /** A full national run: all sections at national scale (it may update the README). */
  full: boolean;
  resultsPath: string;
  /** Upper bound on the whole run; every wait and loop also has its own bound. */
  deadlineMs: number;
}

const num = (env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, not ${raw}`);
  return value;
};

/** Reads the settings from `env`. */
export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const scale = (env.BENCH_SCALE ?? 'national') === 'small' ? 'small' : 'national';
  if (env.BENCH_SCALE && !['small', 'national'].includes(env.BENCH_SCALE)) throw new Error('BENCH_SCALE must be small or national');
  const small = scale === 'small';
  const products = Math.floor(num(env, 'BENCH_PRODUCTS', small ? 500 : 10_000, 1));
  const designations = Math.floor(num(env, 'BENCH_DESIGNATIONS', Math.round(products * 2.5), 1));
  const only = (env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`BENCH_ONLY: unknown section ${s} (${SECTIONS.join(', ')})`);
  const sections = new Set<Section>(only.length ? (only as Section[]) : SECTIONS);
  const seconds = num(env, 'BENCH_SECONDS', small ? 1 : 3, 0.5);
  const rounds = Math.floor(num(env, 'BENCH_ROUNDS', small ? 1 : 3, 1));
  const full = !small && products === 10_000 && designations === 25_000 && sections.size === SECTIONS.length && seconds >= 2 && rounds >= 3;
  return {
    scale, products, designations, seconds, rounds,
    warmup: num(env, 'BENCH_WARMUP', small ? 0.5 : 1),
    connections: Math.floor(num(env, 'BENCH_CONNECTIONS', 50, 1)),
    exportRuns: Math.floor(num(env, 'BENCH_EXPORT_RUNS', small ? 1 : 3, 1)),
    sections, full,
    resultsPath: env.BENCH_RESULTS ?? (full ? join(ROOT, 'bench', 'results.json') : join(tmpdir(), 'gi-bench-results.json')),
    deadlineMs: 20 * 60_000,
  };
}

/** The targets. Ratios are real req/s ÷ bare req/s (the bare server returns the same bytes). */
export const TARGETS = {
  /** /api/products?… and /api/products/:id. */
  listRatio: 0.5,
  /** Tally (cached and recomputed), series, both GeoJSONs. */
  aggregateRatio: 0.7,
  readP99Ms: 20,
  serverRssMb: 200,
  exportFirstByteMs: 200,
  exportWholeMs: 2000,
  exportRssGrowthMb: 50,
  healthP99Ms: 50,
  firstLoadGzipKb: 150,
  markersRatio: 1.5,
  startupMs: 1000,
} as const;
