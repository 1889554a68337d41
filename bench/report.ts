/**
 * The bench's output: two tables (throughput pairs, and the other targets) as padded Markdown that
 * reads well in a terminal and in the README, bench/results.json, and the README's Performance section.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** A throughput row: real vs bare req/s, the real server's latencies, the target and whether it is met. */
export interface PairRow {
  name: string; realRps: number; bareRps: number | null; ratio: number | null; p50: number; p99: number; target: string; met: boolean | null;
  /** The latencies are lower bounds (requests still unanswered when the run ended). */
  lowerBound?: boolean;
}

/** Another target: a measured value shown as text. */
export interface ValueRow { name: string; value: string; target: string; met: boolean | null }

const yes = (met: boolean | null) => (met === null ? '—' : met ? 'yes' : '**NO**');
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** A Markdown table with columns padded to equal width; `right` marks right-aligned columns. */
export function markdownTable(head: string[], rows: string[][], right: boolean[] = []): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** The throughput table. */
export function pairTable(rows: PairRow[]): string {
  return markdownTable(
    ['measurement', 'req/s real', 'req/s bare', 'ratio', 'p50 ms', 'p99 ms', 'target', 'met?'],
    rows.map((r) => [
      r.name, int(r.realRps), r.bareRps === null ? '—' : int(r.bareRps), r.ratio === null ? '—' : r.ratio.toFixed(2),
      `${r.lowerBound ? '≥ ' : ''}${ms(r.p50)}`, `${r.lowerBound ? '≥ ' : ''}${ms(r.p99)}`, r.target, yes(r.met),
    ]),
    [false, true, true, true, true, true, false, false],
  );
}

/** The table of the other targets. */
export function valueTable(rows: ValueRow[]): string {
  return markdownTable(['measurement', 'value', 'target', 'met?'], rows.map((r) => [r.name, r.value, r.target, yes(r.met)]));
}

/** Writes the results as JSON. */
export function writeResults(file: string, results: unknown): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

/**
 * Replaces the body of README's "## Performance" section (up to the next "## " heading or the end)
 * with `body`; the heading and every other section stay as they are.
 */
export function updateReadmePerformance(readmeFile: string, body: string): void {
  const text = readFileSync(readmeFile, 'utf8');
  const start = text.indexOf('\n## Performance\n');
  if (start < 0) throw new Error(`${readmeFile} has no "## Performance" section`);
  const bodyStart = start + '\n## Performance\n'.length;
  const next = text.indexOf('\n## ', bodyStart);
  const end = next < 0 ? text.length : next + 1;
  writeFileSync(readmeFile, `${text.slice(0, bodyStart)}\n${body.trim()}\n${next < 0 ? '' : '\n'}${text.slice(end)}`);
}
