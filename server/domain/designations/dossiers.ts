/**
 * Cultivation dossiers: per designation, the items of its application from its template (its GI type's,
 * or the conversions' for a designation that converts another: templateKeyOf). A dossier is recorded the
 * first time something is written to it; until then it is its template's current checklist with every item missing. A recorded dossier keeps the template version it came
 * from: a later template change is offered to it (`templateOffer`) and applied only when accepted.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  isDossierOpen, readinessOf, type Dossier, type DossierItem, type DossierItemInput, type DossierItemStatus,
  type DossierTemplateItem, type GiType, type Status, type TemplateKey, type TemplateOffer,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, notFound } from '../../errors';
import { recordAudit, type Tx } from '../access/audit';
import { mayEditIn, productForWrite, readableProducts } from '../access/permissions';
import { loadTemplate, templateKeyOf } from './dossier-templates';
import type { SignedIn, Viewer } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { checklistVersion, dossierItemVersion } from '../access/resource-versions';

type ItemRow = typeof t.dossierItems.$inferSelect;
type DesignationRow = typeof t.designations.$inferSelect;

/** An item as stored or, for an unrecorded dossier, as the template starts it. */
interface ItemState extends DossierTemplateItem {
  status: DossierItemStatus; owner: string | null; dueOn: string | null; note: string; documentIds: number[];
}

const fresh = (item: DossierTemplateItem): ItemState => ({ ...item, status: 'missing', owner: null, dueOn: null, note: '', documentIds: [] });
const fromRow = (r: ItemRow): ItemState => ({
  key: r.key, titleZh: r.titleZh, titleEn: r.titleEn, status: r.status, owner: r.owner, dueOn: r.dueOn, note: r.note,
  documentIds: r.documentIds,
});

/** Whether an item counts as overdue on `today`: due before it and neither ready nor not needed. */
export function isOverdue(item: Pick<ItemState, 'status' | 'dueOn'>, today: string): boolean {
  return item.dueOn !== null && item.dueOn < today && item.status !== 'ready' && item.status !== 'not_needed';
}

/** A designation's dossier state: recorded items, or the template's when nothing is recorded yet. */
export interface DossierState {
  recorded: boolean;
  templateVersion: number;
  filedIncomplete: boolean;
  items: ItemState[];
}

/** Loads the state of one designation's dossier (`key`: the template it follows, templateKeyOf). */
export function dossierState(db: Tx, designationId: number, key: TemplateKey): DossierState {
  const head = db.select().from(t.dossiers).where(eq(t.dossiers.designationId, designationId)).get();
  if (!head) {
    const template = loadTemplate(db, key);
    return { recorded: false, templateVersion: template.version, filedIncomplete: false, items: template.items.map(fresh) };
  }
  const rows = db.select().from(t.dossierItems).where(eq(t.dossierItems.designationId, designationId))
    .orderBy(asc(t.dossierItems.position)).all();
  return { recorded: true, templateVersion: head.templateVersion, filedIncomplete: head.filedIncomplete, items: rows.map(fromRow) };
}

/** The dossier states of many designations at once (for the board and the tally), each with the template it follows. */
export function dossierStates(db: Tx, designations: { id: number; giType: GiType; convertedFromId: number | null }[]): Map<number, DossierState> {
  const out = new Map<number, DossierState>();
  if (designations.length === 0) return out;
  const ids = JSON.stringify(designations.map((d) => d.id));
  const heads = new Map(db.select().from(t.dossiers)
    .where(sql`${t.dossiers.designationId} IN (SELECT value FROM json_each(${ids}))`).all().map((h) => [h.designationId, h]));
  const rows = db.select().from(t.dossierItems)
    .where(sql`${t.dossierItems.designationId} IN (SELECT value FROM json_each(${ids}))`)
    .orderBy(asc(t.dossierItems.designationId), asc(t.dossierItems.position)).all();
  const itemsOf = new Map<number, ItemState[]>();
  for (const r of rows) itemsOf.set(r.designationId, [...(itemsOf.get(r.designationId) ?? []), fromRow(r)]);
  const templates = new Map<TemplateKey, ReturnType<typeof loadTemplate>>();
  for (const d of designations) {
    const head = heads.get(d.id);
    if (head) {
      out.set(d.id, { recorded: true, templateVersion: head.templateVersion, filedIncomplete: head.filedIncomplete, items: itemsOf.get(d.id) ?? [] });
      continue;
    }
    const key = templateKeyOf(d);
    if (!templates.has(key)) templates.set(key, loadTemplate(db, key));
    const template = templates.get(key)!;
    out.set(d.id, { recorded: false, templateVersion: template.version, filedIncomplete: false, items: template.items.map(fresh) });
  }
  return out;
}

