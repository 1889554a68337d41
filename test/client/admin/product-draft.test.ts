import { describe, expect, it } from 'vitest';
import type { Product } from '../../../db/model';
import { emptyLocation } from '../../../client/admin/location-draft';
import {
  checkProduct, draftFromProduct, emptyProductDraft, parseNumber, productBody, sourceLineError, splitLines, type ProductDraft,
} from '../../../client/admin/product-draft';

const valid = { ...emptyProductDraft('140521'), nameZh: '沁水蜂蜜', category: 'food' as const };

describe('parseNumber', () => {
  it.each([
    ['', null], ['  ', null], ['35.69', 35.69], ['-1', -1], ['1,234.5', 1234.5], ['.5', 0.5], ['1e3', 1000],
  ])('%j → %j', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });
  it.each(['abc', '12abc', '1.2.3', '--1'])('%j → NaN', (input) => {
    expect(parseNumber(input)).toBeNaN();
  });
});

describe('product drafts', () => {
  it('pre-checks an official’s county', () => {
    expect(emptyProductDraft('140521').counties).toEqual(['140521']);
    expect(emptyProductDraft(null).counties).toEqual([]);
  });

  it('builds the body: trimmed names, null English name, sources per line, no area when empty', () => {
    const body = productBody({ ...valid, nameZh: ' 沁水蜂蜜 ', sources: 'a\n\n b \r\nc' });
    expect(body).toMatchObject({ nameZh: '沁水蜂蜜', nameEn: null, sources: ['a', 'b', 'c'], protectedArea: null });
  });

  it('reads each source line as a title, an address, or "title address"', () => {
    const check = checkProduct({ ...valid, sources: '县志\n县农业农村局公告 https://a.cn/1\nsqrdapp.com/news/2020/11/576065.html' }, 'create');
    expect(check.ok && check.body.sources).toEqual([
      { title: '县志', url: null }, { title: '县农业农村局公告', url: 'https://a.cn/1' },
      { title: null, url: 'https://sqrdapp.com/news/2020/11/576065.html' },
    ]);
  });

  it('names the line of a source it refuses', () => {
    const check = checkProduct({ ...valid, sources: `县志\n${'长'.repeat(501)}` }, 'create');
    expect(check.ok).toBe(false);
    expect(!check.ok && sourceLineError(check.errors)).toBe('第 2 行：最多 500 个字符。');
  });

  const cases: [string, ProductDraft, 'create' | 'update', Record<string, string>][] = [
    ['a valid new product', valid, 'create', {}],
    ['no name', { ...valid, nameZh: '  ' }, 'create', { nameZh: '必填。' }],
    ['no category', { ...valid, category: '' }, 'create', { category: '必填。' }],
    ['no county', { ...valid, counties: [] }, 'create', { counties: '至少选择 1 项。' }],
    ['a typed latitude that is not a number', { ...valid, locations: [{ ...emptyLocation({ lat: 'abc', lng: '112.2' }), precision: 'exact' }] },
      'create', { 'locations.0.lat': '请输入数字。' }],
    ['an empty longitude', { ...valid, locations: [{ ...emptyLocation({ lat: '35.7', lng: '' }), precision: 'exact' }] },
      'update', { 'locations.0.lng': '请输入数字。' }],
    ['swapped coordinates', { ...valid, locations: [{ ...emptyLocation({ lat: '35.7', lng: '12.2' }), precision: 'exact' }] },
      'update', { 'locations.0.lat': '位置不在晋城市范围内（请检查经纬度是否颠倒）' }],
  ];
  it.each(cases)('%s', (_, draft, mode, errors) => {
    const check = mode === 'create' ? checkProduct(draft, 'create') : checkProduct(draft, 'update');
    expect(check.ok ? {} : check.errors).toEqual(errors);
  });

  it('round-trips a product through its draft', () => {
    const product = {
      id: 1, nameZh: '沁水蜂蜜', nameEn: 'Qinshui honey', category: 'food', counties: ['140521'], description: 'd', quality: 'q',
      visibility: 'public', archived: false, locations: [{ lat: 35.69, lng: 112.19, label: '县城', precision: 'township', divisionCode: '140521100000' }],
      protectedArea: { text: '全县', geometry: null }, sources: [{ title: 's1', url: null }, { title: '公告', url: 'https://a.cn/x' }],
      designations: [], participants: [], documents: [], figures: [], authorizedUsers: [],
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    } satisfies Product;
    const check = checkProduct(draftFromProduct(product), 'update');
    expect(check).toEqual({
      ok: true,
      body: {
        nameZh: '沁水蜂蜜', nameEn: 'Qinshui honey', category: 'food', counties: ['140521'], description: 'd', quality: 'q',
        visibility: 'public', locations: product.locations, protectedArea: product.protectedArea, sources: product.sources,
      },
    });
  });

  it('splitLines drops blank lines', () => {
    expect(splitLines('\n a \n\n')).toEqual(['a']);
  });
});
