/**
 * Message catalogs: Chinese strings and their English twins, checked by the type system to have the
 * same keys. Declaring a catalog loads it: its messages join the ones `t()` reads, so a page has the
 * catalogs its module imports (the first page the shell's and the map's, a page loaded later its own:
 * test/client/i18n/page-catalogs.test.ts checks each page loads the keys it uses).
 */

/** A pair of catalogs with identical keys. */
export interface Catalog<K extends string> { zh: Record<K, string>; en: Record<K, string> }

/** The messages of every catalog loaded so far, by language. */
const loaded = { zh: new Map<string, string>(), en: new Map<string, string>() };

/** Declares a catalog and loads it; `en` must have exactly the keys of `zh`. */
export function defineCatalog<const Z extends Record<string, string>>(zh: Z, en: Record<keyof Z & string, string>): Catalog<keyof Z & string> {
  for (const [key, message] of Object.entries(zh)) loaded.zh.set(key, message);
  for (const [key, message] of Object.entries(en)) loaded.en.set(key, message);
  return { zh, en };
}

/** A loaded message, or undefined when no loaded catalog has the key. */
export function loadedMessage(lang: 'zh' | 'en', key: string): string | undefined {
  return lang === 'en' ? loaded.en.get(key) : loaded.zh.get(key);
}
