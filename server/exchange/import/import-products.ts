/**
 * Applying import rows: a row that names an existing product (by product_id, or by its Chinese name
 * among the products the official may see) updates it; any other row creates one. A GI type on the
 * row adds that designation or updates it, and a later status becomes the dated moves that lead to
 * it, each checked against the table of moves. Every change goes through the same domain functions
 * as the workspace (permissions, validation, audit). All or nothing: a dry run, or any row in error,
 * rolls everything back, so the dry run's report says exactly what the import will do.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  ALLOWED_MOVES, LABELS, formatPartialDate, sourceKey, sourceText, type Bilingual, type DesignationUpdate, type ImportProblem, type ImportReport,
  type ImportRowReport, type ProductUpdate, type Status,
} from '../../../db/model';
import * as t from '../../../db/schema';
import type { InterpretedTable, ImportStatus, ImportValues } from './interpret-products';
import { IMPORT_COLUMNS } from '../sheets/product-columns';
import { HttpError } from '../../errors';
import { createDesignation, moveDesignation, updateDesignation } from '../../domain/designations/designations';
import { readableProducts } from '../../domain/access/permissions';
import { createProduct, updateProduct } from '../../domain/products/products-write';
import { runImport } from './import-run';
import type { SignedIn } from '../../domain/access/viewer';


/** A row's problem that stops it (the whole import is then not kept). */
class RowError extends Error {
  constructor(readonly problems: ImportProblem[]) { super(problems[0]?.zh ?? 'row error'); }
}

const problem = (column: string | null, zh: string, en: string): ImportProblem => ({ column, zh, en });
const label = (vocabulary: keyof typeof LABELS, code: string | null | undefined): Bilingual =>
  code ? ((LABELS[vocabulary] as Record<string, Bilingual>)[code] ?? { zh: code, en: code }) : { zh: '—', en: '—' };

/** "字段：前 → 后" in both languages. */
function change(field: Bilingual, before: Bilingual, after: Bilingual): Bilingual {
  return { zh: `${field.zh}：${before.zh} → ${after.zh}`, en: `${field.en}: ${before.en} → ${after.en}` };
}
const plain = (v: string | null | undefined): Bilingual => ({ zh: v || '—', en: v || '—' });

