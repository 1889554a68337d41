/** A protected area read as an announcement reads: by county, then township, each with its listed villages. */
import { describe, expect, it } from 'vitest';
import type { ScopeUnit } from '../../db/model';
import { scopeCounts, scopeGroups, unnamedTownships } from '../../client/lib/scope-groups';

const township = (code: string, name: string, countyCode = code.slice(0, 6)): ScopeUnit =>
  ({ code, name, level: 'township', countyCode: countyCode as ScopeUnit['countyCode'], townshipCode: null, whole: true });
const village = (code: string, name: string): ScopeUnit =>
  ({ code, name, level: 'village', countyCode: code.slice(0, 6) as ScopeUnit['countyCode'], townshipCode: `${code.slice(0, 9)}000`, whole: false });

describe('scopeGroups', () => {
  it('lists whole townships and villages under their townships, in code order', () => {
    const units = [village('140524207212', '岭东村委会'), township('140524100000', '崇文镇'), township('140524207000', '古郊乡'),
      village('140524102219', '岭东村委会')];
    expect(scopeGroups(units)).toEqual([{ countyCode: '140524', townships: [
      { code: '140524100000', name: '崇文镇', whole: true, villages: [] },
      { code: '140524102000', name: null, whole: false, villages: [units[3]] },
      { code: '140524207000', name: '古郊乡', whole: true, villages: [units[0]] },
    ] }]);
    expect(unnamedTownships(scopeGroups(units))).toEqual(['140524102000']);
    expect(scopeGroups(units, new Map([['140524102000', '附城镇']]))[0].townships[1].name).toBe('附城镇');
    expect(scopeCounts(units)).toEqual({ townships: 2, villages: 2 });
  });

  it('groups by county when the area spans several', () => {
    const groups = scopeGroups([township('140522101000', '北留镇'), township('140521100000', '龙港镇')]);
    expect(groups.map((g) => [g.countyCode, g.townships.map((t) => t.name)])).toEqual([['140521', ['龙港镇']], ['140522', ['北留镇']]]);
  });

  it('has nothing for an empty area', () => {
    expect(scopeGroups([])).toEqual([]);
  });
});
