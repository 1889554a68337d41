import { describe, expect, it } from 'vitest';
import type { CountyCode } from '../../db/model';
import { productsOfPoints } from '../../db/model';
import { collection, place } from './place-fixtures';

describe('productsOfPoints', () => {
  it('lists each product once, in the order of its first place, with its finest places', () => {
    const a = { id: 7, counties: ['140522'] as CountyCode[] };
    const b = { id: 3, counties: ['140521', '140522'] as CountyCode[] };
    const items = productsOfPoints(collection([place(b, 'county', '140521'), place(b, 'county', '140522'), place(a, 'township'), place(b, 'county')]));
    expect(items.map((p) => p.id)).toEqual([3, 7]);
    expect(items[0]).toMatchObject({ id: 3, counties: ['140521', '140522'], placement: 'county' });
    expect(items[0].places.map((p) => p.countyCode)).toEqual(['140521', '140522', '140521']);
    expect(items[1]).toMatchObject({ placement: 'township', places: [{ precision: 'township', countyCode: '140522', divisionName: '龙港镇', label: '' }] });
  });

  it('keeps only the finest precision a product has', () => {
    const p = { id: 1, counties: ['140521'] as CountyCode[] };
    const [item] = productsOfPoints(collection([place(p, 'county'), place(p, 'exact'), place(p, 'village'), place(p, 'exact')]));
    expect(item.placement).toBe('exact');
    expect(item.places).toHaveLength(2);
  });

  it('takes the feature without place as a product placed nowhere', () => {
    const items = productsOfPoints(collection([place({ id: 1, counties: ['140521'] }, null)]));
    expect(items.map((p) => [p.placement, p.places])).toEqual([['none', []]]);
  });

  it('lists nothing for no places', () => {
    expect(productsOfPoints(collection([]))).toEqual([]);
  });
});
