/**
 * Reading conversions (统一认定): for designations as an answer carries them, the link to the other side of
 * a conversion each is part of: the designation it was converted from (`convertedFrom`) or into
 * (`convertedTo`), with that designation's type and announcement and the day of the conversion (the
 * converted one's `converted` move; null while the conversion is under way).
 */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ConversionRef } from '../../../db/model';
import * as t from '../../../db/schema';
import type { Tx } from '../access/audit';

/** One link: the designation converted (`from…`) and the one it became (`to…`), and the day (null: under way). */
interface LinkRow {
  fromId: number; fromType: ConversionRef['giType']; fromAnnouncement: string | null;
  toId: number; toType: ConversionRef['giType']; toAnnouncement: string | null;
  on: string | null;
}

const source = alias(t.designations, 'conversion_source');
const ids = sql.placeholder('ids');

/** The links touching any of the ids (a JSON array bound as `ids`), prepared once per connection. */
function prepareLinks(db: Tx) {
  const day = db.select({ on: t.transitions.on }).from(t.transitions)
    .where(and(eq(t.transitions.designationId, source.id), eq(t.transitions.toStatus, 'converted')))
    .orderBy(desc(t.transitions.id)).limit(1);
  return db.select({
    fromId: source.id, fromType: source.giType, fromAnnouncement: source.announcement,
    toId: t.designations.id, toType: t.designations.giType, toAnnouncement: t.designations.announcement,
    on: sql<string | null>`(${day})`,
  }).from(t.designations).innerJoin(source, eq(source.id, t.designations.convertedFromId))
    .where(or(
      sql`${t.designations.id} in (select value from json_each(${ids}))`,
      // The converted side is matched on the link column, not on source.id: that lets SQLite search both
      // sides by index (MULTI-INDEX OR) instead of scanning every designation for each answer.
      sql`${t.designations.convertedFromId} in (select value from json_each(${ids}))`,
    )).prepare();
}
const prepared = new WeakMap<Tx, ReturnType<typeof prepareLinks>>();

/** The conversion links of these designations, by designation id: the side each is on, and the other side. */
export function conversionLinks(db: Tx, designationIds: readonly number[]): Map<number, { convertedFrom?: ConversionRef; convertedTo?: ConversionRef }> {
  const out = new Map<number, { convertedFrom?: ConversionRef; convertedTo?: ConversionRef }>();
  if (designationIds.length === 0) return out;
  let statement = prepared.get(db);
  if (!statement) prepared.set(db, statement = prepareLinks(db));
  for (const r of statement.all({ ids: JSON.stringify(designationIds) }) as LinkRow[]) {
    out.set(r.fromId, { ...out.get(r.fromId), convertedTo: { designationId: r.toId, giType: r.toType, announcement: r.toAnnouncement, on: r.on } });
    out.set(r.toId, { ...out.get(r.toId), convertedFrom: { designationId: r.fromId, giType: r.fromType, announcement: r.fromAnnouncement, on: r.on } });
  }
  return out;
}

/** Designations with their conversion links (null where there is none). */
export function withConversions<D extends { id: number }>(db: Tx, designations: readonly D[]): (D & { convertedFrom: ConversionRef | null; convertedTo: ConversionRef | null })[] {
  const links = conversionLinks(db, designations.map((d) => d.id));
  return designations.map((d) => {
    const link = links.get(d.id);
    return { ...d, convertedFrom: link?.convertedFrom ?? null, convertedTo: link?.convertedTo ?? null };
  });
}
