/**
 * The write mix: a signed-in official of Qinshui who, at a modest bounded rate, creates a product,
 * PATCHes it, starts a designation on it and moves that designation (cultivating → filed), over and
 * over, while reads are measured. Requests carry the session cookie, the server's own Origin and JSON.
 */
import { todayInShanghai } from '../db/model';
import { BENCH_ACCOUNT } from './dataset';
import { keepAlive, percentile, request, sleep } from './http';

/** A signed-in session: its cookie and the origin the server expects. */
export interface Session { base: string; cookie: string }

/** Signs the bench account in with POST /api/session and keeps the cookie. */
export async function signIn(base: string): Promise<Session> {
  const res = await request({
    method: 'POST', url: `${base}/api/session`,
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: BENCH_ACCOUNT.username, password: BENCH_ACCOUNT.password }),
  });
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 200 || !setCookie) throw new Error(`sign-in: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`);
  return { base, cookie: setCookie.split(';')[0] };
}

/** Latencies (ms) of the writes of one kind and how many failed. */
export interface WriteStats { count: number; failed: number; p50: number; p99: number; max: number; firstError?: string }

/** Everything the write loop did. */
export interface WriteMixResult {
  cycles: number;
  writes: number;
  seconds: number;
  writesPerSecond: number;
  all: WriteStats;
  byKind: Record<string, WriteStats>;
}

const KINDS = ['create product', 'patch product', 'create designation', 'move designation'] as const;

/**
 * A write loop, started and stopped around measured runs. One write at a time, at most
 * `writesPerSecond`; at most `maxWrites` in all; each write times out after 10 s.
 */
export class WriteLoop {
  readonly #session: Session;
  readonly #interval: number;
  readonly #maxWrites: number;
  readonly #agent = keepAlive();
  readonly #latencies = new Map<string, number[]>(KINDS.map((k) => [k, []]));
  readonly #failures = new Map<string, number>(KINDS.map((k) => [k, 0]));
  #firstError: string | undefined;
  #running: Promise<void> | null = null;
  #stop = false;
  #writes = 0;
  #cycles = 0;
  #activeMs = 0;

  constructor(session: Session, writesPerSecond = 4, maxWrites = 5000) {
    this.#session = session;
    this.#interval = 1000 / writesPerSecond;
    this.#maxWrites = maxWrites;
  }

  /** Starts writing (no-op if already started). */
  start(): void {
    if (this.#running) return;
    this.#stop = false;
    this.#running = this.#loop();
  }

  /** Stops after the write in flight and waits for it. */
  async stop(): Promise<void> {
    this.#stop = true;
    await this.#running;
    this.#running = null;
  }

  /** The statistics so far. */
  result(): WriteMixResult {
    const stats = (latencies: number[], failed: number): WriteStats => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return { count: sorted.length, failed, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
    };
    const byKind = Object.fromEntries(KINDS.map((k) => [k, stats(this.#latencies.get(k)!, this.#failures.get(k)!)]));
    const all = stats([...this.#latencies.values()].flat(), [...this.#failures.values()].reduce((a, b) => a + b, 0));
    if (this.#firstError) all.firstError = this.#firstError;
    const seconds = this.#activeMs / 1000;
    return { cycles: this.#cycles, writes: this.#writes, seconds, writesPerSecond: seconds > 0 ? this.#writes / seconds : 0, all, byKind };
  }

  async #loop(): Promise<void> {
    const t0 = performance.now();
    try {
      while (!this.#stop && this.#writes < this.#maxWrites) await this.#cycle();
    } finally {
      this.#activeMs += performance.now() - t0;
    }
  }

  /** One write, paced; returns the parsed answer or null when it failed. */
  async #write(kind: (typeof KINDS)[number], method: string, path: string, body: unknown): Promise<Record<string, unknown> | null> {
    if (this.#stop || this.#writes >= this.#maxWrites) return null;
    const started = performance.now();
    this.#writes++;
    let answer: Record<string, unknown> | null = null;
    try {
      const res = await request({
        method, url: this.#session.base + path, agent: this.#agent, timeoutMs: 10_000,
        // A script writing products it made itself: "whatever is there now" (server/versions.ts), not a version read first.
        headers: { 'content-type': 'application/json', origin: this.#session.base, cookie: this.#session.cookie, 'if-match': '*' },
        body: JSON.stringify(body),
      });
      if (res.status >= 200 && res.status < 300) {
        this.#latencies.get(kind)!.push(res.totalMs);
        answer = JSON.parse(res.body.toString()) as Record<string, unknown>;
      } else {
        this.#failures.set(kind, this.#failures.get(kind)! + 1);
        this.#firstError ??= `${kind}: HTTP ${res.status} ${res.body.toString().slice(0, 200)}`;
      }
    } catch (error) {
      this.#failures.set(kind, this.#failures.get(kind)! + 1);
      this.#firstError ??= `${kind}: ${(error as Error).message}`;
    }
    const rest = this.#interval - (performance.now() - started);
    if (rest > 0) await sleep(rest);
    return answer;
  }

  async #cycle(): Promise<void> {
    const n = this.#cycles++;
    const today = todayInShanghai();
    const product = await this.#write('create product', 'POST', '/api/products', {
      nameZh: `基准写入产品${n}-${Date.now()}`, category: 'food', counties: ['140521'], visibility: 'public',
      description: '基准测试写入的产品。', locations: [{ lat: 35.74 + (n % 10) / 1000, lng: 112.36 + (n % 10) / 1000, label: '沁水县', precision: 'county' }],
    });
    if (!product) return;
    const productId = product.id as number;
    await this.#write('patch product', 'PATCH', `/api/products/${productId}`, { description: `基准测试写入的产品，第${n}次修改。` });
    const designation = await this.#write('create designation', 'POST', `/api/products/${productId}/designations`, {
      giType: 'agricultural_product', startedOn: today,
    });
    if (!designation) return;
    await this.#write('move designation', 'POST', `/api/designations/${designation.id as number}/transitions`, {
      to: 'filed', on: today, note: '基准测试',
    });
  }
}

/** How one import went: rows, HTTP status, milliseconds from sending the file to the answer. */
export interface ImportResult { rows: number; status: number; ms: number; error?: string }

/**
 * Imports `rows` new products of Qinshui as a CSV file the way an official uploads one (POST /api/import,
 * applied, not a dry run): the first columns of the import template, names made unique by `tag`.
 */
export async function importProducts(session: Session, rows: number, tag: string): Promise<ImportResult> {
  const lines = ['产品名称,类别,所在县'];
  for (let i = 0; i < rows; i++) lines.push(`基准导入${tag}第${i}号,食用农林产品及食品,${BENCH_ACCOUNT.county}`);
  const data = Buffer.from(lines.join('\r\n')).toString('base64');
  const res = await request({
    method: 'POST', url: `${session.base}/api/import`, timeoutMs: 120_000,
    headers: { 'content-type': 'application/json', origin: session.base, cookie: session.cookie },
    body: JSON.stringify({ format: 'csv', data }),
  });
  const ok = res.status === 201;
  return { rows, status: res.status, ms: res.totalMs, ...(ok ? {} : { error: res.body.toString().slice(0, 200) }) };
}
