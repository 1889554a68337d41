/** Strings of the public product page. */
import { defineCatalog } from './catalog';

/** The product catalog. */
export const product = defineCatalog({}, {});
