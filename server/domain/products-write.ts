/**
 * Changing products: create, edit, archive and restore. Each runs in one transaction with its audit
 * entry, checks permissions first, and returns the product as the API shows it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { CountyCode, Location, Product, ProductCreate, ProductUpdate, ProtectedArea } from '../../db/model';
import * as t from '../../db/schema';
import { conflict } from '../errors';
import { recordAudit } from './audit';
import { assertAdmin, assertMayEditIn, productForWrite } from './permissions';
import { getProduct } from './products-read';
import type { SignedIn } from './viewer';

/** The database's own clock, in the format of the timestamp columns. */
export const NOW_SQL = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Marks a product as changed (any change to it or its parts). */
export function touchProduct(db: Db, productId: number): void {
  db.update(t.products).set({ updatedAt: NOW_SQL }).where(eq(t.products.id, productId)).run();
}

/** The product as a writer sees it right after a change (they may always read what they may change). */
function reread(db: Db, viewer: SignedIn, id: number): Product {
  return getProduct(db, id, viewer)!;
}

/** The audited snapshot of a product: its own fields, not its designations or participants (audited apart). */
function snapshot(p: Product): Partial<Product> {
  const { designations: _d, participants: _p, ...own } = p;
  return own;
}

function pick<T extends object>(from: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, (from as Record<string, unknown>)[k]])) as Partial<T>;
}

function writeCounties(db: Db, productId: number, counties: readonly CountyCode[]): void {
  db.delete(t.productCounties).where(eq(t.productCounties.productId, productId)).run();
  db.insert(t.productCounties).values(counties.map((countyCode) => ({ productId, countyCode }))).run();
}

function writeLocations(db: Db, productId: number, locations: readonly Location[]): void {
  db.delete(t.locations).where(eq(t.locations.productId, productId)).run();
  if (locations.length === 0) return;
  db.insert(t.locations).values(locations.map((l, position) => ({ productId, position, ...l }))).run();
}

function writeArea(db: Db, productId: number, area: ProtectedArea | null): void {
  db.delete(t.protectedAreas).where(eq(t.protectedAreas.productId, productId)).run();
  if (area) db.insert(t.protectedAreas).values({ productId, text: area.text, geometry: area.geometry }).run();
}

/** Creates a product (a draft unless `visibility` says otherwise) in counties the viewer may manage. */
export function createProduct(db: Db, viewer: SignedIn, input: ProductCreate): Product {
  assertMayEditIn(viewer, input.counties);
  return db.transaction(() => {
    const { id } = db.insert(t.products).values({
      nameZh: input.nameZh, nameEn: input.nameEn ?? null, category: input.category,
      description: input.description ?? '', quality: input.quality ?? '',
      visibility: input.visibility ?? 'draft', sources: input.sources ?? [],
    }).returning({ id: t.products.id }).get();
    writeCounties(db, id, input.counties);
    writeLocations(db, id, input.locations ?? []);
    if (input.protectedArea) writeArea(db, id, input.protectedArea);
    const product = reread(db, viewer, id);
    recordAudit(db, viewer, { action: 'create', entity: 'product', entityId: id, before: null, after: snapshot(product) });
    return product;
  });
}

/**
 * Changes any editable fields of a product. An official may not move it out of their own county
 * (the new counties must still include theirs).
 */
export function updateProduct(db: Db, viewer: SignedIn, id: number, patch: ProductUpdate): Product {
  return db.transaction(() => {
    productForWrite(db, viewer, id);
    if (patch.counties) assertMayEditIn(viewer, patch.counties);
    const before = reread(db, viewer, id);
    const { counties, locations, protectedArea, ...own } = patch;
    db.update(t.products).set({ ...own, updatedAt: NOW_SQL }).where(eq(t.products.id, id)).run();
    if (counties) writeCounties(db, id, counties);
    if (locations) writeLocations(db, id, locations);
    if (protectedArea !== undefined) writeArea(db, id, protectedArea);
    const after = reread(db, viewer, id);
    const keys = Object.keys(patch);
    recordAudit(db, viewer, { action: 'update', entity: 'product', entityId: id, before: pick(before, keys), after: pick(after, keys) });
    return after;
  });
}

/** Archives a product (never deleted): it leaves the public registry and lists, and can be restored. */
export function archiveProduct(db: Db, viewer: SignedIn, id: number): Product {
  return db.transaction(() => {
    productForWrite(db, viewer, id);
    db.update(t.products).set({ archivedAt: NOW_SQL, updatedAt: NOW_SQL }).where(eq(t.products.id, id)).run();
    recordAudit(db, viewer, { action: 'archive', entity: 'product', entityId: id, before: { archived: false }, after: { archived: true } });
    return reread(db, viewer, id);
  });
}

/** Restores an archived product (admins only; 409 when it is not archived). */
export function restoreProduct(db: Db, viewer: SignedIn, id: number): Product {
  assertAdmin(viewer);
  return db.transaction(() => {
    const { row } = productForWrite(db, viewer, id, true);
    if (row.archivedAt === null) throw conflict('产品未归档 / The product is not archived', 'not_archived');
    db.update(t.products).set({ archivedAt: null, updatedAt: NOW_SQL }).where(eq(t.products.id, id)).run();
    recordAudit(db, viewer, { action: 'restore', entity: 'product', entityId: id, before: { archived: true }, after: { archived: false } });
    return reread(db, viewer, id);
  });
}
