/**
 * `npm run build:static` writes each open designation's public dossier beside the product files,
 * the same bytes the live server answers the public (no owner, due date or note), none for a
 * draft product; the client's static mode maps the dossier URL to that file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../db/model';
import { staticFileOf } from '../../client/lib/static-api';
import { buildStaticSite } from '../../server/cli/build-static';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let server: TestServer;
let work: string;
let out: string;
let openId: number;
let grantedId: number;
let draftDesignationId: number;

beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qs-static-dossier', 'official', '140521');
  const cookie = await signIn(server.url, 'qs-static-dossier');
  const today = todayInShanghai();
  const create = async (visibility: 'public' | 'draft') =>
    (await send(server.url, 'POST', '/api/products', { nameZh: `静态档案${visibility}`, category: 'food', counties: ['140521'], visibility }, cookie)).body.id as number;
  const designate = async (productId: number) =>
    (await send(server.url, 'POST', `/api/products/${productId}/designations`, { giType: 'trademark', markKind: 'collective' }, cookie)).body.id as number;
  const published = await create('public');
  openId = await designate(published);
  const put = await send(server.url, 'PUT', `/api/designations/${openId}/dossier/mark_design`,
    { status: 'ready', owner: '内部负责人李四', dueOn: today, note: '内部备注：已盖章' }, cookie);
  expect(put.status).toBe(200);
  grantedId = await designate(published);
  for (const to of ['filed', 'granted']) {
    const moved = await send(server.url, 'POST', `/api/designations/${grantedId}/transitions`, { to, on: today, note: '', confirmIncomplete: true }, cookie);
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
  }
  draftDesignationId = await designate(await create('draft'));

  work = mkdtempSync(join(tmpdir(), 'gi-static-dossier-'));
  const client = join(work, 'client');
  mkdirSync(client, { recursive: true });
  writeFileSync(join(client, 'index.html'), '<!doctype html><html><head><meta charset="utf-8" /><title>t</title></head><body></body></html>');
  out = join(work, 'site');
  await buildStaticSite(server.db, out, { clientDir: client, config: server.config, today });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('static dossiers', () => {
  it('writes an open designation’s dossier as the live server answers the public, with nothing internal', async () => {
    const file = readFileSync(join(out, `api/designations/${openId}/dossier.json`), 'utf8');
    const live = await (await fetch(`${server.url}/api/designations/${openId}/dossier`)).text();
    expect(file).toBe(live);
    const dossier = JSON.parse(file);
    expect(dossier).toMatchObject({ designationId: openId, itemsReady: 1, itemsNeeded: 8, templateOffer: null });
    expect(file).not.toContain('李四');
    expect(file).not.toContain('内部备注');
    expect(existsSync(join(out, `api/designations/${openId}/dossier.json.gz`))).toBe(true);
  });

  it('writes none for a closed designation or a draft product’s', () => {
    expect(existsSync(join(out, `api/designations/${grantedId}/dossier.json`))).toBe(false);
    expect(existsSync(join(out, `api/designations/${draftDesignationId}/dossier.json`))).toBe(false);
  });

  it('the client reads the dossier URL from that file', () => {
    expect(staticFileOf(`/api/designations/${openId}/dossier`)).toBe(`/api/designations/${openId}/dossier.json`);
    expect(staticFileOf('/api/designations/x/dossier')).toBeNull();
    expect(staticFileOf(`/api/designations/${openId}/dossier/mark_design`)).toBeNull();
  });
});
