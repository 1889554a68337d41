/**
 * The house's shape, measured from the code's own imports (test/support/import-graph.ts): no import
 * cycle between files, no two folders that import each other (an import that runs back up), and the
 * floors the README's Layout names: db below server, the client on db/model alone, domain below exchange.
 */
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../db/project-root';
import { cyclesOf, folderGraph, importGraph, sourceFiles } from './support/import-graph';

const ROOT = projectRoot();
const graph = importGraph(ROOT, sourceFiles(ROOT, ['db', 'server', 'client', 'seeds', 'scripts', 'bench']));

/** Every folder that has sub-folders, whose children must not import each other both ways. */
const PARENTS = [...new Set([...graph.keys()].flatMap((file) => {
  const parts = file.split('/').slice(0, -1);
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}))].sort();

/** The imports of files under `from` that reach a file under one of `forbidden`. */
function importsInto(from: string, forbidden: string[]): string[] {
  return [...graph].flatMap(([file, targets]) => (file.startsWith(from)
    ? targets.filter((t) => forbidden.some((f) => t.startsWith(f))).map((t) => `${file} → ${t}`) : []));
}

describe('the house', () => {
  it('reads a real graph (the measure itself works)', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('server/main.ts')).toContain('server/app.ts');
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(folderGraph(new Map([['s/x/1.ts', ['s/y/2.ts']], ['s/y/2.ts', []]]), 's')).toEqual(new Map([['s/x', ['s/y']], ['s/y', []]]));
  });

  it('has no import cycle between files', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it.each(PARENTS)('has no two folders inside %s that import each other', (parent) => {
    expect(cyclesOf(folderGraph(graph, parent))).toEqual([]);
  });

  it('keeps the floors: db imports nothing above it, the client only db/model, domain nothing of exchange or the HTTP side', () => {
    expect(importsInto('db/', ['server/', 'client/', 'seeds/', 'scripts/', 'bench/'])).toEqual([]);
    expect(importsInto('db/model', ['db/open', 'db/schema', 'db/project-root', 'db/registry-triggers'])).toEqual([]);
    expect([...graph].flatMap(([file, targets]) => (file.startsWith('client/')
      ? targets.filter((t) => !t.startsWith('client/') && !t.startsWith('db/model')).map((t) => `${file} → ${t}`) : []))).toEqual([]);
    expect(importsInto('server/domain/', ['server/exchange/', 'server/routes/', 'server/snapshot/', 'server/workers/', 'server/cli/', 'server/app.ts', 'server/main.ts'])).toEqual([]);
    expect(importsInto('server/exchange/', ['server/routes/', 'server/cli/', 'server/app.ts', 'server/main.ts'])).toEqual([]);
  });
});
