/**
 * Reconciling protected-area scopes with the 2023 codes: the real 沁水黄小米 scope gives exactly the flags a
 * check by hand found, a synthetic 陵川 scope written the same way gives its planted flags, and any list of a
 * county's current townships (or any village under its township) is found whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { jinchengCounties } from '../../../seeds/divisions/county-bounds';
import { splitName } from '../../../seeds/divisions/names';
import { reconcileScope, type ScopeData } from '../../../server/domain/places/scope-reconcile';
import { matchName } from '../../../server/domain/places/scope-match';

/** The committed division codes and the seeded counties. */
const SEEDED: ScopeData = { index: divisionIndex(), counties: jinchengCounties() };

/**
 * The scope_text of the 沁水黄小米 row of ../shared/data/jincheng-gi-scopes.csv, verbatim (AGI2010-09-00509,
 * via m.ipa361.com/baike/2305852): copied so that the test does not read ../shared.
 */
const QINSHUI_MILLET = '沁水县的中村镇、土沃乡、张村乡、龙港镇、樊村河乡、苏庄乡、郑庄镇、端氏镇、加丰镇、郑村镇、胡底乡、固县乡、十里乡、柿庄镇等14个乡镇，涉及251个行政村。地理坐标为东经112°47′00″~115°55′00″，北纬35°24′00″~36°04′00″';

const index = divisionIndex();
const brief = (names: ReturnType<typeof reconcileScope>['names']) => names.map((n) => [n.name, n.kind,
  n.kind === 'ambiguous' || n.kind === 'other_county' ? n.candidates : 'code' in n ? n.code : null]);

describe('沁水黄小米 (AGI2010-09-00509)', () => {
  const report = reconcileScope(QINSHUI_MILLET, ['140521'], SEEDED);

  it('finds 11 townships, two vanished and one misspelt, in the order written', () => {
    expect(brief(report.names)).toEqual([
      ['中村镇', 'matched', '140521101000'], ['土沃乡', 'matched', '140521201000'], ['张村乡', 'matched', '140521202000'],
      ['龙港镇', 'matched', '140521100000'], ['樊村河乡', 'vanished', null], ['苏庄乡', 'vanished', null],
      ['郑庄镇', 'matched', '140521102000'], ['端氏镇', 'matched', '140521103000'], ['加丰镇', 'misspelt', '140521104000'],
      ['郑村镇', 'matched', '140521105000'], ['胡底乡', 'matched', '140521204000'], ['固县乡', 'matched', '140521205000'],
      ['十里乡', 'matched', '140521206000'], ['柿庄镇', 'matched', '140521106000'],
    ]);
    expect(report.tally).toEqual({ matched: 11, renamed: 0, misspelt: 1, ambiguous: 0, other_county: 0, vanished: 2, unknown: 0 });
    expect(report.names.find((n) => n.name === '加丰镇')).toMatchObject({ by: 'pinyin', candidates: ['140521104000'] });
    // 苏庄乡 is gone but two villages of its name remain in the county: a lead for whoever reconciles it.
    expect(report.names.find((n) => n.name === '苏庄乡')).toMatchObject({ namesakes: ['140521102231', '140521103201'] });
    expect(report.counties).toEqual({ named: ['140521'], outside: [], whole: [] });
    expect(report.repeated).toEqual([]);
  });

  it('flags the box: its longitudes start at the county\'s eastern edge and run 280 km east of it', () => {
    expect(report.boxIssue).toBeNull();
    expect(report.box!.given.west).toBeCloseTo(112 + 47 / 60, 6);
    expect(report.box!.given.east).toBeCloseTo(115 + 55 / 60, 6);
    expect(report.box!.check).toMatchObject({ relation: 'off', touches: [] });
    expect(report.box!.check.insideShare).toBeLessThan(0.02);
    expect(report.box!.check.beyondKm.east).toBeGreaterThan(280);
    expect(report.box!.check.beyondKm.west).toBe(0);
    expect(report.box!.check.beyondKm.north).toBeLessThan(1);
  });

  it('finds 嘉峰镇 itself when the name is spelt right, and nothing vanished once the merged townships go', () => {
    const fixed = QINSHUI_MILLET.replace('加丰镇', '嘉峰镇').replace('樊村河乡、苏庄乡、', '');
    expect(reconcileScope(fixed, ['140521'], SEEDED).tally).toMatchObject({ matched: 12, misspelt: 0, vanished: 0 });
  });
});

