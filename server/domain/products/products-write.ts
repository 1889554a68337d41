/**
 * Changing products: create, edit, archive and restore. Each runs in one transaction with its audit
 * entry, checks permissions first, and returns the product as the API shows it.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  productNameKey, ProductUpdate, type CountyCode, type Location, type Product, type ProductCreate, type ProtectedArea,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { conflict } from '../../errors';
import { validate } from '../../validate';
import { recordAudit } from '../access/audit';
import { assertCountiesExist } from '../places/county-history';
import { assertLocationDivisions, assertLocationsInCounties } from '../places/location-check';
import {
  assertAdmin, assertMayArchive, assertMayChangeCounties, assertMayEditIn, countyNames, productForWrite, readableProducts,
} from '../access/permissions';
import { getProduct } from './products-read';
import { NOW_SQL } from './product-stamp';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { productVersion } from '../access/resource-versions';

/**
 * The product as a writer sees it right after a change. They may read what they may change, except
 * right after taking their own county off a draft: then they are shown what they have just written
 * (read with the city's view), though they will not see it again.
 */
function reread(db: Db, viewer: SignedIn, id: number): Product {
  return getProduct(db, id, viewer) ?? getProduct(db, id, { ...viewer, role: 'admin', county: null })!;
}

/** The audited snapshot of a product: its own fields, not its designations, participants or documents (audited apart). */
function snapshot(p: Product): Partial<Product> {
  const { designations: _d, participants: _p, documents: _f, ...own } = p;
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

function storedLocations(db: Db, productId: number): Location[] {
  return db.select().from(t.locations).where(eq(t.locations.productId, productId)).orderBy(t.locations.position).all()
    .map((l) => ({ lat: l.lat, lng: l.lng, label: l.label, precision: l.precision, divisionCode: l.divisionCode }));
}

function writeArea(db: Db, productId: number, area: ProtectedArea | null): void {
  db.delete(t.protectedAreas).where(eq(t.protectedAreas.productId, productId)).run();
  if (area) db.insert(t.protectedAreas).values({ productId, text: area.text, geometry: area.geometry }).run();
}

// ---------------------------------------------------------------- texts checked here too

/** The text fields every caller (the routes, and the import, which reads cells its own way) passes through. */
const TextFields = ProductUpdate.pick({ nameZh: true, nameEn: true, description: true, quality: true, sources: true });

/**
 * The input with its text fields checked and cleaned as the API's schema does (no control or bidi
 * characters, invisible characters taken out of names, something visible left): 400 otherwise. The
 * routes have already done it; the import has not, so the rule holds for every way in.
 */
function cleanTexts<T extends Partial<ProductCreate>>(input: T): T {
  const texts = Object.fromEntries(Object.keys(TextFields.shape)
    .filter((k) => (input as Record<string, unknown>)[k] !== undefined)
    .map((k) => [k, (input as Record<string, unknown>)[k]]));
  return { ...input, ...validate(TextFields, texts, 'body') };
}

// ---------------------------------------------------------------- look-alike names

/**
 * Product ids by name key (productNameKey), per connection, so that a create or a rename (10,000 of
 * them in one import) does not read every product. Entries may be stale (a product renamed, archived,
 * or created in a savepoint that was rolled back): every hit is checked against the table. Products
 * written by this connection are added as they are written, and any id above `maxId` at the next look;
 * a commit by another connection (an import in a worker, the CLI) changes `data_version` and the index
 * is rebuilt.
 */
interface NameIndex {
  dataVersion: number; maxId: number; ids: Map<string, Set<number>>;
  version: () => number; since: (id: number) => [number, string][];
}
const nameIndexes = new WeakMap<Db, NameIndex>();

function rememberName(index: NameIndex, id: number, name: string): void {
  const key = productNameKey(name);
  let ids = index.ids.get(key);
  if (!ids) index.ids.set(key, (ids = new Set()));
  ids.add(id);
}

function nameIndex(db: Db): NameIndex {
  let index = nameIndexes.get(db);
  if (!index) {
    const version = db.$client.prepare('PRAGMA data_version').pluck();
    const since = db.$client.prepare('SELECT id, name_zh FROM products WHERE id > ? ORDER BY id').raw();
    index = {
      dataVersion: -1, maxId: 0, ids: new Map(),
      version: () => version.get() as number, since: (id) => since.all(id) as [number, string][],
    };
    nameIndexes.set(db, index);
  }
  const dataVersion = index.version();
  if (index.dataVersion !== dataVersion) Object.assign(index, { dataVersion, maxId: 0, ids: new Map() });
  const added = index.since(index.maxId);
  for (const [id, name] of added) rememberName(index, id, name);
  if (added.length > 0) index.maxId = added[added.length - 1][0];
  return index;
}

/**
 * 409 `duplicate_name` when a current (not archived) product other than `self`, among those the viewer
 * may read, has the same name key as `name` (NFKC, invisible characters and spaces removed, lower
 * case). The message names the product found, with its number and counties, so the official opens that
 * one instead of making a twin. Another county's draft is not looked at: its existence is not revealed
 * (the import's rule too); the city admin, who sees both, settles such a pair.
 */
function assertNoLookAlike(db: Db, viewer: SignedIn, name: string, self: number | null): void {
  const key = productNameKey(name);
  const candidates = nameIndex(db).ids.get(key);
  if (!candidates) return;
  for (const id of candidates) {
    if (id === self) continue;
    const row = db.select({ id: t.products.id, nameZh: t.products.nameZh, archivedAt: t.products.archivedAt })
      .from(t.products).where(and(eq(t.products.id, id), readableProducts(db, viewer))).get();
    if (!row || row.archivedAt !== null || productNameKey(row.nameZh) !== key) continue;
    const counties = db.select({ code: t.productCounties.countyCode }).from(t.productCounties)
      .where(eq(t.productCounties.productId, id)).all().map((c) => c.code);
    const where = countyNames(db, counties);
    throw conflict(
      `已有名称相同或看起来相同的产品"${row.nameZh}"（编号 ${row.id}，${where.zh}）：请修改那个产品，或换一个能区分开的名称 / ` +
      `A product with the same or a look-alike name already exists: "${row.nameZh}" (number ${row.id}, ${where.en}); change that product, or choose a name that tells them apart`,
      'duplicate_name',
    );
  }
}

// ---------------------------------------------------------------- writes

/**
 * Creates a product (a draft unless `visibility` says otherwise) in counties the viewer may manage
 * (an official's own county among them), each a county today (400 `unknown_county` otherwise). Its name is stored as typed, less invisible characters; a
 * look-alike of a current product's name is a 409.
 */
export function createProduct(db: Db, viewer: SignedIn, given: ProductCreate): Product {
  const input = cleanTexts(given);
  assertMayEditIn(viewer, input.counties);
  assertCountiesExist(db, input.counties);
  assertLocationsInCounties(db, input.counties, input.locations ?? []);
  assertLocationDivisions(db, input.counties, input.locations ?? []);
  return db.transaction(() => {
    assertNoLookAlike(db, viewer, input.nameZh, null);
    const { id } = db.insert(t.products).values({
      nameZh: input.nameZh, nameEn: input.nameEn ?? null, category: input.category,
      description: input.description ?? '', quality: input.quality ?? '',
      visibility: input.visibility ?? 'draft', sources: input.sources ?? [],
    }).returning({ id: t.products.id }).get();
    rememberName(nameIndex(db), id, input.nameZh);
    writeCounties(db, id, input.counties);
    writeLocations(db, id, input.locations ?? []);
    if (input.protectedArea) writeArea(db, id, input.protectedArea);
    const product = reread(db, viewer, id);
    recordAudit(db, viewer, { action: 'create', entity: 'product', entityId: id, before: null, after: snapshot(product) });
    return product;
  });
}

/**
 * Changes any editable fields of a product. An official may add counties and take their own off a
 * shared product, but not take another county off nor hand the product over (assertMayChangeCounties).
 * A new name that is a look-alike of another current product's is a 409. `check` (the route's
 * If-Match) sees the product's own version before anything is written.
 */
export function updateProduct(db: Db, viewer: SignedIn, id: number, given: ProductUpdate, check?: VersionCheck): Product {
  const patch = cleanTexts(given);
  return db.transaction(() => {
    const { row, counties: was } = productForWrite(db, viewer, id);
    if (check) {
      const current = reread(db, viewer, id);
      check(productVersion(current), current);
    }
    if (patch.counties) {
      assertMayChangeCounties(db, viewer, was, patch.counties);
      assertCountiesExist(db, patch.counties);
    }
    if (patch.counties || patch.locations) {
      // The points must still lie in the counties, whichever of the two changes.
      const locations = patch.locations ?? storedLocations(db, id);
      assertLocationsInCounties(db, patch.counties ?? was, locations);
      assertLocationDivisions(db, patch.counties ?? was, locations);
    }
    if (patch.nameZh !== undefined && productNameKey(patch.nameZh) !== productNameKey(row.nameZh)) {
      assertNoLookAlike(db, viewer, patch.nameZh, id);
    }
    const before = reread(db, viewer, id);
    const { counties, locations, protectedArea, ...own } = patch;
    db.update(t.products).set({ ...own, updatedAt: NOW_SQL }).where(eq(t.products.id, id)).run();
    if (counties) writeCounties(db, id, counties);
    if (locations) writeLocations(db, id, locations);
    if (protectedArea !== undefined) writeArea(db, id, protectedArea);
    if (patch.nameZh !== undefined) rememberName(nameIndex(db), id, patch.nameZh);
    const after = reread(db, viewer, id);
    const keys = Object.keys(patch);
    recordAudit(db, viewer, { action: 'update', entity: 'product', entityId: id, before: pick(before, keys), after: pick(after, keys) });
    return after;
  });
}

/**
 * Archives a product (never deleted): it leaves the public registry and lists, and can be restored.
 * A product shared with another county is archived by an admin only (assertMayArchive).
 */
export function archiveProduct(db: Db, viewer: SignedIn, id: number, check?: VersionCheck): Product {
  return db.transaction(() => {
    const { counties } = productForWrite(db, viewer, id);
    assertMayArchive(db, viewer, counties);
    if (check) {
      const current = reread(db, viewer, id);
      check(productVersion(current), current);
    }
    db.update(t.products).set({ archivedAt: NOW_SQL, updatedAt: NOW_SQL }).where(eq(t.products.id, id)).run();
    recordAudit(db, viewer, { action: 'archive', entity: 'product', entityId: id, before: { archived: false }, after: { archived: true } });
    return reread(db, viewer, id);
  });
}

/**
 * Restores an archived product (admins only; 409 when it is not archived, or when a current product
 * has taken a look-alike name meanwhile: rename or archive that one first).
 */
export function restoreProduct(db: Db, viewer: SignedIn, id: number, check?: VersionCheck): Product {
  assertAdmin(viewer);
  return db.transaction(() => {
    const { row } = productForWrite(db, viewer, id, true);
    if (check) {
      const current = reread(db, viewer, id);
      check(productVersion(current), current);
    }
    if (row.archivedAt === null) throw conflict('产品未归档 / The product is not archived', 'not_archived');
    assertNoLookAlike(db, viewer, row.nameZh, id);
    db.update(t.products).set({ archivedAt: null, updatedAt: NOW_SQL }).where(eq(t.products.id, id)).run();
    recordAudit(db, viewer, { action: 'restore', entity: 'product', entityId: id, before: { archived: true }, after: { archived: false } });
    return reread(db, viewer, id);
  });
}
