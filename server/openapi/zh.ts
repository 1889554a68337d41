/**
 * The Chinese of every text the HTTP API's description carries, keyed by the English exactly as it is written:
 * the shared texts (server/openapi/common-zh.ts) and those of each tag's operations, beside them
 * (server/openapi/operations/<tag>-zh.ts). The API page in Chinese (GET /api/docs, server/openapi-page.ts)
 * shows these. A text with no entry, new or reworded, is shown in English marked `lang="en"`, and
 * test/server/api-docs-language.test.ts fails until its Chinese is added to the table of its tag. Identifiers,
 * paths and codes stay in backticks, as in the English.
 */
import { COMMON_ZH } from './common-zh';
import { AUDIT_ZH } from './operations/audit-zh';
import { CULTIVATION_ZH } from './operations/cultivation-zh';
import { DESIGNATIONS_ZH } from './operations/designations-zh';
import { DOCUMENTS_ZH } from './operations/documents-zh';
import { EXPORT_ZH } from './operations/export-zh';
import { GEOGRAPHY_ZH } from './operations/geography-zh';
import { IMPORT_ZH } from './operations/import-zh';
import { MARKS_ZH } from './operations/marks-zh';
import { META_ZH } from './operations/meta-zh';
import { PLACES_ZH } from './operations/places-zh';
import { PRODUCTS_ZH } from './operations/products-zh';
import { SESSION_ZH } from './operations/session-zh';
import { TALLY_ZH } from './operations/tally-zh';
import { USERS_ZH } from './operations/users-zh';

/** English text of the API description → its Chinese. */
export const ZH: Readonly<Record<string, string>> = {
  ...COMMON_ZH,
  ...PRODUCTS_ZH,
  ...DESIGNATIONS_ZH,
  ...DOCUMENTS_ZH,
  ...MARKS_ZH,
  ...CULTIVATION_ZH,
  ...GEOGRAPHY_ZH,
  ...PLACES_ZH,
  ...TALLY_ZH,
  ...EXPORT_ZH,
  ...SESSION_ZH,
  ...IMPORT_ZH,
  ...AUDIT_ZH,
  ...USERS_ZH,
  ...META_ZH,
};
