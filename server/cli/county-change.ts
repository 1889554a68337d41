/**
 * `npm run counties:change -- --on 2027-01-01 --from 140502 --to 140599 --boundaries new.geojson --source '公告 <https://…>'`:
 * records a division change of the county level in DATABASE_PATH (README "Counties and division changes").
 * One `--to` is a rename; several are a split, which also needs `--products FILE` (a CSV of `product_id,counties`:
 * each product of the old county with its new county codes, separated by ";") and, when the old county has
 * officials, `--accounts-to CODE`. Without the list it prints the products to assign as that CSV and changes
 * nothing. Bad usage exits with status 2, a refused change with 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Sources, sourceFromText, todayInShanghai } from '../../db/model';
import { openDb } from '../../db/open';
import { parseCsvRecords } from '../../seeds/csv';
import { countiesOfBoundaryFile } from '../../seeds/loader';
import { readConfig } from '../config';
import { HttpError } from '../errors';
import { productsNeedingCounty, recordCountyChange, type CountyChangeInput } from '../domain/county-changes/record-change';

const USAGE = [
  'Usage: npm run counties:change -- --on YYYY-MM-DD --from OLD --to NEW [--to NEW2 …] --source "标题 <https://…>"',
  '         [--boundaries FILE.geojson] [--products FILE.csv] [--accounts-to NEW] [--note TEXT]',
  '  one --to: a rename; several: a split (--products lists each product of OLD with its new codes).',
].join('\n');

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let values: { on?: string; from?: string[]; to?: string[]; boundaries?: string; products?: string; 'accounts-to'?: string; note?: string; source?: string[] };
try {
  ({ values } = parseArgs({
    options: {
      on: { type: 'string' }, from: { type: 'string', multiple: true }, to: { type: 'string', multiple: true },
      boundaries: { type: 'string' }, products: { type: 'string' }, 'accounts-to': { type: 'string' },
      note: { type: 'string' }, source: { type: 'string', multiple: true },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (!values.on || !values.from?.length || !values.to?.length) fail('--on, --from and --to are needed');
if (values.from.length > 1) {
  fail('A merge (several --from) is not recorded by this version: the registry could not tell, before its day, which county a product was in');
}

/** Reads a file the options name, or stops with what went wrong. */
function read(option: string, file: string | undefined): string | null {
  if (file === undefined) return null;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`--${option} ${file}: ${(error as Error).message}`);
  }
}

/** The `product_id,counties` list of a split. */
function productList(text: string | null): Map<number, string[]> {
  const list = new Map<number, string[]>();
  if (text === null) return list;
  for (const [i, row] of parseCsvRecords(text).entries()) {
    const id = Number(row.product_id);
    const codes = (row.counties ?? '').split(/[;；、,\s]+/).filter(Boolean);
    if (!Number.isInteger(id) || id <= 0) fail(`--products line ${i + 2}: product_id must be a product's number`);
    if (codes.length === 0) fail(`--products line ${i + 2}: product ${id} has no new county`);
    list.set(id, codes);
  }
  return list;
}

let boundaries: CountyChangeInput['boundaries'] = [];
try {
  const text = read('boundaries', values.boundaries);
  boundaries = text === null ? [] : countiesOfBoundaryFile(text);
} catch (error) {
  fail(`--boundaries: ${(error as Error).message}`);
}
const sources = Sources.safeParse((values.source ?? []).map(sourceFromText));
if (!sources.success) fail(`--source: ${sources.error.issues.map((i) => i.message).join('; ')}`);

const change: CountyChangeInput = {
  on: values.on, from: values.from[0], to: values.to, boundaries, products: productList(read('products', values.products)),
  accountsTo: values['accounts-to'] ?? null, note: values.note ?? '', sources: sources.data,
};

const config = readConfig();
const db = openDb(config.databasePath);
try {
  const unassigned = productsNeedingCounty(db, change);
  if (unassigned.length > 0) {
    console.error(`${unassigned.length} product(s) of ${change.from} need their new county (one or more of ${change.to.join(', ')}), `
      + 'as the county\'s officials say. Fill in the counties column of this list, save it as a CSV and pass it with --products; nothing was changed:');
    console.log(['product_id,counties,name,archived', ...unassigned.map((p) => `${p.id},,"${p.nameZh.replaceAll('"', '""')}",${p.archived ? 'yes' : ''}`)].join('\n'));
    process.exitCode = 1;
  } else {
    const report = recordCountyChange(db, change, todayInShanghai());
    console.log(`Recorded in ${config.databasePath}: ${report.changes.map((c) => `${c.fromCode} → ${c.toCode}`).join(', ')} on ${change.on}; `
      + `counties added ${report.countiesAdded.join(', ') || 'none'}; ${report.products.length} product(s) and ${report.accounts.length} account(s) moved.`);
    for (const p of report.products) console.log(`  product ${p.id} ${p.nameZh}: ${p.counties.join(', ')}`);
    for (const a of report.accounts) console.log(`  account ${a.username}: ${a.county}`);
  }
} catch (error) {
  if (!(error instanceof HttpError)) throw error;
  console.error(`Refused, nothing changed: ${error.message}`);
  for (const issue of error.issues ?? []) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
