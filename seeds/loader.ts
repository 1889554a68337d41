/**
 * Loads the starting data: counties, GI facts with their dated histories, the plan's candidates, the
 * second round of facts (new GIs, details of known ones, industry figures) and the 十四五 period.
 * Idempotent: everything is looked up by its natural key before it is inserted, and a detail is only
 * filled in where it is empty or still as seeded and no official has edited it (seeds/PROVENANCE.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { projectRoot } from '../db/project-root';
import {
  Category, CountyCode, GI_TYPES, GiType, MarkKind, ParticipantRole, Status, lastPossibleDay, partialDateParts, termEndOfGrant,
  type GiType as GiTypeT, type SourceValue,
} from '../db/model';
import * as t from '../db/schema';
import { parseCsvRecords } from './csv';
import { seedScopes } from './scopes';
import { seedSpecifications } from './specifications';
import { factNotes, factMoveNote, PLAN_SOURCE, readSeedTexts, type SeedTexts } from './seed-texts';

const SEEDS_DIR = join(projectRoot(), 'seeds');
const PLAN_DATE = '2022-10-12';
const COUNTY_NAMES_EN: Record<string, string> = {
  '140502': 'Chengqu District', '140521': 'Qinshui County', '140522': 'Yangcheng County',
  '140524': 'Lingchuan County', '140525': 'Zezhou County', '140581': 'Gaoping City',
};

/** What a seeding run inserted or filled in (all zero on a second run). */
export interface SeedReport {
  counties: number; products: number; designations: number; periods: number;
  /** Designations and protected areas that got details they lacked (specifications.csv's versions among them). */
  enriched: number;
  /** Years of industry figures added. */
  figures: number;
  /** Designations given their protected area as codes (scopes.csv). */
  scopes: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A GI fact from either facts file, in one shape. */
interface Fact {
  productZh: string; county: string; giType: GiTypeT; markKind: string; status: Status; date: string;
  validUntil: string; number: string; holder: string; note: string; areaText: string;
  sources: SourceValue[]; confidence: string;
}

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
    const report: SeedReport = { counties: 0, products: 0, designations: 0, periods: 0, enriched: 0, figures: 0, scopes: 0 };
    report.counties = seedCounties(tx, readFileSync(countiesFile, 'utf8'));
    const texts = readSeedTexts(readSeed('notes-zh.csv'), readSeed('sources.csv'));
    const facts = parseCsvRecords(readSeed('gi-facts.csv')).map((r) => factOf(r, r.granted_on, texts));
    const more = parseCsvRecords(readSeed('gi-facts-more.csv')).filter((r) => r.confidence !== 'low');
    const newFacts = more.filter((r) => r.kind === 'new_fact').map((r) => factOf(r, r.date, texts));
    const candidates = parseCsvRecords(readSeed('candidates.csv'));
    const info = new Map(parseCsvRecords(readSeed('products.csv')).map((r) => [r.product_zh, r]));
    /** What the seed writes into each designation it makes, to tell a seeded detail from an official's. */
    const seeded = new Map<string, { notes: string; sources: SourceValue[] }>();
    const ensure = (nameZh: string, countyCodes: string[]) => {
      const row = info.get(nameZh);
      if (!row) throw new Error(`seeds/products.csv has no row for ${nameZh}`);
      const { id, created } = ensureProduct(tx, row, countyCodes.map((c) => CountyCode.parse(c)));
      if (created) report.products++;
      return id;
    };
    const seedFacts = (list: Fact[]) => {
      for (const f of list) {
        const productId = ensure(f.productZh, [f.county]);
        seeded.set(`${f.productZh}|${f.giType}`, { notes: factNotes(f, texts), sources: f.sources });
        if (seedFact(tx, productId, f, texts)) report.designations++;
        if (f.areaText && fillAreaText(tx, productId, f.areaText)) report.enriched++;
      }
    };
    seedFacts(facts);
    // Candidates before the new facts, so that a database seeded before those existed gets the same ids.
    for (const c of candidates) {
      const productId = ensure(c.product_zh, c.county_adcodes.split(';'));
      seeded.set(`${c.product_zh}|${c.gi_type_sought}`, { notes: candidateNotes(c, texts), sources: [PLAN_SOURCE] });
      if (seedCandidate(tx, productId, c, texts)) report.designations++;
    }
    seedFacts(newFacts);
    for (const r of more.filter((row) => row.kind === 'enrich')) {
      report.enriched += enrich(tx, r, texts, seeded.get(`${r.product_zh}|${r.gi_type}`) ?? null);
    }
    for (const r of more.filter((row) => row.kind === 'industry')) {
      if (seedFigures(tx, ensure(r.product_zh, [r.county_adcode]), r, texts)) report.figures++;
    }
    report.scopes = seedScopes(tx, readSeed('scopes.csv'));
    report.enriched += seedSpecifications(tx, readSeed('specifications.csv'), texts);
    report.periods = seedPeriod(tx, [...facts, ...newFacts]);
    return report;
  });
}

