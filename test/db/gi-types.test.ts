/**
 * The GI types are data (db/model/gi-types.ts): the rules read from the table are the ones the code
 * used to spell out per type, and no source file outside the table and the vocabulary compares a
 * giType with a literal code or lists the codes, so a new type is added in those two places alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  basesOf, canMoveAs, conversionSourcesOf, conversionTargetOf, GI_TYPE_RULES, GI_TYPES, hasMarkKind, hasTerm, isClosed, LABELS,
  markKindFits, markKindsOf, perGiType, termEndOfGrant, usualBasisOf,
} from '../../db/model';
import { projectRoot } from '../../db/project-root';
import { sourceFiles } from '../support/import-graph';

const ROOT = projectRoot();

/**
 * Files that may name the codes, and why. Each must still name one (a stale entry fails), so the list
 * shrinks with the code rather than hiding a new rule.
 */
const MAY_NAME_CODES: Record<string, string> = {
  'db/model/vocabulary-lists.ts': 'GI_TYPES: the codes themselves',
  'db/model/gi-types.ts': 'the table: one row per code',
  'seeds/loader.ts': "the 十四五 plan's own targets per type (10/5/15) and trademark baseline (4): facts of the plan",
  'server/exchange/cells/cell-codes.ts': 'the other words officials write for each type in a spreadsheet (vocabulary, like the labels)',
  'server/exchange/templates/product-template.ts': "the import template's example row: a made-up certification mark",
  'server/exchange/templates/user-template.ts': "the user template's example row: a licensee of that made-up mark",
  'server/exchange/templates/return-template.ts': "the usage-return template's example row: that made-up mark's user reporting a year",
};

/** Comments removed (block comments, and line comments not inside a URL), since prose may name a type. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every way source text names a code as a value: a string, an object key, a property, a message placeholder, a CSS name. */
function namings(text: string): string[] {
  const found: string[] = [];
  for (const g of GI_TYPES) {
    const kebab = g.replace(/_/g, '-');
    const patterns = [
      new RegExp(`(['"\`])${g}\\1`, 'g'), // 'trademark' (a comparison, a list, a default, a selector)
      new RegExp(`(?<![\\w.-])${g}\\s*:(?!:)`, 'g'), // trademark: … (a record keyed by type)
      new RegExp(`\\.${g}\\b`, 'g'), // x.trademark, .glyph.trademark
      new RegExp(`\\{${g}\\}`, 'g'), // {trademark} in a message
      new RegExp(`--gi-${kebab}\\b`, 'g'), // --gi-protected-product
      new RegExp(`data-type='${g}'`, 'g'),
    ];
    for (const p of patterns) for (const m of text.matchAll(p)) found.push(m[0]);
  }
  return found;
}

const files = sourceFiles(ROOT, ['db', 'server', 'client', 'seeds', 'scripts'])
  .concat(['client/global.css', 'client/index.html'])
  .filter((f) => !f.startsWith('db/migrations/'));
const hits = new Map(files.map((f) => [f, namings(code(readFileSync(join(ROOT, f), 'utf8')))] as const).filter(([, h]) => h.length > 0));

