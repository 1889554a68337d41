/**
 * `npm run bench`: the proof of the performance targets. It builds the national-scale database in a
 * temp folder (seeds + 10,000 generated products with locations, participants, designations and
 * histories), starts the real server as a child process (compiled when `npm run build:server` exists),
 * and measures every public read against a bare node:http server (its own child process) returning the
 * bytes the real server returned, as interleaved pairs with autocannon at 50 connections; then reads
 * while a signed-in official writes, the CSV and XLSX exports (first byte, whole, server RSS, health
 * latency meanwhile), start-up, server RSS, and the Chromium rows of bench/browser.ts. It prints two
 * tables, writes bench/results.json and (after a full national run) the README's Performance section.
 * Only 127.0.0.1 traffic; every loop is bounded in count and time; children and the temp folder are
 * cleaned up even on failure. Settings: see bench/config.ts (BENCH_SCALE=small for a quick run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { attempt, loadBrowserModule, type FirstLoad, type MarkerTimes, type Measured } from './browser-rows';
import { ROOT, TARGETS, readBenchConfig, type BenchConfig } from './config';
import { buildDatabase, createBenchAccount, type DatasetInfo } from './dataset';
import { BARE_READY } from './bare-server';
import { measureExport, type ExportResult } from './exports';
import { median } from './http';
import { runPairs, type PairResult } from './load';
import {
  killAllSync, prepareServerCommand, rssOf, startChild, startServer, stopAll, stopChild, type ServerCommand, type Started,
} from './processes';
import { asOfPaths, captureFixtures, checkGenerator, productPaths, readSpecs, verifyBare, type Captured, type GeneratorCheck } from './reads';
import { pairTable, updateReadmePerformance, valueTable, writeResults, type PairRow, type ValueRow } from './report';
import { WriteLoop, importProducts, signIn, type ImportResult, type WriteMixResult } from './writes';
import { WORKER_IDLE_MS } from '../server/workers/task-pool';

/** Rows of the import the import mix reads during. */
const IMPORT_ROWS = 1000;

const config = readBenchConfig();
const log = (line: string) => console.log(line);
const mb = (x: number) => `${x.toFixed(0)} MB`;
const msText = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
/** A first load's bytes by path, largest first (each path's requests when more than one). */
const pathsText = (load: FirstLoad) => Object.entries(load.byPath ?? {}).sort(([, a], [, b]) => b.bytes - a.bytes)
  .map(([path, p]) => `${path} ${p.bytes} B${p.requests > 1 ? ` (${p.requests})` : ''}`).join(', ');

/** Everything a run measured (written to results.json). */
interface Results {
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  server: string;
  data?: DatasetInfo;
  startup?: { runsMs: number[]; medianMs: number };
  captured?: Captured[];
  loadGenerator?: GeneratorCheck;
  reads: { key: string; label: string; workers: number; minRatio: number; pair: PairResult }[];
  /** The write mix's reads with no write (what the mix costs before the writes add theirs). */
  quietMix?: { reads: PairResult };
  writeMix?: { reads: PairResult; writes: WriteMixResult; paths: string[] };
  importMix?: { reads: PairResult; imports: ImportResult[] };
  exports: ExportResult[];
  serverRss?: { startMb: number; afterMb: number; peakMb: number; rightAfterMb: number };
  browser?: {
    firstLoad?: Measured<FirstLoad>;
    firstLoadSeedsOnly?: Measured<FirstLoad>;
    markers?: Measured<MarkerTimes>;
    skipped?: string;
  };
  pairRows: PairRow[];
  valueRows: ValueRow[];
  met: { met: number; missed: number; unmeasured: number };
  durationMs: number;
}

