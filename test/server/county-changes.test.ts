/**
 * Division changes recorded with `npm run counties:change` against a running server's database, then read
 * over HTTP: a rename (高平市 140581 → a made-up 140598) and a split (阳城县 140522 → made-up 140596 and
 * 140597), each on 2024-01-01. Before the day the tally and the report count under the old code exactly as
 * they did before the change was recorded; from it, under the new ones. Products and officials move,
 * audited; the old code is refused for new writes; a split waits for every product's new county. The
 * boundaries are test data (the old county's shape, or halves of its box), never shipped.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnualReport, County, CountyCollection, Tally } from '../../db/model';
import { countyBoundary, type BoundaryGeometry } from '../../server/domain/places/point-in-county';
import { startServer, type TestServer } from '../support/server';
import { SEEDED_BOUNDARY_FILE, SEEDED_COUNTY_CODES } from '../support/seeded-counties';
import { addAccount, dumpTables, send, signIn } from './fixtures';

const ON = '2024-01-01';
const BEFORE = '2023-12-31';
const AFTER = '2024-06-01';
const SOURCE = '晋城市行政区划调整公告（测试数据） <https://example.org/division-change>';

interface Feature { type: 'Feature'; properties: Record<string, unknown>; geometry: BoundaryGeometry }
const seeded = (JSON.parse(readFileSync(SEEDED_BOUNDARY_FILE, 'utf8')) as { features: Feature[] }).features;
const featureOf = (code: string) => seeded.find((f) => String(f.properties.adcode) === code)!;

let dir: string;
let s: TestServer;
let admin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gi-change-'));
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'gaoping', 'official', '140581');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  admin = await signIn(s.url, 'city');
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command on the server's database file (in another process, while the server keeps answering). */
function change(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/county-change.ts', ...args], { env: { ...process.env, DATABASE_PATH: s.dbFile }, encoding: 'utf8', timeout: 60_000 },
      (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err }));
  });
}

