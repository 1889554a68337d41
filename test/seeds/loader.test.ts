import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { isEmpty, loadSeeds } from '../../seeds/loader';
import { parseCsv, parseCsvRecords } from '../../seeds/csv';

function counts(db: ReturnType<typeof openDb>) {
  const n = (table: string) => db.$client.prepare(`select count(*) from ${table}`).pluck().get();
  return Object.fromEntries(['counties', 'products', 'product_counties', 'locations', 'designations', 'transitions',
    'participants', 'periods', 'targets', 'protected_areas', 'product_figures'].map((tbl) => [tbl, n(tbl)]));
}

describe('seed loader', () => {
  it('loads the counties, facts, candidates and the 十四五 period', () => {
    const db = openDb(':memory:');
    expect(isEmpty(db)).toBe(true);
    const report = loadSeeds(db);
    expect(report).toEqual({ counties: 6, products: 16, designations: 19, periods: 1, enriched: 12, figures: 3, scopes: 1 });
    expect(isEmpty(db)).toBe(false);
    const sqlite = db.$client;
    const pear = sqlite.prepare("select d.gi_type, d.status from designations d join products p on p.id = d.product_id where p.name_zh = '高平大黄梨' order by d.gi_type").all();
    expect(pear).toEqual([{ gi_type: 'protected_product', status: 'granted' }, { gi_type: 'trademark', status: 'granted' }]);
    const candidates = sqlite.prepare("select p.name_zh from designations d join products p on p.id = d.product_id where d.status = 'cultivating' order by p.name_zh").pluck().all();
    expect(candidates.sort()).toEqual(['晋城药茶', '沁水蜂蜜', '阳城桑蚕', '陵川中药材', '高平生猪'].sort());
    expect(sqlite.prepare("select name from periods").pluck().all()).toEqual(['十四五']);
    expect(sqlite.prepare("select gi_type, baseline, target from targets order by gi_type").all()).toEqual([
      { gi_type: 'agricultural_product', baseline: 7, target: 15 },
      { gi_type: 'protected_product', baseline: 2, target: 5 },
      { gi_type: 'trademark', baseline: 4, target: 10 },
    ]);
  });

  it('never duplicates when loaded twice', () => {
    const db = openDb(':memory:');
    loadSeeds(db);
    const before = counts(db);
    const version = db.$client.prepare('select version from registry_meta').pluck().get();
    expect(loadSeeds(db)).toEqual({ counties: 0, products: 0, designations: 0, periods: 0, enriched: 0, figures: 0, scopes: 0 });
    expect(db.$client.prepare('select version from registry_meta').pluck().get()).toBe(version);
    expect(counts(db)).toEqual(before);
  });

  it('places a product known only by county at the county label point', () => {
    const db = openDb(':memory:');
    loadSeeds(db);
    const row = db.$client.prepare(`select l.lat, l.lng, l.precision, c.label_lat, c.label_lng from locations l
      join products p on p.id = l.product_id join counties c on c.code = '140521' where p.name_zh = '沁水蜂蜜'`).get() as Record<string, unknown>;
    expect(row.precision).toBe('county');
    expect([row.lat, row.lng]).toEqual([row.label_lat, row.label_lng]);
    const tea = db.$client.prepare("select count(*) from locations l join products p on p.id = l.product_id where p.name_zh = '晋城药茶'").pluck().get();
    expect(tea).toBe(6);
  });

  it('gives every granted fact a history that the move table allows, dated by the fact', () => {
    const db = openDb(':memory:');
    loadSeeds(db);
    const history = db.$client.prepare(`select t.from_status, t.to_status, t."on" from transitions t join designations d on d.id = t.designation_id
      join products p on p.id = d.product_id where p.name_zh = '高平大黄梨' and d.gi_type = 'trademark' order by t.id`).all();
    expect(history).toEqual([
      { from_status: null, to_status: 'cultivating', on: '2020-10-28' },
      { from_status: 'cultivating', to_status: 'filed', on: '2020-10-28' },
      { from_status: 'filed', to_status: 'granted', on: '2020-10-28' },
    ]);
    const holders = db.$client.prepare('select role, name from participants order by name').all();
    expect(holders).toContainEqual({ role: 'association', name: '沁水县蜂业协会' });
    expect(holders).toContainEqual({ role: 'cooperative', name: '阳城县高优蚕茧农民专业合作社' });
    expect(holders.map((h: any) => h.name)).not.toContain('陵川县人民政府');
  });

  it('gives the two GIs whose sources name their specification that version, with its source, once', () => {
    const db = openDb(':memory:');
    loadSeeds(db);
    const specs = () => db.$client.prepare(`select p.name_zh, d.gi_type, s.number, s.title, s.issued_on, s.url, s.note from designation_specifications s
      join designations d on d.id = s.designation_id join products p on p.id = d.product_id order by s.id`).all() as Record<string, string | null>[];
    expect(specs().map(({ note: _n, ...s }) => s)).toEqual([
      { name_zh: '高平大黄梨', gi_type: 'protected_product', number: 'DB14/T 2361-2021', title: '地理标志产品 高平大黄梨', issued_on: '2021-11-22', url: null },
      { name_zh: '沁水黄小米', gi_type: 'agricultural_product', number: 'AGI2010-09-00509', title: '沁水黄小米质量控制技术规范', issued_on: null, url: null },
    ]);
    expect(specs()[0].note).toContain('http://www.ipwq.cn/ipwqnew/show-3876.html');
    expect(specs()[0].note).toContain('可信度：较高');
    // Once removed by an official (an audited deletion), a second run leaves it removed.
    const id = db.$client.prepare('select designation_id from designation_specifications order by id limit 1').pluck().get() as number;
    db.$client.prepare('delete from designation_specifications where designation_id = ?').run(id);
    db.$client.prepare(`insert into audit_events (action, entity, entity_id) values ('specification_delete', 'designation', ?)`).run(id);
    expect(loadSeeds(db).enriched).toBe(0);
    expect(specs()).toHaveLength(1);
  });

  it('is all or nothing: a broken boundary file leaves the database empty', () => {
    const db = openDb(':memory:');
    expect(() => loadSeeds(db, '/nonexistent/counties.geojson')).toThrow();
    expect(counts(db).counties).toBe(0);
  });
});

describe('csv reader', () => {
  it.each([
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['\uFEFFa,b\r\n"x, y","say ""hi"""\r\n', [['a', 'b'], ['x, y', 'say "hi"']]],
    ['a\n"multi\nline"', [['a'], ['multi\nline']]],
    ['a,b\n\n1,\n', [['a', 'b'], ['1', '']]],
  ])('parses %j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
  it('keys records by the header', () => {
    expect(parseCsvRecords('x,y\n1,2')).toEqual([{ x: '1', y: '2' }]);
  });
});
