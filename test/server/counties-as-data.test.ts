/**
 * The counties are data (issue 20): a boundary file with a seventh county — a made-up code and a small
 * polygon inside Jincheng's box, test data only — loaded by the seeds, and everything works with it over
 * HTTP: an admin makes an official of it, who creates a product in it and imports one from a sheet naming
 * it; the tally has its row, the map's counties and /api/counties have it, the annual report has its row.
 * A well-formed code that is no county is refused at the edge with a 400 that names it, nothing changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnualReport, County, CountyCollection, Tally, todayInShanghai } from '../../db/model';
import { containsPoint, countyBoundary, type BoundaryGeometry } from '../../server/domain/places/point-in-county';
import { startServer, type TestServer } from '../support/server';
import { SEEDED_BOUNDARY_FILE, SEEDED_COUNTY_CODES } from '../support/seeded-counties';
import { addAccount, dumpTables, send, signIn } from './fixtures';

/** The seventh county: a code no real county has, a square of about 9 km a side in the north-west of Jincheng's box. */
const SEVENTH = { code: '140599', nameZh: '测试区', nameEn: 'Test District' };
const SQUARE = [[111.75, 36.15], [111.85, 36.15], [111.85, 36.23], [111.75, 36.23], [111.75, 36.15]];
const INSIDE = { lat: 36.19, lng: 111.8 };

let dir: string;
let s: TestServer;
let admin: string;
const seeded = JSON.parse(readFileSync(SEEDED_BOUNDARY_FILE, 'utf8')) as { type: string; features: { properties: Record<string, unknown>; geometry: BoundaryGeometry }[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gi-seventh-'));
  const file = join(dir, 'counties-7.geojson');
  const seventh = {
    type: 'Feature',
    properties: { adcode: Number(SEVENTH.code), name: SEVENTH.nameZh, name_en: SEVENTH.nameEn, center: [INSIDE.lng, INSIDE.lat], centroid: [111.8, 36.2] },
    geometry: { type: 'Polygon', coordinates: [SQUARE] },
  };
  writeFileSync(file, JSON.stringify({ ...seeded, features: [...seeded.features, seventh] }));
  s = await startServer({ countiesFile: file });
  await addAccount(s.db, 'city', 'admin');
  admin = await signIn(s.url, 'city');
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a seventh county from the boundary file', () => {
  it('lies where none of the six does (the test data is what it says)', () => {
    const six = seeded.features.map((f) => countyBoundary(String(f.properties.adcode), f.geometry));
    expect(six.filter((c) => containsPoint(c, INSIDE.lat, INSIDE.lng))).toEqual([]);
  });

  it('is in /api/counties and in the map’s county GeoJSON, with its names and points', async () => {
    const list = County.array().parse((await send(s.url, 'GET', '/api/counties')).body);
    expect(list.map((c) => c.code)).toEqual([...SEEDED_COUNTY_CODES, SEVENTH.code]);
    expect(list.at(-1)).toEqual({ ...SEVENTH, seat: INSIDE, label: { lat: 36.2, lng: 111.8 }, startedOn: null, endedOn: null });
    const shapes = CountyCollection.parse((await send(s.url, 'GET', '/api/counties.geojson')).body);
    const feature = shapes.features.find((f) => f.id === SEVENTH.code)!;
    expect(feature.properties).toMatchObject({ nameZh: SEVENTH.nameZh, nameEn: SEVENTH.nameEn, products: 0 });
    expect(feature.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
  });

  it('takes an official: an admin creates one over HTTP, who signs in', async () => {
    const res = await send(s.url, 'POST', '/api/users', { username: 'ceshi', password: 'seventh county desk', role: 'official', county: SEVENTH.code }, admin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'official', county: SEVENTH.code });
    expect(await signIn(s.url, 'ceshi', 'seventh county desk')).toMatch(/^gi_session=/);
  });

  it('takes a product its official creates, with a place inside it and a GI in cultivation', async () => {
    const official = await signIn(s.url, 'ceshi', 'seventh county desk');
    const created = await send(s.url, 'POST', '/api/products', {
      nameZh: '测试区小米', category: 'food', counties: [SEVENTH.code], visibility: 'public',
      locations: [{ ...INSIDE, precision: 'exact', label: '测试村' }],
    }, official);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.counties).toEqual([SEVENTH.code]);
    const gi = await send(s.url, 'POST', `/api/products/${created.body.id}/designations`, { giType: 'trademark', markKind: 'collective' }, official);
    expect(gi.status, JSON.stringify(gi.body)).toBe(201);
    // A point outside the county is still refused, naming the county it is in.
    const astray = await send(s.url, 'PATCH', `/api/products/${created.body.id}`, { locations: [{ lat: 35.69, lng: 112.19, precision: 'exact' }] }, official);
    expect(astray.status).toBe(400);
    expect(astray.body.error.message).toMatch(/沁水县.*测试区/);
  });

  it('is read from a sheet by its name or its code', async () => {
    const official = await signIn(s.url, 'ceshi', 'seventh county desk');
    const sheet = ['产品名称,类别,所在县', '测试区核桃,食用农林产品及食品,测试区', '测试区花椒,食用农林产品及食品,140599'].join('\r\n');
    const res = await send(s.url, 'POST', '/api/import', { format: 'csv', data: Buffer.from(sheet).toString('base64') }, official);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.summary).toMatchObject({ created: 2, errors: 0 });
    const mine = await send(s.url, 'GET', `/api/products?county=${SEVENTH.code}&limit=200`, undefined, official);
    expect(mine.body.items.map((p: { nameZh: string }) => p.nameZh).sort()).toEqual(['测试区小米', '测试区核桃', '测试区花椒']);
  });

  it('has its row in the tally, counting its product', async () => {
    const tally = Tally.parse((await send(s.url, 'GET', `/api/tally?asOf=${todayInShanghai()}`)).body);
    expect(tally.counties.map((c) => c.code)).toEqual([...SEEDED_COUNTY_CODES, SEVENTH.code]);
    const row = tally.counties.find((c) => c.code === SEVENTH.code)!;
    expect(row.types.find((x) => x.giType === 'trademark')!.pipeline.cultivating).toBe(1);
  });

  it('has its row in the annual report, in the JSON and in the Excel file', async () => {
    const year = Number(todayInShanghai().slice(0, 4));
    const report = AnnualReport.parse((await send(s.url, 'GET', `/api/reports/annual?year=${year}`)).body);
    expect(report.byCounty.map((c) => c.code)).toEqual([...SEEDED_COUNTY_CODES, SEVENTH.code]);
    expect(report.byCounty.at(-1)).toMatchObject({ nameZh: SEVENTH.nameZh, nameEn: SEVENTH.nameEn });
    const file = await fetch(`${s.url}/api/reports/annual.xlsx?year=${year}`);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const counties = book.worksheets.find((w) => w.name === '分县')!;
    const names = counties.getColumn(1).values.slice(2);
    expect(names).toContain(SEVENTH.nameZh);
    expect(names).toHaveLength(SEEDED_COUNTY_CODES.length + 1);
  });
});

