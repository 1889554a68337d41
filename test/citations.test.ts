/**
 * Comments cite the design of record, the README, by a section that is there: no file cites the
 * design notes outside the repository (DESIGN.md), and every `README "…"` names one of its headings
 * or bold paragraph titles, so a reader can follow each citation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../db/project-root';
import { sourceFiles } from './support/import-graph';

const ROOT = projectRoot();
const files = [...sourceFiles(ROOT, ['db', 'server', 'client', 'seeds', 'scripts', 'bench', 'test']), 'seeds/PROVENANCE.md'];
// This file is left out: its patterns would cite themselves.
const texts = new Map(files.filter((f) => f !== 'test/citations.test.ts').map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** The README's section titles: `## Title` headings and `**Title.**` paragraph leads (without the full stop). */
function readmeTitles(readme: string): Set<string> {
  const headings = [...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].trim());
  const leads = [...readme.matchAll(/^\*\*(.+?)\.\*\*/gm)].map((m) => m[1].trim());
  return new Set([...headings, ...leads]);
}

describe('citations', () => {
  it('reads the README’s titles (the measure itself works)', () => {
    expect([...readmeTitles('## The data\ntext\n**The annual report.** `GET`…\n')]).toEqual(['The data', 'The annual report']);
  });

  it('cite no design file outside the repository', () => {
    expect([...texts].filter(([, text]) => text.includes('DESIGN.md')).map(([f]) => f)).toEqual([]);
  });

  it('name README sections that exist', () => {
    const titles = readmeTitles(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const cited = [...texts].flatMap(([f, text]) => [...text.matchAll(/README "([^"]+)"/g)].map((m) => ({ f, title: m[1] })));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((c) => !titles.has(c.title))).toEqual([]);
  });
});
