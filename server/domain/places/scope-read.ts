/**
 * Reading designations' protected areas as kept (designation_scopes and their units): what the product
 * answer, the export and the audit snapshot show. Units come in code order, so each township is
 * followed by its villages.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { CountyCode, DesignationScope } from '../../../db/model';
import * as t from '../../../db/schema';
import type { Tx } from '../access/audit';
import { divisionIndex } from '../../../seeds/divisions/divisions';

/** `column` is one of the ids a JSON array bound as `ids` holds: one statement text for any number of ids. */
const inIds = (column: typeof t.designationScopes.designationId | typeof t.designationScopeUnits.designationId) =>
  sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;

/** The two reads of scopesOf, prepared once per connection (the product answer runs them for every product built). */
function prepareScopeReads(db: Tx) {
  return {
    scopes: db.select().from(t.designationScopes).where(inIds(t.designationScopes.designationId)).prepare(),
    units: db.select().from(t.designationScopeUnits).where(inIds(t.designationScopeUnits.designationId))
      .orderBy(asc(t.designationScopeUnits.designationId), asc(t.designationScopeUnits.code)).prepare(),
  };
}
const scopeReads = new WeakMap<Tx, ReturnType<typeof prepareScopeReads>>();

/** The kept scope of each of these designations that has one. */
export function scopesOf(db: Tx, designationIds: readonly number[]): Map<number, DesignationScope> {
  const found = new Map<number, DesignationScope>();
  if (designationIds.length === 0) return found;
  let reads = scopeReads.get(db);
  if (!reads) scopeReads.set(db, reads = prepareScopeReads(db));
  const ids = JSON.stringify(designationIds);
  const rows = reads.scopes.all({ ids });
  if (rows.length === 0) return found;
  const units = reads.units.all({ ids });
  const index = divisionIndex();
  for (const r of rows) {
    found.set(r.designationId, {
      text: r.text,
      source: r.source ?? null,
      announcedOn: r.announcedOn,
      box: r.box ?? null,
      units: units.filter((u) => u.designationId === r.designationId).map((u) => {
        const d = index.byCode.get(u.code);
        // A stored code the current list lacks keeps its code and level; its name is then the code.
        return {
          code: u.code, name: d?.name ?? u.code, level: u.level,
          countyCode: (d?.countyCode ?? u.code.slice(0, 6)) as CountyCode,
          townshipCode: u.level === 'village' ? `${u.code.slice(0, 9)}000` : null, whole: u.whole,
        };
      }),
      updatedAt: r.updatedAt,
    });
  }
  return found;
}

/** One designation's kept scope, or null. */
export function scopeOf(db: Tx, designationId: number): DesignationScope | null {
  return scopesOf(db, [designationId]).get(designationId) ?? null;
}

/** Each designation's listed codes (code order), for the export's column: the empty list for none kept. */
export function scopeCodesOf(db: Tx, designationIds: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (designationIds.length === 0) return out;
  const rows = db.select({ id: t.designationScopeUnits.designationId, code: t.designationScopeUnits.code })
    .from(t.designationScopeUnits).where(inArray(t.designationScopeUnits.designationId, [...designationIds]))
    .orderBy(asc(t.designationScopeUnits.designationId), asc(t.designationScopeUnits.code)).all();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.code]);
  return out;
}

/** Designations as a product answer carries them: each with its kept scope (null: none). */
export function withScopes<D extends { id: number }>(db: Tx, designations: readonly D[]): (D & { scope: DesignationScope | null })[] {
  const scopes = scopesOf(db, designations.map((d) => d.id));
  return designations.map((d) => ({ ...d, scope: scopes.get(d.id) ?? null }));
}

/**
 * Each product's protected area as codes: the union, in code order, of the codes its designations list
 * (for the map's GeoJSON `scopeCodes`; a product without any has none in the map).
 */
export function scopeCodesOfProducts(db: Tx, productIds: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (productIds.length === 0) return out;
  // Every listed code in one read, kept for the products asked: the scope table is small, while the map asks for
  // every product at once (an IN list of 10,000 ids is a statement built per call, and SQLite caps its variables).
  const wanted = new Set(productIds);
  const rows = db.selectDistinct({ productId: t.designations.productId, code: t.designationScopeUnits.code })
    .from(t.designationScopeUnits)
    .innerJoin(t.designations, eq(t.designations.id, t.designationScopeUnits.designationId))
    .orderBy(asc(t.designations.productId), asc(t.designationScopeUnits.code)).all();
  for (const r of rows) {
    if (!wanted.has(r.productId)) continue;
    const codes = out.get(r.productId);
    if (codes) codes.push(r.code);
    else out.set(r.productId, [r.code]);
  }
  return out;
}
