/**
 * The scope editor's decisions → the PUT's codes, on the real 沁水黄小米 answer (11 matched, two vanished,
 * one misspelt, the box off the county) and a 陵川 one with every other flag; and the flags and the box in words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boxOf, initialBoxResolution, initialResolutions, needsResolution, offeredCodes, resolvedCodes, scopeBody, scopeDraftOf, unitIndex,
  type Resolution,
} from '../../../client/admin/scope-draft';
import { boxWords, flagWords, sidesWords } from '../../../client/admin/scope-words';
import { presentReport } from '../../../server/domain/places/scope-check';
import { reconcileScope, type ScopeData } from '../../../server/domain/places/scope-reconcile';
import { jinchengCounties } from '../../../seeds/divisions/county-bounds';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { loadSeededCounties } from '../seeded-counties';
import '../../support/all-catalogs';

/** The scope_text of 沁水黄小米 (AGI2010-09-00509), verbatim as test/server/domain/scope-match.test.ts has it. */
const QINSHUI_MILLET = '沁水县的中村镇、土沃乡、张村乡、龙港镇、樊村河乡、苏庄乡、郑庄镇、端氏镇、加丰镇、郑村镇、胡底乡、固县乡、十里乡、柿庄镇等14个乡镇，涉及251个行政村。地理坐标为东经112°47′00″~115°55′00″，北纬35°24′00″~36°04′00″';
/** The committed division codes and the seeded counties. */
const SEEDED: ScopeData = { index: divisionIndex(), counties: jinchengCounties() };
const millet = presentReport(reconcileScope(QINSHUI_MILLET, ['140521'], SEEDED));

// The county names the words use come from GET /api/counties, as on a page.
beforeAll(loadSeededCounties);
const at = (name: string) => millet.names.findIndex((n) => n.name === name);

describe('沁水黄小米', () => {
  it('keeps the 11 certain matches and asks about exactly the two vanished and the misspelt one', () => {
    const start = initialResolutions(millet);
    expect(millet.names.filter((n) => needsResolution(n, millet)).map((n) => [n.name, n.kind]))
      .toEqual([['樊村河乡', 'vanished'], ['苏庄乡', 'vanished'], ['加丰镇', 'misspelt']]);
    const { codes, unresolved } = resolvedCodes(millet, start);
    expect(codes).toHaveLength(11);
    expect(unresolved).toEqual([at('樊村河乡'), at('苏庄乡'), at('加丰镇')]);
  });

  it('offers 嘉峰镇 for 加丰镇 and nothing to use for a vanished township', () => {
    expect(offeredCodes(millet.names[at('加丰镇')])).toEqual(['140521104000']);
    expect(offeredCodes(millet.names[at('苏庄乡')])).toEqual([]);
  });

  it('comes to 12 codes once 嘉峰镇 is accepted and the vanished are dropped, in the text\'s order', () => {
    const r: (Resolution | null)[] = initialResolutions(millet);
    r[at('加丰镇')] = { how: 'use', code: '140521104000' };
    r[at('樊村河乡')] = { how: 'drop' };
    r[at('苏庄乡')] = { how: 'other', code: null }; // chose "another unit" but picked none yet
    expect(resolvedCodes(millet, r).unresolved).toEqual([at('苏庄乡')]);
    r[at('苏庄乡')] = { how: 'drop' };
    const { codes, unresolved } = resolvedCodes(millet, r);
    expect(unresolved).toEqual([]);
    expect(codes).toHaveLength(12);
    expect(codes.slice(0, 4)).toEqual(['140521101000', '140521201000', '140521202000', '140521100000']);
    expect(codes).toContain('140521104000');
  });

  it('drops a certain match when the official leaves it out, and lists a code two names came to once', () => {
    const r = initialResolutions(millet);
    r[at('龙港镇')] = { how: 'drop' };
    r[at('加丰镇')] = { how: 'use', code: '140521101000' }; // the same as 中村镇
    r[at('樊村河乡')] = { how: 'drop' };
    r[at('苏庄乡')] = { how: 'drop' };
    const { codes } = resolvedCodes(millet, r);
    expect(codes).not.toContain('140521100000');
    expect(codes.filter((c) => c === '140521101000')).toHaveLength(1);
    expect(codes).toHaveLength(10);
  });

  it('says the flags and the box in words', () => {
    const units = unitIndex(millet.units);
    expect(flagWords(millet.names[at('龙港镇')], units)).toBe('已匹配');
    expect(flagWords(millet.names[at('加丰镇')], units)).toBe('疑似错字：应为 嘉峰镇');
    expect(flagWords(millet.names[at('苏庄乡')], units)).toBe('2023 年区划中已无（撤并、更名或撤销）');
    expect(boxWords(millet, ['140521'])).toMatch(/^坐标范围在沁水县以外（东侧 28\d km）。$/);
  });

  it('holds the box until the official leaves it out or corrects it', () => {
    expect(initialBoxResolution(millet)).toBeNull();
    expect(boxOf(millet, null)).toBeUndefined();
    expect(boxOf(millet, { how: 'leave' })).toBeNull();
    expect(boxOf(millet, { how: 'fix', west: '111.9167', east: '112.7833', south: '35.4', north: '36.0667' }))
      .toEqual({ west: 111.9167, east: 112.7833, south: 35.4, north: 36.0667 });
  });
});

