/**
 * The authorization matrix: every write endpoint (and the audit and account reads) × {anonymous,
 * official of the product's county, official of another county, admin}, each cell on fresh data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai, type ProductCreate } from '../../db/model';
import { createDesignation } from '../../server/domain/designations/designations';
import { archiveProduct, createProduct } from '../../server/domain/products/products-write';
import type { SignedIn } from '../../server/domain/access/viewer';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

type Who = 'anonymous' | 'own' | 'other' | 'admin';
const WHO: Who[] = ['anonymous', 'own', 'other', 'admin'];

let s: TestServer;
let admin: SignedIn;
const cookies: Partial<Record<Who, string>> = {};
let serial = 0;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  const a = await addAccount(s.db, 'city', 'admin');
  admin = { id: a.id, username: a.username, role: 'admin', county: null };
  cookies.own = await signIn(s.url, 'qinshui');
  cookies.other = await signIn(s.url, 'yangcheng');
  cookies.admin = await signIn(s.url, 'city');
});
afterAll(() => s.close());

/** A fresh product of 沁水县 (140521) with one cultivating designation, made by the admin. */
function fresh(extra: Partial<ProductCreate> = {}) {
  const product = createProduct(s.db, admin, { nameZh: `矩阵产品${++serial}`, category: 'food', counties: ['140521'], visibility: 'public', ...extra });
  const designation = createDesignation(s.db, admin, product.id, { giType: 'protected_product' }, todayInShanghai());
  return { product, designation };
}

/** A fresh official account to change, so no cell signs out another. */
function freshUser(): number {
  return (s.db.$client.prepare("INSERT INTO users (username, password_hash, role, county) VALUES (?, 'x', 'official', '140524') RETURNING id")
    .get(`target${++serial}`) as { id: number }).id;
}

interface Case { what: string; request: () => [method: string, path: string, body?: unknown]; expect: Record<Who, number> }

