/**
 * The usage-return list (用标报告), as a kind of list the import takes: a table whose header names the
 * 报告年度 column and at least one figure of a return (用标数量, 产量 or 印制标志), besides the user. Cells
 * are read by the return sheet's columns (return-columns.ts); here are the rules across a row's columns:
 * the year is required, the row must name the GI (record number, or product and GI type) and the user
 * (credit code, or name).
 */
import { RETURN_COLUMNS, returnColumnOf, type ReturnCells, type ReturnColumnKey } from '../sheets/return-columns';
import { applyReturnRow, type ReturnValues } from './apply-return';
import type { ListKind } from './list-kind';
import { readList } from './read-list';

const { designation_id: record, product_zh: product, gi_type: giType, credit_code: code, user_name: userName } = RETURN_COLUMNS;

/** The columns that make a table a return list: the year and one of the figures. */
const FIGURES: readonly ReturnColumnKey[] = ['marked_tonnes', 'output_tonnes', 'marks_printed'];

/** The usage-return list. */
export const returnList: ListKind<ReturnValues> = {
  recognises: (header) => {
    const keys = new Set(header.map(returnColumnOf));
    return keys.has('year') && FIGURES.some((k) => keys.has(k)) && (keys.has('credit_code') || keys.has('user_name'));
  },
  interpret: (table, env) => readList<ReturnColumnKey, ReturnCells, ReturnValues>(table, RETURN_COLUMNS, returnColumnOf, env, {
    headerProblem: (has) => (has('designation_id') || has('product_id') || has('product_zh') ? null : {
      column: null,
      zh: `表头中没有指明地理标志的列。请填写"${product.zh}"和"${giType.zh}"，或"${record.zh}"`,
      en: `The header names no GI. Add the "${product.en}" and "${giType.en}" columns, or the "${record.en}"`,
    }),
    row: (r) => {
      const year = r.require('year');
      const values: ReturnValues = {
        designationId: r.get('designation_id'),
        productId: r.get('product_id'),
        productZh: r.get('product_zh'),
        giType: r.get('gi_type'),
        name: r.get('user_name'),
        creditCode: r.get('credit_code'),
        year: year ?? 0,
        markedTonnes: r.get('marked_tonnes'),
        outputTonnes: r.get('output_tonnes'),
        marksPrinted: r.get('marks_printed'),
        channels: r.get('channels') ?? [],
        note: r.get('note') ?? '',
      };
      if (values.designationId === null && values.productId === null && values.productZh === null) {
        r.problem(r.has('product_zh') ? 'product_zh' : r.has('product_id') ? 'product_id' : 'designation_id',
          `请指明用标的地理标志：填写${product.zh}和${giType.zh}，或${record.zh}`,
          `Say which GI the return is about: fill in the ${product.en} and the ${giType.en}, or the ${record.en}`);
      }
      if (values.creditCode === null && values.name === null && r.isEmpty('credit_code') && r.isEmpty('user_name')) {
        r.problem(r.has('credit_code') ? 'credit_code' : 'user_name', `请填写用标企业的${code.zh}（没有代码的填写${userName.zh}）`,
          `Name the user: its ${code.en} (or, without one, its name)`);
      }
      const who = r.shown('user_name') || r.shown('credit_code');
      return { label: `${who || '—'}（${r.shown('year') || '—'}）`, values };
    },
  }),
  applier: applyReturnRow,
};
