/**
 * Recording a division change (行政区划变更) of the county level: the new counties with their
 * boundaries, one `county_changes` row per old code → new code, and the registry moved with it — the
 * old county's products and officials' accounts into the new county, each move audited — all in one
 * transaction or not at all. A rename is one new code; a split several, each product of the old county
 * given its new county (or counties) by the caller, as the county's officials say. A merge (several
 * old codes into one) is representable in the table, but not recorded here yet: before its day, the
 * registry could not tell which of the merged counties a product was in.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { countyExistsOn, CountyCode, IsoDate, type SourceValue } from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, type Issue } from '../../errors';
import { recordAudit, type Tx } from '../access/audit';
import { auditedUser } from '../accounts/accounts';
import { endSessionsOf } from '../accounts/sessions';
import { recordSecurityEvent, targetOf } from '../security/events';
import { loadCountyHistory } from '../places/county-history';
import { misplacedLocations } from '../places/location-check';

/** A county as a boundary file gives it (seeds/loader.ts `countiesOfBoundaryFile`). */
export type NewCounty = typeof t.counties.$inferInsert;

/** A change to record. */
export interface CountyChangeInput {
  /** The day it takes effect: from then the old county is none and the new ones are (not after today). */
  on: string;
  /** The old county (one: merges are not recorded yet). */
  from: string;
  /** The new counties: one for a rename, several for a split. */
  to: string[];
  /** Boundaries of the new counties that are not in the registry yet (others in the list are ignored). */
  boundaries: readonly NewCounty[];
  /** For a split: each product of the old county, by id, with its new counties (among `to`). */
  products: ReadonlyMap<number, readonly string[]>;
  /** For a split: the new county of the old county's officials (a rename moves them to its one county). */
  accountsTo: string | null;
  /** Why, in words (the audit entries carry it). */
  note: string;
  /** Where the change is announced (民政部 or the provincial government's notice): at least one. */
  sources: SourceValue[];
}

/** What was recorded. */
export interface CountyChangeReport {
  countiesAdded: string[];
  changes: { on: string; fromCode: string; toCode: string }[];
  products: { id: number; nameZh: string; counties: string[] }[];
  accounts: { username: string; county: string }[];
}

/** A product of the old county that a split needs a new county for (the list officials fill in). */
export interface UnassignedProduct { id: number; nameZh: string; archived: boolean }

/** 400 with one issue per problem, its message the problems joined (Chinese, then English). */
function refuse(issues: Issue[]): never {
  const halves = issues.map((i) => i.message.split(' / '));
  throw badRequest(`${halves.map(([zh]) => zh).join('；')} / ${halves.map(([, en]) => en).join('; ')}`, issues);
}

/** Every product (archived ones too) in a county, by id. */
function productsIn(db: Tx, code: string) {
  return db.select({ id: t.products.id, nameZh: t.products.nameZh, archivedAt: t.products.archivedAt })
    .from(t.productCounties).innerJoin(t.products, eq(t.products.id, t.productCounties.productId))
    .where(eq(t.productCounties.countyCode, code)).orderBy(t.products.id).all();
}

/** The products of `from` a split into several counties needs told where they go (none for a rename). */
export function productsNeedingCounty(db: Db, change: Pick<CountyChangeInput, 'from' | 'to' | 'products'>): UnassignedProduct[] {
  if (change.to.length < 2) return [];
  return productsIn(db, change.from).filter((p) => !change.products.has(p.id))
    .map((p) => ({ id: p.id, nameZh: p.nameZh, archived: p.archivedAt !== null }));
}

