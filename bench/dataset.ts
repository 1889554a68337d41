/**
 * The bench's databases: the seeds plus generated products (closed again before any server opens
 * them), and the official's account the write mix signs in with (made with the real CLI).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../db/open';
import { loadSeeds } from '../seeds/loader';
import { ROOT } from './config';
import { generate } from './generate';
import { runNode } from './processes';

/** Row counts of a built database, and how long building took. */
export interface DatasetInfo {
  file: string;
  buildMs: number;
  products: number;
  designations: number;
  transitions: number;
  participants: number;
  locations: number;
  publicProducts: number;
}

/**
 * Builds `file`: the seeds, then `products`/`designations` generated (none for a seeds-only database).
 * Returns its row counts and the ids of the products the public may see.
 */
export function buildDatabase(file: string, products: number, designations: number): { info: DatasetInfo; publicIds: number[] } {
  const t0 = performance.now();
  const db = openDb(file);
  try {
    loadSeeds(db);
    if (products > 0) generate(db, { products, designations });
    const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
    const publicIds = (db.$client.prepare("SELECT id FROM products WHERE visibility = 'public' AND archived_at IS NULL ORDER BY id")
      .all() as { id: number }[]).map((r) => r.id);
    const info: DatasetInfo = {
      file,
      buildMs: performance.now() - t0,
      products: count('SELECT count(*) AS n FROM products'),
      designations: count('SELECT count(*) AS n FROM designations'),
      transitions: count('SELECT count(*) AS n FROM transitions'),
      participants: count('SELECT count(*) AS n FROM participants'),
      locations: count('SELECT count(*) AS n FROM locations'),
      publicProducts: publicIds.length,
    };
    return { info, publicIds };
  } finally {
    db.$client.close();
  }
}

/** The account of the write mix: an official of Qinshui (140521). */
export const BENCH_ACCOUNT = { username: 'bench', password: 'terraced bench garden', county: '140521' } as const;

/** Creates the bench account in `file` with `server/cli/user-add.ts` (the server must not be running yet). */
export function createBenchAccount(file: string): void {
  runNode(
    ['--import', 'tsx', join(ROOT, 'server', 'cli', 'user-add.ts'), '--username', BENCH_ACCOUNT.username,
      '--password', BENCH_ACCOUNT.password, '--role', 'official', '--county', BENCH_ACCOUNT.county],
    { ...process.env, DATABASE_PATH: file },
  );
}
