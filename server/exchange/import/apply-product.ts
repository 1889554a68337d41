/**
 * Applying a product list's row: a row that names an existing product (by product_id, or by its
 * Chinese name among the products the official may see) updates it; any other row creates one. A GI
 * type on the row adds that designation or updates it, and a later status becomes the dated moves
 * that lead to it, each checked against the table of moves. The product's sources and the GI's are
 * each compared with their own column, so a row as the export wrote it changes nothing. Every change
 * goes through the same domain functions as the workspace (permissions, validation, audit).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  LABELS, formatPartialDate, sourceText, type Bilingual, type Category, type CountyCode, type DesignationUpdate,
  type GiType, type ImportProblem, type MarkKind, type PartialDate, type ProductUpdate, type Source, type SourceValue, type Status,
  type Visibility,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { readableProducts } from '../../domain/access/permissions';
import { createDesignation, moveDesignation, updateDesignation } from '../../domain/designations/designations';
import { createProduct, updateProduct } from '../../domain/products/products-write';
import { newSources } from '../cells/cell-fields';
import { PRODUCT_COLUMNS as COLUMNS, type ImportStatus } from '../sheets/product-columns';
import { change, labelOf, plain, problem } from './report-text';
import { RowError, type ApplyContext, type RowApplier } from './list-kind';
import { applyScopeCodes } from './apply-scope';
import { applySpecification, type SpecificationValues } from './apply-specification';
import { dateOf, importStatus, movesBetween } from './status-moves';

/** One row's values; null where the cell was empty (an update leaves that field as it is). */
export interface ProductValues {
  productId: number | null;
  nameZh: string;
  nameEn: string | null;
  category: Category | null;
  counties: CountyCode[] | null;
  /** Public or draft as the row says; null: a new product takes the import's choice, an existing one stays as it is. */
  visibility: Visibility | null;
  giType: GiType | null;
  markKind: MarkKind | null;
  /** Any status as written: whether the import may set it depends on the GI's own (importStatus). */
  status: Status | null;
  holder: string | null;
  holderCreditCode: string | null;
  number: string | null;
  announcement: string | null;
  filedOn: PartialDate | null;
  grantedOn: PartialDate | null;
  validUntil: string | null;
  /** The product's sources. */
  sources: Source[];
  /** The GI's own sources; null when the sheet has no column for them. */
  giSources: Source[] | null;
  /** The codes of the GI's protected area; null leaves the kept ones as they are. */
  scopeCodes: string[] | null;
  /** The GI's public contacts; null leaves each as it is. */
  managingBody: string | null;
  managingContact: string | null;
  testingBody: string | null;
  /** The GI's current specification; null (every cell blank) leaves the kept versions as they are. */
  specification: SpecificationValues | null;
}

/** "来源：新增 …" for the sources a row adds to those held, or null when it adds none. */
function sourcesAdded(field: Bilingual, held: readonly SourceValue[], incoming: readonly Source[]): { added: Source[]; change: Bilingual } | null {
  const added = newSources(held, incoming);
  if (added.length === 0) return null;
  const texts = added.map(sourceText);
  return { added, change: { zh: `${field.zh}：新增 ${texts.join('；')}`, en: `${field.en}: added ${texts.join('; ')}` } };
}

interface RowContext extends ApplyContext { countyNames: Map<string, Bilingual> }

function countiesText(ctx: RowContext, codes: readonly string[]): Bilingual {
  const names = codes.map((c) => ctx.countyNames.get(c) ?? { zh: c, en: c });
  return { zh: names.map((n) => n.zh).join('、') || '—', en: names.map((n) => n.en).join(', ') || '—' };
}

