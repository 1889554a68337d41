import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, CreditCode } from '../../../db/model';
import { parseCsv } from '../../../seeds/csv';
import { EXPORT_COLUMNS, toCsv, type ExportRow } from '../../../server/exchange/export/export';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('properties', () => {
  it('CSV export round-trips any text through the CSV reader (formula cells get one apostrophe)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '=', '-', 'é', '1') , maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: EXPORT_COLUMNS.length, maxLength: EXPORT_COLUMNS.length }), { maxLength: 5 }), (table) => {
      const rows = table.map((cells) => Object.fromEntries(EXPORT_COLUMNS.map(([key], i) => [key, cells[i]])) as ExportRow);
      const parsed = parseCsv(toCsv(rows)).slice(1);
      const expected = table
        .map((cells) => cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)))
        .filter((cells) => cells.some((c) => c.trim() !== ''));
      expect(parsed).toEqual(expected);
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
