/**
 * What the first page (the app shell and the map page: client/main.ts and what it imports at run time)
 * loads: nothing that imports zod, whose schemas the map does not need (the parts of db/model it uses
 * are zod-free); the pages loaded later may use the schemas.
 */
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/project-root';
import { chunkOf, importsOf } from '../support/page-chunks';

const ROOT = projectRoot();
const shell = chunkOf(ROOT, 'client/main.ts');

describe('the first page', () => {
  it('reads a real graph (the measure itself works)', () => {
    expect(shell).toContain('client/map/gi-map.ts');
    expect(importsOf(ROOT, 'db/model/registry.ts').external).toContain('zod');
  });

  it('loads no module that imports zod', () => {
    expect([...shell].filter((file) => importsOf(ROOT, file).external.includes('zod')).sort()).toEqual([]);
  });
});
