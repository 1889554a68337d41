/**
 * Load generation with autocannon: one timed run against a server, and interleaved pairs of runs
 * (real, bare, real, bare…) whose sums and medians are compared. Every request says
 * `Accept-Encoding: br, gzip`, like a browser.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median } from './http';
import { cpuSecondsOf, machineBusySeconds, waitIdle } from './processes';

// autocannon would decode every response body into a string it never needs: see autocannon-no-body.cjs.
// Applied here in the bench process, and in autocannon's worker threads through its setupClient file.
const NO_BODY = fileURLToPath(new URL('./autocannon-no-body.cjs', import.meta.url));
createRequire(import.meta.url)(NO_BODY);

/** The headers every measured read sends. */
export const READ_HEADERS = { 'accept-encoding': 'br, gzip' } as const;

/** What to request: fixed paths (cycled per connection) or generators (called for every request). */
export type PathSource = string | (() => string);

/** A server under load: its address and process id (for its CPU time). */
export interface Target { base: string; pid: number }

/** One load run. */
export interface LoadSpec {
  target: Target;
  paths: PathSource[];
  connections: number;
  seconds: number;
  /** autocannon worker threads (only for fixed paths: generators cannot cross into workers). */
  workers?: number;
}

/** The outcome of one run; latencies in milliseconds. */
export interface LoadRun {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  bytes: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /**
   * Fewer answers than connections: some requests never finished within the run, so the latencies are
   * only a lower bound (raised to the run's duration).
   */
  incomplete: boolean;
  /** CPU the server used during the run, in cores (1 = one core busy all the time). */
  serverCores: number;
  /** CPU the bench process (autocannon and its workers) used during the run, in cores. */
  generatorCores: number;
  /** CPU the whole machine used during the run, in cores (minus server and generator: other processes, the kernel). */
  machineCores: number;
}

/**
 * Runs autocannon once (bounded by `seconds` plus a 10 s request timeout). Call `settle` before the
 * next run: the server may still be answering requests sent before autocannon stopped.
 */
export async function runLoad({ target, paths, connections, seconds, workers = 1 }: LoadSpec): Promise<LoadRun> {
  const dynamic = paths.some((p) => typeof p === 'function');
  if (dynamic && workers > 1) throw new Error('generated paths need workers = 1');
  const requests = paths.map((p) => typeof p === 'string'
    ? { method: 'GET' as const, path: p }
    : { method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: p() }) });
  const cpu0 = cpuSecondsOf(target.pid) ?? 0;
  const own0 = process.cpuUsage();
  const machine0 = machineBusySeconds();
  const t0 = performance.now();
  const result = await autocannon({
    url: target.base,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { ...READ_HEADERS },
    requests,
    // In workers setupClient is a file path (the types only know the function form).
    ...(workers > 1 ? { workers, setupClient: NO_BODY as unknown as autocannon.Options['setupClient'] } : {}),
  });
  const wall = (performance.now() - t0) / 1000;
  const serverCores = ((cpuSecondsOf(target.pid) ?? cpu0) - cpu0) / wall;
  const own = process.cpuUsage(own0);
  const machineCores = (machineBusySeconds() - machine0) / wall;
  const total = result.requests.total;
  const incomplete = total < connections;
  const floor = (latency: number) => (incomplete ? Math.max(latency, result.duration * 1000) : latency);
  return {
    requests: total,
    seconds: result.duration,
    rps: total / result.duration,
    p50: floor(result.latency.p50),
    p99: floor(result.latency.p99),
    max: floor(result.latency.max),
    incomplete,
    bytes: result.throughput.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverCores,
    generatorCores: (own.user + own.system) / 1e6 / wall,
    machineCores,
  };
}

/** Waits until a server has finished the requests of the last run (bounded), so they do not run into the next one. */
export const settle = (target: Target): Promise<void> => waitIdle(target.pid);

/** Several runs against one server: req/s over all of them, median p50/p99, worst max, summed failures. */
export interface LoadSummary {
  rps: number;
  p50: number;
  p99: number;
  /** The worst p99 of the rounds. */
  p99Worst: number;
  max: number;
  requests: number;
  failures: number;
  bytesPerResponse: number;
  /** Some round's latencies are only a lower bound (see LoadRun.incomplete). */
  incomplete: boolean;
  /** Mean CPU of the server and of the load generator over the rounds, in cores. */
  serverCores: number;
  generatorCores: number;
  /** Mean CPU of the machine beyond server and generator (other processes, the kernel), in cores. */
  otherCores: number;
  rounds: LoadRun[];
}

/** Sums and medians of runs. */
export function summarize(rounds: LoadRun[]): LoadSummary {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const bytes = rounds.reduce((n, r) => n + r.bytes, 0);
  return {
    rps: seconds > 0 ? requests / seconds : 0,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    p99Worst: Math.max(0, ...rounds.map((r) => r.p99)),
    max: Math.max(0, ...rounds.map((r) => r.max)),
    requests,
    failures: rounds.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
    bytesPerResponse: requests > 0 ? bytes / requests : 0,
    incomplete: rounds.some((r) => r.incomplete),
    serverCores: rounds.reduce((n, r) => n + r.serverCores, 0) / Math.max(1, rounds.length),
    generatorCores: rounds.reduce((n, r) => n + r.generatorCores, 0) / Math.max(1, rounds.length),
    otherCores: rounds.reduce((n, r) => n + Math.max(0, r.machineCores - r.serverCores - r.generatorCores), 0) / Math.max(1, rounds.length),
    rounds,
  };
}

/** A pair of summaries and the ratio of their throughputs (real ÷ bare). */
export interface PairResult { real: LoadSummary; bare: LoadSummary; ratio: number }

/** Hooks around the real server's runs (e.g. the write mix runs only while the real server is measured). */
export interface PairHooks { beforeReal?: () => void; afterReal?: () => Promise<void> | void }

/**
 * Interleaved pairs: an unmeasured warm-up of each server, then `rounds` × (real run, bare run) with
 * the same paths, connections and duration.
 */
export async function runPairs(
  real: Target, bare: Target, spec: Omit<LoadSpec, 'target'>, rounds: number, warmupSeconds: number, hooks: PairHooks = {},
): Promise<PairResult> {
  if (warmupSeconds > 0) {
    await runLoad({ ...spec, target: real, seconds: warmupSeconds });
    await settle(real);
    await runLoad({ ...spec, target: bare, seconds: warmupSeconds });
    await settle(bare);
  }
  const realRuns: LoadRun[] = [];
  const bareRuns: LoadRun[] = [];
  for (let i = 0; i < rounds; i++) {
    hooks.beforeReal?.();
    try {
      realRuns.push(await runLoad({ ...spec, target: real }));
    } finally {
      await hooks.afterReal?.();
    }
    await settle(real);
    bareRuns.push(await runLoad({ ...spec, target: bare }));
    await settle(bare);
  }
  const r = summarize(realRuns);
  const b = summarize(bareRuns);
  return { real: r, bare: b, ratio: b.rps > 0 ? r.rps / b.rps : 0 };
}
