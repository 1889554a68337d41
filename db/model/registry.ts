/** The registry: designations with their transitions, cooperative-farmer participants, products. */
import { z } from 'zod';
import { Category, CountyCode, GiType, MarkKind, ParticipantRole, Status, StatusFilter, Visibility } from './vocabulary';
import { EARLIEST_YEAR, todayInShanghai } from './partial-date';
import { SEARCH_MAX_LENGTH } from './filter-values';
import { CreditCode, FactDate, IsoDate, IsoDateTime, PartialDate, Sources, TermDate, line, text } from './scalars';
import { AuthorizedUser } from './marks';
import { markKindFits } from './gi-types';
import { Location, ProtectedArea } from './geography';
import { Document } from './documents';
import { DesignationScope } from './places';
import { ConversionRef } from './conversion';
import { DESIGNATION_CONTACTS, Specification } from './specifications';
import { versionField } from './versions';

// ---------------------------------------------------------------- designations

/** A dated status move. */
export const Transition = z.object({
  to: Status,
  /** When, as well as it is known: `2013`, `2013-07` or `2013-07-03`. */
  on: PartialDate,
  note: text(1000).default(''),
  /** The account that recorded it: in the workspace's answers only; public answers never name an account. */
  by: z.string().nullable().optional(),
});
export type Transition = z.infer<typeof Transition>;

/** The body of a status move request: dated from 1949 to today (a fact, see FactDate). */
export const TransitionCreate = Transition.pick({ to: true, on: true, note: true }).extend({
  on: FactDate,
  /** Filing while the dossier is not complete must be confirmed; it is then recorded as filed incomplete. */
  confirmIncomplete: z.boolean().optional(),
}).strict();
export type TransitionCreate = z.infer<typeof TransitionCreate>;

/** One GI protection a product holds or seeks. */
export const Designation = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  giType: GiType,
  markKind: MarkKind.nullable(),
  status: Status,
  holder: line(200).nullable(),
  holderCreditCode: CreditCode.nullable(),
  number: line(200).nullable(),
  announcement: line(500).nullable(),
  filedOn: PartialDate.nullable(),
  grantedOn: PartialDate.nullable(),
  validUntil: IsoDate.nullable(),
  notes: text(2000),
  sources: Sources,
  transitions: z.array(Transition),
  /** The designation it was converted from (a 地理标志产品 from an agricultural-product GI), if any. */
  convertedFrom: ConversionRef.nullable(),
  /** The designation it was (or is being) converted into, if any. */
  convertedTo: ConversionRef.nullable(),
  ...DESIGNATION_CONTACTS,
  /** Its specification's versions, newest first; the current one is flagged. */
  specifications: z.array(Specification),
  /**
   * For those who may change it: the version of its details, status and history (what PATCH, a move and
   * a conversion replace; not its specification's versions, protected area or authorised users, each versioned apart).
   */
  version: versionField(),
});
export type Designation = z.infer<typeof Designation>;

const designationEditable = Designation.pick({
  markKind: true, holder: true, holderCreditCode: true, number: true, announcement: true,
  validUntil: true, notes: true, sources: true, managingBody: true, managingContact: true, testingBody: true,
}).extend({
  /** Up to 50 years ahead; not before the grant (checked against the history by the server). */
  validUntil: TermDate.nullable(),
});

