/**
 * The product list, as a kind of list the import takes: any table that is not another kind's. Each
 * row names a product (by its number, or its Chinese name) and optionally one of its GIs; cells are
 * read by the product sheet's columns (product-columns.ts), and here are the rules across a row's
 * columns: a new product needs its name, the county codes count over the county names, and the GI's
 * own sources come from their column (a sheet without it gives a new GI the row's sources).
 */
import type { CountyCode } from '../../../db/model';
import { PRODUCT_COLUMNS, productColumnOf, type ProductCells, type ProductColumnKey } from '../sheets/product-columns';
import { applyProductRow, type ProductValues } from './apply-product';
import type { InterpretedList, ListKind } from './list-kind';
import { readList } from './read-list';

/** The columns of a GI's current specification. */
const SPEC_KEYS = ['spec_number', 'spec_title', 'spec_version', 'spec_issued_on', 'spec_link'] as const satisfies readonly ProductColumnKey[];

/** The template's example row is marked by its name: it starts with 示例 or Example (any case, after spaces). */
export const isExampleName = (name: string): boolean => /^\s*(示例|example)/i.test(name);

/** The product list. */
export const productList: ListKind<ProductValues> = {
  recognises: () => true,
  interpret: (table, env) => setAsideExamples(readList<ProductColumnKey, ProductCells, ProductValues>(table, PRODUCT_COLUMNS, productColumnOf, env, {
    headerProblem: (has) => (has('product_zh') || has('product_id') ? null : {
      column: null,
      zh: `表头中没有"${PRODUCT_COLUMNS.product_zh.zh}"列。请使用导入模板或导出的表格的表头`,
      en: `The header has no "${PRODUCT_COLUMNS.product_zh.en}" column. Use the header of the import template or of an export`,
    }),
    row: (r) => {
      const productId = r.get('product_id');
      const nameZh = productId === null ? r.require('product_zh') : r.get('product_zh');
      // The codes count when both are filled: they are what an export writes and cannot be misspelt.
      const counties = r.get(r.isEmpty('county_adcodes') ? 'counties_zh' : 'county_adcodes');
      return {
        label: r.shown('product_zh') || (nameZh ?? ''),
        values: {
          productId,
          nameZh: nameZh ?? '',
          nameEn: r.get('product_en'),
          category: r.get('category'),
          counties: counties as CountyCode[] | null,
          giType: r.get('gi_type'),
          markKind: r.get('mark_kind'),
          status: r.get('status'),
          holder: r.get('holder'),
          holderCreditCode: r.get('holder_credit_code'),
          number: r.get('number'),
          announcement: r.get('announcement'),
          filedOn: r.get('filed_on'),
          grantedOn: r.get('granted_on'),
          validUntil: r.get('valid_until'),
          visibility: r.get('visibility'),
          sources: r.get('sources') ?? [],
          giSources: r.has('gi_sources') ? r.get('gi_sources') ?? [] : null,
          scopeCodes: r.get('scope_codes'),
          managingBody: r.get('managing_body'),
          managingContact: r.get('managing_contact'),
          testingBody: r.get('testing_body'),
          // The specification's cells as one value: none when all are blank (the kept versions stay as they are).
          specification: SPEC_KEYS.every((key) => r.isEmpty(key)) ? null : {
            number: r.get('spec_number'), title: r.get('spec_title'), version: r.get('spec_version'),
            issuedOn: r.get('spec_issued_on'), url: r.get('spec_link'),
          },
        },
      };
    },
  })),
  applier: applyProductRow,
};

/** Takes the template's example rows out of a list: reported as skipped, never applied. */
function setAsideExamples(list: InterpretedList<ProductValues>): InterpretedList<ProductValues> {
  const examples = list.rows.filter((row) => isExampleName(row.label));
  if (examples.length === 0) return list;
  return { ...list, rows: list.rows.filter((row) => !isExampleName(row.label)), examples: examples.map(({ line, label }) => ({ line, label })) };
}
