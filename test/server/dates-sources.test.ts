/**
 * Dates at their precision and sources as links, over HTTP on the seeded registry: moves checked by
 * the design's order, the product JSON (figures by year), the CSV and XLSX exports, and sources that
 * go out in an export and come back in an import unchanged.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Product } from '../../db/model';
import { parseCsv } from '../../seeds/csv';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let official: string;
let productId: number;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  official = await signIn(s.url, 'qinshui');
  productId = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水日期测试', category: 'food', counties: ['140521'] }, official)).body.id;
});
afterAll(() => s.close());

const productByName = async (nameZh: string, cookie?: string) => {
  const list = await send(s.url, 'GET', `/api/products?q=${encodeURIComponent(nameZh)}${cookie ? '&mine=1' : ''}`, undefined, cookie);
  return Product.parse((await send(s.url, 'GET', `/api/products/${list.body.items[0].id}`, undefined, cookie)).body);
};

describe('a move dated as known', () => {
  // Moves between cultivating and withdrawn, so that only the dates decide (filing has rules of its own).
  it.each([
    ['2020-05-01', '2020', true],
    ['2020', '2020-05', true],
    ['2020-05', '2020', true],
    ['2020-05-31', '2020-05', true],
    ['2020-05', '2020-05-01', true],
    ['2020-05-01', '2020-04', false],
    ['2020-05', '2020-04-30', false],
    ['2020', '2019-12', false],
    ['2020-06', '2020-05-31', false],
  ])('after %s, a move dated %s is allowed: %s', async (previous, on, allowed) => {
    const created = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'agricultural_product', startedOn: previous }, official);
    expect(created.status).toBe(201);
    const res = await send(s.url, 'POST', `/api/designations/${created.body.id}/transitions`, { to: 'withdrawn', on, note: '' }, official);
    if (allowed) {
      expect(res.status).toBe(201);
      expect(res.body.transitions.map((m: { on: string }) => m.on)).toEqual([previous, on]);
    } else {
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toEqual(['on']);
      expect(res.body.error.issues[0].message).toContain(previous);
    }
    // Withdrawn designations leave the next case alone: each case starts its own.
  });
});

describe('the seeded product JSON', () => {
  it('gives a year-only grant as its year, and its sources as links', async () => {
    const honey = await productByName('沁水蜂蜜');
    const mark = honey.designations.find((d) => d.giType === 'trademark')!;
    expect(mark).toMatchObject({ grantedOn: '2020', filedOn: '2020', validUntil: null });
    expect(mark.transitions.map((m) => m.on)).toEqual(['2020', '2020', '2020']);
    expect(mark.sources).toEqual([{ title: null, url: 'https://sqrdapp.com/news/2020/11/576065.html' }]);
    expect(JSON.stringify(honey)).not.toContain('2020-01-01');
  });

  it('lists industry figures by year with their sources', async () => {
    const cocoons = await productByName('阳城蚕茧');
    expect(cocoons.figures).toEqual([{
      year: 2025, households: 9000, areaMu: 37000, yieldKgPerMu: null, outputTonnes: 1715, valueWanYuan: 9660, note: expect.stringMatching(/^桑园3\.7万亩/),
      sources: [
        { title: null, url: 'https://info.fangzhizaixian.com/detail-19688.html' },
        { title: null, url: 'https://photo.sxrb.com/BIG5/314100/10174078.html' },
      ],
    }]);
    expect((await productByName('沁水蜂蜜')).figures).toEqual([]);
  });
});

describe('exports write dates as known', () => {
  it('writes 2013, never 2013-01-01, in the CSV', async () => {
    const rows = parseCsv(await (await fetch(`${s.url}/api/export/products.csv?county=140525`)).text());
    const onion = rows.find((r) => r[1] === '巴公大葱')!;
    expect(onion.slice(13, 16)).toEqual(['2013', '2013', '']);
    // The seeds keep these sources on the GI, so they are in its own column (地理标志来源 gi_sources), not the product's.
    expect(onion[17]).toBe('https://m.ke263.com/list1515/254558l0.html; http://tdnc.org.cn/show-320666.html');
    expect(rows.flat().join()).not.toMatch(/\d{4}-01-01/);
  });

  it('writes a date cell only for a day-precise date in the XLSX, text otherwise', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(`${s.url}/api/export/products.xlsx?county=140581`)).arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    const col = (key: string) => {
      for (let c = 1; c <= sheet.columnCount; c++) if (String(sheet.getRow(1).getCell(c).value).endsWith(` ${key}`)) return c;
      throw new Error(`no column ${key}`);
    };
    const cells = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => { if (n > 1) cells.set(`${row.getCell(2).value}|${row.getCell(col('gi_type')).value}`, [row.getCell(col('granted_on')).value]); });
    // The main sheet writes labels, not codes (issue 22): the trademark is 地理标志商标.
    expect(cells.get('高平大黄梨|地理标志商标')![0]).toEqual(new Date(Date.UTC(2020, 9, 28)));
    const honey = new ExcelJS.Workbook();
    await honey.xlsx.load(Buffer.from(await (await fetch(`${s.url}/api/export/products.xlsx?county=140521`)).arrayBuffer()) as never);
    const moves = honey.worksheets[1];
    const onCells: unknown[] = [];
    moves.eachRow((row, n) => { if (n > 1 && row.getCell(2).value === '沁水蜂蜜') onCells.push(row.getCell(6).value); });
    expect(onCells).toContain('2020');
    expect(onCells.every((v) => v === '2020' || v === '2022-10-12' || v instanceof Date)).toBe(true);
  });
});

describe('sources go out and come back', () => {
  const sources = [
    { title: '县志', url: null }, { title: '公告 第1号', url: 'https://a.cn/1?x=1&y=2' }, { title: null, url: 'http://b.cn' },
  ];

  it('takes a source as an object or a line of text, and always answers objects', async () => {
    const res = await send(s.url, 'POST', '/api/products', {
      nameZh: '沁水来源测试', category: 'food', counties: ['140521'], visibility: 'public',
      sources: ['县志', { title: '公告 第1号', url: 'https://a.cn/1?x=1&y=2' }, 'b.cn'],
    }, official);
    expect(res.status).toBe(201);
    expect(res.body.sources).toEqual([sources[0], sources[1], { title: null, url: 'https://b.cn' }]);
    const patched = await send(s.url, 'PATCH', `/api/products/${res.body.id}`, { sources }, official);
    expect(patched.body.sources).toEqual(sources);
  });

  it.each([
    ['a javascript: link', { url: 'javascript:alert(1)' }],
    ['neither title nor link', {}],
    ['a link with spaces', { title: 'x', url: 'https://a.cn/a b' }],
  ])('refuses %s with a 400 naming the field', async (_, source) => {
    const res = await send(s.url, 'POST', '/api/products', { nameZh: '沁水坏来源', category: 'food', counties: ['140521'], sources: [source] }, official);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path.slice(0, 2)).toEqual(['sources', 0]);
  });

  it('exports them as "title <url>" and an import reads them back unchanged', async () => {
    const text = await (await fetch(`${s.url}/api/export/products.csv?q=${encodeURIComponent('沁水来源测试')}`)).text();
    const [header, row] = parseCsv(text);
    expect(row[16]).toBe('县志; 公告 第1号 <https://a.cn/1?x=1&y=2>; http://b.cn');
    // The same row under a new name (and no product number) becomes a new product.
    const back = row.map((cell, i) => (i === 0 ? '' : i === 1 ? '沁水来源回读' : cell));
    const csv = [header, back].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    const imported = await send(s.url, 'POST', '/api/import', { format: 'csv', data: Buffer.from(csv).toString('base64') }, official);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect((await productByName('沁水来源回读', official)).sources).toEqual(sources);
  });
});

describe('figures in the public read', () => {
  it('answers them to the public, as the product page shows them', async () => {
    const res = await call(`${s.url}/api/products/${(await productByName('高平大黄梨')).id}`);
    expect(res.status).toBe(200);
    expect(res.body.figures).toEqual([expect.objectContaining({ year: 2025, areaMu: 50000, households: null })]);
    expect(res.body.figures[0].sources[0].title).toBe('高平市农业农村局 高农发〔2025〕41号');
  });

  it('moves the registry version on every write to the figures, so public answers follow', async () => {
    const id = (await productByName('高平大黄梨')).id;
    const version = () => s.db.$client.prepare('select version from registry_meta where id = 1').pluck().get() as number;
    const before = await call(`${s.url}/api/products/${id}`);
    const writes = [
      `update product_figures set households = 84 where product_id = ${id}`,
      `insert into product_figures (product_id, year, area_mu, confidence) values (${id}, 2019, 11000, 'good')`,
    ];
    for (const sql of writes) {
      const v = version();
      s.db.$client.prepare(sql).run();
      expect(version()).toBeGreaterThan(v);
    }
    const after = await call(`${s.url}/api/products/${id}`);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.body.figures.map((f: { year: number; households: number | null }) => [f.year, f.households])).toEqual([[2019, null], [2025, 84]]);
    const v = version();
    s.db.$client.prepare(`delete from product_figures where product_id = ${id} and year = 2019`).run();
    expect(version()).toBeGreaterThan(v);
  });
});