async function main(dir: string, results: Results, cfg: BenchConfig) {
  const [load1] = os.loadavg();
  if (load1 > 0.5) log(`Note: the machine is busy before the run (load average ${load1.toFixed(2)}); other processes take CPU from the measurements.`);
  const command: ServerCommand = prepareServerCommand(log);
  results.server = command.label;
  log(`Server: ${command.label}`);

  const dbFile = join(dir, 'registry.sqlite');
  const { info, publicIds } = buildDatabase(dbFile, cfg.products, cfg.designations);
  results.data = info;
  log(`Data (${cfg.scale}): ${info.products} products (${info.publicProducts} public), ${info.designations} designations, ` +
    `${info.transitions} transitions, ${info.participants} participants, ${info.locations} locations; built in ${msText(info.buildMs)}`);
  if (cfg.sections.has('writes')) createBenchAccount(dbFile);

  // Start-up: spawn → "listening", on the full database; the last start stays up for the measurements.
  const starts: number[] = [];
  let server: Started | null = null;
  for (let i = 0; i < cfg.rounds; i++) {
    if (server) await stopChild(server.child);
    server = await startServer(command, dbFile);
    starts.push(server.startMs);
  }
  server = server!;
  results.startup = { runsMs: starts, medianMs: median(starts) };
  const real = `http://127.0.0.1:${server.port}`;
  const startRss = rssOf(server.pid)!;
  log(`Start-up (spawn → listening): ${starts.map(msText).join(', ')}; server RSS ${mb(startRss.rssMb)}`);

  const specs = readSpecs({ publicIds });
  let bare: Started | null = null;
  if (cfg.sections.has('reads') || cfg.sections.has('writes')) {
    const { file, captured } = await captureFixtures(real, specs, dir);
    results.captured = captured;
    bare = await startChild(['--import', 'tsx', join(ROOT, 'bench', 'bare-server.ts'), file], process.env, BARE_READY);
    const bareUrl = `http://127.0.0.1:${bare.port}`;
    const realTarget = { base: real, pid: server.pid };
    const bareTarget = { base: bareUrl, pid: bare.pid };
    await verifyBare(bareUrl, specs, captured);
    log('Captured (Accept-Encoding: br, gzip); the bare server returns these bytes and headers:');
    for (const c of captured) log(`  ${c.path}  ${c.bytes.toLocaleString('en-US')} B  ${c.contentType}  encoding ${c.contentEncoding}  etag ${c.etag || '—'}`);

    const geo = captured.find((c) => c.key === 'productsGeo')!;
    const check = await checkGenerator(bareTarget, geo.path, geo.bytes, cfg.connections, cfg.seconds);
    results.loadGenerator = check;
    log(`Load generator check (autocannon, ${cfg.connections} connections, bare server, ${geo.path}): 1 worker ` +
      `${check.oneWorker.rps.toFixed(0)} req/s, 2 workers ${check.twoWorkers.rps.toFixed(0)} req/s → ${check.note}`);

    if (cfg.sections.has('reads')) {
      log(`\nReads: ${cfg.rounds} × (real ${cfg.seconds} s, bare ${cfg.seconds} s) after ${cfg.warmup} s warm-up each, ${cfg.connections} connections`);
      for (const spec of specs) {
        const workers = spec.paths.every((p) => typeof p === 'string') ? check.workers : 1;
        const pair = await runPairs(realTarget, bareTarget, { paths: spec.paths, connections: cfg.connections, seconds: cfg.seconds, workers }, cfg.rounds, cfg.warmup);
        results.reads.push({ key: spec.key, label: spec.label, workers, minRatio: spec.minRatio, pair });
        log(`  ${spec.label.padEnd(26)} real ${pair.real.rps.toFixed(0).padStart(6)} req/s p99 ${pair.real.p99.toFixed(1)} ms ` +
          `(${(pair.real.serverCores * 100).toFixed(0)} % CPU) · bare ${pair.bare.rps.toFixed(0).padStart(6)} req/s ` +
          `(${(pair.bare.serverCores * 100).toFixed(0)} % CPU) · ratio ${pair.ratio.toFixed(2)}` +
          (Math.max(pair.real.otherCores, pair.bare.otherCores) > 0.3 ? ` · other processes used ${Math.max(pair.real.otherCores, pair.bare.otherCores).toFixed(1)} cores` : '') +
          (pair.real.failures + pair.bare.failures ? ` · FAILURES real ${pair.real.failures} bare ${pair.bare.failures}` : ''));
      }
    }

    if (cfg.sections.has('writes')) {
      const session = await signIn(real);
      const loop = new WriteLoop(session, 4, 5000);
      // Each mix reads the same paths, its new tally dates from 1990 again, so the three cover the same dates.
      const mix = () => [
        '/api/products?limit=50', productPaths(publicIds), '/api/tally', productPaths(publicIds.slice().reverse()),
        '/api/tally/series', '/api/products.geojson', asOfPaths(),
      ];
      const mixLabels = ['/api/products?limit=50', '/api/products/:id', '/api/tally', '/api/products/:id', '/api/tally/series', '/api/products.geojson', '/api/tally?asOf=…'];
      // The same reads with no write: what the mix itself costs, apart from what the writes add.
      log(`\nRead mix without writes: ${mixLabels.join(', ')}`);
      const quiet = await runPairs(realTarget, bareTarget, { paths: mix(), connections: cfg.connections, seconds: cfg.seconds }, cfg.rounds, cfg.warmup);
      results.quietMix = { reads: quiet };
      log(`  reads real ${quiet.real.rps.toFixed(0)} req/s p99 ${quiet.real.p99.toFixed(1)} ms · bare ${quiet.bare.rps.toFixed(0)} req/s · ratio ${quiet.ratio.toFixed(2)}`);

      log(`\nWrite mix: reads (${mixLabels.join(', ')}) while an official writes ≤ 4/s (create product, PATCH it, start a designation, move it)`);
      const pair = await runPairs(realTarget, bareTarget, { paths: mix(), connections: cfg.connections, seconds: cfg.seconds }, cfg.rounds, cfg.warmup, {
        beforeReal: () => loop.start(),
        afterReal: () => loop.stop(),
      });
      const writes = loop.result();
      results.writeMix = { reads: pair, writes, paths: mixLabels };
      log(`  reads real ${pair.real.rps.toFixed(0)} req/s p99 ${pair.real.p99.toFixed(1)} ms · bare ${pair.bare.rps.toFixed(0)} req/s · ` +
        `writes ${writes.writes} (${writes.writesPerSecond.toFixed(1)}/s) p50 ${writes.all.p50.toFixed(1)} ms p99 ${writes.all.p99.toFixed(1)} ms, failed ${writes.all.failed}` +
        (writes.all.firstError ? ` (first: ${writes.all.firstError})` : ''));

      // The same reads while an official imports 1,000 rows (one import per measured run, awaited after it).
      log(`\nImport mix: the same reads while an official imports ${IMPORT_ROWS} products from a CSV file`);
      const imports: ImportResult[] = [];
      let importing: Promise<ImportResult> | null = null;
      const importPair = await runPairs(realTarget, bareTarget, { paths: mix(), connections: cfg.connections, seconds: cfg.seconds }, cfg.rounds, cfg.warmup, {
        beforeReal: () => { importing = importProducts(session, IMPORT_ROWS, `${Date.now()}`); },
        afterReal: async () => { if (importing) imports.push(await importing); importing = null; },
      });
      results.importMix = { reads: importPair, imports };
      log(`  reads real ${importPair.real.rps.toFixed(0)} req/s p99 ${importPair.real.p99.toFixed(1)} ms · bare ${importPair.bare.rps.toFixed(0)} req/s · ` +
        `imports ${imports.map((i) => `${i.status} in ${msText(i.ms)}`).join(', ')}` + (imports.find((i) => i.error)?.error ? ` (${imports.find((i) => i.error)!.error})` : ''));
    }
    await stopChild(bare.child);
  }

  if (cfg.sections.has('exports')) {
    log(`\nExports (${cfg.exportRuns} downloads each, Accept-Encoding: br, gzip):`);
    for (const path of ['/api/export/products.csv', '/api/export/products.xlsx']) {
      const r = await measureExport(real, server.pid, path, cfg.exportRuns);
      results.exports.push(r);
      log(`  ${path}: first byte ${msText(r.firstByteMs)}, whole ${msText(r.wholeMs)}, ${(r.bytes / 1e6).toFixed(2)} MB, ` +
        `RSS +${r.rssGrowthMb.toFixed(0)} MB, /api/health p99 ${r.healthP99.toFixed(1)} ms`);
    }
  }

  if (cfg.sections.has('browser')) {
    const browser = await loadBrowserModule();
    if (typeof browser === 'string') {
      results.browser = { skipped: browser };
      log(`\nBrowser: not measured: ${browser}`);
    } else {
      log('\nBrowser (Chromium via bench/browser.ts):');
      const firstLoad = await attempt(() => browser.measureFirstLoad(real));
      log(`  first load of / (national): ${firstLoad.ok ? `${firstLoad.value.bytes} B in ${firstLoad.value.requests} requests` : `not measured: ${firstLoad.reason}`}`);
      if (firstLoad.ok) log(`    by path: ${pathsText(firstLoad.value)}`);
      const markers = await attempt(() => browser.measureMarkers(real, 10_000));
      log(`  10,000 markers: ${markers.ok ? `app ${markers.value.appMs.toFixed(0)} ms, bare Leaflet ${markers.value.bareMs.toFixed(0)} ms` : `not measured: ${markers.reason}`}`);
      results.browser = { firstLoad, markers };
    }
  }

  const busy = rssOf(server.pid)!;
  // Idle task workers stop after WORKER_IDLE_MS and hand their memory back; measure once the server has settled.
  await new Promise((resolve) => setTimeout(resolve, WORKER_IDLE_MS + 2_000));
  const end = rssOf(server.pid)!;
  results.serverRss = { startMb: startRss.rssMb, afterMb: end.rssMb, peakMb: end.peakMb, rightAfterMb: busy.rssMb };
  log(`\nServer RSS after the run: ${mb(end.rssMb)} ${(WORKER_IDLE_MS + 2000) / 1000} s later (${mb(busy.rssMb)} right after; peak ${mb(end.peakMb)})`);
  await stopChild(server.child);

  // The first load on a database of the seeds alone (cheap: a second server for one page load).
  if (results.browser?.firstLoad?.ok) {
    const seedsFile = join(dir, 'seeds-only.sqlite');
    buildDatabase(seedsFile, 0, 0);
    const seeded = await startServer(command, seedsFile);
    const browser = await loadBrowserModule();
    if (typeof browser !== 'string') {
      results.browser.firstLoadSeedsOnly = await attempt(() => browser.measureFirstLoad(`http://127.0.0.1:${seeded.port}`));
      const seeds = results.browser.firstLoadSeedsOnly;
      log(`  first load of / (seeds only): ${seeds.ok ? `${seeds.value.bytes} B in ${seeds.value.requests} requests\n    by path: ${pathsText(seeds.value)}` : `not measured: ${seeds.reason}`}`);
    }
    await stopChild(seeded.child);
  }
}

