/**
 * The authorised-user list (用标企业名单), as a kind of list the import takes: a table whose header
 * names the 用标企业名称 column, whatever else it holds (a county keeps its list as its own workbook,
 * often copied from an announcement). Cells are read by the user sheet's columns (user-columns.ts);
 * here are the rules across a row's columns: the user's name is required, and the row must say which
 * GI the user may use.
 */
import { USER_COLUMNS, userColumnOf, type UserCells, type UserColumnKey } from '../sheets/user-columns';
import { applyUserRow, type UserValues } from './apply-user';
import type { ListKind } from './list-kind';
import { readList } from './read-list';

const { designation_id: record, product_zh: product, gi_type: giType } = USER_COLUMNS;

/** The authorised-user list. */
export const userList: ListKind<UserValues> = {
  // 状态, 产品名称… are shared with the product sheet; only the user's name tells the lists apart.
  recognises: (header) => header.some((h) => userColumnOf(h) === 'user_name'),
  interpret: (table, env) => readList<UserColumnKey, UserCells, UserValues>(table, USER_COLUMNS, userColumnOf, env, {
    headerProblem: (has) => (has('designation_id') || has('product_id') || has('product_zh') ? null : {
      column: null,
      zh: `表头中没有指明地理标志的列。请填写"${product.zh}"和"${giType.zh}"，或"${record.zh}"`,
      en: `The header names no GI. Add the "${product.en}" and "${giType.en}" columns, or the "${record.en}"`,
    }),
    row: (r) => {
      const name = r.require('user_name');
      const creditCode = r.get('credit_code');
      const values: UserValues = {
        designationId: r.get('designation_id'),
        productId: r.get('product_id'),
        productZh: r.get('product_zh'),
        giType: r.get('gi_type'),
        name: name ?? '',
        creditCode,
        basis: r.get('basis'),
        reference: r.get('reference'),
        from: r.get('from'),
        until: r.get('until'),
        status: r.get('status'),
      };
      const namesGi = r.has('designation_id') || r.has('product_id') || r.has('product_zh');
      if (values.designationId === null && values.productId === null && values.productZh === null && namesGi) {
        r.problem(r.has('product_zh') ? 'product_zh' : r.has('product_id') ? 'product_id' : 'designation_id',
          `请指明用标的地理标志：填写${product.zh}和${giType.zh}，或${record.zh}`,
          `Say which GI the user may use: fill in the ${product.en} and the ${giType.en}, or the ${record.en}`);
      }
      const userShown = r.shown('user_name');
      return { label: r.shown('product_zh') ? `${userShown || '—'}（${r.shown('product_zh')}）` : userShown, values };
    },
  }),
  applier: applyUserRow,
};
