/**
 * Child processes of the bench: the real server, the bare server, the CLI. Every child is tracked and
 * stopped by its own pid on the way out, even when the bench fails or is interrupted.
 */
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './config';
import { sleep } from './http';

const children = new Set<ChildProcess>();

/** A child that printed the line it was waiting for. */
export interface Started {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Milliseconds from spawn to the "listening" line. */
  startMs: number;
  /** Everything the child printed so far (and keeps printing), for error messages. */
  output: string[];
}

/** How the real server is started: compiled (`node dist/server/main.js`) or through tsx. */
export interface ServerCommand { args: string[]; label: string }

/**
 * Picks the server command: runs `npm run build:server` when package.json has it and then uses
 * dist/server/main.js; otherwise `node --import tsx server/main.ts`. Builds the client when dist/client is missing.
 */
export function prepareServerCommand(log: (line: string) => void): ServerCommand {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) {
    log('dist/client is missing: npm run build …');
    runNpm(['run', 'build']);
  }
  if (scripts['build:server']) {
    log('npm run build:server …');
    runNpm(['run', 'build:server']);
    const main = join(ROOT, 'dist', 'server', 'main.js');
    if (existsSync(main)) return { args: [...SERVER_NODE_FLAGS, main], label: `node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js (as npm start)` };
    log('build:server did not produce dist/server/main.js; falling back to tsx');
  }
  return { args: ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], label: 'node --import tsx server/main.ts (no build:server yet)' };
}

function runNpm(args: string[]) {
  const result = spawnSync('npm', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (status ${result.status})`);
}

/**
 * Spawns `node ...args` and resolves when a line of its stdout matches `ready` (the port is the first
 * group of the match); rejects when the child exits first or after `timeoutMs`.
 */
export function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 30_000): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let buffered = '';
    let done = false;
    const finish = (error: Error | null, port = 0) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) { stopChild(child); reject(error); } else resolve({ child, pid: child.pid!, port, startMs: performance.now() - t0, output });
    };
    const timer = setTimeout(() => finish(new Error(`${args.join(' ')}: not ready within ${timeoutMs} ms\n${output.join('')}`)), timeoutMs);
    // Until ready, look for the ready line; after, only drain the pipe (the server's line per request must not
    // cost this process — which shares the cores with the server — a decode and a regex scan each).
    const scan = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 200) output.push(text);
      buffered += text;
      const match = ready.exec(buffered);
      if (match) {
        child.stdout!.off('data', scan);
        child.stdout!.on('data', () => {});
        buffered = '';
        finish(null, Number(match[1]));
      } else if (buffered.length > 100_000) buffered = buffered.slice(-1000);
    };
    child.stdout!.on('data', scan);
    child.stderr!.on('data', (chunk: Buffer) => { if (output.length < 200) output.push(chunk.toString()); });
    child.once('exit', (code, signal) => finish(new Error(`${args.join(' ')} exited (${code ?? signal}) before it was ready:\n${output.join('')}`)));
    child.once('error', (error) => finish(error));
  });
}

/** The line the real server prints once it listens. */
export const SERVER_READY = /Jincheng GI registry on http:\/\/localhost:(\d+)/;

/**
 * Starts the real server on the database at `databasePath` (PORT=0, production mode, the built client), with the
 * allocator settings `npm start` gives it: its memory is measured as it runs in production.
 */
export function startServer(command: ServerCommand, databasePath: string): Promise<Started> {
  // BENCH_PROFILE=<folder>: the server writes a CPU profile of each thread there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  return startChild([...profile, ...command.args], {
    ...SERVER_MALLOC_ENV, ...process.env, PORT: '0', DATABASE_PATH: databasePath, NODE_ENV: 'production', CLIENT_DIR: join(ROOT, 'dist', 'client'),
  }, SERVER_READY);
}

/** Stops a child: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const deadline = sleep(graceMs).then(() => 'late' as const);
  if ((await Promise.race([exited, deadline])) === 'late') {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(1000)]);
  }
}

/** Stops every child still running (by pid). */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}

/** Last resort on process exit: SIGKILL every child still running. */
export function killAllSync(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** Runs `node ...args` to completion (bounded); throws with its output when it fails. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): string {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** A process's resident set (VmRSS) and its peak (VmHWM) in MB, from /proc; null when it is gone. */
export function rssOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

let clockTicks = 0;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null when it is gone. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    if (!clockTicks) clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/**
 * Waits until a process is idle (at most one clock tick of CPU over 100 ms), at most `maxMs`: a server may still
 * be answering requests a load run sent before it stopped, and must not steal the next run's CPU.
 */
export async function waitIdle(pid: number, maxMs = 5000): Promise<void> {
  const until = performance.now() + maxMs;
  let last = cpuSecondsOf(pid);
  while (last !== null && performance.now() < until) {
    await sleep(100);
    const now = cpuSecondsOf(pid);
    if (now === null || now - last < 0.011) return;
    last = now;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores, everything but idle and iowait), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    if (!clockTicks) clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = values.map(Number);
    return (n.reduce((a, b) => a + b, 0) - n[3] - (n[4] ?? 0)) / clockTicks;
  } catch {
    return 0;
  }
}