/** What the current template would change in a recorded dossier (null when it follows the current version). */
function offerFor(db: Tx, key: TemplateKey, state: DossierState): TemplateOffer | null {
  if (!state.recorded) return null;
  const template = loadTemplate(db, key);
  if (template.version === state.templateVersion) return null;
  const have = new Map(state.items.map((i) => [i.key, i]));
  const keys = new Set(template.items.map((i) => i.key));
  const strip = (i: DossierTemplateItem) => ({ key: i.key, titleZh: i.titleZh, titleEn: i.titleEn });
  return {
    version: template.version,
    add: template.items.filter((i) => !have.has(i.key)).map(strip),
    remove: state.items.filter((i) => !keys.has(i.key)).map(strip),
    retitle: template.items.filter((i) => {
      const old = have.get(i.key);
      return old !== undefined && (old.titleZh !== i.titleZh || old.titleEn !== i.titleEn);
    }).map(strip),
  };
}

/** The ids among `ids` of documents that exist (and are public, for the public view). */
function existingDocuments(db: Tx, ids: number[], publicOnly: boolean): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db.all<{ id: number }>(sql`SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    ${publicOnly ? sql`AND visibility = 'public'` : sql``}`);
  return new Set(rows.map((r) => r.id));
}

/**
 * The dossier as the API shows it: everything for those who may change it (with each item's version and
 * the checklist's, server/versions.ts), items and statuses for the rest. An item's version is of its
 * state as kept (a deleted document it still names included), so a deletion elsewhere makes no conflict.
 */
function present(db: Tx, d: DesignationRow, state: DossierState, full: boolean, today: string): Dossier {
  const shown = existingDocuments(db, [...new Set(state.items.flatMap((i) => i.documentIds))], !full);
  const items: DossierItem[] = state.items.map((i) => ({
    key: i.key, titleZh: i.titleZh, titleEn: i.titleEn, status: i.status,
    owner: full ? i.owner : null, dueOn: full ? i.dueOn : null, note: full ? i.note : '',
    documentIds: i.documentIds.filter((id) => shown.has(id)),
    overdue: full && isOverdue(i, today),
    ...(full ? { version: dossierItemVersion(i) } : {}),
  }));
  return {
    designationId: d.id, productId: d.productId, giType: d.giType, status: d.status, open: isDossierOpen(d.status),
    ...readinessOf(state.items.map((i) => i.status)),
    items, templateVersion: state.templateVersion,
    templateOffer: full ? offerFor(db, templateKeyOf(d), state) : null,
    filedIncomplete: state.filedIncomplete,
    ...(full ? { checklistVersion: checklistVersion(state.templateVersion, state.items) } : {}),
  };
}

/** The designation and whether the viewer may change it (404 when they may not read its product). */
function designationFor(db: Db, viewer: Viewer, id: number): { row: DesignationRow; mayEdit: boolean } {
  const row = db.select().from(t.designations).where(eq(t.designations.id, id)).get();
  if (!row) throw notFound('designation');
  const product = db.select({ id: t.products.id }).from(t.products)
    .where(and(eq(t.products.id, row.productId), readableProducts(db, viewer))).get();
  if (!product) throw notFound('designation');
  const counties = db.select({ code: t.productCounties.countyCode }).from(t.productCounties)
    .where(eq(t.productCounties.productId, row.productId)).all().map((c) => c.code);
  return { row, mayEdit: mayEditIn(viewer, counties) };
}

/** GET /api/designations/:id/dossier for `viewer` (null: the public). */
export function getDossier(db: Db, viewer: Viewer, id: number, today: string): Dossier {
  const { row, mayEdit } = designationFor(db, viewer, id);
  return present(db, row, dossierState(db, row.id, templateKeyOf(row)), mayEdit, today);
}

/** Records an unrecorded dossier from its template (in the caller's transaction). */
function record(tx: Tx, designationId: number, state: DossierState, filedIncomplete = false): void {
  tx.insert(t.dossiers).values({ designationId, templateVersion: state.templateVersion, filedIncomplete }).run();
  state.items.forEach((item, position) => {
    tx.insert(t.dossierItems).values({ designationId, position, ...item }).run();
  });
}

/** Loads a designation for a dossier change: as for its product (404/403/409), and 409 when the dossier is closed. */
function designationForDossierWrite(db: Db, viewer: SignedIn, id: number): DesignationRow {
  const row = db.select().from(t.designations).where(eq(t.designations.id, id)).get();
  if (!row) throw notFound('designation');
  productForWrite(db, viewer, row.productId);
  if (!isDossierOpen(row.status)) {
    throw conflict(
      `该地理标志已${row.status === 'granted' ? '获批' : '结束'}，申报材料不再修改 / The dossier is closed: the designation is ${row.status}`,
      'dossier_closed',
    );
  }
  return row;
}

const itemAudit = (i: ItemState) => ({
  key: i.key, item: i.titleZh, itemEn: i.titleEn, dossierStatus: i.status, owner: i.owner, dueOn: i.dueOn, note: i.note,
  documents: i.documentIds,
});

/**
 * PUT /api/designations/:id/dossier/:key: sets one item's whole state. The documents must belong to
 * the product (to the product itself or to this designation); 404 for an item the dossier does not have.
 * `check` (the route's If-Match) sees the item's version first (`absent` for one never filled in).
 */
