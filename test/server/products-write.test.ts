/** Product writes over HTTP: what a create, an edit, an archive and a restore do, and the workspace lists. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AREA_VERTICES } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, creditCode, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;
let qinshui: string;
let yangcheng: string;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  [admin, qinshui, yangcheng] = await Promise.all([signIn(s.url, 'city'), signIn(s.url, 'qinshui'), signIn(s.url, 'yangcheng')]);
});
afterAll(() => s.close());

const create = (body: object, cookie = qinshui) => send(s.url, 'POST', '/api/products', { category: 'food', counties: ['140521'], ...body }, cookie);
const names = (items: { nameZh: string }[]) => items.map((p) => p.nameZh);

describe('create and edit', () => {
  it('creates a draft with every part presented', async () => {
    const res = await create({
      nameZh: '沁水小米', nameEn: 'Qinshui millet', description: '谷子', quality: '色泽金黄',
      locations: [{ lat: 35.69, lng: 112.19, label: '龙港镇', precision: 'township', divisionCode: '140521100000' }],
      protectedArea: { text: '龙港镇', geometry: null }, sources: ['县志'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number), nameZh: '沁水小米', nameEn: 'Qinshui millet', category: 'food', counties: ['140521'],
      description: '谷子', quality: '色泽金黄', visibility: 'draft', archived: false,
      locations: [{ lat: 35.69, lng: 112.19, label: '龙港镇', precision: 'township', divisionCode: '140521100000' }],
      protectedArea: { text: '龙港镇', geometry: null }, sources: [{ title: '县志', url: null }], designations: [], participants: [], documents: [],
      figures: [], authorizedUsers: [], canEdit: true,
      createdAt: expect.any(String), updatedAt: expect.any(String),
      version: expect.any(String), participantsVersion: expect.any(String), figuresVersion: expect.any(String),
    });
    expect((await send(s.url, 'GET', `/api/products/${res.body.id}`)).status).toBe(404);
  });

  it('edits any field, bumps updatedAt, and publishes', async () => {
    const { body: p } = await create({ nameZh: '沁水核桃' });
    await new Promise((r) => setTimeout(r, 5));
    const res = await send(s.url, 'PATCH', `/api/products/${p.id}`, { nameEn: 'Qinshui walnut', counties: ['140521', '140522'], visibility: 'public', locations: [] }, qinshui);
    expect(res.body).toMatchObject({ nameEn: 'Qinshui walnut', counties: ['140521', '140522'], visibility: 'public' });
    expect(res.body.updatedAt > p.updatedAt).toBe(true);
    expect(res.body.createdAt).toBe(p.createdAt);
    expect((await send(s.url, 'GET', `/api/products/${p.id}`)).status).toBe(200);
    expect((await send(s.url, 'PATCH', `/api/products/${p.id}`, { description: '阳城也产' }, yangcheng)).status).toBe(200);
  });

  it('keeps a county on a shared product unless that county or an admin takes it off', async () => {
    const { body: p } = await create({ nameZh: '沁水阳城共有', counties: ['140521', '140522'] });
    const res = await send(s.url, 'PATCH', `/api/products/${p.id}`, { counties: ['140521'] }, qinshui);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('阳城县');
    expect((await send(s.url, 'DELETE', `/api/products/${p.id}`, undefined, qinshui)).status).toBe(403);
    expect((await send(s.url, 'PATCH', `/api/products/${p.id}`, { counties: ['140521'] }, yangcheng)).body.counties).toEqual(['140521']);
  });

  it(`accepts a protected area of ${MAX_AREA_VERTICES} vertices (under the body limit)`, async () => {
    const n = MAX_AREA_VERTICES - 1;
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return [+(112.2 + 0.05 * Math.cos(a)).toFixed(6), +(35.7 + 0.05 * Math.sin(a)).toFixed(6)];
    });
    const geometry = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
    const res = await create({ nameZh: '大范围产品', protectedArea: { text: '全县', geometry } });
    expect(res.status, JSON.stringify(res.body).slice(0, 200)).toBe(201);
    expect(res.body.protectedArea.geometry.coordinates[0]).toHaveLength(MAX_AREA_VERTICES);
  });

  it('replaces the participants and returns the new model', async () => {
    const { body: p } = await create({ nameZh: '沁水黑山羊' });
    const model = [
      { role: 'enterprise', name: '沁水某公司', creditCode: creditCode() },
      { role: 'cooperative', name: '某合作社', households: 40 },
      { role: 'farmers', households: 520, areaMu: 1000 },
    ];
    const res = await send(s.url, 'PUT', `/api/products/${p.id}/participants`, model, qinshui);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { role: 'enterprise', name: '沁水某公司', creditCode: creditCode(), households: null, areaMu: null, outputTonnes: null, valueWanYuan: null },
      { role: 'cooperative', name: '某合作社', creditCode: null, households: 40, areaMu: null, outputTonnes: null, valueWanYuan: null },
      { role: 'farmers', name: null, creditCode: null, households: 520, areaMu: 1000, outputTonnes: null, valueWanYuan: null },
    ]);
    expect((await send(s.url, 'PUT', `/api/products/${p.id}/participants`, [], qinshui)).body).toEqual([]);
  });
});

describe('archive and restore', () => {
  it('archives (hidden from the public, kept for officials), refuses edits, and an admin restores', async () => {
    const { body: p } = await create({ nameZh: '沁水旧品', visibility: 'public' });
    const archived = await send(s.url, 'DELETE', `/api/products/${p.id}`, undefined, qinshui);
    expect(archived.body.archived).toBe(true);
    expect((await send(s.url, 'GET', `/api/products/${p.id}`)).status).toBe(404);
    expect((await send(s.url, 'GET', `/api/products/${p.id}`, undefined, qinshui)).body.archived).toBe(true);
    expect((await send(s.url, 'PATCH', `/api/products/${p.id}`, { description: 'x' }, qinshui)).body.error.code).toBe('archived');
    expect((await send(s.url, 'DELETE', `/api/products/${p.id}`, undefined, qinshui)).status).toBe(409);
    const restored = await send(s.url, 'POST', `/api/products/${p.id}/restore`, undefined, admin);
    expect(restored.body.archived).toBe(false);
    expect((await send(s.url, 'GET', `/api/products/${p.id}`)).status).toBe(200);
  });
});

describe('workspace lists', () => {
  it('lists my products, drafts included, and archived ones apart', async () => {
    await create({ nameZh: '沁水草稿' });
    const { body: gone } = await create({ nameZh: '沁水归档' });
    await send(s.url, 'DELETE', `/api/products/${gone.id}`, undefined, qinshui);
    await create({ nameZh: '阳城草稿', counties: ['140522'] }, yangcheng);

    const mine = (await send(s.url, 'GET', '/api/products?mine=1&limit=1000', undefined, qinshui)).body;
    expect(names(mine.items)).toContain('沁水草稿');
    expect(names(mine.items)).toContain('沁水蜂蜜');
    expect(names(mine.items)).not.toContain('沁水归档');
    expect(names(mine.items)).not.toContain('阳城草稿');
    expect(mine.items.every((p: { counties: string[] }) => p.counties.includes('140521'))).toBe(true);

    const archived = (await send(s.url, 'GET', '/api/products?mine=1&archived=1', undefined, qinshui)).body;
    expect(names(archived.items)).toEqual(['沁水归档']);
    const everyone = (await send(s.url, 'GET', '/api/products?mine=1&limit=1000', undefined, admin)).body;
    expect(names(everyone.items)).toEqual(expect.arrayContaining(['沁水草稿', '阳城草稿']));
  });

  it('keeps the public list as it was and refuses the workspace flags to the public', async () => {
    const pub = (await send(s.url, 'GET', '/api/products?limit=1000')).body;
    expect(pub.items.every((p: { visibility: string; archived: boolean }) => p.visibility === 'public' && !p.archived)).toBe(true);
    expect(names(pub.items)).not.toContain('沁水草稿');
    expect((await send(s.url, 'GET', '/api/products?mine=1')).status).toBe(401);
    expect((await send(s.url, 'GET', '/api/products?archived=1')).status).toBe(401);
    expect((await send(s.url, 'GET', '/api/products?mine=yes', undefined, qinshui)).status).toBe(400);
  });
});