/** The table rows and their verdicts, from the results. */
function verdicts(results: Results): void {
  const pairRows: PairRow[] = [];
  for (const r of results.reads) {
    const { real, bare } = r.pair;
    const failures = real.failures + bare.failures;
    pairRows.push({
      name: `${r.label}${r.workers > 1 ? ` (${r.workers} workers)` : ''}${failures ? ` [${failures} failed]` : ''}`,
      realRps: real.rps, bareRps: bare.rps, ratio: r.pair.ratio, p50: real.p50, p99: real.p99, lowerBound: real.incomplete,
      target: `≥ ${r.minRatio}, p99 < ${TARGETS.readP99Ms}`,
      met: failures === 0 && r.pair.ratio >= r.minRatio && real.p99 < TARGETS.readP99Ms,
    });
  }
  if (results.quietMix) {
    const { reads } = results.quietMix;
    const failures = reads.real.failures + reads.bare.failures;
    pairRows.push({
      name: `read mix, no writes${failures ? ` [${failures} failed]` : ''}`,
      realRps: reads.real.rps, bareRps: reads.bare.rps, ratio: reads.ratio, p50: reads.real.p50, p99: reads.real.p99,
      lowerBound: reads.real.incomplete, target: `≥ ${TARGETS.aggregateRatio}, p99 < ${TARGETS.readP99Ms}`,
      met: failures === 0 && reads.ratio >= TARGETS.aggregateRatio && reads.real.p99 < TARGETS.readP99Ms,
    });
  }
  if (results.writeMix) {
    const { reads, writes } = results.writeMix;
    const failures = reads.real.failures + reads.bare.failures;
    pairRows.push({
      name: `read mix during writes${failures ? ` [${failures} failed]` : ''}`,
      realRps: reads.real.rps, bareRps: reads.bare.rps, ratio: reads.ratio, p50: reads.real.p50, p99: reads.real.p99,
      lowerBound: reads.real.incomplete, target: `≥ ${TARGETS.aggregateRatio}, p99 < ${TARGETS.readP99Ms}`,
      met: failures === 0 && reads.ratio >= TARGETS.aggregateRatio && reads.real.p99 < TARGETS.readP99Ms,
    });
    pairRows.push({
      name: `writes (${writes.writes}, ${writes.writesPerSecond.toFixed(1)}/s)${writes.all.failed ? ` [${writes.all.failed} failed]` : ''}`,
      realRps: writes.writesPerSecond, bareRps: null, ratio: null, p50: writes.all.p50, p99: writes.all.p99,
      target: 'all succeed', met: writes.all.failed === 0 && writes.writes > 0,
    });
  }

  if (results.importMix) {
    const { reads, imports } = results.importMix;
    const failures = reads.real.failures + reads.bare.failures;
    const failedImports = imports.filter((i) => i.status !== 201).length;
    pairRows.push({
      name: `read mix during an import of ${IMPORT_ROWS} rows${failures ? ` [${failures} failed]` : ''}${failedImports ? ` [${failedImports} imports failed]` : ''}`,
      realRps: reads.real.rps, bareRps: reads.bare.rps, ratio: reads.ratio, p50: reads.real.p50, p99: reads.real.p99,
      lowerBound: reads.real.incomplete, target: `≥ ${TARGETS.aggregateRatio}, p99 < ${TARGETS.readP99Ms}`,
      met: failures === 0 && failedImports === 0 && imports.length > 0 && reads.ratio >= TARGETS.aggregateRatio && reads.real.p99 < TARGETS.readP99Ms,
    });
  }

  const rows: ValueRow[] = [];
  if (results.startup) {
    rows.push({ name: 'start-up (spawn → listening)', value: `${msText(results.startup.medianMs)} (median of ${results.startup.runsMs.length})`, target: '< 1 s', met: results.startup.medianMs < TARGETS.startupMs });
  }
  if (results.serverRss) {
    rows.push({ name: 'server RSS after the run (settled: workers stopped)', value: `${mb(results.serverRss.afterMb)} (right after ${mb(results.serverRss.rightAfterMb)}, peak ${mb(results.serverRss.peakMb)})`, target: `< ${TARGETS.serverRssMb} MB`, met: results.serverRss.afterMb < TARGETS.serverRssMb });
  }
  for (const e of results.exports) {
    const kind = e.path.endsWith('.csv') ? 'CSV' : 'XLSX';
    rows.push({ name: `${kind} export: first byte`, value: msText(e.firstByteMs), target: '< 200 ms', met: e.firstByteMs < TARGETS.exportFirstByteMs });
    rows.push({ name: `${kind} export: whole`, value: `${msText(e.wholeMs)} (${(e.bytes / 1e6).toFixed(2)} MB)`, target: '< 2 s', met: e.wholeMs < TARGETS.exportWholeMs });
    rows.push({ name: `${kind} export: server RSS growth`, value: `${e.rssGrowthMb.toFixed(0)} MB`, target: '< 50 MB', met: e.rssGrowthMb < TARGETS.exportRssGrowthMb });
    rows.push({ name: `${kind} export: /api/health p99 meanwhile`, value: `${e.healthP99.toFixed(1)} ms`, target: '< 50 ms', met: e.healthP99 < TARGETS.healthP99Ms });
  }
  const b = results.browser;
  if (b) {
    const reason = (m: Measured<unknown> | undefined) => (m && !m.ok ? `not measured: ${m.reason}` : `not measured: ${b.skipped ?? 'skipped'}`);
    const load = (m: Measured<FirstLoad> | undefined, name: string) => {
      if (m?.ok) rows.push({ name, value: `${(m.value.bytes / 1024).toFixed(1)} KB in ${m.value.requests} requests`, target: '< 150 KB', met: m.value.bytes / 1024 < TARGETS.firstLoadGzipKb });
      else rows.push({ name, value: reason(m), target: '< 150 KB', met: null });
    };
    load(b.firstLoad, 'first load of / (gzip, Chromium)');
    if (b.firstLoadSeedsOnly) load(b.firstLoadSeedsOnly, 'first load of / (gzip), seeds-only database');
    const m = b.markers;
    if (m?.ok) rows.push({ name: '10,000 markers vs bare Leaflet', value: `${m.value.ratio.toFixed(2)}× (app ${m.value.appMs.toFixed(0)} ms, bare ${m.value.bareMs.toFixed(0)} ms)`, target: '≤ 1.5×', met: m.value.ratio <= TARGETS.markersRatio });
    else rows.push({ name: '10,000 markers vs bare Leaflet', value: reason(m), target: '≤ 1.5×', met: null });
  }
  results.pairRows = pairRows;
  results.valueRows = rows;
  const all = [...pairRows, ...rows].map((r) => r.met);
  results.met = { met: all.filter((m) => m === true).length, missed: all.filter((m) => m === false).length, unmeasured: all.filter((m) => m === null).length };
}

