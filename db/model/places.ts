/**
 * Places as they are known: township and village codes (GB/T 2260 + the 2023 statistical codes), a
 * designation's protected area as a list of them, the reconciliation of an announcement's scope text
 * with them, and the public lookup "is my village in a protected area?". The wire contract only.
 */
import { z } from 'zod';
import { CountyCode, GiType, Status } from './vocabulary';
import { FactDate, IsoDateTime, PartialDate, Source, Sources, text } from './scalars';
import { versionField } from './versions';

// ---------------------------------------------------------------- units

/** A township or village code: 12 digits (a township's ends in 000). */
export const DivisionCode = z.string().regex(/^\d{12}$/, '须为 12 位区划代码 / A division code is 12 digits');
export type DivisionCode = z.infer<typeof DivisionCode>;

/** The two levels below a county that have codes. */
export const DIVISION_LEVELS = ['township', 'village'] as const;
/** A unit's level: 乡镇（街道） or 村（社区）. */
export const DivisionLevel = z.enum(DIVISION_LEVELS);
export type DivisionLevel = z.infer<typeof DivisionLevel>;

/** The level a well-formed code is of: a township's code ends in 000, a village's does not. */
export function levelOfCode(code: string): DivisionLevel {
  return code.endsWith('000') ? 'township' : 'village';
}

/** One township or village as the 2023 codes name it. */
export const DivisionUnit = z.object({
  code: DivisionCode,
  name: z.string(),
  level: DivisionLevel,
  countyCode: CountyCode,
  /** A village's township; null for a township. */
  townshipCode: DivisionCode.nullable(),
});
export type DivisionUnit = z.infer<typeof DivisionUnit>;

/** Most units GET /api/divisions and GET /api/places/lookup answer at once. */
export const MAX_DIVISION_RESULTS = 50;

/** Query of GET /api/divisions (the location picker's code list): a county, a name part or code, a level. */
export const DivisionQuery = z.object({
  county: CountyCode.optional(),
  q: z.string().trim().max(100).optional(),
  level: DivisionLevel.optional(),
}).strict();
export type DivisionQuery = z.infer<typeof DivisionQuery>;

/** Answer of GET /api/divisions: at most MAX_DIVISION_RESULTS units in code order. */
export const DivisionList = z.object({ units: z.array(DivisionUnit), truncated: z.boolean() });
export type DivisionList = z.infer<typeof DivisionList>;

// ---------------------------------------------------------------- a designation's scope

/** A box in decimal degrees (WGS84), as announcements give one (东经…~…，北纬…~…). */
export const ScopeBox = z.object({
  west: z.number().min(-180).max(180),
  east: z.number().min(-180).max(180),
  south: z.number().min(-90).max(90),
  north: z.number().min(-90).max(90),
}).strict()
  .refine((b) => b.west < b.east, { message: '西界须小于东界 / west must be less than east', path: ['east'] })
  .refine((b) => b.south < b.north, { message: '南界须小于北界 / south must be less than north', path: ['north'] });
export type ScopeBox = z.infer<typeof ScopeBox>;

/** A unit of a protected area; `whole` is true for a township listed as a whole, false for a village. */
export const ScopeUnit = DivisionUnit.extend({ whole: z.boolean() });
export type ScopeUnit = z.infer<typeof ScopeUnit>;

/** A designation's protected area as kept: the announcement's text verbatim and the codes an official confirmed. */
export const DesignationScope = z.object({
  text: z.string(),
  source: Source.nullable(),
  announcedOn: PartialDate.nullable(),
  box: ScopeBox.nullable(),
  /** Townships first, each followed by its villages (code order). */
  units: z.array(ScopeUnit),
  updatedAt: IsoDateTime,
  /** For those who may change it: the version PUT and DELETE replace (a designation with no scope kept: `absent`). */
  version: versionField(),
});
export type DesignationScope = z.infer<typeof DesignationScope>;

/**
 * The longest scope text, in characters; longer is a 413 `scope_too_long` (and more than 500 names a 413
 * `scope_too_many_names`), so the schema itself sets no length.
 */
export const SCOPE_TEXT_MAX_CHARS = 20_000;
/** The most codes a scope may list (Jincheng has 1,806 units); more is a 413 `too_many_codes`. */
export const SCOPE_MAX_CODES = 2_000;

/** Body of POST /api/designations/:id/scope/check: the announcement's scope text as pasted. */
export const ScopeCheckInput = z.object({ text: text(1_000_000) }).strict();
export type ScopeCheckInput = z.infer<typeof ScopeCheckInput>;

/**
 * Body of PUT /api/designations/:id/scope: the text verbatim, where it was announced, and the codes an
 * official resolved it to (a township's code: all of it; a village's: that village). A box off the
 * product's counties is refused: resolve it (correct it, or leave it out) first.
 */
export const ScopeInput = z.object({
  text: text(1_000_000),
  source: Source.nullable().optional(),
  announcedOn: FactDate.nullable().optional(),
  codes: z.array(DivisionCode),
  box: ScopeBox.nullable().optional(),
}).strict();
export type ScopeInput = z.infer<typeof ScopeInput>;

// ---------------------------------------------------------------- reconciliation answer

const named = { name: z.string(), whole: z.boolean(), township: z.string().nullable() };
const found = { code: DivisionCode, level: DivisionLevel, countyCode: CountyCode };