/** The problems of a change before anything is written, each as an issue (empty: it can be recorded). */
function problemsOf(tx: Tx, c: CountyChangeInput, today: string): Issue[] {
  const issues: Issue[] = [];
  const say = (path: Issue['path'], zh: string, en: string) => issues.push({ path, message: `${zh} / ${en}` });
  const history = loadCountyHistory(tx);
  if (!IsoDate.safeParse(c.on).success) say(['on'], `生效日期 ${c.on} 不是有效日期（YYYY-MM-DD）`, `${c.on} is not a date (YYYY-MM-DD)`);
  else if (c.on > today) say(['on'], `生效日期 ${c.on} 还未到：请在生效当日或之后登记`, `${c.on} is still to come: record a change on or after its day`);
  const old = history.span(c.from);
  if (!old) say(['from'], `${c.from} 不是登记中的县（市、区）`, `${c.from} is not a county of the registry`);
  else if (IsoDate.safeParse(c.on).success && !countyExistsOn(old, c.on)) {
    say(['from'], `${old.nameZh}（${c.from}）在 ${c.on} 已不是县（市、区）`, `${old.nameEn} (${c.from}) is no county on ${c.on}`);
  }
  if (c.to.length === 0) say(['to'], '请给出新的县（市、区）代码', 'Name the new county code');
  if (new Set(c.to).size !== c.to.length) say(['to'], '新的县（市、区）代码重复', 'A new county code is given twice');
  const used = (code: string) => tx.select({ n: t.productCounties.productId }).from(t.productCounties).where(eq(t.productCounties.countyCode, code)).get()
    ?? tx.select({ n: t.users.id }).from(t.users).where(eq(t.users.county, code)).get()
    ?? history.changes.find((x) => x.fromCode === code || x.toCode === code);
  c.to.forEach((code, i) => {
    if (!CountyCode.safeParse(code).success) say(['to', i], `${code} 不是 6 位的县（市、区）代码`, `${code} is not a six-digit county code`);
    else if (code === c.from) say(['to', i], `新代码 ${code} 与原代码相同`, `The new code ${code} is the old one`);
    // A county already in the registry may be the new one only if it was loaded ahead of its change and nothing uses it yet.
    else if (history.span(code) && used(code)) {
      say(['to', i], `${code} 已是在用的县（市、区）：并入现有县暂不支持`, `${code} is a county in use: merging into an existing county is not supported yet`);
    } else if (!history.span(code) && !c.boundaries.some((b) => b.code === code)) {
      say(['boundaries'], `边界文件中没有新县 ${code}`, `The boundary file has no county ${code}`);
    }
  });
  if (c.to.length > 1) {
    for (const [id, codes] of c.products) {
      if (codes.length === 0 || codes.some((code) => !c.to.includes(code))) {
        say(['products', id], `产品 ${id} 的新县须是 ${c.to.join('、')} 之一或几个`, `Product ${id}'s new counties must be among ${c.to.join(', ')}`);
      }
    }
    const inOld = new Set(productsIn(tx, c.from).map((p) => p.id));
    for (const id of c.products.keys()) {
      if (!inOld.has(id)) say(['products', id], `产品 ${id} 不在 ${c.from}`, `Product ${id} is not in ${c.from}`);
    }
    const officials = tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.county, c.from)).all();
    if (officials.length > 0 && (c.accountsTo === null || !c.to.includes(c.accountsTo))) {
      say(['accountsTo'], `${c.from} 有 ${officials.length} 个县级账号：请指定它们转入 ${c.to.join('、')} 中的哪一个`,
        `${c.from} has ${officials.length} official account(s): say which of ${c.to.join(', ')} they move to`);
    }
  }
  if (c.sources.length === 0) say(['sources'], '请给出变更的来源（公告）', 'Give the change’s source (its announcement)');
  return issues;
}

/**
 * Records a division change on `today` (the CLI's: `npm run counties:change`): 400 with every problem,
 * nothing written, unless it is one; a split also refuses while any product of the old county has no
 * new county (`productsNeedingCounty` lists them) or a location of a product would lie outside its new ones.
 */
export function recordCountyChange(db: Db, c: CountyChangeInput, today: string): CountyChangeReport {
  // One connection, so every read and write below is in this transaction (as products-write.ts does).
  return db.transaction(() => {
    const problems = problemsOf(db, c, today);
    if (problems.length > 0) refuse(problems);
    const unassigned = productsNeedingCounty(db, c);
    if (unassigned.length > 0) {
      refuse([{ path: ['products'], message: `以下产品须先指定新的县（市、区）：${unassigned.map((p) => `${p.id} ${p.nameZh}`).join('、')} / `
        + `These products need their new county first: ${unassigned.map((p) => `${p.id} ${p.nameZh}`).join(', ')}` }]);
    }
    const report: CountyChangeReport = { countiesAdded: [], changes: [], products: [], accounts: [] };
    for (const code of c.to) {
      if (db.select({ code: t.counties.code }).from(t.counties).where(eq(t.counties.code, code)).get()) continue;
      db.insert(t.counties).values(c.boundaries.find((b) => b.code === code)!).run();
      report.countiesAdded.push(code);
    }
    for (const toCode of c.to) {
      db.insert(t.countyChanges).values({ on: c.on, fromCode: c.from, toCode, note: c.note, sources: c.sources }).run();
      report.changes.push({ on: c.on, fromCode: c.from, toCode });
    }
    const note = `行政区划变更（${c.on}）${c.from} → ${c.to.join('、')}${c.note ? `：${c.note}` : ''}`;
    moveProducts(db, c, note, report);
    moveAccounts(db, c, note, report);
    return report;
  });
}

