/** Which counties exist on a date, and where a product of today stood then: the rule of county-history.ts on hand-made changes. */
import { describe, expect, it } from 'vitest';
import { countyHistoryOf, notACountyOn } from '../../../server/domain/places/county-history';

const county = (code: string, nameZh = code, nameEn = code) => ({ code, nameZh, nameEn });

describe('no change recorded', () => {
  const h = countyHistoryOf([county('140521'), county('140502')], []);
  it('has every county on any day, in code order, and each code stands for itself', () => {
    expect(h.existingOn('1990-01-01')).toEqual(['140502', '140521']);
    expect(h.spans.map((s) => [s.startedOn, s.endedOn])).toEqual([[null, null], [null, null]]);
    expect(h.codesOn(['140521'], '1990-01-01')).toEqual(['140521']);
  });
});

describe('a rename, renamed again', () => {
  // 140501 → 140502 on 2020-01-01, then 140502 → 140503 on 2022-07-01.
  const h = countyHistoryOf([county('140501'), county('140502'), county('140503')], [
    { on: '2020-01-01', fromCode: '140501', toCode: '140502' }, { on: '2022-07-01', fromCode: '140502', toCode: '140503' },
  ]);
  it.each([
    ['2019-12-31', ['140501']], ['2020-01-01', ['140502']], ['2022-06-30', ['140502']], ['2022-07-01', ['140503']],
  ])('on %s the one county is %j, and a product of 140503 stands there', (day, codes) => {
    expect(h.existingOn(day)).toEqual(codes);
    expect(h.codesOn(['140503'], day)).toEqual(codes);
  });
  it('dates each county’s span', () => {
    expect(h.spans.map((s) => [s.code, s.startedOn, s.endedOn])).toEqual([
      ['140501', null, '2020-01-01'], ['140502', '2020-01-01', '2022-07-01'], ['140503', '2022-07-01', null],
    ]);
  });
});

describe('a split and a merge', () => {
  const h = countyHistoryOf([county('140522'), county('140596'), county('140597'), county('140525'), county('140598')], [
    { on: '2024-01-01', fromCode: '140522', toCode: '140596' }, { on: '2024-01-01', fromCode: '140522', toCode: '140597' },
    { on: '2025-01-01', fromCode: '140525', toCode: '140598' }, { on: '2025-01-01', fromCode: '140597', toCode: '140598' },
  ]);
  it('takes a product of both parts of a split back to the one county, once', () => {
    expect(h.codesOn(['140596', '140597'], '2023-12-31')).toEqual(['140522']);
    expect(h.codesOn(['140596', '140597'], '2024-01-01')).toEqual(['140596', '140597']);
  });
  it('takes a product of a merged county back to each county merged (the registry cannot tell which), and through the split before it', () => {
    expect(h.codesOn(['140598'], '2024-06-01')).toEqual(['140525', '140597']);
    expect(h.codesOn(['140598'], '2023-06-01')).toEqual(['140522', '140525']);
  });
  it('has the counties of each day', () => {
    expect(h.existingOn('2023-12-31')).toEqual(['140522', '140525']);
    expect(h.existingOn('2024-06-01')).toEqual(['140525', '140596', '140597']);
    expect(h.existingOn('2025-01-01')).toEqual(['140596', '140598']);
  });
});

describe('why a code is no county', () => {
  const h = countyHistoryOf([county('140581', '高平市', 'Gaoping City'), county('140598', '高平区', 'Gaoping District')],
    [{ on: '2024-01-01', fromCode: '140581', toCode: '140598' }]);
  it.each([
    ['140581', '2023-12-31', null],
    ['140581', '2024-01-01', { zh: '高平市（140581）已于 2024-01-01 因行政区划变更撤销，现为高平区（140598）', en: 'Gaoping City (140581) ended on 2024-01-01 with a division change; it is now Gaoping District (140598)' }],
    ['140598', '2023-12-31', { zh: '高平区（140598）自 2024-01-01 起才设立', en: 'Gaoping District (140598) exists only from 2024-01-01' }],
    ['110000', '2024-01-01', { zh: '110000 不是晋城市的县（市、区）代码', en: '110000 is not a county of Jincheng' }],
  ])('%s on %s: %j', (code, day, why) => {
    expect(notACountyOn(h, code, day)).toEqual(why);
  });
});
