/**
 * How the registry drives Litestream (the npm package @flydotio/litestream-linux-x64 ships its binary): where the
 * binary is, which replica the environment names, and the configuration handed to it on stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Litestream's replica settings unless REPLICA_OPTIONS says otherwise: the WAL shipped every second
 * (the RPO), a full snapshot a day (a restore replays at most a day of WAL) and a week of history to
 * restore to any point of.
 */
export const REPLICA_DEFAULTS = { 'sync-interval': '1s', 'snapshot-interval': '24h', retention: '168h' } as const;

/** The replica as Litestream's configuration names it: `path` (a folder) or `url`, and any settings. */
export type ReplicaSettings = Record<string, string | number | boolean>;

/** What `npm run replicate` and `npm run restore:replica` hand Litestream: the database and its replica. */
export interface Replication { databasePath: string; replica: ReplicaSettings }

const URL_SCHEMES = ['file', 's3', 'sftp', 'gcs', 'abs'];

/**
 * The replication the environment names for the database at `databasePath`: the replica REPLICA_DIR
 * (a folder, ideally on another disk) or REPLICA_URL (`s3://bucket/path`, `sftp://user@host:22/path`,
 * `gcs://`, `abs://`, `file://`), with REPLICA_OPTIONS (a JSON object of Litestream's own replica
 * settings: endpoint, region, key-path, retention…) laid over REPLICA_DEFAULTS. Null when no replica
 * is named; throws on a setting that cannot work.
 */
export function readReplication(databasePath: string, env: NodeJS.ProcessEnv = process.env): Replication | null {
  const dir = env.REPLICA_DIR?.trim();
  const url = env.REPLICA_URL?.trim();
  if (dir && url) throw new Error('Set REPLICA_DIR or REPLICA_URL, not both.');
  if (!dir && !url) return null;
  let options: unknown = {};
  if (env.REPLICA_OPTIONS?.trim()) {
    try { options = JSON.parse(env.REPLICA_OPTIONS); } catch { options = null; }
    const values = options && typeof options === 'object' && !Array.isArray(options) ? Object.values(options) : null;
    if (!values || !values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      throw new Error('REPLICA_OPTIONS must be a JSON object of Litestream replica settings, e.g. {"endpoint":"https://minio.example:9000","region":"cn-north-1"}.');
    }
  }
  if (url && !URL_SCHEMES.some((s) => url.startsWith(`${s}://`))) {
    throw new Error(`REPLICA_URL must start with ${URL_SCHEMES.map((s) => `${s}://`).join(', ')}; got ${url}.`);
  }
  const target: ReplicaSettings = dir ? { type: 'file', path: resolve(dir) } : { url: url! };
  return { databasePath: resolve(databasePath), replica: { ...REPLICA_DEFAULTS, ...(options as ReplicaSettings), ...target } };
}

/** The replica in a line for messages (a URL's password left out). */
export function describeReplica(replica: ReplicaSettings): string {
  if (typeof replica.path === 'string' && replica.type === 'file') return `the folder ${replica.path}`;
  return String(replica.url).replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * A warning when a folder replica lies on the same file system as the database: it survives a deleted
 * or corrupted file, not the loss of the disk. Null when it is elsewhere (or not a folder).
 */
export function sameDiskWarning({ replica, databasePath }: Replication): string | null {
  if (replica.type !== 'file' || typeof replica.path !== 'string') return null;
  let probe = replica.path;
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  const dbDir = dirname(databasePath);
  if (!existsSync(dbDir) || statSync(probe).dev !== statSync(dbDir).dev) return null;
  return `REPLICA_DIR ${replica.path} is on the same disk as the database: it survives a deleted or corrupted file, not a lost disk. Point it at another disk or host.`;
}

/**
 * Litestream's configuration of the database and its one replica. JSON is YAML, so it is written with
 * JSON.stringify; logs are Litestream's text lines on stderr.
 */
export function litestreamConfig({ databasePath, replica }: Replication): object {
  return {
    logging: { level: 'info', type: 'text', stderr: true },
    dbs: [{ path: databasePath, replicas: [replica] }],
  };
}

/** The Litestream binary of this platform, from the npm package @flydotio/litestream-<platform>-<arch>. */
export function litestreamBinary(): string {
  const pkg = `@flydotio/litestream-${process.platform}-${process.arch}`;
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'litestream');
  } catch {
    throw new Error(`Litestream's binary for ${process.platform}-${process.arch} is not installed (npm package ${pkg}; the registry depends on @flydotio/litestream-linux-x64, the one platform of Fly's packages that is published). Replication runs on Linux x64 (run npm install there).`);
  }
}

/**
 * Starts `litestream COMMAND -config /dev/stdin ARGS…` with `config` as its stdin: a file written in a
 * private folder and deleted before Litestream starts (it reads it through the open descriptor), so
 * nothing is left on disk, even after a crash, and a URL's password or REPLICA_OPTIONS stay out of
 * files; `-no-expand-env` keeps a `$` in them literal. (A pipe from Node would be a socket, which
 * /dev/stdin cannot open.) Its stdout and stderr are this process's, or pipes to read.
 */
export function runLitestream(command: string, args: string[], config: object, output: 'inherit' | 'pipe' = 'inherit'): ChildProcess {
  const binary = litestreamBinary();
  const dir = mkdtempSync(join(tmpdir(), 'litestream-config-'));
  let fd: number;
  try {
    writeFileSync(join(dir, 'litestream.yml'), JSON.stringify(config), { mode: 0o600 });
    fd = openSync(join(dir, 'litestream.yml'), 'r');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  try {
    return spawn(binary, [command, '-no-expand-env', '-config', '/dev/stdin', ...args], { stdio: [fd, output, output] });
  } finally {
    closeSync(fd);
  }
}

/** Resolves with a finished Litestream's exit code (null when a signal ended it) and its signal. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolveExit, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });
}
