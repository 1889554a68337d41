/**
 * How a product search reads what people type and how products are ordered by name, in one place for the
 * server (GET /api/products, /api/products.geojson, the exports) and the static copy (client/lib/static-api.ts),
 * so both answer the same. The pinyin itself is made on the server (pinyin-pro, once per name) and travels
 * with each product as `namePinyin`, so the browser only compares strings.
 *
 * The rule: the query is cut at whitespace and every word must match the product, each in one of four ways:
 * a part of the Chinese name (沁水, 蜂蜜); a part of its pinyin without tones or spaces (qinshui, fengmi,
 * shuifeng); a part of its initials (qsfm, sf: 沁水蜂蜜 is q-s-f-m); a part of its English name, case aside
 * (honey). Full-width letters and spaces count as half-width (NFKC); ü is typed v, as on a pinyin keyboard.
 */

/** What a product is searched and ordered by: its names and the toneless pinyin of its Chinese name. */
export interface SearchName {
  nameZh: string;
  nameEn: string | null;
  /** Toneless pinyin of `nameZh`, lower case, syllables joined by one space, ü written v ("qin shui feng mi"). */
  namePinyin: string;
}

/** The languages a list can be ordered for. */
export type NameOrderLang = 'zh' | 'en';

/** A text as compared: NFKC (full-width forms become half-width), lower case, ü as v. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/ü/g, 'v');
}

/** The words of a query as compared; none for a blank one. Apostrophes (xi'an) are dropped. */
export function searchWords(q: string): string[] {
  return fold(q).replace(/['’]/g, '').split(/\s+/).filter(Boolean);
}

/** The pinyin without spaces ("qinshuifengmi") and the initials ("qsfm") of a product's `namePinyin`. */
export function pinyinForms(namePinyin: string): { full: string; initials: string } {
  const syllables = namePinyin.split(' ').filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

/** Whether every word of a query matches the product (an empty query matches everything). */
export function matchesSearch(p: SearchName, q: string): boolean {
  const words = searchWords(q);
  if (words.length === 0) return true;
  const zh = fold(p.nameZh).replace(/\s+/g, '');
  const en = fold(p.nameEn ?? '');
  const { full, initials } = pinyinForms(p.namePinyin);
  return words.every((w) => zh.includes(w) || en.includes(w) || full.includes(w) || initials.includes(w));
}

/**
 * What a list is ordered by: in Chinese the pinyin, syllable by syllable (巴公 before 高平 before 晋城); in
 * English the English name, or the pinyin when there is none, alphabetically and case aside.
 */
export function nameOrderKey(p: SearchName, lang: NameOrderLang): string {
  if (lang === 'en') return fold(p.nameEn?.trim() || p.namePinyin);
  return p.namePinyin;
}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Compares two products for a list in `lang`: by `nameOrderKey`, then the Chinese name, then the id. */
export function compareByName<T extends SearchName & { id: number }>(lang: NameOrderLang): (a: T, b: T) => number {
  return (a, b) => byText(nameOrderKey(a, lang), nameOrderKey(b, lang)) || byText(a.nameZh, b.nameZh) || a.id - b.id;
}

/** A copy of `items` in the order of `compareByName`, each key made once rather than once per comparison. */
export function sortByName<T extends SearchName & { id: number }>(items: readonly T[], lang: NameOrderLang): T[] {
  return items.map((item) => ({ item, key: nameOrderKey(item, lang) }))
    .sort((a, b) => byText(a.key, b.key) || byText(a.item.nameZh, b.item.nameZh) || a.item.id - b.item.id)
    .map(({ item }) => item);
}
