import { describe, expect, it } from 'vitest';
import type { CountyCode } from '../../db/model';
import { countyMeasure, measureKind } from '../../db/model';
import { collection, place, type FixtureProduct } from './place-fixtures';

const honey: FixtureProduct = { id: 1, counties: ['140521'] as CountyCode[], designations: [['trademark', 'granted'], ['protected_product', 'cultivating']] };
const tea: FixtureProduct = { id: 2, counties: ['140521', '140522'] as CountyCode[], designations: [['trademark', 'filed']] };
const points = collection([
  place(honey, 'county'),
  // Two places of one product count its designations once per county.
  place(tea, 'county', '140521'),
  place(tea, 'county', '140522'),
]);

describe('countyMeasure', () => {
  it.each([
    [undefined, 'in_force'], ['in_force', 'in_force'], ['granted', 'in_force'], ['in_progress', 'in_progress'], ['filed', 'filed'], ['cultivating', 'cultivating'],
  ] as const)('a status filter %s measures %s', (status, kind) => {
    expect(measureKind(status)).toBe(kind);
  });

  it('counts designations in force by default, per product county', () => {
    expect([...countyMeasure(points, {}).counts]).toEqual([['140521', 1]]);
  });

  it('follows the status and type filters', () => {
    expect([...countyMeasure(points, { status: 'in_progress' }).counts]).toEqual([['140521', 1], ['140522', 1]]);
    expect([...countyMeasure(points, { status: 'cultivating', type: 'protected_product' }).counts]).toEqual([['140521', 1]]);
    expect([...countyMeasure(points, { type: 'agricultural_product' }).counts]).toEqual([]);
  });
});