const today = todayInShanghai();
const cases: Case[] = [
  { what: 'POST /api/products in 沁水县', request: () => ['POST', '/api/products', { nameZh: `新产品${++serial}`, category: 'food', counties: ['140521'] }],
    expect: { anonymous: 401, own: 201, other: 403, admin: 201 } },
  { what: 'POST /api/products in 沁水县 and 阳城县', request: () => ['POST', '/api/products', { nameZh: `新产品${++serial}`, category: 'food', counties: ['140521', '140522'] }],
    expect: { anonymous: 401, own: 201, other: 201, admin: 201 } },
  { what: 'PATCH /api/products/:id (public)', request: () => ['PATCH', `/api/products/${fresh().product.id}`, { description: '改' }],
    expect: { anonymous: 401, own: 200, other: 403, admin: 200 } },
  { what: 'PATCH /api/products/:id (draft: hidden from other counties)', request: () => ['PATCH', `/api/products/${fresh({ visibility: 'draft' }).product.id}`, { description: '改' }],
    expect: { anonymous: 401, own: 200, other: 404, admin: 200 } },
  { what: 'PATCH /api/products/:id moving it out of 沁水县', request: () => ['PATCH', `/api/products/${fresh().product.id}`, { counties: ['140522'] }],
    expect: { anonymous: 401, own: 403, other: 403, admin: 200 } },
  { what: 'PATCH /api/products/:id adding 阳城县', request: () => ['PATCH', `/api/products/${fresh().product.id}`, { counties: ['140521', '140522'] }],
    expect: { anonymous: 401, own: 200, other: 403, admin: 200 } },
  { what: 'PATCH /api/products/:id (沁水+阳城) dropping 阳城县', request: () => ['PATCH', `/api/products/${fresh({ counties: ['140521', '140522'] }).product.id}`, { counties: ['140521'] }],
    expect: { anonymous: 401, own: 403, other: 200, admin: 200 } },
  { what: 'PATCH /api/products/:id (沁水+阳城) dropping 沁水县', request: () => ['PATCH', `/api/products/${fresh({ counties: ['140521', '140522'] }).product.id}`, { counties: ['140522'] }],
    expect: { anonymous: 401, own: 200, other: 403, admin: 200 } },
  { what: 'PATCH /api/products/:id (archived)', request: () => { const { product } = fresh(); archiveProduct(s.db, admin, product.id); return ['PATCH', `/api/products/${product.id}`, { description: '改' }]; },
    expect: { anonymous: 401, own: 409, other: 404, admin: 409 } },
  { what: 'PATCH /api/products/:id (no such product)', request: () => ['PATCH', '/api/products/999999', { description: '改' }],
    expect: { anonymous: 401, own: 404, other: 404, admin: 404 } },
  { what: 'DELETE /api/products/:id', request: () => ['DELETE', `/api/products/${fresh().product.id}`],
    expect: { anonymous: 401, own: 200, other: 403, admin: 200 } },
  { what: 'DELETE /api/products/:id (沁水+阳城)', request: () => ['DELETE', `/api/products/${fresh({ counties: ['140521', '140522'] }).product.id}`],
    expect: { anonymous: 401, own: 403, other: 403, admin: 200 } },
  { what: 'POST /api/products/:id/restore', request: () => { const { product } = fresh(); archiveProduct(s.db, admin, product.id); return ['POST', `/api/products/${product.id}/restore`]; },
    expect: { anonymous: 401, own: 403, other: 403, admin: 200 } },
  { what: 'POST /api/products/:id/designations', request: () => ['POST', `/api/products/${fresh().product.id}/designations`, { giType: 'agricultural_product' }],
    expect: { anonymous: 401, own: 201, other: 403, admin: 201 } },
  { what: 'PATCH /api/designations/:id', request: () => ['PATCH', `/api/designations/${fresh().designation.id}`, { notes: '备注' }],
    expect: { anonymous: 401, own: 200, other: 403, admin: 200 } },
  { what: 'PATCH /api/designations/:id (draft product)', request: () => ['PATCH', `/api/designations/${fresh({ visibility: 'draft' }).designation.id}`, { notes: '备注' }],
    expect: { anonymous: 401, own: 200, other: 404, admin: 200 } },
  { what: 'POST /api/designations/:id/transitions', request: () => ['POST', `/api/designations/${fresh().designation.id}/transitions`, { to: 'filed', on: today, note: '', confirmIncomplete: true }],
    expect: { anonymous: 401, own: 201, other: 403, admin: 201 } },
  { what: 'PUT /api/products/:id/participants', request: () => ['PUT', `/api/products/${fresh().product.id}/participants`, [{ role: 'farmers', households: 120 }]],
    expect: { anonymous: 401, own: 200, other: 403, admin: 200 } },
  { what: 'GET /api/audit', request: () => ['GET', '/api/audit'],
    expect: { anonymous: 401, own: 200, other: 200, admin: 200 } },
  { what: 'GET /api/users', request: () => ['GET', '/api/users'],
    expect: { anonymous: 401, own: 403, other: 403, admin: 200 } },
  { what: 'POST /api/users', request: () => ['POST', '/api/users', { username: `user${++serial}`, password: 'long enough pw', role: 'official', county: '140524' }],
    expect: { anonymous: 401, own: 403, other: 403, admin: 201 } },
  { what: 'PATCH /api/users/:id', request: () => ['PATCH', `/api/users/${freshUser()}`, { county: '140525' }],
    expect: { anonymous: 401, own: 403, other: 403, admin: 200 } },
  { what: 'GET /api/products/:id (draft)', request: () => ['GET', `/api/products/${fresh({ visibility: 'draft' }).product.id}`],
    expect: { anonymous: 404, own: 200, other: 404, admin: 200 } },
];

const cells = cases.flatMap((c) => WHO.map((who) => ({ ...c, who, status: c.expect[who] })));

describe('authorization matrix', () => {
  it.each(cells)('$what as $who → $status', async ({ request, who, status }) => {
    const [method, path, body] = request();
    const res = await send(s.url, method, path, body, cookies[who]);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status >= 400) expect(res.body.error.code).toEqual(expect.any(String));
  });
});
