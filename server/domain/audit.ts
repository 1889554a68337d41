/**
 * The append-only audit log: every change is recorded in the same transaction as the change itself,
 * so a write that fails leaves no entry and an entry never describes a change that did not happen.
 */
import { and, desc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { AuditEntity, AuditEvent, AuditQuery, CountyCode } from '../../db/model';
import * as t from '../../db/schema';
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

/** The entries an official may read: those about products (or their designations) of their county. */
function auditOfCounty(db: Db, county: CountyCode): SQL | undefined {
  const productInCounty = (productId: SQL | typeof t.designations.productId) => exists(
    db.select({ one: t.productCounties.productId }).from(t.productCounties)
      .where(and(eq(t.productCounties.productId, productId), eq(t.productCounties.countyCode, county))),
  );
  return or(
    and(eq(t.auditEvents.entity, 'product'), productInCounty(sql`${t.auditEvents.entityId}`)),
    and(eq(t.auditEvents.entity, 'designation'), exists(
      db.select({ one: t.designations.id }).from(t.designations)
        .where(and(eq(t.designations.id, t.auditEvents.entityId), productInCounty(t.designations.productId))),
    )),
  );
}

/** A page of the audit log a signed-in viewer may read, newest first, with the total count. */
export function listAudit(db: Db, viewer: SignedIn, query: AuditQuery): { items: AuditEvent[]; total: number } {
  const where = and(
    viewer.role === 'admin' ? undefined : auditOfCounty(db, viewer.county!),
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
