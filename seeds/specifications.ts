/**
 * The specifications the seeds know (specifications.csv): a GI's standard or quality-control
 * specification as its sources name it, never a number they do not give. Each version's note says where
 * it came from and how sure it is, as a seeded move's does. A designation that has a version, or whose
 * versions an official has changed, is left alone.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { GiType, PartialDate } from '../db/model';
import * as t from '../db/schema';
import { parseCsvRecords } from './csv';
import { factMoveNote, type SeedTexts } from './seed-texts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Loads specifications.csv into the designations it names; returns how many versions it stored. */
export function seedSpecifications(tx: Tx, csvText: string, texts: SeedTexts): number {
  let stored = 0;
  for (const row of parseCsvRecords(csvText)) {
    const product = tx.select({ id: t.products.id }).from(t.products).where(eq(t.products.nameZh, row.product_zh)).get();
    if (!product) continue;
    const d = tx.select({ id: t.designations.id }).from(t.designations)
      .where(and(eq(t.designations.productId, product.id), eq(t.designations.giType, GiType.parse(row.gi_type)))).get();
    if (!d) continue;
    const kept = tx.select({ id: t.designationSpecifications.id }).from(t.designationSpecifications)
      .where(eq(t.designationSpecifications.designationId, d.id)).get();
    const touched = tx.select({ id: t.auditEvents.id }).from(t.auditEvents).where(and(
      eq(t.auditEvents.entity, 'designation'), eq(t.auditEvents.entityId, d.id),
      inArray(t.auditEvents.action, ['specification_add', 'specification_update', 'specification_delete']),
    )).get();
    if (kept || touched) continue;
    tx.insert(t.designationSpecifications).values({
      designationId: d.id, number: row.number || null, title: row.title, version: row.version || null,
      issuedOn: row.issued_on ? PartialDate.parse(row.issued_on) : null, url: row.url || null,
      note: [row.note, factMoveNote(texts.sources(row.source), row.confidence)].filter(Boolean).join(' '),
    }).run();
    stored++;
  }
  return stored;
}