/** The body that starts a designation: it begins `cultivating` on `startedOn` (default today; 1949 to today). */
export const DesignationCreate = designationEditable
  .partial()
  .extend({
    giType: GiType, startedOn: FactDate.optional(),
    /** Starts it as the conversion of this designation (of the same product, granted, of a type converting into `giType`). */
    convertedFromId: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((d) => markKindFits(d.giType, d.markKind), {
    message: '地理标志商标须注明集体商标或证明商标；其他类型不填',
    path: ['markKind'],
  });
export type DesignationCreate = z.infer<typeof DesignationCreate>;

/** The body that changes a designation's details (not its type or status). */
export const DesignationUpdate = designationEditable.partial().strict();
export type DesignationUpdate = z.infer<typeof DesignationUpdate>;

/** A designation as a product answer carries it: with its protected area as codes (null: none kept). */
export const ProductDesignation = Designation.extend({ scope: DesignationScope.nullable() });
export type ProductDesignation = z.infer<typeof ProductDesignation>;

// ---------------------------------------------------------------- participants

/** One participant of the cooperative-farmer model. `farmers` is an aggregate row without a name. */
export const Participant = z
  .object({
    role: ParticipantRole,
    name: line(200).nullable().default(null),
    creditCode: CreditCode.nullable().default(null),
    households: z.number().int().min(0).max(10_000_000).nullable().default(null),
    areaMu: z.number().min(0).max(100_000_000).nullable().default(null),
    outputTonnes: z.number().min(0).max(100_000_000).nullable().default(null),
    valueWanYuan: z.number().min(0).max(100_000_000).nullable().default(null),
  })
  .strict()
  .refine((p) => (p.role === 'farmers') === (p.name === null), {
    message: '农户行不填名称；企业、协会、合作社须填名称',
    path: ['name'],
  });
export type Participant = z.infer<typeof Participant>;

/** The whole cooperative-farmer model, as PUT replaces it. */
export const Participants = z.array(Participant).max(200);

// ---------------------------------------------------------------- figures

/** A product's industry figures for one year (read-only here), each with its sources. */
export const ProductFigure = z.object({
  year: z.number().int(),
  households: z.number().int().min(0).nullable(),
  areaMu: z.number().min(0).nullable(),
  /** Yield per mu in kg (亩产): with the area it bounds what the area can grow, the signals' ceiling. */
  yieldKgPerMu: z.number().min(0).nullable(),
  outputTonnes: z.number().min(0).nullable(),
  valueWanYuan: z.number().min(0).nullable(),
  /** What the figures cover and how they were given (Chinese). */
  note: text(2000),
  sources: Sources,
});
export type ProductFigure = z.infer<typeof ProductFigure>;

/** The largest figure a year may carry (households, mu, tonnes, 10,000 yuan): far above any county's whole farming. */
export const FIGURE_MAX = 100_000_000;
/** The largest yield per mu (kg): 100 t a mu, above what even a greenhouse grows (tens of tonnes), so only a slip is refused. */
export const YIELD_MAX_KG_PER_MU = 100_000;
/** How many years one product's figures may hold. */
export const MAX_FIGURE_YEARS = 100;

/** The year of a figure: from 1949 to the current year in Asia/Shanghai (as of the moment it is checked). */
export const FigureYear = z.number().int().superRefine((year, ctx) => {
  const latest = Number(todayInShanghai().slice(0, 4));
  if (year < EARLIEST_YEAR || year > latest) {
    ctx.addIssue({ code: 'custom', message: `年份须在 ${EARLIEST_YEAR} 至 ${latest} 之间 / The year must be from ${EARLIEST_YEAR} to ${latest}` });
  }
});

/** One year's figures as an official enters them (PUT /api/products/:id/figures); a figure not known is null. */
export const ProductFigureInput = ProductFigure.extend({
  year: FigureYear,
  households: z.number().int().min(0).max(FIGURE_MAX).nullable().default(null),
  areaMu: z.number().min(0).max(FIGURE_MAX).nullable().default(null),
  yieldKgPerMu: z.number().min(0).max(YIELD_MAX_KG_PER_MU).nullable().default(null),
  outputTonnes: z.number().min(0).max(FIGURE_MAX).nullable().default(null),
  valueWanYuan: z.number().min(0).max(FIGURE_MAX).nullable().default(null),
  note: text(2000).default(''),
  sources: Sources.default([]),
}).strict();
export type ProductFigureInput = z.input<typeof ProductFigureInput>;

/** The whole series of a product, as PUT replaces it: each year at most once. */
export const ProductFigures = z.array(ProductFigureInput).max(MAX_FIGURE_YEARS).superRefine((rows, ctx) => {
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    if (seen.has(row.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `${row.year} 年重复 / The year ${row.year} is listed twice` });
    seen.add(row.year);
  });
});

// ---------------------------------------------------------------- products

