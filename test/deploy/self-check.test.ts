/**
 * The 等保 2.0 self-check table (server/cli/self-check-items.ts): the README carries it as generated, every
 * item the application meets names a proof, and every proof is a test that exists under that title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/project-root';
import { renderSelfCheck, withSelfCheck } from '../../server/cli/self-check';
import { SELF_CHECK_ITEMS } from '../../server/cli/self-check-items';

const readme = () => readFileSync(join(projectRoot(), 'README.md'), 'utf8');

describe('the self-check table (自查表)', () => {
  it('is in the README as npm run self-check writes it', () => {
    expect(withSelfCheck(readme(), renderSelfCheck())).toBe(readme());
  });

  it('names a proof for every item the application meets, each a test that exists under that title', () => {
    for (const item of SELF_CHECK_ITEMS) {
      if (item.party === 'app') expect(item.proofs.length, `${item.clause} has no proof`).toBeGreaterThan(0);
      for (const proof of item.proofs) {
        const file = join(projectRoot(), proof.file);
        expect(existsSync(file), `${item.clause}: ${proof.file} does not exist`).toBe(true);
        expect(proof.test.length, `${item.clause}: a proof names its test`).toBeGreaterThan(8);
        const source = readFileSync(file, 'utf8');
        const titles = [...source.matchAll(/\b(?:it|test)(?:\.each\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs)].map((m) => m[2]);
        expect(titles.some((t) => t.includes(proof.test)), `${item.clause}: no test titled "${proof.test}" in ${proof.file}`).toBe(true);
      }
    }
  });

  it('lists each clause once, in the standard\u2019s order', () => {
    const clauses = SELF_CHECK_ITEMS.map((i) => i.clause);
    expect(new Set(clauses).size).toBe(clauses.length);
    const key = (c: string) => c.replace(/[^\d.]/g, ' ').trim().split(/[.\s]+/).map(Number);
    const order = [...clauses].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
      return a.localeCompare(b);
    });
    expect(clauses).toEqual(order);
  });
});
