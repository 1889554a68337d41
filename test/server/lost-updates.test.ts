/**
 * No lost edit, over HTTP against a real server (server/versions.ts): for every kind of editable resource,
 * a write without If-Match is a 428 and changes nothing; a write with the version read succeeds and moves
 * the version (the answer and its ETag carry the new one); a second write with the old version is a 412
 * whose `error.current` is the resource as it is now, and changes nothing; with the version now current it
 * goes through, knowingly. Editing one part of a product never makes another part's version stale, the
 * public sees no versions, and a deleted resource is a 404 (RFC 9110: preconditions are not evaluated when
 * the answer without them would be an error), If-Match or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Designation, Dossier, Product, UsageReturnList } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { pdfBytes, upload, uploadForm } from '../support/sample-files';
import { addAccount, creditCode, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let official: string;
let admin: string;
let productId: number;
let designationId: number;
let specificationId: number;
let documentId: number;
let userId: number;
let itemKey: string;

const thisYear = new Date().getFullYear();
const DUANSHI = '140521103000'; // 端氏镇
const JIAFENG = '140521104000'; // 嘉峰镇

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-versions', 'official', '140521');
  await addAccount(s.db, 'city-versions', 'admin');
  official = await signIn(s.url, 'qs-versions');
  admin = await signIn(s.url, 'city-versions');
  const created = async (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  productId = await created(await send(s.url, 'POST', '/api/products',
    { nameZh: '版本测试蜂蜜', category: 'food', counties: ['140521'], visibility: 'public', description: '初稿' }, official));
  designationId = await created(await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', startedOn: '2020-01-01' }, official));
  specificationId = await created(await send(s.url, 'POST', `/api/designations/${designationId}/specifications`, { title: '版本测试蜂蜜质量技术要求' }, official));
  documentId = await created(await upload(s.url, productId, uploadForm({ kind: 'certificate', title: '证书', visibility: 'public' }, { bytes: pdfBytes(), name: 'c.pdf' }), official));
  const granted = await created(await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'agricultural_product', startedOn: '2015-01-01' }, official));
  for (const [to, on] of [['filed', '2016-03'], ['granted', '2017-05-20']]) {
    expect((await send(s.url, 'POST', `/api/designations/${granted}/transitions`, { to, on, note: '', confirmIncomplete: true }, official)).status).toBe(201);
  }
  userId = await created(await send(s.url, 'POST', `/api/designations/${granted}/authorized-users`,
    { name: '版本测试蜂业有限公司', creditCode: creditCode('91140521MA0QW8812'), basis: 'approved_producer', from: `${thisYear - 1}-03-01` }, official));
  itemKey = ((await send(s.url, 'GET', `/api/designations/${designationId}/dossier`, undefined, official)).body as Dossier).items[0].key;
});
afterAll(() => s.close());

const product = async (cookie = official): Promise<Product> => (await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body;
const designationOf = (p: Product, id = designationId): Designation => {
  const { scope: _scope, ...d } = p.designations.find((x) => x.id === id)!;
  return d;
};
const dossier = async (): Promise<Dossier> => (await send(s.url, 'GET', `/api/designations/${designationId}/dossier`, undefined, official)).body;

/** A kind of resource: how its officials read it (its version, and its state as a 412 shows it), and two different writes. */
interface Kind {
  read: () => Promise<{ version: string; state: unknown }>;
  write: (n: 1 | 2) => { method: string; path: string; body?: unknown; cookie?: string };
  /** The version a successful write's answer carries, when it answers with the resource. */
  answered?: (body: any) => string | undefined;
}

