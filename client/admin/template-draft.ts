/**
 * A GI type's checklist as an admin edits it: rows added with a free key, moved up or down, removed,
 * and the whole list checked with DossierTemplateInput before PUT (a repeated key marked on its row).
 */
import { DossierTemplateInput, type DossierTemplateItem } from '../../db/model';
import { t } from '../i18n';
import { fieldErrors, pageHalf, pathKey } from './field-errors';
import type { DraftCheck } from './product-draft';

/** One row of the checklist as typed. */
export type TemplateRow = DossierTemplateItem;

/** The first `item_N` key no row uses. */
export function freshKey(rows: readonly TemplateRow[]): string {
  const used = new Set(rows.map((r) => r.key));
  let n = rows.length + 1;
  while (used.has(`item_${n}`)) n++;
  return `item_${n}`;
}

/** The rows with an empty one added at the end. */
export function addRow(rows: readonly TemplateRow[]): TemplateRow[] {
  return [...rows, { key: freshKey(rows), titleZh: '', titleEn: '' }];
}

/** The rows with the one at `index` moved by one place (`-1` up, `1` down); unchanged at either end. */
export function moveRow(rows: readonly TemplateRow[], index: number, by: -1 | 1): TemplateRow[] {
  const to = index + by;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** The rows without the one at `index`. */
export function removeRow(rows: readonly TemplateRow[], index: number): TemplateRow[] {
  return rows.filter((_, i) => i !== index);
}

/** The PUT body: the rows trimmed, in order. */
export function templateBody(rows: readonly TemplateRow[]): { items: TemplateRow[] } {
  return { items: rows.map((r) => ({ key: r.key.trim(), titleZh: r.titleZh.trim(), titleEn: r.titleEn.trim() })) };
}

/** Checks the checklist with the shared schema; each repeated key is marked beside its row (`items.3.key`). */
export function checkTemplate(rows: readonly TemplateRow[]): DraftCheck<DossierTemplateInput> {
  const body = templateBody(rows);
  const result = DossierTemplateInput.safeParse(body);
  if (result.success) return { ok: true, body: result.data };
  const errors = fieldErrors(result.error.issues);
  // A key's pattern is explained in the model's own words rather than a generic "wrong format".
  for (const issue of result.error.issues) {
    if (issue.path.at(-1) === 'key' && issue.code === 'invalid_format') errors[pathKey(issue.path)] = pageHalf(issue.message);
  }
  const firstAt = new Map<string, number>();
  let repeated = false;
  body.items.forEach((item, i) => {
    const first = firstAt.get(item.key);
    if (first === undefined) firstAt.set(item.key, i);
    else {
      repeated = true;
      errors[`items.${i}.key`] ??= t('templates.duplicateKey', { n: first + 1 });
    }
  });
  // Each repeat is told beside its row, so the list-wide "keys repeat" line would only say it again.
  if (repeated) delete errors.items;
  return { ok: false, errors };
}
