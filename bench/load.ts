/**
 * Load generation with autocannon: one timed run against a server, and interleaved pairs of runs
 * (real, bare, real, bare…) whose sums and medians are compared. Every request says
 * `Accept-Encoding: br, gzip`, like a browser.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
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

/**
 * Paths made per request (pathGenerator): the public product ids walked with a stride, or a new
 * tally date each time. Described as data, so that a load of them can run in a process of its own;
 * `next` is where the walk goes on (a run moves it on, so the next run's dates are new again).
 */
export type GeneratedPaths = ({ products: number[] } | { asOf: true }) & { next?: number };

/** The generator a description of paths stands for (called once per request), and how far it has walked. */
export function pathGenerator(paths: GeneratedPaths): { next: () => string; walked: () => number } {
  let k = paths.next ?? 0;
  const walked = () => k;
  if ('products' in paths) {
    const ids = paths.products;
    return { next: () => `/api/products/${ids[(k++ * 7919) % ids.length]}`, walked };
  }
  const start = Date.UTC(1990, 0, 1);
  return { next: () => `/api/tally?asOf=${new Date(start + (k++ % 36_500) * 86_400_000).toISOString().slice(0, 10)}`, walked };
}

/** What to request: a fixed path (cycled per connection) or paths made per request. */
export type PathSource = string | GeneratedPaths;

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
 *
 * A load of generated paths cannot use autocannon's worker threads (a generator cannot cross into one),
 * so it runs in a child process of its own (load-child.ts): run in the bench process, whose heap holds
 * what the earlier sections kept, its one thread had driven 3,000–4,000 req/s at 1.2 cores in some full
 * runs, against 15,000 at 1.0 in others and in runs of one section.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadRun> {
  const generated = spec.paths.some((p) => typeof p !== 'string');
  if (generated && (spec.workers ?? 1) > 1) throw new Error('generated paths need workers = 1');
  return generated ? runLoadInChild(spec) : runLoadHere(spec);
}

/** runLoad in a child process: the spec as JSON on its stdin, the run as JSON on its stdout. */
async function runLoadInChild(spec: LoadSpec): Promise<LoadRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./load-child.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
  child.stdin.end(JSON.stringify(spec));
  const [code] = await once(child, 'exit') as [number | null];
  if (code !== 0) throw new Error(`the load's child process exited with ${code}`);
  const { run, paths } = JSON.parse(out) as { run: LoadRun; paths: PathSource[] };
  // The walks went on in the child: go on from there next time.
  spec.paths.forEach((p, i) => { if (typeof p !== 'string') p.next = (paths[i] as GeneratedPaths).next; });
  return run;
}

/** Runs autocannon in this process (load-child.ts calls it for loads of generated paths); moves each walk's `next` on. */
export async function runLoadHere({ target, paths, connections, seconds, workers = 1 }: LoadSpec): Promise<LoadRun> {
  const walks: (() => void)[] = [];
  const requests = paths.map((p) => {
    if (typeof p === 'string') return { method: 'GET' as const, path: p };
    const walk = pathGenerator(p);
    walks.push(() => { p.next = walk.walked(); });
    return { method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: walk.next() }) };
  });
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
  for (const done of walks) done();
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
