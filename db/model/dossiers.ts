/**
 * Cultivation dossiers: the checklist of what an application still needs before it can be filed,
 * per designation, started from its GI type's template; and the cultivation board across counties.
 */
import { z } from 'zod';
import { CountyCode, GI_TYPES, GiType, Status } from './vocabulary';
import { IsoDate, line, PartialDate, text } from './scalars';
import { DesignationRef } from './designation-ref';
import { versionField } from './versions';

/** How far one dossier item is. */
export const DOSSIER_ITEM_STATUSES = ['missing', 'in_progress', 'ready', 'not_needed'] as const;
/** A dossier item's status: missing 缺, in_progress 准备中, ready 已齐备, not_needed 不需要. */
export const DossierItemStatus = z.enum(DOSSIER_ITEM_STATUSES);
export type DossierItemStatus = z.infer<typeof DossierItemStatus>;

/** The statuses in which a designation's dossier is open (it can still be worked on). */
export const DOSSIER_OPEN_STATUSES = ['cultivating', 'filed', 'published'] as const satisfies readonly Status[];

/** Whether a designation in `status` has an open dossier. */
export const isDossierOpen = (status: Status): boolean => (DOSSIER_OPEN_STATUSES as readonly Status[]).includes(status);

/** An item's key: lower-case letters, digits and `_`, as URLs and spreadsheets carry it. */
export const DossierItemKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '编号须为小写字母开头的小写字母、数字或下划线（最多 40 个） / a key is lower-case letters, digits or _ (up to 40), starting with a letter');

/** One line of a GI type's checklist. */
export const DossierTemplateItem = z.object({
  key: DossierItemKey,
  titleZh: line(200).refine((s) => s.trim() !== '', '请填写中文名称 / a Chinese title is required'),
  titleEn: line(200),
}).strict();
export type DossierTemplateItem = z.infer<typeof DossierTemplateItem>;

const uniqueKeys = (items: { key: string }[]) => new Set(items.map((i) => i.key)).size === items.length;

/** The body of PUT /api/dossier-templates/:giType: the whole checklist, in order. */
export const DossierTemplateInput = z.object({
  items: z.array(DossierTemplateItem).max(40).refine(uniqueKeys, '清单中的编号重复 / keys repeat'),
}).strict();
export type DossierTemplateInput = z.infer<typeof DossierTemplateInput>;

/** The key of the checklist a designation started as a conversion follows (beside the GI types' own). */
export const CONVERSION_TEMPLATE = 'conversion';
/** The checklists there are: one per GI type, and the conversions' (a designation that converts another follows it). */
export const TEMPLATE_KEYS = [...GI_TYPES, CONVERSION_TEMPLATE] as const;
/** A checklist's key: a GI type, or `conversion`. */
export const TemplateKey = z.enum(TEMPLATE_KEYS);
export type TemplateKey = z.infer<typeof TemplateKey>;

/** A checklist (of a GI type, or of conversions). `version` moves on every change; dossiers remember the version they follow. */
export const DossierTemplate = z.object({
  giType: TemplateKey,
  version: z.number().int(),
  items: z.array(DossierTemplateItem),
  updatedAt: z.string().nullable(),
});
export type DossierTemplate = z.infer<typeof DossierTemplate>;

/** One item of a dossier. Public answers leave `owner`, `dueOn` and `note` null and list public documents only. */
export const DossierItem = DossierTemplateItem.extend({
  status: DossierItemStatus,
  /** Who is on it (a unit or a person). */
  owner: line(200).nullable(),
  dueOn: IsoDate.nullable(),
  note: text(2000),
  /** Documents of the product or the designation that back this item. */
  documentIds: z.array(z.number().int()),
  /** Due before today and not ready or not needed (officials only; false in public answers). */
  overdue: z.boolean(),
  /** For those who may change it: the version PUT replaces (`absent` for an item never filled in). */
  version: versionField(),
});
export type DossierItem = z.infer<typeof DossierItem>;

/** What changed in the template since a dossier was started: offered to the dossier, never forced. */
export const TemplateOffer = z.object({
  version: z.number().int(),
  add: z.array(DossierTemplateItem),
  remove: z.array(DossierTemplateItem),
  retitle: z.array(DossierTemplateItem),
});
export type TemplateOffer = z.infer<typeof TemplateOffer>;

