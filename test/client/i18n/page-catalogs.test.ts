/**
 * Each page loads the catalogs of the message keys it uses (client/i18n/catalog.ts): the first page
 * (the app shell and the map page: client/main.ts and what it imports) and every page loaded later with
 * `import()` (whose chunk comes after the shell's). A key is used when a module of the page's chunk
 * names it (test/support/page-chunks.ts); its catalog is loaded when the shell's chunk or the page's own
 * imports that catalog's module. Both languages come with a catalog (defineCatalog checks their keys match).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../db/project-root';
import { sourceFiles } from '../../support/import-graph';
import { chunkOf, keysNamedIn, lazyEntries } from '../../support/page-chunks';

const ROOT = projectRoot();
const ENTRY = 'client/main.ts';

type Catalog = { zh: Record<string, string>; en: Record<string, string> };
const isCatalog = (v: unknown): v is Catalog => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v;

/** Each catalog module's catalogs, by file. */
const catalogsByFile = new Map<string, Catalog[]>();
for (const file of sourceFiles(ROOT, ['client/i18n'])) {
  const catalogs = Object.values(await import(join(ROOT, file)) as Record<string, unknown>).filter(isCatalog);
  if (catalogs.length > 0) catalogsByFile.set(file, catalogs);
}
const ALL_KEYS = [...new Set([...catalogsByFile.values()].flat().flatMap((c) => Object.keys(c.zh)))];

/** The keys of the catalogs among `modules`, in both languages. */
function loadedKeys(modules: Iterable<string>): { zh: Set<string>; en: Set<string> } {
  const catalogs = [...modules].flatMap((file) => catalogsByFile.get(file) ?? []);
  return { zh: new Set(catalogs.flatMap((c) => Object.keys(c.zh))), en: new Set(catalogs.flatMap((c) => Object.keys(c.en))) };
}

/** The keys the modules of `chunk` name that are not loaded, as `file: key (language)`. */
function missingKeys(chunk: Set<string>, loaded: { zh: Set<string>; en: Set<string> }): string[] {
  return [...chunk].filter((file) => !catalogsByFile.has(file)).sort().flatMap((file) => [...keysNamedIn(ROOT, file, ALL_KEYS)]
    .flatMap((key) => (['zh', 'en'] as const).filter((l) => !loaded[l].has(key)).map((l) => `${file}: ${key} (${l})`)));
}

const shell = chunkOf(ROOT, ENTRY);
const pages = lazyEntries(ROOT, ENTRY);

describe('the catalogs each page loads', () => {
  it('reads a real graph (the measure itself works)', () => {
    expect(shell).toContain('client/pages/gi-map-page.ts');
    expect(shell).not.toContain('client/pages/gi-admin-page.ts');
    expect(pages).toContain('client/pages/gi-admin-page.ts');
    expect(ALL_KEYS.length).toBeGreaterThan(1000);
    expect(keysNamedIn(ROOT, 'client/gi-app.ts', ALL_KEYS)).toContain('nav.map');
    // A template names every key of its shape: `status.${s}` needs each status's name.
    expect(keysNamedIn(ROOT, 'client/pages/gi-map-filters.ts', ALL_KEYS)).toContain('status.granted');
    expect(missingKeys(new Set(['client/gi-app.ts']), loadedKeys([]))).toContain('client/gi-app.ts: nav.map (en)');
  });

  it('gives every catalog the same keys in Chinese and English', () => {
    for (const catalog of [...catalogsByFile.values()].flat()) expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.zh).sort());
  });

  it('loads with the first page (the shell and the map) the catalogs of every key it uses', () => {
    expect(missingKeys(shell, loadedKeys(shell))).toEqual([]);
  });

  it('loads with the first page only the shell\u2019s and the map\u2019s catalogs (the others come with their pages)', () => {
    expect([...shell].filter((file) => catalogsByFile.has(file)).sort()).toEqual(['client/i18n/common.ts', 'client/i18n/map.ts']);
  });

  it.each(pages)('loads with %s the catalogs of every key its chunk uses', (page) => {
    const chunk = chunkOf(ROOT, page);
    expect(missingKeys(chunk, loadedKeys([...shell, ...chunk]))).toEqual([]);
  });
});
