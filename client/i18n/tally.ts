/** Strings of the tally page. */
import { defineCatalog } from './catalog';

/** The tally catalog. */
export const tally = defineCatalog({}, {});