describe('a 陵川 scope written the same way (synthetic)', () => {
  const text = '陵川县的崇文镇、府城镇、西河底镇、北留镇、马圪当乡以及岭东村等5个乡镇1个村，涉及58个行政村。'
    + '地理坐标为东经１１３°０２′００″～113°37’00”，北纬35°26\'00"~35°53\'00"';
  const report = reconcileScope(text, ['140524'], SEEDED);

  it('gives exactly its planted flags', () => {
    expect(brief(report.names)).toEqual([
      ['崇文镇', 'matched', '140524100000'],
      ['府城镇', 'misspelt', '140524102000'], // 附城镇, fù chéng
      ['西河底镇', 'matched', '140524103000'],
      ['北留镇', 'other_county', ['140522101000']], // 阳城县
      ['马圪当乡', 'matched', '140524206000'],
      ['岭东村', 'ambiguous', ['140524102219', '140524207212']], // under 附城镇 and under 古郊乡
    ]);
    expect(report.names[3]).toMatchObject({ countyCodes: ['140522'] });
  });

  it('reads the box in fullwidth digits and typed quotes, and finds it inside the county within the slack', () => {
    expect(report.box!.check.relation).toBe('inside');
    expect(report.box!.check.beyondKm.west).toBeGreaterThan(0); // 113°02′ is 120 m west of the drawn edge
    expect(report.box!.check.touches).toEqual(['140524']);
  });

  it('settles the shared village name once the text says which township', () => {
    const under = reconcileScope('陵川县古郊乡的岭东村', ['140524'], SEEDED).names;
    expect(brief(under)).toEqual([['古郊乡', 'matched', '140524207000'], ['岭东村', 'matched', '140524207212']]);
    expect(under.map((n) => n.whole)).toEqual([false, true]);
    // 东沟村 of 陵川 is under 礼义镇: found, and the text's township is said to be wrong.
    expect(reconcileScope('陵川县附城镇的东沟村', ['140524'], SEEDED).names[1])
      .toMatchObject({ kind: 'matched', code: '140524101227', outsideTownship: true });
    expect(reconcileScope('陵川县礼义镇的东沟村', ['140524'], SEEDED).names[1]).not.toHaveProperty('outsideTownship');
  });

  it('looks only in the county the text names, and says when that is not the product\'s', () => {
    const r = reconcileScope('阳城县的北留镇、陵川县的崇文镇', ['140524'], SEEDED);
    expect(brief(r.names)).toEqual([['北留镇', 'other_county', ['140522101000']], ['崇文镇', 'matched', '140524100000']]);
    expect(r.counties).toMatchObject({ named: ['140522', '140524'], outside: ['140522'] });
  });
});

describe('one name at a time', () => {
  it.each([
    ['柿庄乡', '140521', 'renamed', '140521106000'], // 乡 became 镇
    ['张村', '140521', 'ambiguous', ['140521106207', '140521202000', '140521202205']], // 张村乡 or a 张村村
    ['郭峪村', '140521', 'other_county', ['140522101227']],
    ['西河庄镇', '140524', 'misspelt', '140524103000'], // one character off
    ['崇义镇', '140524', 'misspelt', '140524100000'],
    ['长山村', '140524', 'misspelt', '140524101209'], // the package writes 长shan
    ['东溝村', '140524', 'misspelt', '140524101227'], // a traditional character reads the same
    ['东汭村', '140524', 'vanished', null], // two characters, one off, is not enough for a village
    ['花果山', '140524', 'unknown', null],
  ])('%s in %s is %s', (name, county, kind, codes) => {
    const m = matchName(name, { counties: [county] });
    expect([m.kind, m.kind === 'ambiguous' || m.kind === 'other_county' ? m.candidates : 'code' in m ? m.code : null]).toEqual([kind, codes]);
  });

  it('offers every township one edit away, the first as its suggestion', () => {
    expect(matchName('崇义镇', { counties: ['140524'] })).toMatchObject({ by: 'edit', candidates: ['140524100000', '140524101000'] });
  });
});

