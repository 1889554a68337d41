/**
 * What the seed says about the facts: dates at the precision the sources give, where each fact came
 * from, Chinese notes, sources as links, the second round of facts (new GIs, details, figures), and
 * the low-confidence leads kept out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Sources } from '../../db/model';
import { openDb, type Db } from '../../db/open';
import { projectRoot } from '../../db/project-root';
import { loadSeeds } from '../../seeds/loader';

let db: Db;
beforeAll(() => {
  db = openDb(':memory:');
  loadSeeds(db);
});
const rows = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as Record<string, any>[];
const designation = (nameZh: string, giType: string) => rows(`select d.* from designations d join products p on p.id = d.product_id
  where p.name_zh = ? and d.gi_type = ?`, nameZh, giType)[0];
const moves = (id: number) => rows('select "on", note from transitions where designation_id = ? order by id', id);

/** Text without addresses, standard numbers and the like: what is left must not be English. */
const words = (text: string) => text.replace(/<?https?:\/\/\S+?(>|(?=[（；\s])|$)/g, '').replace(/DB ?\d+\/T|AGI[\d-]+/g, '');

describe('dates as the sources give them', () => {
  it.each([
    ['沁水蜂蜜', 'trademark', '2020', null],
    ['陵川连翘', 'trademark', '2020', null],
    ['阳城蚕茧', 'protected_product', '2006', null],
    ['沁水黄小米', 'agricultural_product', '2010', null],
    ['高平大黄梨', 'trademark', '2020-10-28', '2030-10-27'],
    ['泽州黄小米', 'agricultural_product', '2018-07-03', null],
    ['巴公大葱', 'agricultural_product', '2013', null],
    ['析城山小米', 'agricultural_product', '2013', null],
  ])('%s (%s) is dated %s, valid until %s', (nameZh, giType, on, validUntil) => {
    const d = designation(nameZh, giType);
    expect(d.status).toBe('granted');
    expect(d.valid_until).toBe(validUntil);
    expect(moves(d.id).map((m) => m.on)).toEqual([on, on, on]);
    expect(d.notes).not.toContain('1月1日');
  });

  it('never pads a date to 1 January', () => {
    expect(rows(`select "on" from transitions where "on" like '%-01-01'`)).toEqual([]);
  });
});

