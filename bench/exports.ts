/**
 * The export measurement: downloads /api/export/products.csv and .xlsx of the whole public registry
 * and records the time to the first body byte, the whole time, the bytes, the server's RSS (VmRSS,
 * polled every 20 ms from /proc) before, at its peak and after, and the latency of /api/health
 * requested meanwhile by a loop of sequential requests.
 */
import { keepAlive, median, percentile, request, sleep } from './http';
import { rssOf } from './processes';

/** One download. */
export interface ExportRun {
  firstByteMs: number;
  wholeMs: number;
  bytes: number;
  status: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  healthCount: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
}

/** Several downloads of one export: medians of the times, the worst RSS growth and health p99. */
export interface ExportResult {
  path: string;
  runs: ExportRun[];
  firstByteMs: number;
  wholeMs: number;
  bytes: number;
  rssGrowthMb: number;
  healthP99: number;
}

/** Polls a process's VmRSS every `everyMs` until stopped; returns the highest value seen. */
function pollRss(pid: number, everyMs = 20): { stop: () => number } {
  let peak = rssOf(pid)?.rssMb ?? 0;
  const timer = setInterval(() => { peak = Math.max(peak, rssOf(pid)?.rssMb ?? 0); }, everyMs);
  return { stop: () => { clearInterval(timer); return Math.max(peak, rssOf(pid)?.rssMb ?? 0); } };
}

/** Sequential GET /api/health until stopped (at most `maxRequests`), recording each latency. */
function healthLoop(base: string, maxRequests = 100_000): { stop: () => Promise<number[]> } {
  const agent = keepAlive();
  const latencies: number[] = [];
  let stopped = false;
  let failure: Error | null = null;
  const running = (async () => {
    while (!stopped && latencies.length < maxRequests) {
      const res = await request({ url: `${base}/api/health`, agent, timeoutMs: 10_000 });
      if (res.status !== 200) throw new Error(`/api/health: HTTP ${res.status}`);
      latencies.push(res.totalMs);
    }
  })().catch((error: Error) => { failure = error; });
  return {
    stop: async () => {
      stopped = true;
      await running;
      agent.destroy();
      if (failure) throw failure;
      return latencies.sort((a, b) => a - b);
    },
  };
}

/** Downloads `path` `runs` times from the server with process id `pid` (each bounded by 60 s). */
export async function measureExport(base: string, pid: number, path: string, runs: number): Promise<ExportResult> {
  const results: ExportRun[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(500);
    const rssBeforeMb = rssOf(pid)?.rssMb ?? 0;
    const rss = pollRss(pid);
    const health = healthLoop(base);
    let latencies: number[] = [];
    let rssPeakMb = 0;
    let res;
    try {
      res = await request({ url: base + path, headers: { 'accept-encoding': 'br, gzip' }, keepBody: false, timeoutMs: 60_000 });
    } finally {
      latencies = await health.stop();
      rssPeakMb = rss.stop();
    }
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
    await sleep(1000);
    results.push({
      firstByteMs: res.firstByteMs, wholeMs: res.totalMs, bytes: res.bytes, status: res.status,
      rssBeforeMb, rssPeakMb, rssAfterMb: rssOf(pid)?.rssMb ?? 0,
      healthCount: latencies.length, healthP50: percentile(latencies, 0.5), healthP99: percentile(latencies, 0.99),
      healthMax: latencies.at(-1) ?? 0,
    });
  }
  return {
    path, runs: results,
    firstByteMs: median(results.map((r) => r.firstByteMs)),
    wholeMs: median(results.map((r) => r.wholeMs)),
    bytes: results[0]?.bytes ?? 0,
    rssGrowthMb: Math.max(...results.map((r) => r.rssPeakMb - r.rssBeforeMb)),
    healthP99: Math.max(...results.map((r) => r.healthP99)),
  };
}