const KINDS: Record<string, Kind> = {
  'a product’s own fields (PATCH)': {
    read: async () => { const p = await product(); return { version: p.version!, state: p }; },
    write: (n) => ({ method: 'PATCH', path: `/api/products/${productId}`, body: { quality: `品质 ${n}` } }),
    answered: (b) => b.version,
  },
  'a product’s participants (PUT)': {
    read: async () => { const p = await product(); return { version: p.participantsVersion!, state: { participants: p.participants, version: p.participantsVersion } }; },
    write: (n) => ({ method: 'PUT', path: `/api/products/${productId}/participants`, body: [{ role: 'farmers', households: 10 * n }] }),
  },
  'a product’s figures (PUT)': {
    read: async () => { const p = await product(); return { version: p.figuresVersion!, state: { figures: p.figures, version: p.figuresVersion } }; },
    write: (n) => ({ method: 'PUT', path: `/api/products/${productId}/figures`, body: [{ year: 2020, households: 100 * n }] }),
  },
  'a designation (PATCH)': {
    read: async () => { const d = designationOf(await product()); return { version: d.version!, state: d }; },
    write: (n) => ({ method: 'PATCH', path: `/api/designations/${designationId}`, body: { notes: `备注 ${n}` } }),
    answered: (b) => b.version,
  },
  'a specification record (PATCH)': {
    read: async () => {
      const spec = designationOf(await product()).specifications.find((x) => x.id === specificationId)!;
      return { version: spec.etag!, state: spec };
    },
    write: (n) => ({ method: 'PATCH', path: `/api/specifications/${specificationId}`, body: { note: `说明 ${n}` } }),
    answered: (b) => b.etag,
  },
  'a document (PATCH)': {
    read: async () => { const d = (await product()).documents.find((x) => x.id === documentId)!; return { version: d.version!, state: d }; },
    write: (n) => ({ method: 'PATCH', path: `/api/documents/${documentId}`, body: { title: `证书 ${n}` } }),
    answered: (b) => b.version,
  },
  'an authorised user (PATCH)': {
    read: async () => { const u = (await product()).authorizedUsers.find((x) => x.id === userId)!; return { version: u.version!, state: u }; },
    write: (n) => ({ method: 'PATCH', path: `/api/authorized-users/${userId}`, body: { reference: `公告 ${n}` } }),
    answered: (b) => b.version,
  },
  'a dossier item never filled in (PUT, `absent`)': {
    read: async () => { const item = (await dossier()).items.find((i) => i.key === itemKey)!; return { version: item.version!, state: item }; },
    write: (n) => ({ method: 'PUT', path: `/api/designations/${designationId}/dossier/${itemKey}`, body: { status: n === 1 ? 'in_progress' : 'ready', owner: `负责人 ${n}` } }),
    answered: (b) => b.items.find((i: { key: string }) => i.key === itemKey).version,
  },
  'a designation’s protected area, none kept (PUT, `absent`)': {
    read: async () => {
      const scope = (await product()).designations.find((x) => x.id === designationId)!.scope;
      return { version: scope?.version ?? 'absent', state: scope };
    },
    write: (n) => ({ method: 'PUT', path: `/api/designations/${designationId}/scope`, body: { text: n === 1 ? '端氏镇' : '嘉峰镇', codes: [n === 1 ? DUANSHI : JIAFENG] } }),
    answered: (b) => b.version,
  },
  'a usage return, none made (PUT, `absent`)': {
    read: async () => {
      const list: UsageReturnList = (await send(s.url, 'GET', `/api/authorized-users/${userId}/usage-returns`, undefined, official)).body;
      const r = list.items.find((x) => x.year === thisYear - 1) ?? null;
      return { version: r?.version ?? 'absent', state: r };
    },
    write: (n) => ({ method: 'PUT', path: `/api/authorized-users/${userId}/usage-returns/${thisYear - 1}`, body: { markedTonnes: n, outputTonnes: 10 } }),
    answered: (b) => b.version,
  },
  'a plan period (PUT)': {
    read: async () => {
      const period = (await send(s.url, 'GET', '/api/periods', undefined, admin)).body[0];
      return { version: period.version, state: period };
    },
    write: (n) => ({
      method: 'PUT', path: '/api/periods/1', cookie: admin,
      body: { name: '十四五', nameEn: `14th Five-Year Plan${n === 2 ? ' (2021–2025)' : ''}`, startsOn: '2021-01-01', endsOn: '2025-12-31', targets: [] },
    }),
    answered: (b) => b.version,
  },
  'the report settings (PUT)': {
    read: async () => { const r = (await send(s.url, 'GET', '/api/report-settings', undefined, admin)).body; return { version: r.version, state: r }; },
    write: (n) => ({ method: 'PUT', path: '/api/report-settings', cookie: admin, body: { issuerZh: `晋城市市场监督管理局 ${n}`, issuerEn: `Jincheng AMR ${n}` } }),
    answered: (b) => b.version,
  },
  'the readiness thresholds (PUT)': {
    read: async () => { const r = (await send(s.url, 'GET', '/api/readiness-settings', undefined, admin)).body; return { version: r.version, state: r }; },
    write: (n) => ({ method: 'PUT', path: '/api/readiness-settings', cookie: admin, body: { producerShare: 0.5 + n / 100, outputShare: 0.6, minYears: 3 } }),
    answered: (b) => b.version,
  },
  'a dossier template (PUT, its numbered version)': {
    read: async () => {
      const t = (await send(s.url, 'GET', '/api/dossier-templates/trademark', undefined, admin)).body;
      return { version: String(t.version), state: t };
    },
    write: (n) => ({
      method: 'PUT', path: '/api/dossier-templates/trademark', cookie: admin,
      body: { items: [{ key: 'applicant_qualification', titleZh: `申请人主体资格证明 ${n}`, titleEn: 'Applicant' }] },
    }),
    answered: (b) => String(b.version),
  },
};

