/**
 * Migration 0004 on a database seeded the old way (test/seeds/old-seed.ts): year-only facts get their
 * precision back, seeded moves say where their fact came from, notes turn Chinese, sources become
 * links; hand-entered data keeps its meaning; and seeding it afterwards gives what a fresh seed gives.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open';
import { Sources, sourcesFromText } from '../../db/model';
import { updateDesignation } from '../../server/domain/designations/designations';
import { getPeriod, updatePeriod } from '../../server/domain/tally/periods';
import { loadSeeds } from '../../seeds/loader';
import { addAccount } from '../server/fixtures';
import { oldSeededDatabase } from '../seeds/old-seed';

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) {
    const file = db.$client.name;
    db.$client.close();
    if (file !== ':memory:') rmSync(dirname(file), { recursive: true, force: true });
  }
});
const open = (file: string) => { const db = openDb(file); opened.push(db); return db; };

/** Texts officials may have typed as sources before 0004, each read by SQL as sourcesFromText reads it. */
const TYPED_SOURCES = [
  '县志', 'https://x.cn/a 文章', 'a.com/x ; 《晋城年鉴》2021', '《晋城年鉴》 https://nj.jcgov.gov.cn/2021', '标题 <https://e.org/p?q=1&r=2>',
  '<http://e.org>', 'example.com (2019-05)', 'example.com （2019年）', 'DB14/T 2361-2021', 'v1.2 说明', 'e.g. 见附件',
  'ftp://x.org/f', 'HTTPS://EXAMPLE.COM/A', 'www.sx.gov.cn/art/2020/1/1/art_1.html', 'a..b.com/x', '-a.com', 'x.c/abc',
  '沁水县志；http://a.cn', 'http://a.cn；b.cn 标题', 'a.com/路径', '公告 第1号 http://a.cn/1',
];

function withHandEnteredData(sqlite: import('better-sqlite3').Database) {
  const user = sqlite.prepare("insert into users (username, password_hash, role, county) values ('lingchuan', 'x', 'official', '140524')").run().lastInsertRowid;
  // An official's own move on a seeded year-only fact, dated 1 January and noted like the seed: not the seed's.
  sqlite.prepare("insert into transitions (designation_id, from_status, to_status, \"on\", note, user_id) values (2, 'granted', 'expired', '2021-01-01', '种子数据', ?)").run(user);
  const product = sqlite.prepare("insert into products (name_zh, category, visibility, sources) values ('手工产品', 'food', 'draft', ?)")
    .run(JSON.stringify(TYPED_SOURCES)).lastInsertRowid;
  sqlite.prepare("insert into product_counties (product_id, county_code) values (?, '140524')").run(product);
  sqlite.prepare("insert into designations (product_id, gi_type, status, notes, sources) values (?, 'protected_product', 'cultivating', ?, '[]')")
    .run(product, 'registered before Nov 2020 日期仅知年份，按当年1月1日记。');
}

const rows = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];

describe('migration 0004 on a database seeded before it', () => {
  it('dates year-only facts as their year, and the notes no longer say so', () => {
    const db = open(oldSeededDatabase());
    const dated = rows(db, `select p.name_zh, d.gi_type, group_concat(distinct t."on") as days, d.valid_until from transitions t
      join designations d on d.id = t.designation_id join products p on p.id = d.product_id
      where d.status = 'granted' group by d.id order by d.id`);
    expect(dated).toEqual([
      { name_zh: '沁水蜂蜜', gi_type: 'trademark', days: '2020', valid_until: null },
      { name_zh: '陵川潞党参', gi_type: 'trademark', days: '2020', valid_until: null },
      { name_zh: '陵川连翘', gi_type: 'trademark', days: '2020', valid_until: null },
      { name_zh: '高平大黄梨', gi_type: 'trademark', days: '2020-10-28', valid_until: '2030-10-27' },
      { name_zh: '高平大黄梨', gi_type: 'protected_product', days: '2015-12-04', valid_until: null },
      { name_zh: '阳城蚕茧', gi_type: 'protected_product', days: '2006', valid_until: null },
      { name_zh: '阳城桑椹', gi_type: 'agricultural_product', days: '2013', valid_until: null },
      { name_zh: '阳城山茱萸', gi_type: 'agricultural_product', days: '2011-12-20', valid_until: null },
      { name_zh: '沁水黄小米', gi_type: 'agricultural_product', days: '2010', valid_until: null },
      { name_zh: '沁水刺槐蜂蜜', gi_type: 'agricultural_product', days: '2016', valid_until: null },
      { name_zh: '泽州黄小米', gi_type: 'agricultural_product', days: '2018-07-03', valid_until: null },
    ]);
    expect(rows(db, "select id from designations where notes like '%日期仅知年份%'")).toEqual([]);
  });

  it('notes each seeded move with its sources and confidence, and writes the seeded notes in Chinese', () => {
    const db = open(oldSeededDatabase());
    expect(rows(db, "select id from transitions where note = '种子数据'")).toEqual([]);
    const honey = rows(db, "select note from transitions where designation_id = 1").map((r) => r.note);
    expect(honey).toEqual(Array(3).fill('来源：https://sqrdapp.com/news/2020/11/576065.html（可信度：一般）'));
    const pear = rows(db, "select note from transitions where designation_id = 6 limit 1")[0].note;
    expect(pear).toBe('来源：百度百科 <https://baike.baidu.hk>；https://www.sxsfzxw.com/keji/2015090723637.html（可信度：较高）');
    expect(rows(db, "select note from transitions where designation_id = 13")[0].note).toMatch(/^规划列为培育对象。来源：晋城市“十四五”/);
    for (const { notes } of rows(db, 'select notes from designations')) expect(notes).not.toMatch(/[A-Za-z]{4,}/);
    expect(rows(db, 'select notes from designations where id = 1')[0].notes)
      .toBe('2020年11月前已注册；是规划基数“成功注册4件”地理标志商标之一。 来源可信度：一般（单一来源）。 申报日期不详：培育、申报记录与此日期相同。');
  });

  it('turns every stored source into a {title, url} the API schema accepts', () => {
    const db = open(oldSeededDatabase());
    for (const { sources } of rows(db, 'select sources from designations union all select sources from products')) {
      const list = JSON.parse(String(sources));
      expect(Sources.parse(list)).toEqual(list);
      for (const s of list) expect(Object.keys(s)).toEqual(['title', 'url']);
    }
    expect(JSON.parse(String(rows(db, 'select sources from designations where id = 2')[0].sources))).toEqual([
      { title: '网易山西（2024-06-04）', url: 'https://sx.news.163.com/24/0604/16/J3RQK4UJ04149A58.html' },
    ]);
  });

  it('reads typed sources in SQL exactly as sourcesFromText reads them', () => {
    const db = open(oldSeededDatabase(withHandEnteredData));
    const stored = JSON.parse(String(rows(db, "select sources from products where name_zh = '手工产品'")[0].sources));
    expect(stored).toEqual(TYPED_SOURCES.flatMap(sourcesFromText));
    expect(stored.slice(0, 4)).toEqual([
      { title: '县志', url: null }, { title: '文章', url: 'https://x.cn/a' },
      { title: null, url: 'https://a.com/x' }, { title: '《晋城年鉴》2021', url: null },
    ]);
  });

  it("leaves an official's moves and hand-written notes as they were", () => {
    const db = open(oldSeededDatabase(withHandEnteredData));
    expect(rows(db, 'select "on", note from transitions where user_id is not null')).toEqual([{ on: '2021-01-01', note: '种子数据' }]);
    // Only the sentence the seed wrote goes (the date's precision says it); the English note typed by hand stays.
    expect(rows(db, "select d.notes from designations d join products p on p.id = d.product_id where p.name_zh = '手工产品'"))
      .toEqual([{ notes: 'registered before Nov 2020' }]);
  });
});