/** GET /api/designations/:id/dossier. */
export const Dossier = z.object({
  designationId: z.number().int(),
  productId: z.number().int(),
  giType: GiType,
  status: Status,
  /** cultivating, filed or published: items can still change. */
  open: z.boolean(),
  /** ready ÷ (items − not needed); null when nothing is needed (no items, or all not needed). */
  readiness: z.number().min(0).max(1).nullable(),
  itemsReady: z.number().int(),
  itemsNeeded: z.number().int(),
  items: z.array(DossierItem),
  /** The template version this dossier follows. */
  templateVersion: z.number().int(),
  /** Officials only: the template's later changes this dossier may take (null when up to date). */
  templateOffer: TemplateOffer.nullable(),
  /** Whether the designation was filed while its dossier was incomplete (recorded at filing). */
  filedIncomplete: z.boolean(),
  /** For those who may change it: the version of the checklist (its items and their titles) that taking the template's changes replaces. */
  checklistVersion: versionField(),
});
export type Dossier = z.infer<typeof Dossier>;

/** The body of PUT /api/designations/:id/dossier/:key: the item's whole state. */
export const DossierItemInput = z.object({
  status: DossierItemStatus,
  owner: line(200).nullable().default(null),
  dueOn: IsoDate.nullable().default(null),
  note: text(2000).default(''),
  documentIds: z.array(z.number().int().min(1)).max(50).default([])
    .refine((ids) => new Set(ids).size === ids.length, '文件重复 / a document is listed twice'),
}).strict();
export type DossierItemInput = z.infer<typeof DossierItemInput>;

/** The body of POST /api/designations/:id/dossier-template: take the template's current checklist. */
export const TemplateAcceptInput = z.object({ version: z.number().int().min(1) }).strict();
export type TemplateAcceptInput = z.infer<typeof TemplateAcceptInput>;

/** The fraction ready among the items that are needed; null when none is needed. */
export function readinessOf(statuses: readonly DossierItemStatus[]): { readiness: number | null; itemsReady: number; itemsNeeded: number } {
  const itemsNeeded = statuses.filter((s) => s !== 'not_needed').length;
  const itemsReady = statuses.filter((s) => s === 'ready').length;
  return { readiness: itemsNeeded === 0 ? null : itemsReady / itemsNeeded, itemsReady, itemsNeeded };
}

/** Query string of GET /api/cultivation (and its .xlsx). */
export const CultivationQuery = z.object({
  county: CountyCode.optional(),
  type: GiType.optional(),
  status: z.enum(DOSSIER_OPEN_STATUSES).optional(),
  /** `1`: only candidates with an overdue item. */
  overdue: z.enum(['1']).optional(),
}).strict();
export type CultivationQuery = z.infer<typeof CultivationQuery>;

/** One open candidate on the cultivation board. */
export const CultivationItem = DesignationRef.extend({
  status: z.enum(DOSSIER_OPEN_STATUSES),
  readiness: z.number().nullable(),
  itemsReady: z.number().int(),
  itemsNeeded: z.number().int(),
  /** The earliest due date among items not yet ready (or not needed). */
  nextDueOn: IsoDate.nullable(),
  /** Whether any item is overdue, and how many. */
  overdue: z.boolean(),
  overdueItems: z.number().int(),
  filedIncomplete: z.boolean(),
});
export type CultivationItem = z.infer<typeof CultivationItem>;

/**
 * A granted designation of a converting type not converted yet (GI_TYPE_RULES.convertsTo), on the board:
 * since when it is granted, and the conversion under way if one was started (the linked designation's
 * status and dossier).
 */
export const ConversionCandidate = DesignationRef.extend({
  grantedOn: PartialDate.nullable(),
  /** The type it converts into. */
  convertsTo: GiType,
  underWay: z.object({
    designationId: z.number().int(),
    status: z.enum(DOSSIER_OPEN_STATUSES),
    readiness: z.number().nullable(),
    itemsReady: z.number().int(),
    itemsNeeded: z.number().int(),
  }).nullable(),
});
export type ConversionCandidate = z.infer<typeof ConversionCandidate>;

/** GET /api/cultivation: the open candidates, and the granted designations still to be converted. */
export const Cultivation = z.object({ asOf: IsoDate, items: z.array(CultivationItem), conversions: z.array(ConversionCandidate) });
export type Cultivation = z.infer<typeof Cultivation>;