/** The domain's refusals ("中文 / English") as row problems. */
function problemsOf(error: unknown): ImportProblem[] {
  if (error instanceof RowError) return error.problems;
  if (error instanceof HttpError) {
    const texts = error.issues?.length ? error.issues.map((i) => i.message) : [error.message];
    return texts.map((text) => {
      const [zh, en = zh] = text.split(' / ');
      return problem(null, zh, en);
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  return [problem(null, text, text)];
}

/** The statuses an import moves through, in order. */
const STAGES: readonly ImportStatus[] = ['cultivating', 'filed', 'published', 'granted'];

/**
 * The moves from `from` to `to` through the stages (shortest, each allowed by the table), or null
 * when `to` cannot be reached that way (it is behind, or `from` is final).
 */
export function movesBetween(from: Status, to: ImportStatus): ImportStatus[] | null {
  if (from === to) return [];
  const queue: { at: Status; path: ImportStatus[] }[] = [{ at: from, path: [] }];
  const seen = new Set<Status>([from]);
  while (queue.length > 0) {
    const { at, path } = queue.shift()!;
    for (const next of ALLOWED_MOVES[at]) {
      if (seen.has(next) || !(STAGES as readonly Status[]).includes(next)) continue;
      // Never go back a stage (rejected → cultivating → … is a restart, allowed only from rejected/withdrawn).
      if ((STAGES as readonly Status[]).includes(at) && STAGES.indexOf(next as ImportStatus) < STAGES.indexOf(at as ImportStatus)) continue;
      const route = [...path, next as ImportStatus];
      if (next === to) return route;
      seen.add(next);
      queue.push({ at: next, path: route });
    }
  }
  return null;
}

interface RowContext { db: Db; viewer: SignedIn; today: string; countyNames: Map<string, Bilingual> }

function countiesText(ctx: RowContext, codes: readonly string[]): Bilingual {
  const names = codes.map((c) => ctx.countyNames.get(c) ?? { zh: c, en: c });
  return { zh: names.map((n) => n.zh).join('、') || '—', en: names.map((n) => n.en).join(', ') || '—' };
}

/** The product a row names, or null for a new one. */
function findProduct(ctx: RowContext, v: ImportValues): number | null {
  const { db, viewer } = ctx;
  if (v.productId !== null) {
    const row = db.select({ id: t.products.id }).from(t.products)
      .where(and(eq(t.products.id, v.productId), readableProducts(db, viewer))).get();
    if (!row) {
      throw new RowError([problem(IMPORT_COLUMNS.product_id.zh, `没有编号为 ${v.productId} 的产品（或您无权查看）。新产品请留空产品编号`,
        `There is no product number ${v.productId} you may see. Leave the product number empty for a new product`)]);
    }
    return row.id;
  }
  // Only products this viewer may read are matched, so an import never reveals another county's drafts.
  const same = db.select({ id: t.products.id }).from(t.products)
    .where(and(eq(t.products.nameZh, v.nameZh), isNull(t.products.archivedAt), readableProducts(db, viewer))).all();
  if (same.length > 1) {
    throw new RowError([problem(IMPORT_COLUMNS.product_zh.zh, `有 ${same.length} 个产品名为"${v.nameZh}"。请填写产品编号，指明要更新哪一个`,
      `${same.length} products are named "${v.nameZh}". Fill in the product number to say which one to update`)]);
  }
  return same[0]?.id ?? null;
}

/** Creates or updates the product of a row; returns its id and what changed. */
function applyProduct(ctx: RowContext, v: ImportValues, changes: Bilingual[]): { id: number; created: boolean } {
  const { db, viewer } = ctx;
  const id = findProduct(ctx, v);
  if (id === null) {
    const missing: ImportProblem[] = [];
    if (!v.category) missing.push(problem(IMPORT_COLUMNS.category.zh, '新产品须填写类别', 'A new product needs a category'));
    if (!v.counties) missing.push(problem(IMPORT_COLUMNS.counties_zh.zh, '新产品须填写所在县（市、区）', 'A new product needs its counties'));
    if (missing.length) throw new RowError(missing);
    const created = createProduct(db, viewer, {
      nameZh: v.nameZh, nameEn: v.nameEn, category: v.category!, counties: v.counties!, sources: v.sources,
    });
    changes.push({ zh: `新建产品 ${v.nameZh}（${countiesText(ctx, created.counties).zh}）`, en: `New product ${v.nameZh} (${countiesText(ctx, created.counties).en})` });
    return { id: created.id, created: true };
  }
  const row = db.select().from(t.products).where(eq(t.products.id, id)).get()!;
  const counties = db.select({ code: t.productCounties.countyCode }).from(t.productCounties)
    .where(eq(t.productCounties.productId, id)).orderBy(asc(t.productCounties.countyCode)).all().map((c) => c.code);
  const patch: ProductUpdate = {};
  if (v.nameZh && v.nameZh !== row.nameZh) {
    patch.nameZh = v.nameZh;
    changes.push(change(IMPORT_COLUMNS.product_zh, plain(row.nameZh), plain(v.nameZh)));
  }
  if (v.nameEn !== null && v.nameEn !== row.nameEn) {
    patch.nameEn = v.nameEn;
    changes.push(change(IMPORT_COLUMNS.product_en, plain(row.nameEn), plain(v.nameEn)));
  }
  if (v.category !== null && v.category !== row.category) {
    patch.category = v.category;
    changes.push(change(IMPORT_COLUMNS.category, label('category', row.category), label('category', v.category)));
  }
  if (v.counties !== null && [...v.counties].sort().join() !== counties.join()) {
    patch.counties = v.counties;
    changes.push(change(IMPORT_COLUMNS.counties_zh, countiesText(ctx, counties), countiesText(ctx, v.counties)));
  }
  const known = new Set(row.sources.map(sourceKey));
  const newSources = v.sources.filter((s) => !known.has(sourceKey(s)));
  if (newSources.length > 0) {
    patch.sources = [...row.sources, ...newSources];
    const added = newSources.map(sourceText);
    changes.push({ zh: `来源：新增 ${added.join('；')}`, en: `Sources: added ${added.join('; ')}` });
  }
  if (Object.keys(patch).length > 0) updateProduct(db, viewer, id, patch);
  return { id, created: false };
}

const DESIGNATION_FIELDS = [
  ['markKind', 'mark_kind'], ['holder', 'holder'], ['holderCreditCode', 'holder_credit_code'], ['number', 'number'],
  ['announcement', 'announcement'], ['validUntil', 'valid_until'],
] as const;

/** The date a move to `to` takes from the row, or a problem naming the column to fill. */
function dateOf(v: ImportValues, to: ImportStatus, today: string): string {
  if (to === 'cultivating') return v.filedOn ?? v.grantedOn ?? today;
  const key = to === 'granted' ? 'granted_on' : 'filed_on';
  const on = to === 'granted' ? v.grantedOn : v.filedOn;
  if (on) return on;
  const status = LABELS.status[to];
  throw new RowError([problem(IMPORT_COLUMNS[key].zh, `状态为"${status.zh}"须填写${IMPORT_COLUMNS[key].zh}（年份或年月也可）`,
    `Status "${status.en}" needs the ${IMPORT_COLUMNS[key].en} date (a year or a month will do)`)]);
}

/** Adds or updates the row's designation on product `productId`. */
function applyDesignation(ctx: RowContext, productId: number, v: ImportValues, changes: Bilingual[]): void {
  const { db, viewer, today } = ctx;
  if (!v.giType) {
    if (v.status || v.holder || v.number || v.filedOn || v.grantedOn) {
      throw new RowError([problem(IMPORT_COLUMNS.gi_type.zh, '填写了状态或证书信息，须同时填写地理标志类型', 'A status or certificate details need the GI type too')]);
    }
    return;
  }
  const held = db.select().from(t.designations)
    .where(and(eq(t.designations.productId, productId), eq(t.designations.giType, v.giType)))
    .orderBy(asc(t.designations.id)).get();
  const type = label('giType', v.giType);
  let id: number;
  let status: Status;
  if (!held) {
    const target = v.status ?? 'cultivating';
    const route = movesBetween('cultivating', target)!;
    const dates = route.map((to) => dateOf(v, to, today));
    const created = createDesignation(db, viewer, productId, {
      giType: v.giType, markKind: v.markKind, holder: v.holder, holderCreditCode: v.holderCreditCode, number: v.number,
      announcement: v.announcement, validUntil: v.validUntil, sources: v.sources, startedOn: dates[0] ?? v.filedOn ?? v.grantedOn ?? today,
    }, today);
    changes.push({ zh: `新增 ${type.zh}`, en: `New ${type.en}` });
    id = created.id;
    status = 'cultivating';
    route.forEach((to, i) => {
      moveTo(ctx, id, status, to, dates[i], changes, type);
      status = to;
    });
    return;
  }
  id = held.id;
  status = held.status;
  const patch: DesignationUpdate = {};
  for (const [field, column] of DESIGNATION_FIELDS) {
    const value = v[field];
    if (value === null || value === held[field]) continue;
    (patch as Record<string, unknown>)[field] = value;
    const show = field === 'markKind' ? (c: string | null) => label('markKind', c) : plain;
    changes.push(change({ zh: `${type.zh}${IMPORT_COLUMNS[column].zh}`, en: `${type.en} ${IMPORT_COLUMNS[column].en.toLowerCase()}` },
      show(held[field]), show(value)));
  }
  if (Object.keys(patch).length > 0) updateDesignation(db, viewer, id, patch);
  if (v.status && v.status !== status) {
    const route = movesBetween(status, v.status);
    if (!route) {
      const from = LABELS.status[status];
      const to = LABELS.status[v.status];
      throw new RowError([problem(IMPORT_COLUMNS.status.zh,
        `${type.zh}当前为"${from.zh}"，导入不能改为"${to.zh}"。撤回、驳回等请在工作台中办理`,
        `The ${type.en} is "${from.en}" now; an import cannot set it to "${to.en}". Record withdrawals and rejections in the workspace`)]);
    }
    for (const to of route) {
      moveTo(ctx, id, status, to, dateOf(v, to, today), changes, type);
      status = to;
    }
  }
}

function moveTo(ctx: RowContext, id: number, from: Status, to: ImportStatus, on: string, changes: Bilingual[], type: Bilingual): void {
  moveDesignation(ctx.db, ctx.viewer, id, { to, on, note: '导入' }, ctx.today, { recordingHistory: true });
  const a = LABELS.status[from];
  const b = LABELS.status[to];
  changes.push({
    zh: `${type.zh}状态：${a.zh} → ${b.zh}（${formatPartialDate(on, 'zh')}）`,
    en: `${type.en} status: ${a.en} → ${b.en} (${formatPartialDate(on, 'en')})`,
  });
}

/** Options of an import: keep nothing (`dryRun`), today's date, and a progress callback (rows done). */
export interface ImportOptions { dryRun: boolean; today: string; encoding?: string | null; onProgress?: (done: number) => void }

/** Applies the rows read from a file as `viewer`; with `dryRun`, or when any row fails, nothing is kept. */
export function importRows(db: Db, viewer: SignedIn, table: InterpretedTable, options: ImportOptions): ImportReport {
  const countyNames = new Map(db.select().from(t.counties).all().map((c) => [c.code as string, { zh: c.nameZh, en: c.nameEn }]));
  const ctx: RowContext = { db, viewer, today: options.today, countyNames };
  const reports: ImportRowReport[] = [];
  const run = () => {
    table.rows.forEach(({ line, productZh, values, problems }, i) => {
      if (!values) {
        reports.push({ line, productZh, productId: null, outcome: 'error', changes: [], problems });
      } else {
        const changes: Bilingual[] = [];
        try {
          // Each row in its own savepoint: a failing row leaves nothing behind, the others go on to be checked.
          const { id, created } = db.transaction(() => {
            const product = applyProduct(ctx, values, changes);
            applyDesignation(ctx, product.id, values, changes);
            return product;
          });
          reports.push({
            line, productZh, productId: id, changes, problems: [],
            outcome: created ? 'created' : changes.length > 0 ? 'updated' : 'unchanged',
          });
        } catch (error) {
          reports.push({ line, productZh, productId: null, outcome: 'error', changes: [], problems: problemsOf(error) });
        }
      }
      if (i % 200 === 199) options.onProgress?.(i + 1);
    });
  };
  return runImport(db, table, reports, options, run);
}
