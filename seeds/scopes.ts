/**
 * The protected areas the seeds know as codes (scopes.csv): each row's scope text verbatim, its source,
 * and only the codes the text names for certain. The flags (vanished, misspelt names, a box off the
 * county) are an official's to resolve, so they stay in the text and out of the codes, and no box is kept.
 * A designation that has a scope, or whose scope an official has removed, is left alone.
 */
import { and, eq, inArray } from 'drizzle-orm';
import * as t from '../db/schema';
import { parseCsvRecords } from './csv';
import { designationOfRow, type SeedTx } from './seeded-designation';
import { divisionIndex } from './divisions/divisions';

type Tx = SeedTx;

/** The codes of a row, checked: current, listed once, in the product's counties (a seed that breaks this is a bug). */
function checkedCodes(row: Record<string, string>, counties: readonly string[]) {
  const index = divisionIndex();
  const codes = row.codes.split(';').map((c) => c.trim()).filter(Boolean);
  if (new Set(codes).size !== codes.length) throw new Error(`seeds/scopes.csv: ${row.product_zh} lists a code twice`);
  return codes.map((code) => {
    const d = index.byCode.get(code);
    if (!d || !counties.includes(d.countyCode)) throw new Error(`seeds/scopes.csv: ${row.product_zh}: ${code} is no unit of its counties`);
    return { code, level: d.level, whole: d.level === 'township' };
  });
}

/** Loads scopes.csv into the designations it names; returns how many scopes it stored. */
export function seedScopes(tx: Tx, csvText: string): number {
  let stored = 0;
  for (const row of parseCsvRecords(csvText)) {
    const d = designationOfRow(tx, row);
    if (!d) continue;
    const kept = tx.select({ id: t.designationScopes.designationId }).from(t.designationScopes).where(eq(t.designationScopes.designationId, d.id)).get();
    const touched = tx.select({ id: t.auditEvents.id }).from(t.auditEvents).where(and(
      eq(t.auditEvents.entity, 'designation'), eq(t.auditEvents.entityId, d.id), inArray(t.auditEvents.action, ['scope_replace', 'scope_delete']),
    )).get();
    if (kept || touched) continue;
    const counties = tx.select({ code: t.productCounties.countyCode }).from(t.productCounties)
      .where(eq(t.productCounties.productId, d.productId)).all().map((c) => c.code);
    const units = checkedCodes(row, counties);
    tx.insert(t.designationScopes).values({
      designationId: d.id, text: row.scope_text,
      source: row.source_title || row.source_url ? { title: row.source_title || null, url: row.source_url || null } : null,
      announcedOn: row.announced_on || null, box: null,
    }).run();
    if (units.length) tx.insert(t.designationScopeUnits).values(units.map((u) => ({ designationId: d.id, ...u }))).run();
    stored++;
  }
  return stored;
}
