/** Import bodies and reports, and the shape of every error response. */
import { z } from 'zod';
import { line } from './scalars';

// ---------------------------------------------------------------- import

/** The body of POST /api/import: a CSV or XLSX table laid out like the export, in base64. */
export const ImportRequest = z.object({ format: z.enum(['csv', 'xlsx']), data: z.base64().max(2_000_000) }).strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

/** Query string of POST /api/import: `dryRun=1` reports without keeping anything. */
export const ImportQuery = z.object({ dryRun: z.enum(['0', '1']).optional() }).strict();
export type ImportQuery = z.infer<typeof ImportQuery>;

/** What an import did (or, in a dry run, would do) with one row. */
export const ImportRowReport = z.object({
  line: z.number().int(),
  productZh: z.string(),
  outcome: z.enum(['new_product', 'new_designation', 'exists', 'error']),
  /** Whether the row added a designation (to a new or an existing product). */
  designationAdded: z.boolean(),
  messages: z.array(z.string()),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

/** The report of an import or a dry run. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.array(ImportRowReport),
  summary: z.object({ products: z.number().int(), designations: z.number().int(), existing: z.number().int(), errors: z.number().int() }),
  unknownColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

// ---------------------------------------------------------------- errors

/** The shape of every error response. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