describe('every kind of editable resource', () => {
  it.each(Object.entries(KINDS))('%s: 428 without If-Match, then the version read wins once and the stale one is a 412 showing what is there', async (_name, kind) => {
    const request = (n: 1 | 2, ifMatch: string) => {
      const { method, path, body, cookie = official } = kind.write(n);
      return send(s.url, method, path, body, cookie, { 'if-match': ifMatch });
    };
    const read = await kind.read();
    expect(read.version).toMatch(/^[\w-]{1,64}$/);

    let tables = dumpTables(s.db);
    const unversioned = await request(1, '');
    expect([unversioned.status, unversioned.body.error.code]).toEqual([428, 'version_required']);
    expect(dumpTables(s.db)).toEqual(tables);

    const first = await request(1, `"${read.version}"`);
    expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
    const now = await kind.read();
    expect(now.version).not.toBe(read.version);
    if (kind.answered) expect(kind.answered(first.body)).toBe(now.version);
    expect(first.headers.get('etag')).toBe(`"${now.version}"`);

    tables = dumpTables(s.db);
    const stale = await request(2, `"${read.version}"`);
    expect([stale.status, stale.body.error.code]).toEqual([412, 'stale_version']);
    expect(stale.body.error.message).toContain('此内容在您打开后已被他人修改');
    expect(stale.body.error.current).toEqual(now.state);
    expect(dumpTables(s.db)).toEqual(tables);

    // Seen what is there, the official saves again on the current version: it goes through.
    const knowing = await request(2, `"${now.version}"`);
    expect(knowing.status, JSON.stringify(knowing.body)).toBeLessThan(300);
    expect((await kind.read()).version).not.toBe(now.version);
  });

  it('takes `*` as "whatever is there now", and a list of versions when one of them is current', async () => {
    const p = await product();
    const path = `/api/products/${productId}`;
    expect((await send(s.url, 'PATCH', path, { nameEn: 'Version test honey' }, official, { 'if-match': '*' })).status).toBe(200);
    const q = await product();
    expect((await send(s.url, 'PATCH', path, { nameEn: 'Version honey' }, official, { 'if-match': `"${p.version}", "${q.version}"` })).status).toBe(200);
    expect((await send(s.url, 'PATCH', path, { nameEn: 'Version honey 2' }, official, { 'if-match': `W/"${p.version}"` })).status).toBe(412);
  });
});