/** Most counties one product may be in: a bound on the list, not the number of counties (which is data). */
export const MAX_PRODUCT_COUNTIES = 20;

/** A local product that is, or may become, a GI. */
export const Product = z.object({
  id: z.number().int(),
  nameZh: line(100),
  nameEn: line(200).nullable(),
  category: Category,
  // Which codes are counties is data (the server checks each against the counties that exist today); the cap only bounds the list.
  counties: z.array(CountyCode).min(1).max(MAX_PRODUCT_COUNTIES).refine((c) => new Set(c).size === c.length, '县（市、区）重复'),
  description: text(5000),
  quality: text(5000),
  visibility: Visibility,
  archived: z.boolean(),
  locations: z.array(Location).max(50),
  protectedArea: ProtectedArea.nullable(),
  sources: Sources,
  designations: z.array(ProductDesignation),
  participants: z.array(Participant),
  /** Industry figures by year, oldest first (only figures from good or medium sources are loaded). */
  figures: z.array(ProductFigure),
  /** The files the viewer may read: public ones for everyone, internal ones for the product's officials. */
  documents: z.array(Document),
  /** Who may use each designation's official mark (any status: the verification says which are valid). */
  authorizedUsers: z.array(AuthorizedUser),
  /** Signed-in answers only: whether the viewer may change this product (an official of one of its counties, an admin). The server decides; the workspace shows a read-only view otherwise. */
  canEdit: z.boolean().optional(),
  /** For those who may change it: the version of the product's own fields (what PATCH, archive and restore replace). */
  version: versionField(),
  /** For those who may change it: the version of its participants (what PUT …/participants replaces). */
  participantsVersion: versionField(),
  /** For those who may change it: the version of its figures (what PUT …/figures replaces). */
  figuresVersion: versionField(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Product = z.infer<typeof Product>;

const productEditable = Product.pick({
  nameZh: true, nameEn: true, category: true, counties: true, description: true, quality: true,
  visibility: true, locations: true, protectedArea: true, sources: true,
});

/** The body that creates a product (draft unless said otherwise). */
export const ProductCreate = productEditable
  .partial()
  .required({ nameZh: true, category: true, counties: true })
  .strict();
export type ProductCreate = z.infer<typeof ProductCreate>;

/** The body that changes a product: any subset of the editable fields. */
export const ProductUpdate = productEditable.partial().strict();
export type ProductUpdate = z.infer<typeof ProductUpdate>;

/** A product as listed: the heavy parts left out, designations reduced to type and status. */
export const ProductSummary = Product.pick({
  id: true, nameZh: true, nameEn: true, category: true, counties: true, visibility: true, archived: true,
  locations: true, updatedAt: true,
}).extend({
  designations: z.array(Designation.pick({ id: true, giType: true, markKind: true, status: true })),
  /** Toneless pinyin of `nameZh`, syllables spaced, ü as v ("qin shui feng mi"): what search and order read (db/model/product-search.ts). */
  namePinyin: z.string(),
});
export type ProductSummary = z.infer<typeof ProductSummary>;

/** Filters of GET /api/products and /api/products.geojson (the map's URL state reads them with filter-values.ts, the same rule without zod). */
export const ProductFilter = z
  .object({
    type: GiType.optional(),
    status: StatusFilter.optional(),
    county: CountyCode.optional(),
    category: Category.optional(),
    /** Words, each found in the Chinese name, its pinyin or initials, or the English name (db/model/product-search.ts). */
    q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
  })
  .strict();
export type ProductFilter = z.infer<typeof ProductFilter>;

/** Query string of GET /api/products: the filters plus paging. */
export const ProductQuery = ProductFilter.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  /** The order of the list: `zh` (default) by the pinyin of the Chinese name, `en` alphabetically by the English name (else that pinyin). */
  lang: z.enum(['zh', 'en']).optional(),
  /** Signed-in only: `1` lists the products of the viewer's county (all products for an admin), drafts included. */
  mine: z.enum(['1']).optional(),
  /** Signed-in only: `1` lists archived products instead of current ones. */
  archived: z.enum(['1']).optional(),
}).strict();
export type ProductQuery = z.infer<typeof ProductQuery>;