/** What became of one name of a scope text (server/domain/places/scope-match.ts says each kind). */
export const ScopeNameResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matched'), ...named, ...found, outsideTownship: z.literal(true).optional() }),
  z.object({ kind: z.literal('renamed'), ...named, ...found }),
  z.object({
    kind: z.literal('misspelt'), ...named, ...found,
    candidates: z.array(DivisionCode), by: z.enum(['pinyin', 'edit']),
  }),
  z.object({ kind: z.literal('ambiguous'), ...named, candidates: z.array(DivisionCode) }),
  z.object({ kind: z.literal('other_county'), ...named, candidates: z.array(DivisionCode), countyCodes: z.array(z.string()) }),
  z.object({ kind: z.literal('vanished'), ...named, level: DivisionLevel, namesakes: z.array(DivisionCode) }),
  z.object({ kind: z.literal('unknown'), ...named }),
]);
export type ScopeNameResult = z.infer<typeof ScopeNameResult>;

/** The kinds of ScopeNameResult, in the order of the tally. */
export const SCOPE_NAME_KINDS = ['matched', 'renamed', 'misspelt', 'ambiguous', 'other_county', 'vanished', 'unknown'] as const;
export type ScopeNameKind = (typeof SCOPE_NAME_KINDS)[number];

/** How a box lies against the product's counties: within, around all, partly on, or off them. */
export const BoxRelation = z.enum(['inside', 'contains', 'overlaps', 'off']);
export type BoxRelation = z.infer<typeof BoxRelation>;

const Bounds = z.object({ west: z.number(), east: z.number(), south: z.number(), north: z.number() });

/** The check of a scope's box against the bounds of the product's counties. */
export const ScopeBoxCheck = z.object({
  relation: BoxRelation,
  /** Share of the box within the counties' bounds, 0–1. */
  insideShare: z.number(),
  /** Kilometres it runs past the bounds on each side (0 where it does not). */
  beyondKm: Bounds,
  bounds: Bounds,
  /** Product counties whose bounds it touches. */
  touches: z.array(z.string()),
});
export type ScopeBoxCheck = z.infer<typeof ScopeBoxCheck>;

/** Answer of the scope check: every name with its kind, the counties named, the box and a tally; nothing is kept. */
export const ScopeCheckAnswer = z.object({
  names: z.array(ScopeNameResult),
  counties: z.object({ named: z.array(z.string()), outside: z.array(z.string()), whole: z.array(z.string()) }),
  box: z.object({ given: Bounds, check: ScopeBoxCheck }).nullable(),
  /** Why a text that speaks of coordinates gave no box. */
  boxIssue: z.enum(['unreadable', 'impossible']).nullable(),
  /** Codes more than one name came to. */
  repeated: z.array(DivisionCode),
  tally: z.object(Object.fromEntries(SCOPE_NAME_KINDS.map((k) => [k, z.number().int()])) as Record<ScopeNameKind, z.ZodNumber>),
  /** Every unit a code in this answer names (codes, candidates, namesakes), to show them by name. */
  units: z.array(DivisionUnit),
  /** The codes a page may offer as already certain: matched names that lie where the text put them. */
  certain: z.array(DivisionCode),
});
export type ScopeCheckAnswer = z.infer<typeof ScopeCheckAnswer>;

// ---------------------------------------------------------------- the public lookup

/** Query of GET /api/places/lookup: a village or township name (or part of one), or a code (12 digits, or ≥ 9 of its first). */
export const PlaceLookupQuery = z.object({
  q: z.string().trim().min(1, '请输入村或乡镇的名称或代码 / Type a village or township name or code').max(100),
}).strict();
export type PlaceLookupQuery = z.infer<typeof PlaceLookupQuery>;

/** One protected area a unit lies in: the designation, its product, since when and from which announcement. */
export const PlaceArea = z.object({
  productId: z.number().int(),
  productNameZh: z.string(),
  productNameEn: z.string().nullable(),
  designationId: z.number().int(),
  giType: GiType,
  status: Status,
  /** When the area was announced, else when the GI was granted. */
  since: PartialDate.nullable(),
  /** 公告号 / 注册号: the announcement, else the registration number. */
  reference: z.string().nullable(),
  /** The scope's source first, then the designation's. */
  sources: Sources,
});
export type PlaceArea = z.infer<typeof PlaceArea>;

/** A unit with where it lies and the protected areas that include it (`areas: []`: in none). */
export const PlaceLookupUnit = z.object({
  unit: DivisionUnit,
  countyNameZh: z.string(),
  countyNameEn: z.string(),
  townshipName: z.string().nullable(),
  areas: z.array(PlaceArea),
});
export type PlaceLookupUnit = z.infer<typeof PlaceLookupUnit>;

/** Answer of GET /api/places/lookup: at most MAX_DIVISION_RESULTS units in code order. */
export const PlaceLookupAnswer = z.object({
  query: z.string(),
  units: z.array(PlaceLookupUnit),
  truncated: z.boolean(),
});
export type PlaceLookupAnswer = z.infer<typeof PlaceLookupAnswer>;

/** The static copy's lookup index (`api/places.json`): every unit with its areas, in code order. */
export const PlacesIndex = z.object({ units: z.array(PlaceLookupUnit) });
export type PlacesIndex = z.infer<typeof PlacesIndex>;