export function putDossierItem(
  db: Db, viewer: SignedIn, id: number, key: string, input: DossierItemInput, today: string, check?: VersionCheck,
): Dossier {
  return db.transaction((tx) => {
    const row = designationForDossierWrite(db, viewer, id);
    const state = dossierState(tx, id, templateKeyOf(row));
    const before = state.items.find((i) => i.key === key);
    if (!before) throw notFound('dossier item');
    if (check) {
      const current = present(tx, row, state, true, today).items.find((i) => i.key === key)!;
      check(current.version!, current);
    }
    if (input.documentIds.length > 0) {
      const allowed = new Set(tx.all<{ id: number }>(sql`SELECT id FROM documents
        WHERE product_id = ${row.productId} AND (designation_id IS NULL OR designation_id = ${id})
        AND id IN (SELECT value FROM json_each(${JSON.stringify(input.documentIds)}))`).map((r) => r.id));
      const foreign = input.documentIds.filter((d) => !allowed.has(d));
      if (foreign.length > 0) {
        throw badRequest('Invalid body field: documentIds', [{
          path: ['documentIds'],
          message: `文件 ${foreign.join('、')} 不属于该产品或该地理标志 / Document ${foreign.join(', ')} does not belong to this product or designation`,
        }]);
      }
    }
    if (!state.recorded) record(tx, id, state);
    const after: ItemState = { ...before, ...input };
    tx.update(t.dossierItems).set({ ...input, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(and(eq(t.dossierItems.designationId, id), eq(t.dossierItems.key, key))).run();
    recordAudit(tx, viewer, { action: 'dossier_item', entity: 'designation', entityId: id, before: itemAudit(before), after: itemAudit(after) });
    return present(tx, row, dossierState(tx, id, templateKeyOf(row)), true, today);
  });
}

/**
 * POST /api/designations/:id/dossier-template: the dossier takes its template's current checklist:
 * new items start missing, items the template dropped are removed, titles follow the template; the
 * work recorded on items that stay is kept. `version` must be the offer's (409 if the template moved on);
 * `check` (the route's If-Match) sees the dossier's `checklistVersion` first.
 */
export function acceptTemplate(db: Db, viewer: SignedIn, id: number, version: number, today: string, check?: VersionCheck): Dossier {
  return db.transaction((tx) => {
    const row = designationForDossierWrite(db, viewer, id);
    const template = loadTemplate(tx, templateKeyOf(row));
    const state = dossierState(tx, id, template.giType);
    if (check) {
      const current = present(tx, row, state, true, today);
      check(current.checklistVersion!, current);
    }
    if (template.version !== version) {
      throw conflict(`清单已更新为第 ${template.version} 版，请刷新后再确认 / The checklist is now version ${template.version}: reload and confirm again`, 'stale_template');
    }
    if (state.recorded && state.templateVersion === version) return present(tx, row, state, true, today);
    const offer = offerFor(tx, template.giType, state);
    if (!state.recorded) {
      // An untouched dossier follows the current checklist already; taking it pins that version, which is a change.
      record(tx, id, state);
    } else {
      const have = new Map(state.items.map((i) => [i.key, i]));
      tx.delete(t.dossierItems).where(eq(t.dossierItems.designationId, id)).run();
      template.items.forEach((item, position) => {
        const kept = have.get(item.key);
        tx.insert(t.dossierItems).values({ designationId: id, position, ...(kept ?? fresh(item)), titleZh: item.titleZh, titleEn: item.titleEn }).run();
      });
      tx.update(t.dossiers).set({ templateVersion: version }).where(eq(t.dossiers.designationId, id)).run();
    }
    recordAudit(tx, viewer, {
      action: 'dossier_template_accept', entity: 'designation', entityId: id,
      before: { templateVersion: state.recorded ? state.templateVersion : null },
      after: { templateVersion: version, itemsAdded: offer?.add.map((i) => i.titleZh) ?? [], itemsRemoved: offer?.remove.map((i) => i.titleZh) ?? [] },
    });
    return present(tx, row, dossierState(tx, id, template.giType), true, today);
  });
}

/** How complete a designation's dossier is, for the filing check. */
export function dossierCompleteness(tx: Tx, designationId: number, key: TemplateKey): ReturnType<typeof readinessOf> {
  return readinessOf(dossierState(tx, designationId, key).items.map((i) => i.status));
}

/** Marks a dossier as filed incomplete (recording it first if need be), in the filing's transaction. */
export function markFiledIncomplete(tx: Tx, designationId: number, key: TemplateKey): void {
  const state = dossierState(tx, designationId, key);
  if (!state.recorded) record(tx, designationId, state, true);
  else tx.update(t.dossiers).set({ filedIncomplete: true }).where(eq(t.dossiers.designationId, designationId)).run();
}

/** Designations (by id) that are `cultivating` with every needed item ready: ready to file. */
export function readyToFile(db: Tx, designations: { id: number; giType: GiType; convertedFromId: number | null; status: Status }[]): Set<number> {
  const candidates = designations.filter((d) => d.status === 'cultivating');
  const states = dossierStates(db, candidates);
  return new Set(candidates.filter((d) => {
    const r = readinessOf(states.get(d.id)!.items.map((i) => i.status));
    return r.readiness === 1;
  }).map((d) => d.id));
}