describe('where each fact came from', () => {
  it('notes each seeded move with its sources and how sure they are, never 种子数据', () => {
    expect(rows("select id from transitions where note = '种子数据' or note = ''")).toEqual([]);
    expect(moves(designation('陵川潞党参', 'trademark').id)[0].note)
      .toBe('来源：网易山西（2024-06-04） <https://sx.news.163.com/24/0604/16/J3RQK4UJ04149A58.html>（可信度：一般）');
    expect(moves(designation('巴公大葱', 'agricultural_product').id)[0].note)
      .toBe('来源：https://m.ke263.com/list1515/254558l0.html；http://tdnc.org.cn/show-320666.html（可信度：较高）');
    expect(moves(designation('晋城药茶', 'trademark').id)[0].note).toMatch(/^规划列为培育对象。来源：晋城市“十四五”知识产权保护和运用规划/);
  });

  it('gives every fact its sources as links (a title where one is known) that the API schema accepts', () => {
    for (const d of rows("select sources, notes from designations where status <> 'cultivating'")) {
      const sources = JSON.parse(d.sources);
      expect(Sources.parse(sources)).toEqual(sources);
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) expect(s.url).toMatch(/^https?:\/\/[^\s/]+\.[a-z]+/);
    }
    expect(JSON.parse(designation('阳城桑椹', 'agricultural_product').sources)[0])
      .toEqual({ title: '买购网', url: 'https://www.maigoo.com/citiao/51617.html' });
  });

  it('writes every note in Chinese', () => {
    const texts = [
      ...rows('select notes as t from designations'), ...rows('select note as t from transitions'),
      ...rows('select note as t from product_figures'), ...rows('select text as t from protected_areas'),
    ].map((r) => String(r.t));
    for (const text of texts) expect(words(text)).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe('the second round of facts', () => {
  it('adds 巴公大葱 (泽州县) and 析城山小米 (阳城县) with English names', () => {
    const added = rows(`select p.name_zh, p.name_en, p.category, pc.county_code from products p
      join product_counties pc on pc.product_id = p.id where p.name_zh in ('巴公大葱', '析城山小米') order by p.id`);
    expect(added).toEqual([
      { name_zh: '巴公大葱', name_en: 'Bagong green onion', category: 'food', county_code: '140525' },
      { name_zh: '析城山小米', name_en: 'Xichengshan millet', category: 'food', county_code: '140522' },
    ]);
    expect(rows("select a.text from protected_areas a join products p on p.id = a.product_id where p.name_zh = '巴公大葱'")[0].text)
      .toMatch(/^泽州县14个镇3个乡/);
  });

  it('fills in what was missing: an announcement, sources, notes, protected-area texts', () => {
    const ginseng = designation('陵川潞党参', 'protected_product');
    expect(ginseng).toMatchObject({ announcement: '国家知识产权局公告第437号', number: null, holder: '陵川县人民政府' });
    expect(JSON.parse(ginseng.sources).map((s: { url: string }) => s.url)).toEqual([
      'http://www.ipwq.cn/ipwqnew/show-3027.html', 'https://sx.news.163.com/24/0604/16/J3RQK4UJ04149A58.html',
    ]);
    expect(ginseng.notes).toContain('陵政发〔2019〕13号');
    expect(designation('高平大黄梨', 'trademark').announcement).toBe('商标公告第1717期');
    // A number it already had is not written again as an announcement.
    expect(designation('阳城山茱萸', 'agricultural_product')).toMatchObject({ number: '农业部第1699号公告', announcement: null });
    const areas = rows('select p.name_zh, a.text from protected_areas a join products p on p.id = a.product_id order by p.name_zh');
    expect(areas.map((a) => a.name_zh).sort()).toEqual(['巴公大葱', '沁水黄小米', '阳城桑椹', '陵川潞党参'].sort());
  });

  it('loads the industry figures of good and medium sources, by year', () => {
    const figures = rows(`select p.name_zh, f.year, f.households, f.area_mu, f.output_tonnes, f.value_wan_yuan, f.confidence
      from product_figures f join products p on p.id = f.product_id order by p.name_zh, f.year`);
    expect(figures).toEqual([
      { name_zh: '阳城蚕茧', year: 2025, households: 9000, area_mu: 37000, output_tonnes: 1715, value_wan_yuan: 9660, confidence: 'medium' },
      { name_zh: '陵川潞党参', year: 2023, households: null, area_mu: null, output_tonnes: null, value_wan_yuan: null, confidence: 'medium' },
      { name_zh: '高平大黄梨', year: 2025, households: null, area_mu: 50000, output_tonnes: null, value_wan_yuan: null, confidence: 'good' },
    ]);
  });

  it('keeps the low-confidence leads out of the registry', () => {
    expect(rows("select id from products where name_zh like '%山楂%'")).toEqual([]);
    expect(rows(`select d.gi_type from designations d join products p on p.id = d.product_id where p.name_zh = '阳城蚕茧'`))
      .toEqual([{ gi_type: 'protected_product' }]);
    const all = JSON.stringify(rows('select * from designations')) + JSON.stringify(rows('select * from product_figures'));
    expect(all).not.toContain('maruhama');
    expect(all).not.toContain('sx.china.com');
  });

  it('reads its own copy of the facts, never ../shared', () => {
    expect(readFileSync(join(projectRoot(), 'seeds', 'loader.ts'), 'utf8')).not.toContain('shared');
    expect(readFileSync(join(projectRoot(), 'seeds', 'gi-facts-more.csv'), 'utf8')).toMatch(/^kind,product_zh,/);
  });
});
