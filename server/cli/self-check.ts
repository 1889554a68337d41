/**
 * `npm run self-check`: writes the 等保 2.0 level-2 self-check table (server/cli/self-check-items.ts) into
 * the README between its markers; `-- --check` only says whether the README's table is current (exit 1
 * when not). test/deploy/self-check.test.ts runs the same check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../db/project-root';
import { SELF_CHECK_ITEMS, type Party, type SelfCheckItem } from './self-check-items';

/** The markers the README's table sits between. */
export const SELF_CHECK_START = '<!-- self-check:start (npm run self-check writes this table) -->';
export const SELF_CHECK_END = '<!-- self-check:end -->';

const PARTY: Record<Party, string> = { app: '本系统', host: '主机与网络', org: '运营单位' };

/** A table cell: no line breaks, pipes escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** The self-check as a Markdown table, with a count of who meets how many items. */
export function renderSelfCheck(items: SelfCheckItem[] = SELF_CHECK_ITEMS): string {
  const count = (party: Party) => items.filter((i) => i.party === party).length;
  const rows = items.map((i) => {
    const proofs = i.proofs.map((p) => `\`${p.file}\` › “${cell(p.test)}”`).join('<br>') || '—';
    return `| ${i.clause} | ${cell(i.requirement)} | ${PARTY[i.party]} | ${cell(i.how)} | ${proofs} |`;
  });
  return [
    SELF_CHECK_START,
    `${items.length} 项：本系统 ${count('app')} 项，主机与网络 ${count('host')} 项，运营单位 ${count('org')} 项。`,
    '',
    '| 条款 | 要求 | 由谁满足 | 如何满足 | 证明（测试文件 › 测试） |',
    '|---|---|---|---|---|',
    ...rows,
    SELF_CHECK_END,
  ].join('\n');
}

/** The README with its self-check table replaced by `table` (the markers must be there once each). */
export function withSelfCheck(readme: string, table: string): string {
  const start = readme.indexOf(SELF_CHECK_START);
  const end = readme.indexOf(SELF_CHECK_END);
  if (start < 0 || end < start) throw new Error(`The README has no self-check markers (${SELF_CHECK_START} … ${SELF_CHECK_END}).`);
  return readme.slice(0, start) + table + readme.slice(end + SELF_CHECK_END.length);
}

// Run as a command (not imported by the test): write or check the README.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = join(projectRoot(), 'README.md');
  const readme = readFileSync(file, 'utf8');
  const next = withSelfCheck(readme, renderSelfCheck());
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('The README\u2019s self-check table is out of date: run npm run self-check.');
      process.exit(1);
    }
    console.log('The README\u2019s self-check table is current.');
  } else {
    writeFileSync(file, next);
    console.log(`Wrote the self-check table (${SELF_CHECK_ITEMS.length} items) into README.md.`);
  }
}
