/**
 * "Public and not archived" is decided in one place (publishedProducts in access/permissions.ts): the
 * public's reads, the tally, the feed and the verification index all see the same products, and no
 * other server file writes the condition again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import { projectRoot } from '../../../db/project-root';
import * as t from '../../../db/schema';
import { publishedProducts, readableProducts } from '../../../server/domain/access/permissions';
import { verifyIndex } from '../../../server/domain/marks/verify';
import { computeTally } from '../../../server/domain/tally/tally';
import { feedEntries } from '../../../server/exchange/export/feed';
import { sourceFiles } from '../../support/import-graph';
import { SEEDED_COUNTY_CODES } from '../../support/seeded-counties';

let db: Db;
const ids: Record<'published' | 'draft' | 'archived', number> = { published: 0, draft: 0, archived: 0 };

/** A product of 沁水县 with a granted GI that has an active authorised user, and the audit entries a writer leaves. */
function product(name: keyof typeof ids, visibility: 'draft' | 'public', archived: boolean): number {
  const { id } = db.insert(t.products).values({
    nameZh: `产品${name}`, category: 'food', visibility, archivedAt: archived ? '2024-06-01T00:00:00Z' : null,
  }).returning({ id: t.products.id }).get();
  db.insert(t.productCounties).values({ productId: id, countyCode: '140521' }).run();
  const d = db.insert(t.designations).values({ productId: id, giType: 'protected_product', status: 'granted' })
    .returning({ id: t.designations.id }).get();
  for (const to of ['cultivating', 'filed', 'granted'] as const) db.insert(t.transitions).values({ designationId: d.id, toStatus: to, on: '2022-05-01' }).run();
  db.insert(t.authorizedUsers).values({ designationId: d.id, name: `企业${name}`, nameKey: `企业${name}`, basis: 'approved_producer', from: '2022-06-01' }).run();
  db.insert(t.auditEvents).values({ action: 'create', entity: 'product', entityId: id, after: { visibility } }).run();
  db.insert(t.auditEvents).values({ action: 'transition', entity: 'designation', entityId: d.id, after: { status: 'granted', on: '2022-05-01' } }).run();
  return id;
}

beforeAll(() => {
  db = openDb(':memory:');
  for (const code of SEEDED_COUNTY_CODES) {
    db.insert(t.counties).values({ code, nameZh: code, nameEn: code, seatLat: 35.5, seatLng: 112.8, labelLat: 35.5, labelLng: 112.8, geometry: {} }).run();
  }
  ids.published = product('published', 'public', false);
  ids.draft = product('draft', 'draft', false);
  ids.archived = product('archived', 'public', true);
});

describe('published products, decided once', () => {
  it('selects the public, unarchived product alone', () => {
    const rows = db.select({ id: t.products.id }).from(t.products).where(publishedProducts()).all();
    expect(rows.map((r) => r.id)).toEqual([ids.published]);
    expect(db.select({ id: t.products.id }).from(t.products).where(readableProducts(db, null)).all()).toEqual(rows);
  });

  it('is what the tally, the feed and the verification index count', () => {
    const period = { id: 1, name: 'p', nameEn: 'p', startsOn: '2021-01-01', endsOn: '2025-12-31', targets: [] };
    const tally = computeTally(db, period, '2024-12-31');
    expect([tally.productsInForce, tally.authorizedUsers]).toEqual([1, 1]);
    expect([...new Set(feedEntries(db).map((e) => e.productId))]).toEqual([ids.published]);
    expect(verifyIndex(db, '2024-12-31').entries.map((e) => e.productId)).toEqual([ids.published]);
  });

  it('is written in permissions.ts alone', () => {
    const root = projectRoot();
    const writers = sourceFiles(root, ['server']).filter((f) => /products\.visibility,\s*'public'/.test(readFileSync(join(root, f), 'utf8')));
    expect(writers).toEqual(['server/domain/access/permissions.ts']);
  });
});
