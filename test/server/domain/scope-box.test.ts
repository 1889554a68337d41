/**
 * Checking a scope's coordinate box against the box around its product's counties: inside (with slack for
 * boxes written to the minute), around, partly over, or off, and by how much.
 */
import { describe, expect, it } from 'vitest';
import { jinchengCounties, type Box } from '../../../seeds/divisions/county-bounds';
import { checkScopeBox } from '../../../server/domain/places/scope-box';

const box = (west: number, east: number, south: number, north: number): Box => ({ west, east, south, north });
const ONE = [{ code: '1', name: 'one', box: box(112, 113, 35, 36) }];
const TWO = [...ONE, { code: '2', name: 'two', box: box(113, 114, 35, 36) }];

describe('a scope box against its counties', () => {
  it.each([
    ['inside', box(112.2, 112.8, 35.2, 35.8), 'inside', 1, 0],
    ['a little past the edge (slack)', box(111.99, 113.01, 35, 36), 'inside', 1, 0.9],
    ['around the county', box(111.5, 113.5, 34.5, 36.5), 'contains', 0.27, 45.3],
    ['half over', box(112.5, 113.5, 35.2, 35.8), 'overlaps', 0.52, 45.3],
    ['beside it', box(113.5, 114, 35, 36), 'off', 0, 0],
    ['a sliver over, the rest far off', box(112.99, 116, 35, 36), 'off', 0.01, 0],
  ] as const)('%s', (_, given, relation, share, westOrEastKm) => {
    const check = checkScopeBox(given, ONE);
    expect([check.relation, check.insideShare]).toEqual([relation, share]);
    expect(Math.max(check.beyondKm.west, relation === 'off' ? 0 : check.beyondKm.east)).toBeCloseTo(westOrEastKm, 1);
  });

  it('measures how far a box runs past each side', () => {
    expect(checkScopeBox(box(112.99, 116, 35, 36), ONE).beyondKm).toEqual({ west: 0, east: 271.9, south: 0, north: 0 });
    expect(checkScopeBox(box(112.5, 112.6, 34.5, 35.5), ONE).beyondKm).toEqual({ west: 0, east: 0, south: 55.7, north: 0 });
  });

  it('checks against all the product\'s counties together and says which it touches', () => {
    expect(checkScopeBox(box(112.8, 113.8, 35.2, 35.8), TWO)).toMatchObject({ relation: 'inside', touches: ['1', '2'] });
    expect(checkScopeBox(box(113.2, 113.8, 35.2, 35.8), TWO)).toMatchObject({ relation: 'inside', touches: ['2'] });
    expect(checkScopeBox(box(113.2, 113.8, 35.2, 35.8), ONE).relation).toBe('off');
  });

  it('needs counties to check against', () => {
    expect(() => checkScopeBox(box(112, 113, 35, 36), [])).toThrow(/counties/);
  });

  it('fits 沁水县 once 沁水黄小米\'s longitudes are read as 111°55′~112°47′ (its digits swapped back)', () => {
    const qinshui = jinchengCounties().filter((c) => c.code === '140521');
    const dm = (d: number, m: number) => d + m / 60;
    expect(checkScopeBox(box(dm(112, 47), dm(115, 55), dm(35, 24), dm(36, 4)), qinshui).relation).toBe('off');
    expect(checkScopeBox(box(dm(111, 55), dm(112, 47), dm(35, 24), dm(36, 4)), qinshui).relation).toBe('inside');
  });
});
