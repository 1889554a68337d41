import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, CreditCode } from '../../../db/model';
import { parseCsv } from '../../../seeds/csv';
import { defuseFormula, restoreFormula } from '../../../server/exchange/cells/formula-guard';
import { toCsv } from '../../../server/exchange/export/export';
import { readCsvTable } from '../../../server/exchange/read/read-table';
import { PRODUCT_COLUMNS, PRODUCT_KEYS } from '../../../server/exchange/sheets/product-columns';

/** The product sheet's columns as [key, Chinese label], in the export's order. */
const EXPORT_COLUMNS = PRODUCT_KEYS.map((key) => [key, PRODUCT_COLUMNS[key].zh] as const);

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('properties', () => {
  it('CSV export round-trips any text through the CSV reader (formula cells get one apostrophe)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '=', '-', 'é', '1') , maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: EXPORT_COLUMNS.length, maxLength: EXPORT_COLUMNS.length }), { maxLength: 5 }), (table) => {
      const parsed = parseCsv(toCsv(table)).slice(1);
      const expected = table
        .map((cells) => cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)))
        .filter((cells) => cells.some((c) => c.trim() !== ''));
      expect(parsed).toEqual(expected);
    }));
  });

  it('the CSV import reads back exactly the text the CSV export wrote, the formula guard taken off again', () => {
    const cell = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', 'a', '中', ',', '"', '\n', ' '), maxLength: 8 });
    fc.assert(fc.property(cell, (text) => { expect(restoreFormula(defuseFormula(text))).toBe(text); }));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: EXPORT_COLUMNS.length, maxLength: EXPORT_COLUMNS.length }), { maxLength: 4 }), (table) => {
      const back = readCsvTable(new TextEncoder().encode(toCsv(table)));
      expect(back.header).toEqual(EXPORT_COLUMNS.map(([key, label]) => `${label} ${key}`));
      // The reader keeps blank cells as null, drops a row's trailing blanks and skips blank rows.
      const expected = table.map((cells) => {
        const kept = cells.map((c) => (c.trim() === '' ? null : c));
        while (kept.length > 0 && kept.at(-1) === null) kept.pop();
        return kept;
      }).filter((cells) => cells.length > 0);
      expect(back.rows.map((r) => r.cells)).toEqual(expected);
    }));
  });

  it('every 17-character prefix plus its check character is a valid credit code, and no other last character is', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...CHARS), minLength: 17, maxLength: 17 }), fc.constantFrom(...CHARS), (prefix, last) => {
      const check = creditCodeCheckChar(prefix);
      expect(CreditCode.safeParse(prefix + check).success).toBe(true);
      expect(CreditCode.safeParse(prefix + last).success).toBe(last === check);
    }));
  });
});
