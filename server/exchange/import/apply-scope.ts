/**
 * Applying a product row's scope codes (`scope_codes`) to its GI: the same codes in any order change
 * nothing (an export imports back as no change); other codes replace the kept ones through the domain
 * (every code checked, audited), and a refusal is reported beside the column, code by code.
 */
import type { Bilingual } from '../../../db/model';
import { replaceScopeCodes } from '../../domain/designations/scope-write';
import { scopeCodesOf } from '../../domain/places/scope-read';
import { HttpError } from '../../errors';
import { PRODUCT_COLUMNS as COLUMNS } from '../sheets/product-columns';
import { RowError, type ApplyContext } from './list-kind';
import { change, plain, problemsOf } from './report-text';

/** Gives designation `id` the row's codes unless it holds exactly these; pushes the change in words. */
export function applyScopeCodes(ctx: ApplyContext, id: number, codes: readonly string[], type: Bilingual, changes: Bilingual[]): void {
  const held = scopeCodesOf(ctx.db, [id]).get(id) ?? [];
  const wanted = [...codes].sort();
  if (held.join(';') === wanted.join(';')) return;
  try {
    replaceScopeCodes(ctx.db, ctx.viewer, id, codes);
  } catch (error) {
    if (error instanceof HttpError) throw new RowError(problemsOf(error, { ofField: () => COLUMNS.scope_codes.zh, ofRecord: COLUMNS.scope_codes.zh }));
    throw error;
  }
  changes.push(change({ zh: `${type.zh}${COLUMNS.scope_codes.zh}`, en: `${type.en} ${COLUMNS.scope_codes.en.toLowerCase()}` },
    plain(held.join(';')), plain(wanted.join(';'))));
}