describe('any scope written the same way', () => {
  const counties = jinchengCounties();
  const townships = (code: string) => index.byCounty.get(code)!.filter((d) => d.level === 'township');
  const dms = (deg: number) => `${Math.floor(deg)}°${String(Math.floor((deg % 1) * 60)).padStart(2, '0')}′00″`;
  const everyday = (official: string) => {
    const { base, suffix } = splitName(official);
    return `${base}${suffix.startsWith('村') ? '村' : '社区'}`;
  };
  const fullwidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

  it('matches every township of any list of a county\'s current townships', () => {
    const scope = fc.constantFrom(...counties).chain((county) => fc.record({
      county: fc.constant(county), list: fc.shuffledSubarray(townships(county.code), { minLength: 1 }),
      villages: fc.nat(500), withBox: fc.boolean(), wide: fc.boolean(),
    }));
    fc.assert(fc.property(scope, ({ county, list, villages, withBox, wide }) => {
      const b = county.box;
      const box = `地理坐标为东经${dms(b.west + 0.05)}~${dms(b.east - 0.05)}，北纬${dms(b.south + 0.05)}~${dms(b.north - 0.05)}`;
      const text = `${county.name}的${list.map((d) => d.name).join('、')}等${list.length}个乡镇，涉及${villages}个行政村。${withBox ? box : ''}`;
      const report = reconcileScope(wide ? fullwidth(text) : text, [county.code], SEEDED);
      expect(brief(report.names)).toEqual(list.map((d) => [d.name, 'matched', d.code]));
      expect(report.box?.check.relation ?? null).toBe(withBox ? 'inside' : null);
    }), { numRuns: 200 });
  });

  it('finds every village under its township, in its official or its everyday name', () => {
    const villages = index.all.filter((d) => d.level === 'village');
    // No township has two villages of one name, so under its township every village is found alone.
    expect(new Set(villages.map((v) => `${v.parentCode} ${v.base}`)).size).toBe(villages.length);
    for (const v of villages) {
      const township = index.byCode.get(v.parentCode)!;
      const county = counties.find((c) => c.code === v.countyCode)!;
      for (const written of [v.name, everyday(v.name)]) {
        const [parent, village] = reconcileScope(`${county.name}${township.name}的${written}`, [v.countyCode], SEEDED).names;
        expect([parent.kind, 'code' in parent && parent.code]).toEqual(['matched', township.code]);
        expect([written, village.kind, 'code' in village && village.code]).toEqual([written, 'matched', v.code]);
      }
    }
  });

  it('finds every village by its name alone in its county, or says which villages share it', () => {
    let shared = 0;
    for (const v of index.all.filter((d) => d.level === 'village')) {
      const namesakes = index.all.filter((d) => d.level === 'village' && d.countyCode === v.countyCode && d.base === v.base);
      const m = matchName(everyday(v.name), { counties: [v.countyCode] });
      if (namesakes.length === 1) expect([m.kind, 'code' in m && m.code]).toEqual(['matched', v.code]);
      else { shared++; expect(m).toMatchObject({ kind: 'ambiguous', candidates: namesakes.map((d) => d.code) }); }
    }
    expect(shared).toBe(53); // villages whose name another village of their county also has (2023 codes)
  });
});
