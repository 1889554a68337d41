/** Strings of the officials’ workspace. */
import { defineCatalog } from './catalog';

/** The admin catalog. */
export const admin = defineCatalog({}, {});
