/**
 * Every operation of the HTTP API, one module per tag (server/openapi/operations/*.ts), in the order the
 * OpenAPI document lists them (server/openapi.ts). The vocabulary they are written in is server/openapi/operation.ts.
 */
import type { Operation } from './operation';
import { AUDIT_OPERATIONS } from './operations/audit';
import { CULTIVATION_OPERATIONS } from './operations/cultivation';
import { DESIGNATION_OPERATIONS } from './operations/designations';
import { DOCUMENT_OPERATIONS } from './operations/documents';
import { EXPORT_OPERATIONS } from './operations/export';
import { COUNTY_OPERATIONS, MAP_LAYERS } from './operations/geography';
import { IMPORT_OPERATIONS } from './operations/import';
import { MARK_OPERATIONS } from './operations/marks';
import { META_OPERATIONS } from './operations/meta';
import { PLACE_OPERATIONS } from './operations/places';
import { PRODUCT_READS, PRODUCT_WRITES } from './operations/products';
import { SESSION_OPERATIONS } from './operations/session';
import { TALLY_OPERATIONS } from './operations/tally';
import { USER_OPERATIONS } from './operations/users';

export { IF_MATCH, MEDIA, TAGS, type Operation, type Success, type Who } from './operation';
export { DocumentUpload } from './operations/documents';
export { ImportFailed } from './operations/import';
export { Page } from './operations/products';

/** Every operation of the API, in the document's order (the paths are listed in the order they first come). */
export const OPERATIONS: Operation[] = [
  ...PRODUCT_READS,
  ...MAP_LAYERS,
  ...PRODUCT_WRITES,
  ...DESIGNATION_OPERATIONS,
  ...MARK_OPERATIONS,
  ...PLACE_OPERATIONS,
  ...CULTIVATION_OPERATIONS,
  ...DOCUMENT_OPERATIONS,
  ...COUNTY_OPERATIONS,
  ...TALLY_OPERATIONS,
  ...EXPORT_OPERATIONS,
  ...SESSION_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...AUDIT_OPERATIONS,
  ...USER_OPERATIONS,
  ...META_OPERATIONS,
];
