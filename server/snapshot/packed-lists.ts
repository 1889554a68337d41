/**
 * A map view's list as the server keeps it: every item once, as UTF-8 JSON one after another in the Chinese
 * order, with the English order as positions into it. The same list as objects took about 15 MB of heap per
 * view at national scale (10,000 items with their designations and places); packed it is a few MB outside
 * the heap, and a page of GET /api/map-summary is put together by copying its items' bytes. The answer is
 * the same text `JSON.stringify(mapSummaryPage(lists, query))` gives (test/server/packed-lists.test.ts).
 */
import { pageOffset, type MapLists, type MapSummaryHead, type MapSummaryQuery, type NameOrderLang } from '../../db/model';

/** A view's numbers and its list, packed. */
export interface PackedLists {
  head: MapSummaryHead;
  /** Every item's JSON, in the Chinese order. */
  bytes: Buffer;
  /** Where each item (Chinese order) starts in `bytes`; one more entry, the end. */
  starts: Uint32Array;
  /** Each item's product id, in the Chinese order. */
  ids: Int32Array;
  /** For each language, the Chinese-order position of its n-th item. */
  order: Record<NameOrderLang, Uint32Array>;
}

/** Packs the lists `mapLists` summed up (the English list holds the same items as the Chinese one, reordered). */
export function packLists(lists: MapLists): PackedLists {
  const zh = lists.lists.zh;
  const position = new Map(zh.map((item, i) => [item, i]));
  const parts = zh.map((item) => Buffer.from(JSON.stringify(item)));
  const starts = new Uint32Array(zh.length + 1);
  for (let i = 0; i < parts.length; i++) starts[i + 1] = starts[i] + parts[i].length;
  const identity = Uint32Array.from(zh, (_, i) => i);
  const en = Uint32Array.from(lists.lists.en, (item) => {
    const at = position.get(item);
    if (at === undefined) throw new Error('The English list holds an item the Chinese one does not');
    return at;
  });
  return { head: lists.head, bytes: Buffer.concat(parts), starts, ids: Int32Array.from(zh, (item) => item.id), order: { zh: identity, en } };
}

/**
 * A page of the packed list in `lang`'s order, as JSON text, starting where `pageOffset` says (the rule
 * mapSummaryPage pages by); null when `at` is not listed.
 */
export function packedSummaryText(packed: PackedLists, query: Pick<MapSummaryQuery, 'lang' | 'offset' | 'limit' | 'at'>): string | null {
  const order = packed.order[query.lang ?? 'zh'];
  const offset = pageOffset(order.length, (n) => packed.ids[order[n]], query);
  if (offset === null) return null;
  const end = Math.min(order.length, offset + query.limit);
  const items: Buffer[] = [];
  for (let n = offset; n < end; n++) {
    if (n > offset) items.push(COMMA);
    items.push(packed.bytes.subarray(packed.starts[order[n]], packed.starts[order[n] + 1]));
  }
  const head = JSON.stringify({ ...packed.head, offset });
  return `${head.slice(0, -1)},"items":[${Buffer.concat(items).toString('utf8')}]}`;
}

const COMMA = Buffer.from(',');
