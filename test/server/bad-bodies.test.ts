/**
 * Bad input per write endpoint: each gets the right 4xx and leaves every table exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../db/model';
import { createDesignation } from '../../server/domain/designations/designations';
import { createProduct } from '../../server/domain/products/products-write';
import type { SignedIn } from '../../server/domain/access/viewer';
import { startServer, type TestServer } from '../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;
let official: string;
let productId: number;
let designationId: number;
let adminId: number;
let otherAdminId: number;

const tomorrow = todayInShanghai(new Date(Date.now() + 24 * 3600 * 1000));
const product = { nameZh: '测试产品', category: 'food', counties: ['140521'] };
const ring = (pts: [number, number][]) => [...pts, pts[0]];
const square = ring([[112.40, 35.70], [112.50, 35.70], [112.50, 35.80], [112.40, 35.80]]);
const bad17 = '91140500MA0K2B3C4';
const wrongCheck = bad17 + (creditCode(bad17).endsWith('0') ? '1' : '0');

beforeAll(async () => {
  s = await startServer();
  const a = await addAccount(s.db, 'city', 'admin');
  otherAdminId = (await addAccount(s.db, 'city2', 'admin')).id;
  await addAccount(s.db, 'qinshui', 'official', '140521');
  adminId = a.id;
  const viewer: SignedIn = { id: a.id, username: 'city', role: 'admin', county: null };
  productId = createProduct(s.db, viewer, { nameZh: '测试产品', category: 'food', counties: ['140521'], visibility: 'public' }).id;
  designationId = createDesignation(s.db, viewer, productId, { giType: 'protected_product', startedOn: '2024-01-01' }, todayInShanghai()).id;
  admin = await signIn(s.url, 'city');
  official = await signIn(s.url, 'qinshui');
});
afterAll(() => s.close());

interface BadCase { what: string; method: string; path: () => string; body?: unknown; headers?: Record<string, string>; as?: 'admin' | 'official'; status: number; code?: string }

const P = () => `/api/products/${productId}`;
const D = () => `/api/designations/${designationId}`;
const T = () => `/api/designations/${designationId}/transitions`;
const cases: BadCase[] = [
  // POST /api/products
  { what: 'product: wrong type', method: 'POST', path: () => '/api/products', body: { ...product, nameZh: 5 }, status: 400 },
  { what: 'product: unknown key', method: 'POST', path: () => '/api/products', body: { ...product, colour: 'gold' }, status: 400 },
  { what: 'product: server-owned key (id)', method: 'POST', path: () => '/api/products', body: { ...product, id: 1 }, status: 400 },
  { what: 'product: name too long', method: 'POST', path: () => '/api/products', body: { ...product, nameZh: '长'.repeat(101) }, status: 400 },
  { what: 'product: missing counties', method: 'POST', path: () => '/api/products', body: { nameZh: 'x', category: 'food' }, status: 400 },
  { what: 'product: unknown county', method: 'POST', path: () => '/api/products', body: { ...product, counties: ['140500'] }, status: 400 },
  { what: 'product: county twice', method: 'POST', path: () => '/api/products', body: { ...product, counties: ['140521', '140521'] }, status: 400 },
  { what: 'product: bad category', method: 'POST', path: () => '/api/products', body: { ...product, category: 'fruit' }, status: 400 },
  { what: 'product: location in Beijing', method: 'POST', path: () => '/api/products', body: { ...product, locations: [{ lat: 39.9, lng: 116.4, precision: 'exact' }] }, status: 400 },
  { what: 'product: lat/lng swapped', method: 'POST', path: () => '/api/products', body: { ...product, locations: [{ lat: 112.8, lng: 35.5, precision: 'exact' }] }, status: 400 },
  { what: 'product: GeoJSON ring not closed', method: 'POST', path: () => '/api/products', body: { ...product, protectedArea: { text: '', geometry: { type: 'Polygon', coordinates: [square.slice(0, 4)] } } }, status: 400 },
  { what: 'product: GeoJSON Point', method: 'POST', path: () => '/api/products', body: { ...product, protectedArea: { text: '', geometry: { type: 'Point', coordinates: [112.8, 35.5] } } }, status: 400 },
  { what: 'product: polygon outside Jincheng', method: 'POST', path: () => '/api/products', body: { ...product, protectedArea: { geometry: { type: 'Polygon', coordinates: [ring([[116.3, 39.9], [116.4, 39.9], [116.4, 40.0]])] } } }, status: 400 },
  { what: 'product: official outside own county', method: 'POST', path: () => '/api/products', body: { ...product, counties: ['140522'] }, as: 'official', status: 403 },
  { what: 'product: array body', method: 'POST', path: () => '/api/products', body: [product], status: 400 },
  { what: 'product: malformed JSON', method: 'POST', path: () => '/api/products', body: '{"nameZh":', status: 400 },
  { what: 'product: text/plain body', method: 'POST', path: () => '/api/products', body: JSON.stringify(product), headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported_media_type' },
  { what: 'product: form body', method: 'POST', path: () => '/api/products', body: 'nameZh=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415 },
  { what: 'product: foreign Origin', method: 'POST', path: () => '/api/products', body: product, headers: { origin: 'https://evil.example' }, status: 403 },
  { what: 'product: oversized body', method: 'POST', path: () => '/api/products', body: { ...product, description: 'x'.repeat(3 * 1024 * 1024) }, status: 413, code: 'payload_too_large' },
  // PATCH /api/products/:id
  { what: 'patch: unknown key archived', method: 'PATCH', path: P, body: { archived: true }, status: 400 },
  { what: 'patch: empty name', method: 'PATCH', path: P, body: { nameZh: '  ' }, status: 400 },
  { what: 'patch: bad visibility', method: 'PATCH', path: P, body: { visibility: 'secret' }, status: 400 },
  { what: 'patch: bad id', method: 'PATCH', path: () => '/api/products/abc', body: { description: 'x' }, status: 400 },
  { what: 'patch: too many vertices', method: 'PATCH', path: P, body: { protectedArea: { geometry: { type: 'Polygon', coordinates: [ring(Array.from({ length: 20_001 }, (_, i) => [112.4 + i / 1e6, 35.7 + (i % 2) / 100] as [number, number]))] } } }, status: 400 },
  { what: 'patch: official moving it out', method: 'PATCH', path: P, body: { counties: ['140522'] }, as: 'official', status: 403 },
  { what: 'patch: foreign Origin', method: 'PATCH', path: P, body: { description: 'x' }, headers: { origin: 'http://localhost:9999' }, status: 403 },
  { what: 'archive: foreign Origin', method: 'DELETE', path: P, headers: { origin: 'https://evil.example' }, status: 403 },
  { what: 'restore: not archived', method: 'POST', path: () => `${P()}/restore`, status: 409, code: 'not_archived' },
  // POST /api/products/:id/designations
  { what: 'designation: trademark without kind', method: 'POST', path: () => `${P()}/designations`, body: { giType: 'trademark' }, status: 400 },
  { what: 'designation: kind on a protected product', method: 'POST', path: () => `${P()}/designations`, body: { giType: 'protected_product', markKind: 'collective' }, status: 400 },
  { what: 'designation: bad credit code', method: 'POST', path: () => `${P()}/designations`, body: { giType: 'protected_product', holderCreditCode: wrongCheck }, status: 400 },
  { what: 'designation: future start', method: 'POST', path: () => `${P()}/designations`, body: { giType: 'protected_product', startedOn: tomorrow }, status: 400 },
  { what: 'designation: status given', method: 'POST', path: () => `${P()}/designations`, body: { giType: 'protected_product', status: 'granted' }, status: 400 },
  { what: 'designation: unknown type', method: 'POST', path: () => `${P()}/designations`, body: { giType: 'patent' }, status: 400 },
  { what: 'designation: no such product', method: 'POST', path: () => '/api/products/999999/designations', body: { giType: 'protected_product' }, status: 404 },
  // PATCH /api/designations/:id
  { what: 'designation patch: status', method: 'PATCH', path: D, body: { status: 'granted' }, status: 400 },
  { what: 'designation patch: kind on a protected product', method: 'PATCH', path: D, body: { markKind: 'certification' }, status: 400 },
  { what: 'designation patch: bad check character', method: 'PATCH', path: D, body: { holderCreditCode: wrongCheck }, status: 400 },
  { what: 'designation patch: bad date', method: 'PATCH', path: D, body: { validUntil: '2026-13-01' }, status: 400 },
  { what: 'designation patch: notes too long', method: 'PATCH', path: D, body: { notes: 'x'.repeat(2001) }, status: 400 },
  // POST /api/designations/:id/transitions
  { what: 'move: illegal (cultivating → granted)', method: 'POST', path: T, body: { to: 'granted', on: '2024-02-01' }, status: 409, code: 'illegal_transition' },
  { what: 'move: future date', method: 'POST', path: T, body: { to: 'filed', on: tomorrow }, status: 400 },
  { what: 'move: before the previous move', method: 'POST', path: T, body: { to: 'filed', on: '2023-12-31' }, status: 400 },
  { what: 'move: unknown status', method: 'POST', path: T, body: { to: 'approved', on: '2024-02-01' }, status: 400 },
  { what: 'move: no date', method: 'POST', path: T, body: { to: 'filed' }, status: 400 },
  { what: 'move: user given', method: 'POST', path: T, body: { to: 'filed', on: '2024-02-01', by: 'someone' }, status: 400 },
  // PUT /api/products/:id/participants
  { what: 'participants: farmers with a name', method: 'PUT', path: () => `${P()}/participants`, body: [{ role: 'farmers', name: '农户' }], status: 400 },
  { what: 'participants: cooperative without a name', method: 'PUT', path: () => `${P()}/participants`, body: [{ role: 'cooperative' }], status: 400 },
  { what: 'participants: negative households', method: 'PUT', path: () => `${P()}/participants`, body: [{ role: 'farmers', households: -1 }], status: 400 },
  { what: 'participants: bad credit code', method: 'PUT', path: () => `${P()}/participants`, body: [{ role: 'enterprise', name: '公司', creditCode: '123' }], status: 400 },
  { what: 'participants: an object, not an array', method: 'PUT', path: () => `${P()}/participants`, body: { role: 'farmers' }, status: 400 },
  // users
  { what: 'user: short password', method: 'POST', path: () => '/api/users', body: { username: 'newbie', password: 'short', role: 'admin' }, status: 400 },
  { what: 'user: official without county', method: 'POST', path: () => '/api/users', body: { username: 'newbie', password: 'long enough pw', role: 'official' }, status: 400 },
  { what: 'user: admin with county', method: 'POST', path: () => '/api/users', body: { username: 'newbie', password: 'long enough pw', role: 'admin', county: '140521' }, status: 400 },
  { what: 'user: bad username', method: 'POST', path: () => '/api/users', body: { username: 'Bad Name', password: 'long enough pw', role: 'admin' }, status: 400 },
  { what: 'user: taken username', method: 'POST', path: () => '/api/users', body: { username: 'qinshui', password: 'long enough pw', role: 'official', county: '140521' }, status: 409, code: 'username_taken' },
  { what: 'user: password hash given', method: 'PATCH', path: () => `/api/users/${otherAdminId}`, body: { passwordHash: 'x' }, status: 400 },
  { what: 'user: demote an admin without a county', method: 'PATCH', path: () => `/api/users/${otherAdminId}`, body: { role: 'official' }, status: 400 },
  { what: 'user: deactivate myself', method: 'PATCH', path: () => `/api/users/${adminId}`, body: { active: false }, status: 403 },
  { what: 'user: demote myself', method: 'PATCH', path: () => `/api/users/${adminId}`, body: { role: 'official', county: '140521' }, status: 403 },
  { what: 'user: no such user', method: 'PATCH', path: () => '/api/users/999999', body: { active: false }, status: 404 },
];

describe('bad bodies', () => {
  it.each(cases)('$what → $status', async ({ method, path, body, headers, as = 'admin', status, code }) => {
    const before = dumpTables(s.db);
    const res = await send(s.url, method, path(), body, as === 'admin' ? admin : official, headers);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
    expect(res.body.error.code).toEqual(code ?? expect.any(String));
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('names the offending fields and lists the issues in a 400', async () => {
    const res = await send(s.url, 'POST', '/api/products', { ...product, nameZh: 5, colour: 'x' }, admin);
    expect(res.body.error.message).toMatch(/nameZh/);
    expect(res.body.error.issues.length).toBeGreaterThanOrEqual(2);
  });

  it('names the allowed moves in a refused transition', async () => {
    const res = await send(s.url, 'POST', T(), { to: 'granted', on: '2024-02-01' }, admin);
    expect(res.body.error.message).toMatch(/filed, withdrawn/);
  });
});