/** Moves each product of the old county into its new counties, with its county-level places; audited. */
function moveProducts(tx: Db, c: CountyChangeInput, note: string, report: CountyChangeReport): void {
  const counties = new Map(tx.select().from(t.counties).where(inArray(t.counties.code, [c.from, ...c.to])).all().map((x) => [x.code, x]));
  const oldName = counties.get(c.from)!.nameZh;
  const issues: Issue[] = [];
  for (const p of productsIn(tx, c.from)) {
    const before = tx.select({ code: t.productCounties.countyCode }).from(t.productCounties)
      .where(eq(t.productCounties.productId, p.id)).orderBy(t.productCounties.countyCode).all().map((r) => r.code);
    const into = c.to.length === 1 ? c.to : [...c.products.get(p.id)!];
    const after = [...new Set([...before.filter((code) => code !== c.from), ...into])].sort();
    tx.delete(t.productCounties).where(eq(t.productCounties.productId, p.id)).run();
    tx.insert(t.productCounties).values(after.map((countyCode) => ({ productId: p.id, countyCode }))).run();
    // A place known only as the old county now stands for its (first) new county: its name, at its label point.
    const places = tx.select().from(t.locations).where(eq(t.locations.productId, p.id)).orderBy(t.locations.position).all();
    const first = counties.get(into[0])!;
    for (const l of places) {
      if (l.precision !== 'county' || l.label.trim() !== oldName) continue;
      tx.update(t.locations).set({ label: first.nameZh, lat: first.labelLat, lng: first.labelLng })
        .where(eq(t.locations.id, l.id)).run();
    }
    const moved = tx.select().from(t.locations).where(eq(t.locations.productId, p.id)).orderBy(t.locations.position).all();
    for (const issue of misplacedLocations(tx, after, moved)) {
      issues.push({ path: ['products', p.id, ...issue.path], message: `产品 ${p.id} ${p.nameZh}：${issue.message.replace(' / ', ` / Product ${p.id}: `)}` });
    }
    const placesOf = (rows: typeof places) => rows.map((l) => ({ lat: l.lat, lng: l.lng, label: l.label, precision: l.precision }));
    recordAudit(tx, null, {
      action: 'update', entity: 'product', entityId: p.id,
      before: { counties: before, locations: placesOf(places) }, after: { counties: after, locations: placesOf(moved), note },
    });
    report.products.push({ id: p.id, nameZh: p.nameZh, counties: after });
  }
  // A point outside its new counties means the split's list put the product in the wrong part.
  if (issues.length > 0) refuse(issues);
}

/** Moves the old county's officials' accounts to the new county (their sessions end, as on any change of county); audited. */
function moveAccounts(tx: Tx, c: CountyChangeInput, note: string, report: CountyChangeReport): void {
  const to = c.to.length === 1 ? c.to[0] : c.accountsTo!;
  for (const row of tx.select().from(t.users).where(eq(t.users.county, c.from)).all()) {
    const after = tx.update(t.users).set({ county: to }).where(eq(t.users.id, row.id)).returning().get();
    endSessionsOf(tx, row.id);
    recordAudit(tx, null, { action: 'update', entity: 'user', entityId: row.id, before: auditedUser(row), after: { ...auditedUser(after), note } });
    recordSecurityEvent(tx, { kind: 'account_changed', actor: null, detail: { target: targetOf(row), county: { from: row.county, to }, via: 'county change', note } });
    report.accounts.push({ username: row.username, county: to });
  }
}
