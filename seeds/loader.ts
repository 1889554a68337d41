/**
 * Loads the starting data: counties, GI facts with their dated histories, the plan's candidates and
 * the 十四五 period. Idempotent: everything is looked up by its natural key before it is inserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { projectRoot } from '../db/project-root';
import {
  Category, CountyCode, GiType, MarkKind, ParticipantRole, Status, termEnd, type GiType as GiTypeT,
} from '../db/model';
import * as t from '../db/schema';
import { parseCsvRecords } from './csv';

const SEEDS_DIR = join(projectRoot(), 'seeds');
const PLAN_SOURCE = '晋城市“十四五”知识产权保护和运用规划（晋市政发〔2022〕32号）';
const PLAN_DATE = '2022-10-12';
const COUNTY_NAMES_EN: Record<string, string> = {
  '140502': 'Chengqu District', '140521': 'Qinshui County', '140522': 'Yangcheng County',
  '140524': 'Lingchuan County', '140525': 'Zezhou County', '140581': 'Gaoping City',
};

/** What a seeding run inserted (all zero on a second run). */
export interface SeedReport { counties: number; products: number; designations: number; periods: number }

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function readSeed(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** Whether the database holds no products yet (the signal to seed on start). */
export function isEmpty(db: Db): boolean {
  return db.select({ n: sql<number>`count(*)` }).from(t.products).get()!.n === 0;
}

/** Loads every seed in one transaction; returns what was inserted. */
export function loadSeeds(db: Db, countiesFile = join(SEEDS_DIR, 'counties.geojson')): SeedReport {
  return db.transaction((tx) => {
    const report: SeedReport = { counties: 0, products: 0, designations: 0, periods: 0 };
    report.counties = seedCounties(tx, readFileSync(countiesFile, 'utf8'));
    const facts = parseCsvRecords(readSeed('gi-facts.csv'));
    const candidates = parseCsvRecords(readSeed('candidates.csv'));
    const info = new Map(parseCsvRecords(readSeed('products.csv')).map((r) => [r.product_zh, r]));
    const ensure = (nameZh: string, countyCodes: string[]) => {
      const row = info.get(nameZh);
      if (!row) throw new Error(`seeds/products.csv has no row for ${nameZh}`);
      const { id, created } = ensureProduct(tx, row, countyCodes.map((c) => CountyCode.parse(c)));
      if (created) report.products++;
      return id;
    };
    for (const f of facts) {
      const productId = ensure(f.product_zh, [f.county_adcode]);
      if (seedFact(tx, productId, f)) report.designations++;
    }
    for (const c of candidates) {
      const productId = ensure(c.product_zh, c.county_adcodes.split(';'));
      if (seedCandidate(tx, productId, c)) report.designations++;
    }
    report.periods = seedPeriod(tx, facts);
    return report;
  });
}

function seedCounties(tx: Tx, geojsonText: string): number {
  const fc = JSON.parse(geojsonText) as {
    features: { properties: { adcode: number; name: string; center: number[]; centroid: number[] }; geometry: unknown }[];
  };
  let inserted = 0;
  for (const f of fc.features) {
    const code = CountyCode.parse(String(f.properties.adcode));
    const values = {
      nameZh: f.properties.name, nameEn: COUNTY_NAMES_EN[code],
      seatLng: f.properties.center[0], seatLat: f.properties.center[1],
      labelLng: f.properties.centroid[0], labelLat: f.properties.centroid[1],
      geometry: f.geometry,
    };
    const existing = tx.select({ code: t.counties.code }).from(t.counties).where(eq(t.counties.code, code)).get();
    if (existing) tx.update(t.counties).set(values).where(eq(t.counties.code, code)).run();
    else { tx.insert(t.counties).values({ code, ...values }).run(); inserted++; }
  }
  return inserted;
}

function ensureProduct(tx: Tx, row: Record<string, string>, countyCodes: CountyCode[]) {
  const found = tx.select({ id: t.products.id }).from(t.products).where(eq(t.products.nameZh, row.product_zh)).get();
  if (found) return { id: found.id, created: false };
  const { id } = tx.insert(t.products).values({
    nameZh: row.product_zh, nameEn: row.product_en || null, category: Category.parse(row.category),
    description: row.description ?? '', visibility: 'public', sources: [],
  }).returning({ id: t.products.id }).get();
  countyCodes.forEach((code, position) => {
    tx.insert(t.productCounties).values({ productId: id, countyCode: code }).run();
    const county = tx.select().from(t.counties).where(eq(t.counties.code, code)).get()!;
    tx.insert(t.locations).values({
      productId: id, position, lat: county.labelLat, lng: county.labelLng, label: county.nameZh, precision: 'county',
    }).run();
  });
  return { id, created: true };
}

function hasDesignation(tx: Tx, productId: number, giType: GiTypeT): boolean {
  return !!tx.select({ id: t.designations.id }).from(t.designations)
    .where(and(eq(t.designations.productId, productId), eq(t.designations.giType, giType))).get();
}

/** A fact's date: full dates as given, a bare year as its 1 January (flagged approximate). */
function factDate(value: string): { date: string; approximate: boolean } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value, approximate: false };
  if (/^\d{4}$/.test(value)) return { date: `${value}-01-01`, approximate: true };
  return null;
}

