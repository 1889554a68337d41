/**
 * The append-only audit log: every change is recorded in the same transaction as the change itself,
 * so a write that fails leaves no entry and an entry never describes a change that did not happen.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { AuditEntity, AuditPage, AuditQuery } from '../../db/model';
import * as t from '../../db/schema';
import { readableAudit } from './permissions';
import type { SignedIn } from './viewer';

/** A database handle or the transaction a write runs in. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** What changed: the action, the entity and its id, and the state before and after (null when none). */
export interface AuditEntry { action: string; entity: AuditEntity; entityId: number; before: unknown; after: unknown }

/** Appends one entry, in the caller's transaction, naming the signed-in user who made the change. */
export function recordAudit(tx: Tx, viewer: SignedIn | null, entry: AuditEntry): void {
  tx.insert(t.auditEvents).values({
    userId: viewer?.id ?? null, username: viewer?.username ?? null,
    action: entry.action, entity: entry.entity, entityId: entry.entityId,
    before: entry.before ?? null, after: entry.after ?? null,
  }).run();
}

/** A page of the audit log a signed-in viewer may read, newest first, with the total count. */
export function listAudit(db: Db, viewer: SignedIn, query: AuditQuery): AuditPage {
  const where = and(
    readableAudit(db, viewer),
    query.entity ? eq(t.auditEvents.entity, query.entity) : undefined,
    query.id !== undefined ? eq(t.auditEvents.entityId, query.id) : undefined,
  );
  const total = db.select({ n: sql<number>`count(*)` }).from(t.auditEvents).where(where).get()!.n;
  const rows = db.select().from(t.auditEvents).where(where)
    .orderBy(desc(t.auditEvents.id)).limit(query.limit).offset(query.offset).all();
  return {
    items: rows.map((r) => ({
      id: r.id, at: r.at, user: r.username, action: r.action, entity: r.entity, entityId: r.entityId,
      before: r.before ?? null, after: r.after ?? null,
    })),
    total,
  };
}
