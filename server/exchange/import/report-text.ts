/**
 * How an import's report words what a row changes and what stops it, for every kind of list:
 * "字段：前 → 后" in both languages, codes shown by their labels, nothing shown as "—", and the
 * domain's refusals ("中文 / English") as problems beside the column they are about.
 */
import { LABELS, type Bilingual, type ImportProblem } from '../../../db/model';
import { HttpError } from '../../errors';
import { RowError } from './list-kind';

/** A row's problem beside a column (as the sheet labels it), or about the row as a whole (null). */
export const problem = (column: string | null, zh: string, en: string): ImportProblem => ({ column, zh, en });

/** A code as its label in both languages (the code itself when it has none; "—" for no code). */
export const labelOf = (vocabulary: keyof typeof LABELS, code: string | null | undefined): Bilingual =>
  code ? ((LABELS[vocabulary] as Record<string, Bilingual>)[code] ?? { zh: code, en: code }) : { zh: '—', en: '—' };

/** A text as itself in both languages ("—" for none). */
export const plain = (v: string | null | undefined): Bilingual => ({ zh: v || '—', en: v || '—' });

/** "字段：前 → 后" in both languages. */
export function change(field: Bilingual, before: Bilingual, after: Bilingual): Bilingual {
  return { zh: `${field.zh}：${before.zh} → ${after.zh}`, en: `${field.en}: ${before.en} → ${after.en}` };
}

/** Where the domain's refusals belong: the column of a refused field, and that of a refusal of the whole record (scope, archive). */
export interface RefusalColumns { ofField?: (field: string) => string | null; ofRecord?: string | null }

/** A refusal from the domain ("中文 / English", or one per issue) or any other error, as a row's problems. */
export function problemsOf(error: unknown, columns: RefusalColumns = {}): ImportProblem[] {
  if (error instanceof RowError) return error.problems;
  if (error instanceof HttpError) {
    const texts = error.issues?.length
      ? error.issues.map((i) => ({ column: columns.ofField?.(String(i.path[0])) ?? null, text: i.message }))
      : [{ column: error.status === 400 ? null : columns.ofRecord ?? null, text: error.message }];
    return texts.map(({ column, text }) => {
      const [zh, en = zh] = text.split(' / ');
      return { column, zh, en };
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  return [{ column: null, zh: text, en: text }];
}
