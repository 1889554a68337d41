import { describe, expect, it } from 'vitest';
import type { ProductFilter } from '../../db/model';
import { filterQuery, parseFilter, sameFilter, withFilter } from '../../client/map/url-state';

describe('map URL state', () => {
  it.each<[string, ProductFilter]>([
    ['', {}],
    ['?type=trademark', { type: 'trademark' }],
    ['?type=trademark&county=140581', { type: 'trademark', county: '140581' }],
    ['?status=in_force', { status: 'in_force' }],
    ['?status=in_progress&category=medicinal', { status: 'in_progress', category: 'medicinal' }],
    ['?status=published', { status: 'published' }],
    ['?q=%E8%9C%82%E8%9C%9C', { q: '蜂蜜' }],
    ['?type=agricultural_product&status=cultivating&county=140502&category=food&q=honey',
      { type: 'agricultural_product', status: 'cultivating', county: '140502', category: 'food', q: 'honey' }],
  ])('round-trips %s', (query, filter) => {
    expect(parseFilter(query)).toEqual(filter);
    expect(filterQuery(filter)).toBe(query);
    expect(parseFilter(filterQuery(filter))).toEqual(filter);
  });

  it.each<[string, ProductFilter]>([
    ['?type=patent', {}],
    // A county code is six digits; which codes are counties is the server's to say (a 400 for one it never had).
    ['?type=trademark&county=11000', { type: 'trademark' }],
    ['?status=granted_or_not&category=food', { category: 'food' }],
    ['?category=FOOD', {}],
    ['?q=', {}],
    ['?q=%20%20', {}],
    [`?q=${'x'.repeat(101)}`, {}],
    ['?q=%20pear%20', { q: 'pear' }],
    ['?lang=en&limit=5&offset=2&county=140525', { county: '140525' }],
    ['?county=140525&county=140581', { county: '140525' }],
  ])('drops what is invalid or foreign in %s', (query, filter) => {
    expect(parseFilter(query)).toEqual(filter);
  });

  it('writes parameters in a fixed order whatever the object order', () => {
    expect(filterQuery({ q: 'a', county: '140521', type: 'trademark' })).toBe('?type=trademark&county=140521&q=a');
  });

  it('sets and clears one parameter', () => {
    const f: ProductFilter = { type: 'trademark', county: '140521' };
    expect(withFilter(f, 'county', '140581')).toEqual({ type: 'trademark', county: '140581' });
    expect(withFilter(f, 'county', '')).toEqual({ type: 'trademark' });
    expect(withFilter(f, 'type', 'nonsense')).toEqual({ county: '140521' });
    expect(sameFilter(withFilter(f, 'q', ' '), f)).toBe(true);
  });
});