/** The README's Performance section for these results. */
function readmeSection(results: Results): string {
  const d = results.data!;
  const m = results.machine;
  const lg = results.loadGenerator;
  return `
\`npm run bench\` is the proof of the performance targets. It builds the national-scale database in a temp
folder (the seeds plus generated data, deterministic: ${d.products.toLocaleString('en-US')} products, ${d.designations.toLocaleString('en-US')} designations,
${d.transitions.toLocaleString('en-US')} transitions, ${d.participants.toLocaleString('en-US')} participants, ${d.locations.toLocaleString('en-US')} locations), starts the real server as a child process, and measures each public read against a bare \`node:http\` server (its own child process)
that returns exactly the bytes and headers the real server returned for that request (captured once; for
\`/api/products/:id\` and \`/api/tally?asOf=\` one answer for every id or date). Runs are interleaved pairs
(real, bare, real, bare…) with autocannon at ${results.config.connections} connections, every request sending
\`Accept-Encoding: br, gzip\` like a browser; req/s are sums over the rounds, p50/p99 the real server's medians
(autocannon records whole milliseconds). Reads of fixed paths use autocannon's worker threads; a load whose
paths are made per request (product ids, new dates, the mixes) runs in a child process of its own
(\`bench/load-child.ts\`).
The ratio is real ÷ bare req/s. It then measures a mix of those reads (one request in seven a new tally date)
with no write, the same mix while a signed-in official writes (create a product, PATCH it, start and move a
designation, ≤ 4 writes/s) and while an official imports 1,000 rows, the CSV and XLSX exports of the national set (first
body byte, whole, server RSS polled every 20 ms, \`/api/health\` latency meanwhile), start-up (spawn →
listening), the server's RSS after the run, and in Chromium (\`bench/browser.ts\`) the first-load bytes of \`/\`
and 10,000 markers against bare Leaflet. Results go to \`bench/results.json\`; a full national run rewrites
this section. \`BENCH_SCALE=small\` (and \`BENCH_SECONDS\`, \`BENCH_ROUNDS\`, \`BENCH_ONLY=reads,writes,exports,browser\`)
make a quick run; see \`bench/config.ts\`.

Latest run: ${String(m.date).slice(0, 10)}, ${m.cpus} × ${m.cpuModel}, Node ${m.node}, server \`${results.server}\`,
${results.config.rounds} rounds × ${results.config.seconds} s, ${Math.round(results.durationMs / 1000)} s in all;
load average ${(m.loadAverageAtStart as number[])[0].toFixed(2)} at the start (other processes on the machine take CPU from both servers and the load generator).
${lg ? `Load generator: ${lg.note} (bare server on products.geojson: ${lg.oneWorker.rps.toFixed(0)} vs ${lg.twoWorkers.rps.toFixed(0)} req/s).` : ''}

${pairTable(results.pairRows)}

${valueTable(results.valueRows)}

${results.met.met} targets met, ${results.met.missed} missed, ${results.met.unmeasured} not measured.
`;
}

