/**
 * A message catalog: Chinese strings and their English twins, checked by the type system to have
 * the same keys.
 */

/** A pair of catalogs with identical keys. */
export interface Catalog<K extends string> { zh: Record<K, string>; en: Record<K, string> }

/** Declares a catalog; `en` must have exactly the keys of `zh`. */
export function defineCatalog<const Z extends Record<string, string>>(zh: Z, en: Record<keyof Z & string, string>): Catalog<keyof Z & string> {
  return { zh, en };
}
