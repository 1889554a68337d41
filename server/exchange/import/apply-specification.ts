/**
 * Applying a product row's specification columns (`spec_*`) to its GI. A version is known by its number
 * and version: the current one's (a blank cell counts as the current one's) changes nothing but the
 * title, date and link given that differ; another adds a new version, an amendment, which must then be
 * the current one (dated, and not before the current one); an earlier version's is refused, as the row
 * would then name a version that is not current. Every change goes through the domain (checked, audited).
 */
import { isBefore, type Bilingual, type Specification, type SpecificationUpdate } from '../../../db/model';
import { createSpecification, updateSpecification } from '../../domain/designations/specifications';
import { specificationsOfDesignation } from '../../domain/products/specifications-read';
import { HttpError } from '../../errors';
import { PRODUCT_COLUMNS as COLUMNS, type ProductColumnKey } from '../sheets/product-columns';
import { RowError, type ApplyContext } from './list-kind';
import { change, plain, problem, problemsOf } from './report-text';

/** A row's specification cells: null where the cell was empty. */
export interface SpecificationValues {
  number: string | null;
  title: string | null;
  version: string | null;
  issuedOn: string | null;
  url: string | null;
}

/** The column of each field, for the report and for the domain's refusals. */
const COLUMN_OF: Record<keyof SpecificationValues | 'documentId' | 'note', ProductColumnKey> = {
  number: 'spec_number', title: 'spec_title', version: 'spec_version', issuedOn: 'spec_issued_on', url: 'spec_link',
  documentId: 'spec_link', note: 'spec_title',
};
const CORRECTABLE = ['title', 'issuedOn', 'url'] as const;

/** How the report names a version: its number and version, else its title. */
const named = (s: { number: string | null; version: string | null; title: string | null }) =>
  [s.number, s.version].filter(Boolean).join(' ') || s.title || '—';

/** Calls the domain, turning its refusals into the row's problems beside the specification's columns. */
function throughDomain<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof HttpError) {
      throw new RowError(problemsOf(error, {
        ofField: (field) => COLUMNS[COLUMN_OF[field as keyof typeof COLUMN_OF] ?? 'spec_title'].zh, ofRecord: COLUMNS.spec_number.zh,
      }));
    }
    throw error;
  }
}

/** 400-like row problems of a new version that would not become the current one. */
function assertBecomesCurrent(given: SpecificationValues, held: readonly Specification[]): void {
  const current = held[0];
  if (!current) return;
  if (given.title === null) {
    throw new RowError([problem(COLUMNS.spec_title.zh, '新增的质量技术要求版本须填写名称', 'A new specification version needs its title')]);
  }
  if (given.issuedOn === null && held.some((s) => s.issuedOn !== null)) {
    throw new RowError([problem(COLUMNS.spec_issued_on.zh, `新增的版本须填写发布日期，才能排在现行版本 ${named(current)} 之后`,
      `A new version needs its date, to come after the current version ${named(current)}`)]);
  }
  if (given.issuedOn !== null && current.issuedOn !== null && isBefore(given.issuedOn, current.issuedOn)) {
    throw new RowError([problem(COLUMNS.spec_issued_on.zh,
      `${given.issuedOn} 早于现行版本 ${named(current)} 的发布日期 ${current.issuedOn}：较早的版本请在工作台中登记`,
      `${given.issuedOn} is before the current version ${named(current)} (${current.issuedOn}): record earlier versions in the workspace`)]);
  }
}

/** Gives designation `id` the row's specification as its current version; pushes each change in words. */
export function applySpecification(ctx: ApplyContext, id: number, given: SpecificationValues, type: Bilingual, changes: Bilingual[]): void {
  const held = specificationsOfDesignation(ctx.db, id);
  const current = held[0];
  const field = (key: ProductColumnKey): Bilingual => ({ zh: `${type.zh}${COLUMNS[key].zh}`, en: `${type.en} ${COLUMNS[key].en.toLowerCase()}` });
  const same = (s: Specification) => (given.number ?? current?.number ?? null) === s.number && (given.version ?? current?.version ?? null) === s.version;
  if (current && same(current)) {
    const patch: SpecificationUpdate = {};
    for (const key of CORRECTABLE) {
      if (given[key] === null || given[key] === current[key]) continue;
      (patch as Record<string, string>)[key] = given[key]!;
      changes.push(change(field(COLUMN_OF[key]), plain(current[key]), plain(given[key])));
    }
    if (Object.keys(patch).length === 0) return;
    const corrected = throughDomain(() => updateSpecification(ctx.db, ctx.viewer, current.id, patch, ctx.today));
    if (!corrected.current) {
      throw new RowError([problem(COLUMNS.spec_issued_on.zh, `改后的日期会使 ${named(current)} 不再是现行版本：较早的版本请在工作台中修改`,
        `The new date would make ${named(current)} no longer the current version: change earlier versions in the workspace`)]);
    }
    return;
  }
  const earlier = held.find(same);
  if (earlier) {
    throw new RowError([problem(COLUMNS.spec_number.zh, `${named(earlier)} 是较早的版本，现行版本为 ${named(current!)}。请填写现行版本，或在工作台中修改`,
      `${named(earlier)} is an earlier version; the current one is ${named(current!)}. Give the current version, or change it in the workspace`)]);
  }
  if (!current && given.title === null) {
    throw new RowError([problem(COLUMNS.spec_title.zh, '质量技术要求须填写名称', 'A specification needs its title')]);
  }
  assertBecomesCurrent(given, held);
  throughDomain(() => createSpecification(ctx.db, ctx.viewer, id, {
    number: given.number, title: given.title!, version: given.version, issuedOn: given.issuedOn, url: given.url,
  }, ctx.today));
  const label = named(given);
  changes.push(current
    ? { zh: `${type.zh}质量技术要求：新增版本 ${label}（原现行 ${named(current)}）`, en: `${type.en} specification: new version ${label} (was ${named(current)})` }
    : { zh: `${type.zh}质量技术要求：新增 ${label}`, en: `${type.en} specification: added ${label}` });
}