/** A row of either facts file as a Fact (`date` is the column holding its date). */
function factOf(r: Record<string, string>, date: string, texts: SeedTexts): Fact {
  return {
    productZh: r.product_zh, county: r.county_adcode, giType: GiType.parse(r.gi_type), markKind: r.mark_kind,
    status: Status.parse(r.status), date, validUntil: r.valid_until ?? '', number: r.number, holder: r.holder,
    note: r.note, areaText: r.protected_area_text ?? '', sources: texts.sources(r.source), confidence: r.confidence,
  };
}

/** A county as a boundary file gives it, ready for the counties table. */
export type CountyRow = typeof t.counties.$inferInsert;

/**
 * The counties of a boundary file (a GeoJSON FeatureCollection, as seeds/counties.geojson): per feature
 * `adcode`, `name`, `center` (the seat) and `centroid` (where the map writes the name), and `name_en`,
 * which the six seeded counties may leave out (COUNTY_NAMES_EN). Throws, naming the feature, on anything missing.
 */
export function countiesOfBoundaryFile(geojsonText: string): CountyRow[] {
  const fc = JSON.parse(geojsonText) as {
    features?: { properties?: { adcode?: number | string; name?: string; name_en?: string; center?: number[]; centroid?: number[] }; geometry?: { type?: string } }[];
  };
  if (!Array.isArray(fc.features)) throw new Error('a boundary file is a GeoJSON FeatureCollection');
  return fc.features.map((f, i) => {
    const p = f.properties ?? {};
    const code = CountyCode.parse(String(p.adcode ?? ''));
    const nameEn = p.name_en ?? COUNTY_NAMES_EN[code];
    const point = (xy: number[] | undefined) => Array.isArray(xy) && xy.length === 2 && xy.every(Number.isFinite);
    if (!p.name || !nameEn || !point(p.center) || !point(p.centroid)) {
      throw new Error(`feature ${i + 1} (${code}) needs name, name_en, center and centroid`);
    }
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') throw new Error(`feature ${i + 1} (${code}) is not a Polygon or MultiPolygon`);
    return {
      code, nameZh: p.name, nameEn,
      seatLng: p.center![0], seatLat: p.center![1],
      labelLng: p.centroid![0], labelLat: p.centroid![1],
      geometry: f.geometry,
    };
  });
}

