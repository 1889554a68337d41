/** Strings of the public map page. */
import { defineCatalog } from './catalog';

/** The map catalog. */
export const map = defineCatalog({}, {});
