/**
 * Retention of the security log (Cybersecurity Law art. 21: network logs kept six months at least).
 * Events younger than AUDIT_RETENTION_DAYS are never touched. Older ones are archived, never simply
 * deleted: appended as JSON lines to `audit-archive/security-events-<YYYY-MM>.jsonl.gz` beside the
 * database (the month of each event, Asia/Shanghai; one gzip member per file and run, which gunzip and
 * zcat read as one stream), the file fsynced, and only then removed from the table, with an
 * `audit_archived` event per file. A crash between the two leaves the events in the table, to be archived
 * again next time: a line may be repeated in the archive, never lost. The content history (`audit_events`)
 * is never pruned.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { asc, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { presentSecurityEvent, recordSecurityEvent } from './events';

/** The archive's folder, beside the database file. */
export const ARCHIVE_FOLDER = 'audit-archive';

/** The archive folder of a database file. */
export function archiveFolderOf(databasePath: string): string {
  return join(dirname(databasePath), ARCHIVE_FOLDER);
}

/** What a run archived: how many events, into which files (relative to the database's folder). */
export interface ArchiveResult { count: number; files: { file: string; count: number }[] }

/** The settings of a run. */
export interface ArchiveOptions {
  /** The archive folder (archiveFolderOf(DATABASE_PATH)). */
  folder: string;
  now: Date;
  retentionDays: number;
  /** Events per pass (each pass is written and synced before its rows are removed). */
  batch?: number;
}

const DAY_MS = 86_400_000;

/** The month of a stored timestamp in Asia/Shanghai, `YYYY-MM`. */
const monthOf = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 7);

/** Appends bytes to a file and syncs it (and, when the file is new, its folder, so the name survives a crash). */
function appendDurably(path: string, bytes: Buffer): void {
  const fresh = !existsSync(path);
  const fd = openSync(path, 'a', 0o640);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (fresh) syncFolder(dirname(path));
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

/** Archives the security events older than the retention; returns what was archived (nothing: count 0). */
export function archiveSecurityEvents(db: Db, { folder, now, retentionDays, batch = 5000 }: ArchiveOptions): ArchiveResult {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const result: ArchiveResult = { count: 0, files: [] };
  for (;;) {
    const rows = db.select().from(t.securityEvents).where(lt(t.securityEvents.at, cutoff))
      .orderBy(asc(t.securityEvents.id)).limit(batch).all();
    if (rows.length === 0) return result;
    if (!existsSync(folder)) {
      mkdirSync(folder, { recursive: true, mode: 0o750 });
      syncFolder(dirname(folder));
    }
    const byMonth = new Map<string, typeof rows>();
    for (const r of rows) byMonth.set(monthOf(r.at), [...(byMonth.get(monthOf(r.at)) ?? []), r]);
    const written: { file: string; count: number; ids: number[] }[] = [];
    for (const [month, events] of byMonth) {
      const name = `security-events-${month}.jsonl.gz`;
      const lines = events.map((e) => `${JSON.stringify(presentSecurityEvent(e))}\n`).join('');
      appendDurably(join(folder, name), gzipSync(lines));
      written.push({ file: `${ARCHIVE_FOLDER}/${name}`, count: events.length, ids: events.map((e) => e.id) });
    }
    db.transaction((tx) => {
      for (const { file, count, ids } of written) {
        tx.delete(t.securityEvents).where(inArray(t.securityEvents.id, ids)).run();
        recordSecurityEvent(tx, { kind: 'audit_archived', actor: null, at: now, detail: { count, file, before: cutoff } });
      }
    });
    for (const { file, count } of written) {
      const seen = result.files.find((f) => f.file === file);
      if (seen) seen.count += count;
      else result.files.push({ file, count });
      result.count += count;
    }
  }
}
