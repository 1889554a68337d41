/** Import bodies and reports, and the shape of every error response. */
import { z } from 'zod';
import { line } from './scalars';
import { Visibility } from './vocabulary';

// ---------------------------------------------------------------- import

/** The body of POST /api/import: a CSV (UTF-8, GB18030/GBK or UTF-16) or XLSX table, in base64. */
export const ImportRequest = z.object({ format: z.enum(['csv', 'xlsx']), data: z.base64().max(7_000_000) }).strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

/**
 * Query string of POST /api/import: `dryRun=1` reports without keeping anything; `visibility` is how
 * new products are kept when their row's 公开范围 cell is empty (a draft unless it says public).
 */
export const ImportQuery = z.object({ dryRun: z.enum(['0', '1']).optional(), visibility: Visibility.optional() }).strict();
export type ImportQuery = z.infer<typeof ImportQuery>;

/** Query string of POST /api/import/report.xlsx: the language of the result column. */
export const ImportReportQuery = z.object({ lang: z.enum(['zh', 'en']).optional() }).strict();
export type ImportReportQuery = z.infer<typeof ImportReportQuery>;

/** A text in both languages. */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** What is wrong in a row: the column as the sheet labels it (null: the row as a whole) and what to write instead. */
export const ImportProblem = Bilingual.extend({ column: z.string().nullable() });
export type ImportProblem = z.infer<typeof ImportProblem>;

/** What an import did (or, in a dry run, would do) with one row. */
export const ImportRowReport = z.object({
  /** The row number as the sheet shows it. */
  line: z.number().int(),
  productZh: z.string(),
  /** The product the row created or names (null for a new product in a dry run, or an error). */
  productId: z.number().int().nullable(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'error']),
  /** What changes, one sentence each ("状态：已申报 → 已获批（2024-05-01）"). */
  changes: z.array(Bilingual),
  problems: z.array(ImportProblem),
  /** The row created a product kept as a draft: not on the public map, list or tally until made public. */
  draft: z.boolean(),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

/** The report of an import or a dry run. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  /** How a CSV was decoded (`gb18030` for what Chinese Excel saves), null for XLSX. */
  encoding: z.string().nullable(),
  rows: z.array(ImportRowReport),
  summary: z.object({
    created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), errors: z.number().int(),
  }),
  /** New products kept as drafts (the rows with `draft`): off the public map, list and tally until made public. */
  drafts: z.number().int(),
  /** Rows marked as the template's example (the name starts with 示例 or Example): skipped, never imported. */
  examples: z.array(z.object({ line: z.number().int(), productZh: z.string() })),
  unknownColumns: z.array(z.string()),
  /** Problems with the file as a whole (no product column). */
  problems: z.array(ImportProblem),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Progress of the viewer's import under way (GET /api/import/progress). */
export const ImportProgress = z.object({
  phase: z.enum(['idle', 'reading', 'checking', 'writing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

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
