/**
 * The security log (GB/T 22239-2019 安全审计): sign-ins and their failures, locks, sessions, accounts,
 * exports, backups and configuration, each with who, when and from where. It is a table of its own, apart
 * from the content history (`audit_events`): the auditor reads it, nobody edits it, and rows leave it only
 * into the archive (retention.ts). Passwords never appear in it.
 */
import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { SecurityEvent, SecurityEventKind, SecurityEventPage, SecurityEventQuery } from '../../../db/model';
import * as t from '../../../db/schema';
import type { Tx } from '../access/audit';
import type { Actor } from '../access/viewer';

/** The longest username a failed sign-in records (as typed). */
export const LOGGED_USERNAME_LENGTH = 64;

/** What a new event says: its kind, who (or whose), from where, and what else is known. */
export interface SecurityEventInput {
  kind: SecurityEventKind;
  /** Who acted, or whose sign-in, session or password it is; null: the command line or the server. */
  actor: Actor;
  /** The username as typed, when there is no account to name (a failed sign-in). */
  username?: string;
  address?: string | null;
  detail?: Record<string, unknown> | null;
  /** The app's clock (the database's when not given). */
  at?: Date;
}

/** Appends one event, in the caller's transaction when it has one. */
export function recordSecurityEvent(tx: Tx, event: SecurityEventInput): void {
  const username = event.actor?.username ?? event.username ?? null;
  tx.insert(t.securityEvents).values({
    ...(event.at ? { at: event.at.toISOString() } : {}),
    kind: event.kind,
    userId: event.actor?.id ?? null,
    username: username === null ? null : username.slice(0, LOGGED_USERNAME_LENGTH),
    address: event.address ?? null,
    detail: event.detail ?? null,
  }).run();
}

/** An account acted on, as `detail.target` names it. */
export const targetOf = (user: { id: number; username: string }) => ({ id: user.id, username: user.username });

/** The filters of the log (the query without paging). */
export type SecurityEventFilter = Pick<SecurityEventQuery, 'kind' | 'username' | 'from' | 'to'>;

const DAY_MS = 86_400_000;
/** The UTC timestamp (as stored) at which a day begins in Asia/Shanghai. */
const shanghaiDayStart = (day: string, plusDays = 0) =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * DAY_MS).toISOString();

/** The condition of a filter: the kind, the username (who acted, or the account acted on), the days. */
function securityWhere(filter: SecurityEventFilter): SQL | undefined {
  const e = t.securityEvents;
  return and(
    filter.kind ? eq(e.kind, filter.kind) : undefined,
    filter.username ? or(eq(e.username, filter.username), sql`json_extract(${e.detail}, '$.target.username') = ${filter.username}`) : undefined,
    filter.from ? gte(e.at, shanghaiDayStart(filter.from)) : undefined,
    filter.to ? lt(e.at, shanghaiDayStart(filter.to, 1)) : undefined,
  );
}

type Row = typeof t.securityEvents.$inferSelect;

/** A row as the API shows it. */
export function presentSecurityEvent(r: Row): SecurityEvent {
  return { id: r.id, at: r.at, kind: r.kind, userId: r.userId, username: r.username, address: r.address, detail: r.detail ?? null };
}

/** A page of the log, newest first, with how many match. */
export function listSecurityEvents(db: Db, query: SecurityEventQuery): SecurityEventPage {
  const where = securityWhere(query);
  const total = db.select({ n: sql<number>`count(*)` }).from(t.securityEvents).where(where).get()!.n;
  const rows = db.select().from(t.securityEvents).where(where).orderBy(desc(t.securityEvents.id))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize).all();
  return { items: rows.map(presentSecurityEvent), total };
}

/** Every event matching the filter, newest first, read in batches so a long log never sits in memory whole. */
export function allSecurityEvents(db: Db, filter: SecurityEventFilter, batch = 500): Iterable<SecurityEvent> {
  const where = securityWhere(filter);
  return (function* read() {
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = db.select().from(t.securityEvents).where(and(where, lt(t.securityEvents.id, before)))
        .orderBy(desc(t.securityEvents.id)).limit(batch).all();
      if (rows.length === 0) return;
      yield* rows.map(presentSecurityEvent);
      before = rows.at(-1)!.id;
    }
  })();
}
