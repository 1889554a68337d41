/**
 * A location's precision is the official's choice, never assumed: over HTTP, a location without a
 * precision is refused; a village or township location names its unit (of that level, current, in
 * one of the product's counties) and its point lies in that unit's county; exact and county locations
 * name none. Every refusal changes nothing; what is kept is what the product answer gives back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { County } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

const DUANSHI_VILLAGE = '140521103200'; // 端氏村委会, 沁水县
const DUANSHI = '140521103000';
const LINGCHUAN_VILLAGE = '140524100001'; // 陵川县

let s: TestServer;
let qinshui: string;
let admin: string;
let productId: number;
let inQinshui: { lat: number; lng: number };
let inLingchuan: { lat: number; lng: number };
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  qinshui = await signIn(s.url, 'qinshui');
  await addAccount(s.db, 'city', 'admin');
  admin = await signIn(s.url, 'city');
  const counties: County[] = (await send(s.url, 'GET', '/api/counties')).body;
  inQinshui = counties.find((c) => c.code === '140521')!.label;
  inLingchuan = counties.find((c) => c.code === '140524')!.label;
  const created = await send(s.url, 'POST', '/api/products', { nameZh: '端氏核桃', category: 'food', counties: ['140521'] }, qinshui);
  productId = created.body.id;
});
afterAll(() => s.close());

const patch = (locations: object[], extra: object = {}) =>
  send(s.url, 'PATCH', `/api/products/${productId}`, { locations, ...extra }, qinshui);

describe('location precision', () => {
  it('keeps a village location with its code, and an exact and a county one without', async () => {
    const locations = [
      { ...inQinshui, label: '端氏村', precision: 'village', divisionCode: DUANSHI_VILLAGE },
      { ...inQinshui, label: '端氏镇', precision: 'township', divisionCode: DUANSHI },
      { ...inQinshui, label: '加工厂', precision: 'exact' },
      { ...inQinshui, label: '沁水县', precision: 'county', divisionCode: null },
    ];
    const res = await patch(locations);
    expect(res.status).toBe(200);
    expect(res.body.locations.map((l: { precision: string; divisionCode: string | null }) => [l.precision, l.divisionCode])).toEqual([
      ['village', DUANSHI_VILLAGE], ['township', DUANSHI], ['exact', null], ['county', null],
    ]);
    const read = await send(s.url, 'GET', `/api/products/${productId}`, undefined, qinshui);
    expect(read.body.locations[0]).toMatchObject({ precision: 'village', divisionCode: DUANSHI_VILLAGE });
  });

  const bad: [string, object[], object, string, RegExp][] = [
    ['no precision (exact is never assumed)', [{ ...{ lat: 35.69, lng: 112.19 }, label: 'x' }], {}, 'bad_request', /precision/],
    ['a village without its code', [{ lat: 35.69, lng: 112.19, precision: 'village' }], {}, 'bad_request', /须选定村或乡镇/],
    ['a township location naming a village', [{ lat: 35.69, lng: 112.19, precision: 'township', divisionCode: DUANSHI_VILLAGE }], {}, 'bad_request', /乡镇级位置须填乡镇的代码/],
    ['an exact location naming a unit', [{ lat: 35.69, lng: 112.19, precision: 'exact', divisionCode: DUANSHI_VILLAGE }], {}, 'bad_request', /不填区划代码/],
    ['a code not in the 2023 list', [{ lat: 35.69, lng: 112.19, precision: 'village', divisionCode: '140521103999' }], {}, 'location_division', /不在 2023 年/],
    ['a village of another county', [{ lat: 35.69, lng: 112.19, precision: 'village', divisionCode: LINGCHUAN_VILLAGE }], {}, 'location_division', /在陵川县，不属于本产品所在的县/],
  ];
  it.each(bad)('refuses %s and changes nothing', async (_, locations, extra, code, message) => {
    const points = locations.map((l) => ({ ...l, ...inQinshui }));
    const before = dumpTables(s.db);
    const res = await patch(points, extra);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(JSON.stringify(res.body.error)).toMatch(message);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses a village point outside its village\'s county, saying the check stops at the county', async () => {
    // Shared with 陵川县, so a point there is in the product's counties, but not in 端氏村's county.
    expect((await patch([], { counties: ['140521', '140524'] })).status).toBe(200);
    const before = dumpTables(s.db);
    const res = await patch([{ ...inLingchuan, precision: 'village', divisionCode: DUANSHI_VILLAGE }]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('location_division');
    expect(res.body.error.message).toMatch(/只能核对到县/);
    expect(res.body.error.message).toMatch(/no open boundaries below the county/);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses taking a county off while a location still names one of its villages', async () => {
    expect((await patch([{ ...inLingchuan, precision: 'village', divisionCode: LINGCHUAN_VILLAGE }])).status).toBe(200);
    const before = dumpTables(s.db);
    const res = await send(s.url, 'PATCH', `/api/products/${productId}`, { counties: ['140521'] }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/location_outside_county|location_division/);
    expect(dumpTables(s.db)).toEqual(before);
  });
});