describe('the moves and decisions that change a resource', () => {
  it('a move, archiving and restoring a product, and taking a template’s changes each need the version read', async () => {
    // A move (POST …/transitions) on a designation whose details changed meanwhile.
    const d = designationOf(await product());
    expect((await send(s.url, 'PATCH', `/api/designations/${designationId}`, { holder: '版本测试协会' }, official)).status).toBe(200);
    const move = { to: 'filed', on: '2021-03', note: '', confirmIncomplete: true };
    expect((await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, move, official, { 'if-match': '' })).status).toBe(428);
    const staleMove = await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, move, official, { 'if-match': `"${d.version}"` });
    expect(staleMove.status).toBe(412);
    expect(staleMove.body.error.current).toEqual(designationOf(await product()));
    const moved = await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, move, official, { 'if-match': `"${staleMove.body.error.current.version}"` });
    expect([moved.status, moved.body.status]).toEqual([201, 'filed']);

    // Archive and restore: the product's own version.
    const before = await product();
    expect((await send(s.url, 'PATCH', `/api/products/${productId}`, { description: '他人的修改' }, admin)).status).toBe(200);
    expect((await send(s.url, 'DELETE', `/api/products/${productId}`, undefined, official, { 'if-match': `"${before.version}"` })).status).toBe(412);
    const current = await product();
    const archived = await send(s.url, 'DELETE', `/api/products/${productId}`, undefined, official, { 'if-match': `"${current.version}"` });
    expect([archived.status, archived.body.archived]).toEqual([200, true]);
    expect((await send(s.url, 'POST', `/api/products/${productId}/restore`, undefined, admin, { 'if-match': `"${current.version}"` })).status).toBe(412);
    expect((await send(s.url, 'POST', `/api/products/${productId}/restore`, undefined, admin, { 'if-match': '' })).status).toBe(428);
    const restored = await send(s.url, 'POST', `/api/products/${productId}/restore`, undefined, admin, { 'if-match': `"${archived.body.version}"` });
    expect([restored.status, restored.body.archived]).toEqual([200, false]);
  });

  it('taking a checklist’s changes needs the dossier’s checklistVersion', async () => {
    const id = (await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'trademark', markKind: 'certification' }, official)).body.id as number;
    const first = ((await send(s.url, 'GET', `/api/designations/${id}/dossier`, undefined, official)).body as Dossier).items[0];
    expect((await send(s.url, 'PUT', `/api/designations/${id}/dossier/${first.key}`, { status: 'ready' }, official, { 'if-match': 'absent' })).status).toBe(200);
    const template = (await send(s.url, 'GET', '/api/dossier-templates/trademark', undefined, admin)).body;
    const items = [...template.items, { key: 'version_test', titleZh: '版本测试材料', titleEn: 'Version test item' }];
    expect((await send(s.url, 'PUT', '/api/dossier-templates/trademark', { items }, admin, { 'if-match': `"${template.version}"` })).status).toBe(200);
    const offered = (await send(s.url, 'GET', `/api/designations/${id}/dossier`, undefined, official)).body as Dossier;
    expect(offered.templateOffer?.add.map((i) => i.key)).toEqual(['version_test']);
    const body = { version: offered.templateOffer!.version };
    const accept = (ifMatch: string) => send(s.url, 'POST', `/api/designations/${id}/dossier-template`, body, official, { 'if-match': ifMatch });
    expect((await accept('')).status).toBe(428);
    expect((await accept('"not-this-one"')).status).toBe(412);
    const accepted = await accept(`"${offered.checklistVersion}"`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.checklistVersion).not.toBe(offered.checklistVersion);
    expect((await accept(`"${offered.checklistVersion}"`)).status).toBe(412);
    // Filling in an item is not a change of the checklist: no conflict with it.
    expect((await send(s.url, 'PUT', `/api/designations/${id}/dossier/version_test`, { status: 'in_progress' }, official, { 'if-match': 'absent' })).status).toBe(200);
    expect((await accept(`"${accepted.body.checklistVersion}"`)).status).toBe(200);
  });

  it('a review of a company’s return needs the return’s version', async () => {
    const year = thisYear;
    const issued = await send(s.url, 'POST', `/api/authorized-users/${userId}/return-links`, { year }, official);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const token = issued.body.path.split('/').pop();
    expect((await send(s.url, 'POST', `/api/return-links/${token}`, { markedTonnes: 1, outputTonnes: 2 })).status).toBe(201);
    const list: UsageReturnList = (await send(s.url, 'GET', `/api/authorized-users/${userId}/usage-returns`, undefined, official)).body;
    const submitted = list.items.find((r) => r.year === year)!;
    const review = (ifMatch: string) => send(s.url, 'POST', `/api/usage-returns/${submitted.id}/review`, { decision: 'accept' }, official, { 'if-match': ifMatch });
    expect((await review('')).status).toBe(428);
    expect((await review('"another"')).status).toBe(412);
    const accepted = await review(`"${submitted.version}"`);
    expect([accepted.status, accepted.body.status]).toEqual([200, 'accepted']);
    expect(accepted.headers.get('etag')).toBe(`"${accepted.body.version}"`);
  });

  it('recording a conversion needs the converted designation’s version, and the named one’s in the body', async () => {
    const agi = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'agricultural_product', startedOn: '2012-01-01' }, official);
    for (const [to, on] of [['filed', '2013-03'], ['granted', '2014-05-20']]) {
      expect((await send(s.url, 'POST', `/api/designations/${agi.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, official)).status).toBe(201);
    }
    const target = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', convertedFromId: agi.body.id, startedOn: '2023-01-01' }, official);
    expect(target.status, JSON.stringify(target.body)).toBe(201);
    const source = designationOf(await product(), agi.body.id);
    const body = { on: '2024-09-01', announcement: '第646号', designationId: target.body.id, designationVersion: target.body.version };
    const convert = (ifMatch: string, extra = {}) =>
      send(s.url, 'POST', `/api/designations/${agi.body.id}/conversion`, { ...body, ...extra }, official, { 'if-match': ifMatch });
    expect((await convert('')).status).toBe(428);
    // The named designation changed since its version was read: 412 showing it, nothing written.
    expect((await send(s.url, 'PATCH', `/api/designations/${target.body.id}`, { notes: '他人的修改' }, official)).status).toBe(200);
    const tables = dumpTables(s.db);
    const staleNamed = await convert(`"${source.version}"`);
    expect(staleNamed.status).toBe(412);
    expect(staleNamed.body.error.current).toMatchObject({ id: target.body.id, notes: '他人的修改' });
    expect(dumpTables(s.db)).toEqual(tables);
    const done = await convert(`"${source.version}"`, { designationVersion: staleNamed.body.error.current.version });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.headers.get('etag')).toBe(`"${done.body.converted.version}"`);
  });
});

describe('versions cover one part each: no false conflicts', () => {
  it('changing the product’s summary leaves its figures’, participants’, designations’ and dossier items’ versions as they were', async () => {
    const id = (await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product' }, official)).body.id as number;
    const p = await product();
    const d = designationOf(p, id);
    const item = ((await send(s.url, 'GET', `/api/designations/${id}/dossier`, undefined, official)).body as Dossier).items[0];
    const summary = await send(s.url, 'PATCH', `/api/products/${productId}`, { description: '另一位工作人员改了简介' }, admin, { 'if-match': `"${p.version}"` });
    expect(summary.status).toBe(200);
    expect(summary.body.version).not.toBe(p.version);
    expect(summary.body.updatedAt > p.updatedAt).toBe(true);
    // Every other part keeps its version, so a form opened before saves without a conflict.
    expect(summary.body.figuresVersion).toBe(p.figuresVersion);
    expect(summary.body.participantsVersion).toBe(p.participantsVersion);
    expect(designationOf(summary.body, id).version).toBe(d.version);
    const ok = async (method: string, path: string, body: unknown, version: string) =>
      expect((await send(s.url, method, path, body, official, { 'if-match': `"${version}"` })).status, path).toBeLessThan(300);
    await ok('PUT', `/api/products/${productId}/figures`, [{ year: 2021, households: 7 }], p.figuresVersion!);
    await ok('PUT', `/api/products/${productId}/participants`, [{ role: 'farmers', households: 7 }], p.participantsVersion!);
    await ok('PATCH', `/api/designations/${id}`, { notes: '我的备注' }, d.version!);
    await ok('PUT', `/api/designations/${id}/dossier/${item.key}`, { status: 'in_progress' }, item.version!);
    // …and those writes (which touch the product's updatedAt) leave the product's own version alone too.
    expect((await product()).version).toBe(summary.body.version);
  });

  it('shows no version to the public, nor to an official of another county', async () => {
    await addAccount(s.db, 'yc-versions', 'official', '140522');
    const other = await signIn(s.url, 'yc-versions');
    for (const cookie of [undefined, other]) {
      const text = JSON.stringify((await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body);
      expect(text).not.toMatch(/"(version|participantsVersion|figuresVersion|etag|checklistVersion)":"/);
      const items = JSON.stringify((await send(s.url, 'GET', `/api/designations/${designationId}/dossier`, undefined, cookie)).body);
      expect(items).not.toMatch(/"(version|checklistVersion)":"/);
    }
    expect(JSON.stringify((await send(s.url, 'GET', '/api/periods')).body)).not.toContain('"version"');
    expect(JSON.stringify((await send(s.url, 'GET', '/api/readiness-settings', undefined, official)).body)).not.toContain('"version"');
  });
});

describe('a resource someone deleted', () => {
  it('is a 404 whatever the If-Match (the answer without it would be one), and changes nothing', async () => {
    const spec = await send(s.url, 'POST', `/api/designations/${designationId}/specifications`, { title: '将被删除的版本' }, official);
    const doc = await upload(s.url, productId, uploadForm({ kind: 'other', title: '将被删除的文件', visibility: 'internal' }, { bytes: pdfBytes('x'), name: 'x.pdf' }), official);
    for (const [path, version, change] of [
      [`/api/specifications/${spec.body.id}`, spec.body.etag, { note: '晚了' }],
      [`/api/documents/${doc.body.id}`, doc.body.version, { title: '晚了' }],
    ] as const) {
      expect((await send(s.url, 'DELETE', path, undefined, admin, { 'if-match': `"${version}"` })).status).toBe(204);
      const tables = dumpTables(s.db);
      for (const ifMatch of [`"${version}"`, '*', '']) {
        expect((await send(s.url, 'PATCH', path, change, official, { 'if-match': ifMatch })).status, `${path} ${ifMatch}`).toBe(404);
        expect((await send(s.url, 'DELETE', path, undefined, official, { 'if-match': ifMatch })).status, `${path} ${ifMatch}`).toBe(404);
      }
      expect(dumpTables(s.db)).toEqual(tables);
    }
  });

  it('a stale DELETE of what someone changed is a 412 showing it, and deletes nothing', async () => {
    const spec = await send(s.url, 'POST', `/api/designations/${designationId}/specifications`, { title: '他人修改的版本' }, official);
    const changed = await send(s.url, 'PATCH', `/api/specifications/${spec.body.id}`, { number: 'DB14/T 0001-2024' }, admin, { 'if-match': `"${spec.body.etag}"` });
    expect(changed.status).toBe(200);
    const refused = await send(s.url, 'DELETE', `/api/specifications/${spec.body.id}`, undefined, official, { 'if-match': `"${spec.body.etag}"` });
    expect([refused.status, refused.body.error.current]).toEqual([412, changed.body]);
    expect((await send(s.url, 'DELETE', `/api/specifications/${spec.body.id}`, undefined, official, { 'if-match': `"${changed.body.etag}"` })).status).toBe(204);
  });
});
