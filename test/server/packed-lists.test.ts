/**
 * The map view's packed list (server/snapshot/packed-lists.ts) answers every page with the same text as the
 * objects it was packed from: `JSON.stringify(mapSummaryPage(lists, query))`, in both orders, from any
 * offset, by a product's page (`at`), and null where that rule says the product is not listed.
 */
import { describe, expect, it } from 'vitest';
import { mapLists, mapSummaryPage, type CountyCode, type PlaceFeature } from '../../db/model';
import { packedSummaryText, packLists } from '../../server/snapshot/packed-lists';
import { collection, place, type FixtureProduct } from '../db/place-fixtures';

const COUNTIES: CountyCode[] = ['140502', '140521', '140522', '140524', '140525', '140581'];

/** 37 products in the six counties, some with points, some county-level, some with no place; English names in another order than the Chinese. */
function places(): PlaceFeature[] {
  const features: PlaceFeature[] = [];
  for (let id = 1; id <= 37; id++) {
    const p: FixtureProduct = { id, counties: [COUNTIES[id % 6]], designations: id % 3 ? [['protected_product', 'granted']] : [] };
    const f = place(p, id % 4 === 0 ? null : id % 4 === 1 ? 'county' : 'exact', COUNTIES[id % 6], [112 + id / 100, 35.5]);
    // Chinese names rise with the id, English names fall with it: the two lists are in opposite orders.
    f.properties = { ...f.properties, nameZh: `产品${String(id).padStart(2, '0')}`, nameEn: `Product ${String(100 - id)}`, namePinyin: `chan pin ${String(id).padStart(2, '0')}` };
    features.push(f);
  }
  return features;
}

describe('packed lists', () => {
  const lists = mapLists(collection(places()), {});
  const packed = packLists(lists);

  it('hold the two orders of the objects they were packed from', () => {
    expect(lists.lists.zh.map((i) => i.id)).not.toEqual(lists.lists.en.map((i) => i.id));
    expect(Array.from(packed.order.en, (i) => packed.ids[i])).toEqual(lists.lists.en.map((i) => i.id));
    expect(Array.from(packed.order.zh, (i) => packed.ids[i])).toEqual(lists.lists.zh.map((i) => i.id));
  });

  const queries = [
    { lang: 'zh' as const, offset: 0, limit: 10 },
    { lang: 'en' as const, offset: 0, limit: 10 },
    { lang: 'en' as const, offset: 30, limit: 10 },
    { lang: 'zh' as const, offset: 36, limit: 100 },
    { lang: 'zh' as const, offset: 40, limit: 10 },
    { lang: 'en' as const, offset: 0, limit: 100, at: 5 },
    { lang: 'en' as const, offset: 0, limit: 7, at: 33 },
    { lang: 'zh' as const, offset: 0, limit: 7, at: 33 },
  ];
  it.each(queries)('answer %o with the same text as the objects', (query) => {
    const text = packedSummaryText(packed, query);
    expect(text).toBe(JSON.stringify(mapSummaryPage(lists, query)));
    expect(JSON.parse(text!).items.length).toBe(mapSummaryPage(lists, query)!.items.length);
  });

  it('answer null for a product that is not listed, as the objects do', () => {
    expect(mapSummaryPage(lists, { lang: 'zh', offset: 0, limit: 10, at: 999 })).toBeNull();
    expect(packedSummaryText(packed, { lang: 'zh', offset: 0, limit: 10, at: 999 })).toBeNull();
  });

  it('answer an empty list with its numbers', () => {
    const none = mapLists(collection([]), {});
    expect(packedSummaryText(packLists(none), { lang: 'zh', offset: 0, limit: 10 })).toBe(JSON.stringify(mapSummaryPage(none, { lang: 'zh', offset: 0, limit: 10 })));
  });
});