/** The product a row names, or null for a new one. */
function findProduct(ctx: RowContext, v: ProductValues): number | null {
  const { db, viewer } = ctx;
  if (v.productId !== null) {
    const row = db.select({ id: t.products.id }).from(t.products)
      .where(and(eq(t.products.id, v.productId), readableProducts(db, viewer))).get();
    if (!row) {
      throw new RowError([problem(COLUMNS.product_id.zh, `没有编号为 ${v.productId} 的产品（或您无权查看）。新产品请留空产品编号`,
        `There is no product number ${v.productId} you may see. Leave the product number empty for a new product`)]);
    }
    return row.id;
  }
  // Only products this viewer may read are matched, so an import never reveals another county's drafts.
  const same = db.select({ id: t.products.id }).from(t.products)
    .where(and(eq(t.products.nameZh, v.nameZh), isNull(t.products.archivedAt), readableProducts(db, viewer))).all();
  if (same.length > 1) {
    throw new RowError([problem(COLUMNS.product_zh.zh, `有 ${same.length} 个产品名为"${v.nameZh}"。请填写产品编号，指明要更新哪一个`,
      `${same.length} products are named "${v.nameZh}". Fill in the product number to say which one to update`)]);
  }
  return same[0]?.id ?? null;
}

/** Creates or updates the product of a row; returns its id and what changed. */
function applyProduct(ctx: RowContext, v: ProductValues, changes: Bilingual[]): { id: number; created: boolean; draft: boolean } {
  const { db, viewer } = ctx;
  const id = findProduct(ctx, v);
  if (id === null) {
    const missing: ImportProblem[] = [];
    if (!v.category) missing.push(problem(COLUMNS.category.zh, '新产品须填写类别', 'A new product needs a category'));
    if (!v.counties) missing.push(problem(COLUMNS.counties_zh.zh, '新产品须填写所在县（市、区）', 'A new product needs its counties'));
    if (missing.length) throw new RowError(missing);
    const visibility = v.visibility ?? ctx.visibility;
    const created = createProduct(db, viewer, {
      nameZh: v.nameZh, nameEn: v.nameEn, category: v.category!, counties: v.counties!, sources: v.sources, visibility,
    });
    const shown = labelOf('visibility', visibility);
    changes.push({
      zh: `新建产品 ${v.nameZh}（${countiesText(ctx, created.counties).zh}，${shown.zh}）`,
      en: `New product ${v.nameZh} (${countiesText(ctx, created.counties).en}; ${shown.en.toLowerCase()})`,
    });
    return { id: created.id, created: true, draft: visibility === 'draft' };
  }
  const row = db.select().from(t.products).where(eq(t.products.id, id)).get()!;
  const counties = db.select({ code: t.productCounties.countyCode }).from(t.productCounties)
    .where(eq(t.productCounties.productId, id)).orderBy(asc(t.productCounties.countyCode)).all().map((c) => c.code);
  const patch: ProductUpdate = {};
  if (v.nameZh && v.nameZh !== row.nameZh) {
    patch.nameZh = v.nameZh;
    changes.push(change(COLUMNS.product_zh, plain(row.nameZh), plain(v.nameZh)));
  }
  if (v.nameEn !== null && v.nameEn !== row.nameEn) {
    patch.nameEn = v.nameEn;
    changes.push(change(COLUMNS.product_en, plain(row.nameEn), plain(v.nameEn)));
  }
  if (v.category !== null && v.category !== row.category) {
    patch.category = v.category;
    changes.push(change(COLUMNS.category, labelOf('category', row.category), labelOf('category', v.category)));
  }
  if (v.counties !== null && [...v.counties].sort().join() !== counties.join()) {
    patch.counties = v.counties;
    changes.push(change(COLUMNS.counties_zh, countiesText(ctx, counties), countiesText(ctx, v.counties)));
  }
  const sources = sourcesAdded(COLUMNS.sources, row.sources, v.sources);
  if (sources) {
    patch.sources = [...row.sources, ...sources.added];
    changes.push(sources.change);
  }
  if (v.visibility !== null && v.visibility !== row.visibility) {
    patch.visibility = v.visibility;
    changes.push(change(COLUMNS.visibility, labelOf('visibility', row.visibility), labelOf('visibility', v.visibility)));
  }
  if (Object.keys(patch).length > 0) updateProduct(db, viewer, id, patch);
  return { id, created: false, draft: false };
}

const DESIGNATION_FIELDS = [
  ['markKind', 'mark_kind'], ['holder', 'holder'], ['holderCreditCode', 'holder_credit_code'], ['number', 'number'],
  ['announcement', 'announcement'], ['validUntil', 'valid_until'],
  ['managingBody', 'managing_body'], ['managingContact', 'managing_contact'], ['testingBody', 'testing_body'],
] as const;