/** The registry's rows, without the columns that only say when a row was written. */
function registry(db: Db) {
  const tables = ['counties', 'products', 'product_counties', 'locations', 'protected_areas', 'designations', 'transitions',
    'participants', 'product_figures', 'periods', 'targets'];
  return Object.fromEntries(tables.map((name) => [name, rows(db, `select * from ${name} order by rowid`)
    .map(({ created_at: _c, updated_at: _u, ...rest }) => rest)]));
}

describe('seeding a migrated database', () => {
  it('adds the new facts and then holds what a fresh seed holds, the unedited period following the facts', () => {
    const migrated = open(oldSeededDatabase());
    const report = loadSeeds(migrated);
    expect(report).toMatchObject({ counties: 0, products: 2, designations: 2, periods: 0, figures: 3 });
    const fresh = open(':memory:');
    loadSeeds(fresh);
    const a = registry(migrated);
    const b = registry(fresh);
    // The seeded period nobody edited takes the baseline of the facts known now (5 → 7 agricultural-product GIs).
    expect(a.targets.find((r) => r.gi_type === 'agricultural_product')).toMatchObject({ baseline: 7 });
    expect(a).toEqual(b);
    expect(loadSeeds(migrated)).toEqual({ counties: 0, products: 0, designations: 0, periods: 0, enriched: 0, figures: 0, scopes: 0 });
    expect(registry(migrated)).toEqual(a);
  });

  it("keeps a period baseline an admin has set", async () => {
    const db = open(oldSeededDatabase());
    const admin = await addAccount(db, 'city', 'admin');
    const viewer = { id: admin.id, username: admin.username, role: 'admin' as const, county: admin.county };
    const period = getPeriod(db, 1)!;
    const { id: _id, ...input } = period;
    updatePeriod(db, viewer, 1, { ...input, targets: period.targets.map((x) => (x.giType === 'agricultural_product' ? { ...x, baseline: 6 } : x)) });
    loadSeeds(db);
    expect(rows(db, "select baseline from targets where gi_type = 'agricultural_product'")).toEqual([{ baseline: 6 }]);
  });

  it("never overwrites an official's edit of a detail the new facts know", async () => {
    const db = open(oldSeededDatabase());
    const admin = await addAccount(db, 'city', 'admin');
    const viewer = { id: admin.id, username: admin.username, role: 'admin' as const, county: admin.county };
    updateDesignation(db, viewer, 6, { notes: '官员改写的备注' }); // 高平大黄梨, protected product
    updateDesignation(db, viewer, 3, { sources: [{ title: '县里的档案', url: null }] }); // 陵川潞党参, protected product
    loadSeeds(db);
    const [pear, ginseng] = rows(db, 'select id, notes, sources, announcement from designations where id in (6, 3) order by id desc');
    expect(pear.notes).toBe('官员改写的备注');
    expect(JSON.parse(String(pear.sources))).toContainEqual({ title: null, url: 'http://www.ipwq.cn/ipwqnew/show-3876.html' });
    expect(JSON.parse(String(ginseng.sources))).toEqual([{ title: '县里的档案', url: null }]);
    expect(ginseng.announcement).toBe('国家知识产权局公告第437号');
  });
});