describe('a 陵川 scope with the other flags (synthetic, as in the server tests)', () => {
  const text = '陵川县的崇文镇、府城镇、西河底镇、北留镇、马圪当乡以及岭东村等5个乡镇1个村。地理坐标为东经113°02′00″～113°37′00″，北纬35°26′00″~35°53′00″';
  const a = presentReport(reconcileScope(text, ['140524'], SEEDED));
  const units = unitIndex(a.units);
  const i = (name: string) => a.names.findIndex((n) => n.name === name);

  it('words each flag', () => {
    expect(flagWords(a.names[i('北留镇')], units)).toBe('属其他县（阳城县）');
    expect(flagWords(a.names[i('岭东村')], units)).toBe('多处同名：请选择');
    expect(boxWords(a, ['140524'])).toBe('坐标范围在陵川县以内。');
    expect(initialBoxResolution(a)).toEqual({ how: 'keep' });
  });

  it('resolves an ambiguous village by one of its candidates, and another county\'s name only by dropping it', () => {
    expect(offeredCodes(a.names[i('岭东村')])).toEqual(['140524102219', '140524207212']);
    expect(offeredCodes(a.names[i('北留镇')])).toEqual([]);
    const r = initialResolutions(a);
    r[i('府城镇')] = { how: 'use', code: '140524102000' };
    r[i('北留镇')] = { how: 'drop' };
    r[i('岭东村')] = { how: 'use', code: '140524207212' };
    const { codes, unresolved } = resolvedCodes(a, r);
    expect(unresolved).toEqual([]);
    expect(codes).toEqual(['140524100000', '140524102000', '140524103000', '140524206000', '140524207212']);
  });

  it('sends nothing for a township named only as the parent of its villages', () => {
    const under = presentReport(reconcileScope('陵川县古郊乡的岭东村', ['140524'], SEEDED));
    expect(resolvedCodes(under, initialResolutions(under))).toEqual({ codes: ['140524207212'], unresolved: [] });
  });
});

describe('the body', () => {
  it('keeps the text verbatim with its source and date, and refuses a bad address beside its field', () => {
    const draft = { ...scopeDraftOf(null), text: ` ${QINSHUI_MILLET}\n`, sourceTitle: '农业部公告第1459号', announcedOn: '2010-09' };
    const ok = scopeBody(draft, ['140521100000'], null);
    expect(ok).toEqual({ ok: true, body: {
      text: ` ${QINSHUI_MILLET}\n`, source: { title: '农业部公告第1459号', url: null }, announcedOn: '2010-09', codes: ['140521100000'], box: null,
    } });
    const bad = scopeBody({ ...draft, sourceUrl: 'not an address', announcedOn: '2010-13' }, [], null);
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['announcedOn', 'source.url']);
  });

  it('names the sides a box runs past by a kilometre or more, farthest first', () => {
    expect(sidesWords({ west: 0, east: 283.4, south: 1.2, north: 0.4 })).toBe('东侧 283 km、南侧 1 km');
  });
});