describe('a well-formed code that is no county', () => {
  it.each([
    ['an official of it', 'POST', '/api/users', { username: 'beijing', password: 'forbidden city gate', role: 'official', county: '110000' }, ['county']],
    ['a product in it', 'POST', '/api/products', { nameZh: '北京烤鸭', category: 'food', counties: ['140521', '110000'] }, ['counties', 1]],
  ])('refuses %s with a 400 naming the code, changing nothing', async (_what, method, path, body, at) => {
    const before = dumpTables(s.db);
    const res = await send(s.url, method, path, body, admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unknown_county', message: '110000 不是晋城市的县（市、区）代码 / 110000 is not a county of Jincheng' });
    expect(res.body.error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([at]);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses a sheet naming it: the import fails, its row naming the code, nothing stored', async () => {
    const before = dumpTables(s.db);
    const sheet = ['产品名称,类别,所在县', '北京烤鸭,食用农林产品及食品,110000'].join('\r\n');
    const res = await send(s.url, 'POST', '/api/import', { format: 'csv', data: Buffer.from(sheet).toString('base64') }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import_failed');
    const [row] = res.body.report.rows;
    expect(row.outcome).toBe('error');
    expect(row.problems[0].zh).toContain('110000');
    expect(row.problems[0].en).toContain('110000');
    // The counties it offers instead are today's seven.
    expect(row.problems[0].zh).toContain(SEVENTH.nameZh);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it.each(['/api/products', '/api/products.geojson', '/api/export/products.csv', '/api/audit', '/api/cultivation', '/api/divisions'])(
    'refuses it as a filter of %s (400 in JSON, naming it)', async (path) => {
      const res = await send(s.url, 'GET', `${path}?county=110000`, undefined, admin);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'unknown_county', issues: [{ path: ['county'] }] });
    },
  );

  it('refuses it as a county to move a product into', async () => {
    const id = (await send(s.url, 'GET', '/api/products?q=测试区小米', undefined, admin)).body.items[0].id;
    const before = dumpTables(s.db);
    const moved = await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['110000'] }, admin);
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toContain('110000');
    expect(dumpTables(s.db)).toEqual(before);
  });
});
