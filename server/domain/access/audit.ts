/**
 * The append-only audit log: every change is recorded in the same transaction as the change itself,
 * so a write that fails leaves no entry and an entry never describes a change that did not happen.
 * Read back filtered (county, user, entity, action, days in Asia/Shanghai), newest first, each entry
 * with its subject's names so it can be told in words.
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { GI_TYPES } from '../../../db/model';
import type { AuditEntity, AuditEvent, AuditPage, AuditQuery, AuditSubject, CountyCode } from '../../../db/model';
import * as t from '../../../db/schema';
import { assertMayReadCounty, auditAboutCounty, readableAudit } from './permissions';
import type { Account, Actor } from './viewer';

/** A database handle or the transaction a write runs in. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** What changed: the action, the entity and its id, and the state before and after (null when none). */
export interface AuditEntry { action: string; entity: AuditEntity; entityId: number; before: unknown; after: unknown }

/** Appends one entry, in the caller's transaction, naming the signed-in user who made the change. */
export function recordAudit(tx: Tx, viewer: Actor, entry: AuditEntry): void {
  tx.insert(t.auditEvents).values({
    userId: viewer?.id ?? null, username: viewer?.username ?? null,
    action: entry.action, entity: entry.entity, entityId: entry.entityId,
    before: entry.before ?? null, after: entry.after ?? null,
  }).run();
}

/** The filters of the log (AuditQuery without paging). */
export type AuditFilter = Omit<AuditQuery, 'limit' | 'offset'>;

const DAY_MS = 86_400_000;
/** The UTC timestamp (as stored) at which a day begins in Asia/Shanghai. */
const shanghaiDayStart = (day: string, plusDays = 0) =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * DAY_MS).toISOString();

/**
 * The condition of a viewer's filtered log: what they may read, narrowed by the filters. An official
 * naming another county gets a 403 rather than an empty page, so the refusal is not mistaken for "no changes".
 */
export function auditWhere(db: Db, viewer: Account, filter: AuditFilter): SQL | undefined {
  assertMayReadCounty(viewer, filter.county);
  const e = t.auditEvents;
  return and(
    readableAudit(db, viewer),
    filter.county ? auditAboutCounty(db, filter.county) : undefined,
    filter.user ? eq(e.username, filter.user.toLowerCase()) : undefined,
    filter.entity ? eq(e.entity, filter.entity) : undefined,
    filter.id !== undefined ? eq(e.entityId, filter.id) : undefined,
    filter.action ? eq(e.action, filter.action) : undefined,
    filter.from ? gte(e.at, shanghaiDayStart(filter.from)) : undefined,
    filter.to ? lt(e.at, shanghaiDayStart(filter.to, 1)) : undefined,
  );
}

type AuditRow = typeof t.auditEvents.$inferSelect;

/** The rows as the API shows them, each with its subject (names as they are now). */
export function presentAudit(db: Db, rows: AuditRow[]): AuditEvent[] {
  const ids = (entity: AuditEntity) => [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId))];
  const designations = new Map(ids('designation').length === 0 ? [] : db.select({ id: t.designations.id, productId: t.designations.productId, giType: t.designations.giType })
    .from(t.designations).where(inArray(t.designations.id, ids('designation'))).all().map((d) => [d.id, d]));
  const productIds = [...new Set([...ids('product'), ...[...designations.values()].map((d) => d.productId)])];
  const products = new Map(productIds.length === 0 ? [] : db.select({ id: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn })
    .from(t.products).where(inArray(t.products.id, productIds)).all().map((p) => [p.id, p]));
  const counties = new Map<number, CountyCode[]>();
  if (productIds.length) {
    for (const c of db.select().from(t.productCounties).where(inArray(t.productCounties.productId, productIds)).all()) {
      counties.set(c.productId, [...(counties.get(c.productId) ?? []), c.countyCode]);
    }
  }
  const users = new Map(ids('user').length === 0 ? [] : db.select({ id: t.users.id, username: t.users.username, county: t.users.county })
    .from(t.users).where(inArray(t.users.id, ids('user'))).all().map((u) => [u.id, u]));
  const periods = new Map(ids('period').length === 0 ? [] : db.select({ id: t.periods.id, name: t.periods.name, nameEn: t.periods.nameEn })
    .from(t.periods).where(inArray(t.periods.id, ids('period'))).all().map((p) => [p.id, p]));

  const subjectOf = (r: AuditRow): AuditSubject => {
    const none: AuditSubject = { name: null, nameEn: null, productId: null, giType: null, counties: [] };
    const ofProduct = (id: number | undefined): AuditSubject => {
      const p = id === undefined ? undefined : products.get(id);
      return p ? { ...none, name: p.nameZh, nameEn: p.nameEn, productId: p.id, counties: [...(counties.get(p.id) ?? [])].sort() } : none;
    };
    switch (r.entity) {
      case 'product': return ofProduct(r.entityId);
      case 'designation': {
        const d = designations.get(r.entityId);
        return d ? { ...ofProduct(d.productId), giType: d.giType } : none;
      }
      case 'user': {
        const u = users.get(r.entityId);
        return u ? { ...none, name: u.username, counties: u.county ? [u.county] : [] } : none;
      }
      case 'period': {
        const p = periods.get(r.entityId);
        return p ? { ...none, name: p.name, nameEn: p.nameEn || null } : none;
      }
      case 'dossier_template': return { ...none, giType: GI_TYPES[r.entityId - 1] ?? null };
      case 'report_settings': case 'readiness_settings': return none;
    }
  };
  return rows.map((r) => ({
    id: r.id, at: r.at, user: r.username, action: r.action, entity: r.entity, entityId: r.entityId,
    before: r.before ?? null, after: r.after ?? null, subject: subjectOf(r),
  }));
}

/** A page of the audit log a signed-in viewer may read, newest first, with the total count. */
export function listAudit(db: Db, viewer: Account, query: AuditQuery): AuditPage {
  const where = auditWhere(db, viewer, query);
  const total = db.select({ n: sql<number>`count(*)` }).from(t.auditEvents).where(where).get()!.n;
  const rows = db.select().from(t.auditEvents).where(where)
    .orderBy(desc(t.auditEvents.id)).limit(query.limit).offset(query.offset).all();
  return { items: presentAudit(db, rows), total };
}

/**
 * Every entry matching the filters, newest first, read in batches so a long log never sits in memory
 * whole. Permissions are checked at once (a 403 comes before anything is sent), the rows as they are read.
 */
export function allAudit(db: Db, viewer: Account, filter: AuditFilter, batch = 500): Iterable<AuditEvent> {
  const where = auditWhere(db, viewer, filter);
  return (function* read() {
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = db.select().from(t.auditEvents).where(and(where, lt(t.auditEvents.id, before)))
        .orderBy(desc(t.auditEvents.id)).limit(batch).all();
      if (rows.length === 0) return;
      yield* presentAudit(db, rows);
      before = rows.at(-1)!.id;
    }
  })();
}