function seedFact(tx: Tx, productId: number, f: Record<string, string>): boolean {
  const giType = GiType.parse(f.gi_type);
  if (hasDesignation(tx, productId, giType)) return false;
  const status = Status.parse(f.status);
  // A filed fact has no granted_on; its filing date is the announcement date its note cites.
  const dated = factDate(f.granted_on) ?? factDate(f.note.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '');
  if (!dated) throw new Error(`gi-facts.csv: no date for ${f.product_zh} ${giType}`);
  const notes = [
    f.note,
    dated.approximate ? '日期仅知年份，按当年1月1日记。' : '',
    `来源可信度：${f.confidence === 'good' ? '较高（两个以上来源一致）' : '一般（单一来源）'}。`,
    '申报日期不详：培育、申报记录与此日期相同。',
  ].filter(Boolean).join(' ');
  const validUntil = f.valid_until || (giType === 'trademark' && status === 'granted' && !dated.approximate
    ? termEnd(dated.date, 10) : null);
  const { id } = tx.insert(t.designations).values({
    productId, giType, markKind: f.mark_kind ? MarkKind.parse(f.mark_kind) : null, status,
    holder: f.holder || null, number: f.number || null, validUntil, notes, sources: [f.source],
  }).returning({ id: t.designations.id }).get();
  const path: Status[] = status === 'granted' ? ['cultivating', 'filed', 'granted'] : ['cultivating', 'filed'];
  path.forEach((to, i) => {
    tx.insert(t.transitions).values({
      designationId: id, fromStatus: i === 0 ? null : path[i - 1], toStatus: to, on: dated.date, note: '种子数据',
    }).run();
  });
  if (f.holder) seedHolderAsParticipant(tx, productId, f.holder);
  return true;
}

/** A holder that is an association, cooperative or company is also a participant of the model. */
function seedHolderAsParticipant(tx: Tx, productId: number, holder: string) {
  const role: ParticipantRole | null = /协会/.test(holder) ? 'association'
    : /合作社/.test(holder) ? 'cooperative' : /公司/.test(holder) ? 'enterprise' : null;
  if (!role) return;
  const existing = tx.select({ id: t.participants.id }).from(t.participants)
    .where(and(eq(t.participants.productId, productId), eq(t.participants.name, holder))).get();
  if (existing) return;
  const position = tx.select({ n: sql<number>`count(*)` }).from(t.participants)
    .where(eq(t.participants.productId, productId)).get()!.n;
  tx.insert(t.participants).values({ productId, position, role, name: holder }).run();
}

function seedCandidate(tx: Tx, productId: number, c: Record<string, string>): boolean {
  const giType = GiType.parse(c.gi_type_sought);
  if (hasDesignation(tx, productId, giType)) return false;
  const notes = `规划列为培育对象（${c.plan_reference}）。申报类型为初始数据的规划假设，有待县级部门确认或修改。`;
  const { id } = tx.insert(t.designations).values({
    productId, giType, markKind: c.mark_kind ? MarkKind.parse(c.mark_kind) : null, status: 'cultivating',
    notes, sources: [PLAN_SOURCE],
  }).returning({ id: t.designations.id }).get();
  tx.insert(t.transitions).values({ designationId: id, toStatus: 'cultivating', on: PLAN_DATE, note: '规划列为培育对象' }).run();
  return true;
}

/**
 * The 十四五 period: targets 10/5/15 and the plan's own trademark baseline (4). The plan gives no
 * baseline for the other two types, so theirs is the number of seeded facts granted before the period.
 */
function seedPeriod(tx: Tx, facts: Record<string, string>[]): number {
  if (tx.select({ id: t.periods.id }).from(t.periods).where(eq(t.periods.name, '十四五')).get()) return 0;
  const { id } = tx.insert(t.periods).values({ name: '十四五', startsOn: '2021-01-01', endsOn: '2025-12-31' })
    .returning({ id: t.periods.id }).get();
  const grantedBefore = (giType: GiTypeT) => facts.filter((f) =>
    f.gi_type === giType && f.status === 'granted' && (factDate(f.granted_on)?.date ?? '9999') < '2021-01-01').length;
  const rows = [
    { giType: 'trademark' as const, baseline: 4, target: 10 },
    { giType: 'protected_product' as const, baseline: grantedBefore('protected_product'), target: 5 },
    { giType: 'agricultural_product' as const, baseline: grantedBefore('agricultural_product'), target: 15 },
  ];
  for (const r of rows) tx.insert(t.targets).values({ periodId: id, ...r }).run();
  return 1;
}