/** Writes a file into the test's folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const tally = async (asOf: string) => Tally.parse((await send(s.url, 'GET', `/api/tally?period=1&asOf=${asOf}`)).body);
const row = (t: Tally, code: string) => t.counties.find((c) => c.code === code);
const inForce = (r: Tally['counties'][number] | undefined) => Object.fromEntries((r?.types ?? []).map((x) => [x.giType, x.inForce]));
const report = async (year: number) => AnnualReport.parse((await send(s.url, 'GET', `/api/reports/annual?year=${year}`)).body);
const counties = async () => County.array().parse((await send(s.url, 'GET', '/api/counties')).body);
const productNamed = async (name: string) => {
  const found = (await send(s.url, 'GET', `/api/products?q=${encodeURIComponent(name)}&limit=200`, undefined, admin)).body.items
    .find((p: { nameZh: string }) => p.nameZh === name);
  return (await send(s.url, 'GET', `/api/products/${found.id}`, undefined, admin)).body;
};

describe('a rename: 高平市 140581 → 140598 on 2024-01-01', () => {
  let before: { early: Tally; late: Tally; report2023: AnnualReport };
  let session: string;

  beforeAll(async () => {
    before = { early: await tally(BEFORE), late: await tally(AFTER), report2023: await report(2023) };
    session = await signIn(s.url, 'gaoping');
    const gaoping = featureOf('140581');
    const boundaries = file('gaoping.geojson', JSON.stringify({
      type: 'FeatureCollection',
      features: [{ ...gaoping, properties: { ...gaoping.properties, adcode: 140598, name: '高平区', name_en: 'Gaoping District' } }],
    }));
    const r = await change(['--on', ON, '--from', '140581', '--to', '140598', '--boundaries', boundaries, '--source', SOURCE, '--note', '撤市设区（测试）']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/140581 → 140598 on 2024-01-01; counties added 140598; 3 product\(s\) and 1 account\(s\) moved/);
  });

  it('ends the old county and begins the new one in /api/counties; the map draws the new one only', async () => {
    const list = await counties();
    expect(list.find((c) => c.code === '140581')).toMatchObject({ nameZh: '高平市', startedOn: null, endedOn: ON });
    expect(list.find((c) => c.code === '140598')).toMatchObject({ nameZh: '高平区', nameEn: 'Gaoping District', startedOn: ON, endedOn: null });
    const shapes = CountyCollection.parse((await send(s.url, 'GET', '/api/counties.geojson')).body);
    expect(shapes.features.map((f) => f.id)).toEqual(['140502', '140521', '140522', '140524', '140525', '140598']);
  });

  it('counts under the old code before the day, exactly as before the change was recorded', async () => {
    expect(await tally(BEFORE)).toEqual(before.early);
    expect((await report(2023)).byCounty).toEqual(before.report2023.byCounty);
  });

  it('counts under the new code from the day: the same figures, the new row in place of the old', async () => {
    const late = await tally(AFTER);
    expect(late.counties.map((c) => c.code)).toEqual(['140502', '140521', '140522', '140524', '140525', '140598']);
    expect(row(late, '140598')!.types).toEqual(row(before.late, '140581')!.types);
    expect(late.types).toEqual(before.late.types);
    const byCounty = (await report(2024)).byCounty;
    expect(byCounty.at(-1)).toMatchObject({ code: '140598', nameZh: '高平区' });
  });

  it('moves the products, their county-level places with them, audited with the change’s note', async () => {
    const pear = await productNamed('高平大黄梨');
    expect(pear.counties).toEqual(['140598']);
    expect(pear.locations).toEqual([expect.objectContaining({ precision: 'county', label: '高平区' })]);
    const tea = await productNamed('晋城药茶');
    expect(tea.counties).toEqual(['140502', '140521', '140522', '140524', '140525', '140598']);
    const events = (await send(s.url, 'GET', `/api/audit?entity=product&id=${pear.id}`, undefined, admin)).body.items;
    expect(events[0]).toMatchObject({ action: 'update', user: null, before: { counties: ['140581'] }, after: { counties: ['140598'] } });
    expect(events[0].after.note).toBe('行政区划变更（2024-01-01）140581 → 140598：撤市设区（测试）');
  });

  it('moves the official’s account (its sessions end) and the official works in the new county', async () => {
    expect((await send(s.url, 'GET', '/api/session', undefined, session)).status).toBe(401);
    const official = await signIn(s.url, 'gaoping');
    expect((await send(s.url, 'GET', '/api/session', undefined, official)).body).toMatchObject({ county: '140598' });
    const created = await send(s.url, 'POST', '/api/products', { nameZh: '高平区黄小米', category: 'food', counties: ['140598'] }, official);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });

  it('refuses the old code for new writes, saying what it became', async () => {
    const before = dumpTables(s.db);
    const res = await send(s.url, 'POST', '/api/products', { nameZh: '高平旧县产品', category: 'food', counties: ['140581'] }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('高平市（140581）已于 2024-01-01 因行政区划变更撤销，现为高平区（140598） / '
      + 'Gaoping City (140581) ended on 2024-01-01 with a division change; it is now Gaoping District (140598)');
    const official = await send(s.url, 'POST', '/api/users', { username: 'oldgaoping', password: 'old gaoping pw', role: 'official', county: '140581' }, admin);
    expect(official.status).toBe(400);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses the same change again, changing nothing', async () => {
    const before = dumpTables(s.db);
    const r = await change(['--on', ON, '--from', '140581', '--to', '140598', '--source', SOURCE]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/高平市（140581）在 2024-01-01 已不是县（市、区）/);
    expect(dumpTables(s.db)).toEqual(before);
  });
});

describe('a split: 阳城县 140522 → 140596 and 140597 on 2024-01-01', () => {
  let boundaries: string;
  let before: { early: Tally; late: Tally };
  let silk: { id: number; designations: { giType: string; status: string }[] };

  beforeAll(async () => {
    // Test data: the halves of 阳城县's box, east and west, each labelled at its middle.
    const { box } = countyBoundary('140522', featureOf('140522').geometry);
    const mid = (box.west + box.east) / 2;
    const half = (code: number, name: string, nameEn: string, west: number, east: number): Feature & { properties: Record<string, unknown> } => {
      const centre = [(west + east) / 2, (box.south + box.north) / 2];
      return {
        type: 'Feature', properties: { adcode: code, name, name_en: nameEn, center: centre, centroid: centre },
        geometry: { type: 'Polygon', coordinates: [[[west, box.south], [east, box.south], [east, box.north], [west, box.north], [west, box.south]]] },
      };
    };
    boundaries = file('yangcheng.geojson', JSON.stringify({
      type: 'FeatureCollection', features: [half(140596, '阳城东区', 'Yangcheng East', mid, box.east), half(140597, '阳城西区', 'Yangcheng West', box.west, mid)],
    }));
    before = { early: await tally(BEFORE), late: await tally(AFTER) };
    silk = await productNamed('阳城蚕茧');
  });

  const split = (...extra: string[]) => change(['--on', ON, '--from', '140522', '--to', '140596', '--to', '140597', '--boundaries', boundaries, '--source', SOURCE, ...extra]);

  it('lists the products that need their new county as a CSV to fill in, changing nothing', async () => {
    const unchanged = dumpTables(s.db);
    const r = await split();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/6 product\(s\) of 140522 need their new county/);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('product_id,counties,name,archived');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['"阳城蚕茧"', '"阳城桑椹"', '"阳城山茱萸"', '"晋城药茶"', '"阳城桑蚕"', '"析城山小米"']);
    expect(dumpTables(s.db)).toEqual(unchanged);
  });

  it('refuses a list that leaves the county’s officials without a county, or names a county outside the split', async () => {
    const unchanged = dumpTables(s.db);
    const ids = (await split()).out.trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
    const all = file('all-east.csv', ['product_id,counties', ...ids.map((id) => `${id},140596`)].join('\n'));
    const noAccounts = await split('--products', all);
    expect(noAccounts.code).toBe(1);
    expect(noAccounts.err).toMatch(/140522 has 1 official account\(s\): say which of 140596, 140597 they move to/);
    const wrong = file('wrong.csv', ['product_id,counties', ...ids.map((id) => `${id},140521`)].join('\n'));
    expect((await split('--products', wrong, '--accounts-to', '140596')).err).toMatch(/new counties must be among 140596, 140597/);
    expect(dumpTables(s.db)).toEqual(unchanged);
  });

  it('records it with each product in its part; the tally counts the old county before the day, the parts from it', async () => {
    const ids = (await split()).out.trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
    const tea = (await productNamed('晋城药茶')).id;
    // 阳城蚕茧 is in the west part, 晋城药茶 in both, the others in the east.
    const list = file('split.csv', ['product_id,counties', ...ids.map((id) => `${id},${id === silk.id ? '140597' : id === tea ? '140596;140597' : '140596'}`)].join('\n'));
    const r = await split('--products', list, '--accounts-to', '140596');
    expect(r.code, r.err).toBe(0);

    expect(await tally(BEFORE)).toEqual(before.early);
    const late = await tally(AFTER);
    expect(late.counties.map((c) => c.code)).toEqual(['140502', '140521', '140524', '140525', '140596', '140597', '140598']);
    const old = inForce(row(before.late, '140522'));
    const [east, west] = [inForce(row(late, '140596')), inForce(row(late, '140597'))];
    // Only 阳城蚕茧's grant went west; between them the parts hold what the county held.
    expect(west).toEqual({ trademark: 0, protected_product: 1, agricultural_product: 0 });
    for (const g of Object.keys(old)) expect(east[g] + west[g]).toBe(old[g]);
    // 晋城药茶, in both parts, is in each part's pipeline, and once in the city's.
    expect(row(late, '140596')!.types.find((x) => x.giType === 'trademark')!.pipeline.cultivating).toBe(2);
    expect(row(late, '140597')!.types.find((x) => x.giType === 'trademark')!.pipeline.cultivating).toBe(1);
    expect(late.types).toEqual(before.late.types);
  });

  it('moves the products and the official as the list said', async () => {
    expect((await productNamed('阳城蚕茧')).counties).toEqual(['140597']);
    const tea = await productNamed('晋城药茶');
    expect(tea.counties).toEqual(['140502', '140521', '140524', '140525', '140596', '140597', '140598']);
    expect(tea.locations.filter((l: { precision: string }) => l.precision === 'county').map((l: { label: string }) => l.label))
      .toEqual(['城区', '沁水县', '阳城东区', '陵川县', '泽州县', '高平区']);
    const users = (await send(s.url, 'GET', '/api/users', undefined, admin)).body;
    expect(users.find((u: { username: string }) => u.username === 'yangcheng').county).toBe('140596');
    expect(SEEDED_COUNTY_CODES.filter((c) => (tea.counties as string[]).includes(c))).toEqual(['140502', '140521', '140524', '140525']);
  });
});

describe('changes the command refuses, changing nothing', () => {
  it.each([
    ['a merge (several --from)', ['--on', ON, '--from', '140502', '--from', '140525', '--to', '140595'], 2, /A merge \(several --from\) is not recorded by this version/],
    ['a change still to come', ['--on', '2999-01-01', '--from', '140502', '--to', '140595'], 1, /2999-01-01 is still to come: record a change on or after its day/],
    ['a new county the boundary file lacks', ['--on', ON, '--from', '140502', '--to', '140595'], 1, /The boundary file has no county 140595/],
    ['a change without its source', ['--on', ON, '--from', '140502', '--to', '140598'], 1, /140598 is a county in use.*Give the change’s source/],
  ])('%s', async (_what, args, code, message) => {
    const before = dumpTables(s.db);
    const withSource = args.includes('140598') ? args : [...args, '--source', SOURCE];
    const r = await change(withSource as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message as RegExp);
    expect(dumpTables(s.db)).toEqual(before);
  });
});