const dir = mkdtempSync(join(os.tmpdir(), 'gi-bench-'));
const t0 = performance.now();
const results: Results = {
  machine: {
    cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${os.platform()} ${os.release()}`, date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg(),
  },
  config: {
    scale: config.scale, products: config.products, designations: config.designations, seconds: config.seconds,
    rounds: config.rounds, warmup: config.warmup, connections: config.connections, exportRuns: config.exportRuns,
    sections: [...config.sections], acceptEncoding: 'br, gzip',
  },
  server: '', reads: [], exports: [], pairRows: [], valueRows: [], met: { met: 0, missed: 0, unmeasured: 0 }, durationMs: 0,
};

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}
process.on('exit', () => { killAllSync(); if (!cleaned) rmSync(dir, { recursive: true, force: true }); });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { log(`\n${signal}: stopping`); void cleanup().finally(() => process.exit(130)); });
}
const watchdog = setTimeout(() => {
  console.error(`bench: over ${config.deadlineMs / 60_000} minutes, giving up`);
  void cleanup().finally(() => process.exit(1));
}, config.deadlineMs);
watchdog.unref();

let failed = false;
try {
  await main(dir, results, config);
} catch (error) {
  failed = true;
  console.error(`\nbench failed: ${(error as Error).stack ?? error}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
results.durationMs = performance.now() - t0;
results.machine.loadAverageAtEnd = os.loadavg();
verdicts(results);
log(`\n${pairTable(results.pairRows)}\n\n${valueTable(results.valueRows)}\n`);
log(`${results.met.met} targets met, ${results.met.missed} missed, ${results.met.unmeasured} not measured; ${Math.round(results.durationMs / 1000)} s.`);
writeResults(config.resultsPath, results);
log(`Results: ${config.resultsPath}`);
if (config.full && !failed) {
  updateReadmePerformance(join(ROOT, 'README.md'), readmeSection(results));
  log('README.md: Performance section updated.');
} else {
  log(`README.md left as it is (${failed ? 'the run failed' : 'not a full national run'}).`);
}
process.exit(failed ? 1 : 0);