function seedCounties(tx: Tx, geojsonText: string): number {
  let inserted = 0;
  for (const { code, ...values } of countiesOfBoundaryFile(geojsonText)) {
    const existing = tx.select().from(t.counties).where(eq(t.counties.code, code)).get();
    if (!existing) { tx.insert(t.counties).values({ code, ...values }).run(); inserted++; }
    // Written only when it differs, so a second run leaves the registry version alone.
    else if (Object.entries(values).some(([k, v]) => JSON.stringify(existing[k as keyof typeof existing]) !== JSON.stringify(v))) {
      tx.update(t.counties).set(values).where(eq(t.counties.code, code)).run();
    }
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

/** The first designation of a type a product has, if any. */
function designationOf(tx: Tx, productId: number, giType: GiTypeT) {
  return tx.select().from(t.designations)
    .where(and(eq(t.designations.productId, productId), eq(t.designations.giType, giType)))
    .orderBy(asc(t.designations.id)).get();
}

function seedFact(tx: Tx, productId: number, f: Fact, texts: SeedTexts): boolean {
  if (designationOf(tx, productId, f.giType)) return false;
  // A filed fact has no grant date; its filing date is the announcement date its note cites.
  const on = [f.date, f.note.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? ''].find((d) => partialDateParts(d) !== null);
  if (!on) throw new Error(`seeds: no date for ${f.productZh} ${f.giType}`);
  // A fixed term (a trademark's 10 years) is worked out only from a grant known to the day.
  const validUntil = f.validUntil || (f.status === 'granted' ? termEndOfGrant(f.giType, on) : null);
  const { id } = tx.insert(t.designations).values({
    productId, giType: f.giType, markKind: f.markKind ? MarkKind.parse(f.markKind) : null, status: f.status,
    holder: f.holder || null, number: f.number || null, validUntil, notes: factNotes(f, texts), sources: f.sources,
  }).returning({ id: t.designations.id }).get();
  const path: Status[] = f.status === 'granted' ? ['cultivating', 'filed', 'granted'] : ['cultivating', 'filed'];
  const note = factMoveNote(f.sources, f.confidence);
  path.forEach((to, i) => {
    tx.insert(t.transitions).values({ designationId: id, fromStatus: i === 0 ? null : path[i - 1], toStatus: to, on, note }).run();
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

/** A candidate's notes: the plan names it; its GI route is the seed's assumption. */
function candidateNotes(c: Record<string, string>, texts: SeedTexts): string {
  return `规划列为培育对象（${texts.zh(c.plan_reference)}）。申报类型为初始数据的规划假设，有待县级部门确认或修改。`;
}

function seedCandidate(tx: Tx, productId: number, c: Record<string, string>, texts: SeedTexts): boolean {
  const giType = GiType.parse(c.gi_type_sought);
  if (designationOf(tx, productId, giType)) return false;
  const { id } = tx.insert(t.designations).values({
    productId, giType, markKind: c.mark_kind ? MarkKind.parse(c.mark_kind) : null, status: 'cultivating',
    notes: candidateNotes(c, texts), sources: [PLAN_SOURCE],
  }).returning({ id: t.designations.id }).get();
  tx.insert(t.transitions).values({
    designationId: id, toStatus: 'cultivating', on: PLAN_DATE, note: `规划列为培育对象。来源：${PLAN_SOURCE.title}`,
  }).run();
  return true;
}

/** The fields an official has set on a record (by the audit log): the seed leaves those alone. */
function editedFields(tx: Tx, entity: 'product' | 'designation', id: number): Set<string> {
  const rows = tx.select({ after: t.auditEvents.after }).from(t.auditEvents)
    .where(and(eq(t.auditEvents.entity, entity), eq(t.auditEvents.entityId, id), eq(t.auditEvents.action, 'update'))).all();
  return new Set(rows.flatMap((r) => (r.after && typeof r.after === 'object' ? Object.keys(r.after) : [])));
}

/** Gives a product the text of its protected area when it has none and no official has set one. */
function fillAreaText(tx: Tx, productId: number, text: string): boolean {
  if (editedFields(tx, 'product', productId).has('protectedArea')) return false;
  const area = tx.select().from(t.protectedAreas).where(eq(t.protectedAreas.productId, productId)).get();
  if (!area) tx.insert(t.protectedAreas).values({ productId, text }).run();
  else if (area.text.trim() === '') tx.update(t.protectedAreas).set({ text }).where(eq(t.protectedAreas.productId, productId)).run();
  else return false;
  return true;
}

const sameSources = (a: SourceValue[], b: SourceValue[]) =>
  a.length === b.length && a.every((s, i) => s.title === b[i].title && s.url === b[i].url);

/**
 * Fills in what an `enrich` row knows about a designation: its number or announcement, holder, notes
 * and sources where they are empty (notes and sources also where they are still exactly as seeded),
 * and its product's protected-area text; never a field an official has edited. Returns how many records changed.
 */
function enrich(tx: Tx, r: Record<string, string>, texts: SeedTexts, seeded: { notes: string; sources: SourceValue[] } | null): number {
  const product = tx.select({ id: t.products.id }).from(t.products).where(eq(t.products.nameZh, r.product_zh)).get();
  const d = product && designationOf(tx, product.id, GiType.parse(r.gi_type));
  if (!product || !d) return 0;
  const edited = editedFields(tx, 'designation', d.id);
  const patch: Partial<typeof t.designations.$inferInsert> = {};
  const free = (field: 'number' | 'announcement' | 'holder' | 'notes' | 'sources') => !edited.has(field);
  // An announcement (公告) goes where announcements go; a number the designation already has is not repeated.
  const numberField = /公告/.test(r.number) ? 'announcement' : 'number';
  if (r.number && d[numberField] === null && r.number !== d.number && r.number !== d.announcement && free(numberField)) {
    patch[numberField] = r.number;
  }
  if (r.holder && d.holder === null && free('holder')) patch.holder = r.holder;
  const note = texts.zh(r.note);
  if (note && free('notes') && (d.notes === '' || d.notes === seeded?.notes) && !d.notes.includes(note)) {
    patch.notes = [d.notes, note].filter(Boolean).join(' ');
  }
  if (free('sources') && (d.sources.length === 0 || (seeded && sameSources(d.sources, seeded.sources)))) {
    const known = new Set(d.sources.map(texts.key));
    const added = texts.sources(r.source).filter((s) => !known.has(texts.key(s)));
    if (added.length > 0) patch.sources = [...d.sources, ...added];
  }
  let changed = 0;
  if (Object.keys(patch).length > 0) {
    tx.update(t.designations).set(patch).where(eq(t.designations.id, d.id)).run();
    changed++;
  }
  if (r.protected_area_text && fillAreaText(tx, product.id, r.protected_area_text)) changed++;
  return changed;
}

const figure = (value: string) => (value.trim() === '' ? null : Number(value));

/** Adds an `industry` row's figures for its year unless the product already has figures for that year. */
function seedFigures(tx: Tx, productId: number, r: Record<string, string>, texts: SeedTexts): boolean {
  const year = Number(r.figures_year || r.date.slice(0, 4));
  const found = tx.select({ id: t.productFigures.id }).from(t.productFigures)
    .where(and(eq(t.productFigures.productId, productId), eq(t.productFigures.year, year))).get();
  if (found) return false;
  const where = r.protected_area_text ? `产区：${r.protected_area_text}。` : '';
  tx.insert(t.productFigures).values({
    productId, year, households: figure(r.households), areaMu: figure(r.area_mu), outputTonnes: figure(r.output_tonnes),
    valueWanYuan: figure(r.value_wan_yuan), note: [texts.zh(r.note), where].filter(Boolean).join(' '),
    sources: texts.sources(r.source), confidence: r.confidence === 'good' ? 'good' : 'medium',
  }).run();
  return true;
}

/**
 * The 十四五 period: targets 10/5/15 and the plan's own trademark baseline (4). The plan gives no
 * baseline for the other two types, so theirs is the number of seeded facts certainly granted before
 * the period (a grant known as "2020" counts: its last possible day is 2020-12-31).
 */
function seedPeriod(tx: Tx, facts: Fact[]): number {
  const existing = tx.select({ id: t.periods.id }).from(t.periods).where(eq(t.periods.name, '十四五')).get();
  if (existing) {
    followFacts(tx, existing.id, baselines(facts));
    return 0;
  }
  const { id } = tx.insert(t.periods).values({ name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31' })
    .returning({ id: t.periods.id }).get();
  for (const r of baselines(facts)) tx.insert(t.targets).values({ periodId: id, ...r }).run();
  return 1;
}

/**
 * A seeded 十四五 that no admin has changed (no audit entry) takes the baselines of the facts known
 * now (the second round of facts added two agricultural-product GIs granted before 2021); one an
 * admin has set is theirs and stays.
 */
function followFacts(tx: Tx, periodId: number, rows: ReturnType<typeof baselines>): void {
  const edited = tx.select({ id: t.auditEvents.id }).from(t.auditEvents)
    .where(and(eq(t.auditEvents.entity, 'period'), eq(t.auditEvents.entityId, periodId))).get();
  if (edited) return;
  for (const r of rows) {
    tx.update(t.targets).set({ baseline: r.baseline })
      .where(and(eq(t.targets.periodId, periodId), eq(t.targets.giType, r.giType), ne(t.targets.baseline, r.baseline))).run();
  }
}

/**
 * The 十四五 plan's own figures (晋市政发〔2022〕32号, 专栏 2): a target per GI type it names, and its
 * trademark baseline ("成功注册 4 件"). Facts of the plan, so they name the types.
 */
const PLAN_14: Partial<Record<GiTypeT, { target: number; baseline?: number }>> = {
  trademark: { target: 10, baseline: 4 },
  protected_product: { target: 5 },
  agricultural_product: { target: 15 },
};

/** The plan's targets with its baseline where it gives one, else the facts granted before the period. */
function baselines(facts: Fact[]) {
  const grantedBefore = (giType: GiTypeT) => facts.filter((f) =>
    f.giType === giType && f.status === 'granted' && partialDateParts(f.date) !== null && lastPossibleDay(f.date) < '2021-01-01').length;
  return GI_TYPES.flatMap((giType) => {
    const plan = PLAN_14[giType];
    return plan ? [{ giType, baseline: plan.baseline ?? grantedBefore(giType), target: plan.target }] : [];
  });
}
