/** The location picker's drafts: a precision is always chosen, a village or township names its code, a county needs no click. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Location } from '../../../db/model';
import {
  draftFromLocation, emptyLocation, locationBody, locationErrors, type LocationDraft,
} from '../../../client/admin/location-draft';
import { checkProduct, emptyProductDraft } from '../../../client/admin/product-draft';
import { loadSeededCounties } from '../seeded-counties';
import '../../support/all-catalogs';

// County names come from GET /api/counties, as on a page.
beforeAll(loadSeededCounties);

const point = { lat: '35.69', lng: '112.19' };
const product = { ...emptyProductDraft('140521'), nameZh: '沁水黄小米', category: 'food' as const };
const longgang = { code: '140521100000', name: '龙港镇' };
const liuzhuang = { code: '140521100001', name: '柳庄社区居委会（龙港镇）' };

describe('a new location', () => {
  it('has no precision until the official chooses one, and is not saved without it', () => {
    expect(emptyLocation().precision).toBe('');
    const check = checkProduct({ ...product, locations: [emptyLocation(point)] }, 'create');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors['locations.0.precision']).toBe('请选择这个位置的精确程度。');
  });
});

describe('what each precision still lacks', () => {
  const cases: [string, Partial<LocationDraft>, Record<string, string>][] = [
    ['nothing chosen', {}, { 'locations.0.precision': '请选择这个位置的精确程度。' }],
    ['an exact spot not placed', { precision: 'exact', lat: '', lng: '' }, { 'locations.0.lat': '请在地图上点出这个位置，或输入经纬度。' }],
    ['a village not picked', { precision: 'village' }, { 'locations.0.divisionCode': '请从名录中选择村。' }],
    ['a township picked but not placed', { precision: 'township', division: longgang, lat: '', lng: '' },
      { 'locations.0.lat': '请在地图上点出所选村或乡镇内的一个位置，或输入经纬度。' }],
    ['a county not chosen', { precision: 'county' }, { 'locations.0.county': '请选择县（市、区）。' }],
    ['a county chosen before the boundaries loaded', { precision: 'county', county: '140521', lat: '', lng: '' },
      { 'locations.0.county': '县界尚未载入，请稍候再保存。' }],
    ['a placed village', { precision: 'village', division: liuzhuang }, {}],
    ['a county with its centre', { precision: 'county', county: '140521' }, {}],
  ];
  it.each(cases)('%s', (_, patch, errors) => {
    expect(locationErrors([{ ...emptyLocation(point), ...patch }])).toEqual(errors);
  });
});

describe('the request body', () => {
  it.each([
    ['exact', { precision: 'exact', division: longgang }, { precision: 'exact', divisionCode: null, label: '' }],
    ['village', { precision: 'village', division: liuzhuang }, { precision: 'village', divisionCode: '140521100001' }],
    ['township', { precision: 'township', division: longgang, label: ' 基地 ' }, { precision: 'township', divisionCode: '140521100000', label: '基地' }],
    ['county', { precision: 'county', county: '140521', label: '旧说明' }, { precision: 'county', divisionCode: null, label: '沁水县' }],
  ] as const)('%s', (_, patch, body) => {
    const sent = locationBody({ ...emptyLocation(point), ...patch } as LocationDraft);
    expect(sent).toMatchObject({ lat: 35.69, lng: 112.19, ...body });
    expect(Location.safeParse(sent).success).toBe(true);
  });

  it('reads a saved location back: its unit by code, a county by its label', () => {
    expect(draftFromLocation({ lat: 35.69, lng: 112.19, label: '', precision: 'village', divisionCode: '140521100001' }))
      .toMatchObject({ precision: 'village', division: { code: '140521100001', name: '' }, county: '' });
    expect(draftFromLocation({ lat: 35.69, lng: 112.19, label: '沁水县', precision: 'county', divisionCode: null }))
      .toMatchObject({ precision: 'county', county: '140521', division: null });
  });

  it('a whole product saves with a chosen precision and its code', () => {
    const check = checkProduct({ ...product, locations: [{ ...emptyLocation(point), precision: 'township', division: longgang }] }, 'create');
    expect(check.ok && check.body.locations).toEqual([{ lat: 35.69, lng: 112.19, label: '', precision: 'township', divisionCode: '140521100000' }]);
  });
});