/** Adds or updates the row's designation on product `productId`. */
function applyDesignation(ctx: RowContext, productId: number, v: ProductValues, changes: Bilingual[]): void {
  const { db, viewer, today } = ctx;
  if (!v.giType) {
    if (v.status || v.holder || v.number || v.filedOn || v.grantedOn || v.scopeCodes || v.managingBody || v.managingContact || v.testingBody || v.specification) {
      throw new RowError([problem(COLUMNS.gi_type.zh, '填写了状态、证书信息、保护范围、管理检测机构或质量技术要求，须同时填写地理标志类型',
        'A status, certificate details, a protected area, managing or testing bodies or a specification need the GI type too')]);
    }
    return;
  }
  const held = db.select().from(t.designations)
    .where(and(eq(t.designations.productId, productId), eq(t.designations.giType, v.giType)))
    .orderBy(asc(t.designations.id)).get();
  const type = labelOf('giType', v.giType);
  let id: number;
  let status: Status;
  if (!held) {
    const target = v.status ? importStatus(v.status) : 'cultivating';
    const route = movesBetween('cultivating', target)!;
    const dates = route.map((to) => dateOf(v, to, today));
    const created = createDesignation(db, viewer, productId, {
      giType: v.giType, markKind: v.markKind, holder: v.holder, holderCreditCode: v.holderCreditCode, number: v.number,
      announcement: v.announcement, validUntil: v.validUntil, sources: v.giSources ?? v.sources, startedOn: dates[0] ?? v.filedOn ?? v.grantedOn ?? today,
      managingBody: v.managingBody, managingContact: v.managingContact, testingBody: v.testingBody,
    }, today);
    changes.push({ zh: `新增 ${type.zh}`, en: `New ${type.en}` });
    id = created.id;
    status = 'cultivating';
    route.forEach((to, i) => {
      moveTo(ctx, id, status, to, dates[i], changes, type);
      status = to;
    });
    if (v.scopeCodes) applyScopeCodes(ctx, id, v.scopeCodes, type, changes);
    if (v.specification) applySpecification(ctx, id, v.specification, type, changes);
    return;
  }
  id = held.id;
  status = held.status;
  const patch: DesignationUpdate = {};
  for (const [field, column] of DESIGNATION_FIELDS) {
    const value = v[field];
    if (value === null || value === held[field]) continue;
    (patch as Record<string, unknown>)[field] = value;
    const show = field === 'markKind' ? (c: string | null) => labelOf('markKind', c) : plain;
    changes.push(change({ zh: `${type.zh}${COLUMNS[column].zh}`, en: `${type.en} ${COLUMNS[column].en.toLowerCase()}` },
      show(held[field]), show(value)));
  }
  const sources = sourcesAdded({ zh: `${type.zh}来源`, en: `${type.en} sources` }, held.sources, v.giSources ?? []);
  if (sources) {
    patch.sources = [...held.sources, ...sources.added];
    changes.push(sources.change);
  }
  if (Object.keys(patch).length > 0) updateDesignation(db, viewer, id, patch);
  if (v.scopeCodes) applyScopeCodes(ctx, id, v.scopeCodes, type, changes);
  if (v.specification) applySpecification(ctx, id, v.specification, type, changes);
  if (v.status && v.status !== status) {
    const target = importStatus(v.status);
    const route = movesBetween(status, target);
    if (!route) {
      const from = LABELS.status[status];
      const to = LABELS.status[target];
      throw new RowError([problem(COLUMNS.status.zh,
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

/** How a product list's rows are applied in one import (the counties' names looked up once). */
export function applyProductRow(ctx: ApplyContext): RowApplier<ProductValues> {
  const countyNames = new Map(ctx.db.select().from(t.counties).all().map((c) => [c.code as string, { zh: c.nameZh, en: c.nameEn }]));
  const rowCtx: RowContext = { ...ctx, countyNames };
  return (values, changes) => {
    const product = applyProduct(rowCtx, values, changes);
    applyDesignation(rowCtx, product.id, values, changes);
    return { productId: product.id, created: product.created, draft: product.draft };
  };
}