describe('the GI types are data', () => {
  it('finds a naming when there is one (the scan itself works)', () => {
    expect(namings(code(`if (d.giType === 'trademark') x = { protected_product: 1 }.protected_product; // 'agricultural_product'`)))
      .toEqual(["'trademark'", 'protected_product:', '.protected_product']);
    expect(namings(code('.glyph { fill: var(--gi-agricultural-product); } /* --gi-trademark */'))).toEqual(['--gi-agricultural-product']);
    expect(namings(code("t('list.byType') // see https://example.org/'trademark'"))).toEqual([]);
    expect(files.length).toBeGreaterThan(200);
  });

  it('names no GI type code outside the table, the vocabulary and the files that state facts', () => {
    const outside = [...hits].filter(([f]) => !(f in MAY_NAME_CODES)).map(([f, h]) => `${f}: ${h.join(', ')}`);
    expect(outside).toEqual([]);
  });

  it.each(Object.entries(MAY_NAME_CODES))('still needs its exception: %s (%s)', (file) => {
    expect(hits.get(file)?.length ?? 0).toBeGreaterThan(0);
  });

  it('has one row per code, and every per-type record follows GI_TYPES', () => {
    expect(Object.keys(GI_TYPE_RULES)).toEqual([...GI_TYPES]);
    expect(Object.keys(perGiType(() => 0))).toEqual([...GI_TYPES]);
    expect(Object.keys(LABELS.giType)).toEqual([...GI_TYPES]);
    for (const g of GI_TYPES) expect(LABELS.giType[g]).toBe(GI_TYPE_RULES[g].label);
  });

  it('tells every type apart by colour, shape and line alike', () => {
    const of = (key: 'colour' | 'shape' | 'dash') => new Set(GI_TYPES.map((g) => GI_TYPE_RULES[g][key])).size;
    expect([of('colour'), of('shape'), of('dash')]).toEqual([GI_TYPES.length, GI_TYPES.length, GI_TYPES.length]);
    for (const g of GI_TYPES) expect(GI_TYPE_RULES[g].colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('the rules read from the table', () => {
  it('gives a trademark a kind of mark and the other types none', () => {
    expect(GI_TYPES.filter(hasMarkKind)).toEqual(['trademark']);
    expect(markKindsOf('trademark')).toEqual(['collective', 'certification']);
    expect([markKindFits('trademark', 'collective'), markKindFits('trademark', 'certification'), markKindFits('trademark', null)]).toEqual([true, true, false]);
    expect([markKindFits('protected_product', null), markKindFits('agricultural_product', undefined), markKindFits('protected_product', 'collective')])
      .toEqual([true, true, false]);
  });

  it("admits a collective mark's members and a certification mark's licensees only under those marks", () => {
    expect(basesOf('trademark', 'collective')).toEqual(['collective_member', 'approved_producer', 'other_registered']);
    expect(basesOf('trademark', 'certification')).toEqual(['licensee', 'approved_producer', 'other_registered']);
    expect(basesOf('trademark', null)).toEqual(['approved_producer', 'other_registered']);
    for (const g of ['protected_product', 'agricultural_product'] as const) expect(basesOf(g, null)).toEqual(['approved_producer', 'other_registered']);
    expect([usualBasisOf('trademark', 'collective'), usualBasisOf('trademark', 'certification'), usualBasisOf('protected_product', null)])
      .toEqual(['collective_member', 'licensee', 'approved_producer']);
  });

  it('runs a granted trademark for 10 years from a grant known to the day, and nothing else for a fixed term', () => {
    expect(GI_TYPES.filter(hasTerm)).toEqual(['trademark']);
    expect(termEndOfGrant('trademark', '2020-06-14')).toBe('2030-06-13');
    expect([termEndOfGrant('trademark', '2020-06'), termEndOfGrant('trademark', '2020')]).toEqual([null, null]);
    expect([termEndOfGrant('protected_product', '2020-06-14'), termEndOfGrant('agricultural_product', '2020-06-14')]).toEqual([null, null]);
  });

  it('converts granted agricultural-product GIs into protected products (统一认定, 2024), and no other type', () => {
    expect(GI_TYPES.filter((g) => canMoveAs(g, 'granted', 'converted'))).toEqual(['agricultural_product']);
    expect(GI_TYPES.map(conversionTargetOf)).toEqual([null, null, 'protected_product']);
    expect(conversionSourcesOf('protected_product')).toEqual(['agricultural_product']);
    expect(GI_TYPES.filter((g) => conversionSourcesOf(g).length > 0)).toEqual(['protected_product']);
    expect(GI_TYPES.filter((g) => canMoveAs(g, 'filed', 'converted'))).toEqual([]);
    for (const g of GI_TYPES) expect(canMoveAs(g, 'granted', 'revoked')).toBe(true);
  });

  it('closes agricultural-product GIs to new registrations since 2022, and no other type', () => {
    expect(GI_TYPES.filter(isClosed)).toEqual(['agricultural_product']);
    expect(GI_TYPE_RULES.agricultural_product.closedSince).toBe(2022);
  });
});
