import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports (static imports, re-exports and dynamic imports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Where a relative import lands, relative to the project root. */
const target = (file: string, spec: string) => relative(ROOT, resolve(file, '..', spec));

describe('dependencies point one way', () => {
  it('client/ imports from db/ only model.ts and its parts, and nothing from server/, seeds/ or node:', () => {
    const files = tsFiles(join(ROOT, 'client'));
    expect(files.flatMap(importsOf).filter((spec) => target(files[0], spec) === 'db/model' || spec.endsWith('db/model')).length).toBeGreaterThan(10);
    // The first page imports zod-free parts (db/model/vocabulary-lists.ts…) rather than the whole of model.ts: test/client/first-page.test.ts.
    const inModel = (path: string) => path === 'db/model' || path.startsWith('db/model/');
    const offences = files.flatMap((file) => importsOf(file)
      .filter((spec) => spec.startsWith('node:') || (spec.startsWith('.') && !target(file, spec).startsWith('client') && !inModel(target(file, spec))))
      .map((spec) => `${relative(ROOT, file)} → ${spec}`));
    expect(offences).toEqual([]);
  });

  it('db/model.ts and its parts import only zod and each other', () => {
    const files = [join(ROOT, 'db/model.ts'), ...tsFiles(join(ROOT, 'db/model'))];
    const offences = files.flatMap((file) => importsOf(file)
      .filter((spec) => spec !== 'zod' && !(spec.startsWith('./') && target(file, spec).startsWith('db/model')))
      .map((spec) => `${relative(ROOT, file)} → ${spec}`));
    expect(offences).toEqual([]);
    expect(files.length).toBeGreaterThan(3);
  });
});
