/**
 * The domain vocabulary shared by server and client: zod enums, schemas and their types.
 * This module imports only zod, so the browser bundle can use it as the API contract.
 */
import { z } from 'zod';

// ---------------------------------------------------------------- enums

/** The three kinds of GI protection in China. */
export const GI_TYPES = ['trademark', 'protected_product', 'agricultural_product'] as const;
/** A GI type: 地理标志商标, 地理标志保护产品, 农产品地理标志. */
export const GiType = z.enum(GI_TYPES);
export type GiType = z.infer<typeof GiType>;

/** Trademark kind: 集体商标 or 证明商标. */
export const MARK_KINDS = ['collective', 'certification'] as const;
/** A trademark's kind. */
export const MarkKind = z.enum(MARK_KINDS);
export type MarkKind = z.infer<typeof MarkKind>;

/** Every status a designation can be in. */
export const STATUSES = [
  'cultivating', 'filed', 'published', 'granted', 'rejected', 'withdrawn', 'revoked', 'expired',
] as const;
/** A designation's status. */
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** The allowed status moves (DESIGN.md): from → the statuses it may move to. */
export const ALLOWED_MOVES: Readonly<Record<Status, readonly Status[]>> = {
  cultivating: ['filed', 'withdrawn'],
  filed: ['published', 'granted', 'rejected', 'withdrawn'],
  published: ['granted', 'rejected', 'withdrawn'],
  granted: ['revoked', 'expired'],
  rejected: ['cultivating'],
  withdrawn: ['cultivating'],
  revoked: [],
  expired: [],
};

/** Whether the table allows a move from one status to another. */
export function canMove(from: Status, to: Status): boolean {
  return ALLOWED_MOVES[from].includes(to);
}

/** Status groups offered as filters: in force, in progress (filed or published), cultivating. */
export const STATUS_GROUPS = {
  in_force: ['granted'],
  in_progress: ['filed', 'published'],
} as const satisfies Record<string, readonly Status[]>;
/** A status filter: one status, or a group of them. */
export const StatusFilter = z.enum([...STATUSES, 'in_force', 'in_progress']);
export type StatusFilter = z.infer<typeof StatusFilter>;

/** Expands a status filter to the statuses it matches. */
export function statusesOf(filter: StatusFilter): readonly Status[] {
  return filter === 'in_force' || filter === 'in_progress' ? STATUS_GROUPS[filter] : [filter];
}

/** Top level of 《地理标志认定 产品分类与代码》 (2023). */
export const CATEGORIES = ['food', 'non_food', 'medicinal', 'handicraft', 'other'] as const;
/** A product category. */
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Account roles: a city admin, or an official of one county. */
export const ROLES = ['admin', 'official'] as const;
/** An account role. */
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** GB/T 2260 codes of Jincheng's six county-level divisions. */
export const COUNTY_CODES = ['140502', '140521', '140522', '140524', '140525', '140581'] as const;
/** A county code, always a string. */
export const CountyCode = z.enum(COUNTY_CODES);
export type CountyCode = z.infer<typeof CountyCode>;

/** How exactly a location is known. */
export const PRECISIONS = ['exact', 'township', 'county'] as const;
/** A location's precision. */
export const Precision = z.enum(PRECISIONS);
export type Precision = z.infer<typeof Precision>;

/** Who can see a product: officials only, or everyone. */
export const VISIBILITIES = ['draft', 'public'] as const;
/** A product's visibility. */
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

/** Roles in the 企业（协会）+ 地理标志 + 合作社 + 农户 chain. */
export const PARTICIPANT_ROLES = ['enterprise', 'association', 'cooperative', 'farmers'] as const;
/** A participant's role. */
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/** What the audit log records changes of. */
export const AUDIT_ENTITIES = ['product', 'designation', 'period', 'user'] as const;
/** An audited entity. */
export const AuditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof AuditEntity>;

// ---------------------------------------------------------------- scalars

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** A timestamp in ISO 8601 (UTC). */
export const IsoDateTime = z.iso.datetime();

/** Today's date in Asia/Shanghai, `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** Adds whole years to a date, returning the day before the anniversary (a 10-year term ends then). */
export function termEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** A unified social credit code (统一社会信用代码), 18 characters with a valid check character. */
export const CreditCode = z
  .string()
  .regex(/^[0-9A-HJ-NP-RT-UW-Y]{18}$/, '统一社会信用代码须为18位（数字或大写字母，不含I、O、S、V、Z）')
  .refine((code) => creditCodeCheckChar(code) === code[17], '统一社会信用代码校验位不正确');

/** A short single-line text (names, labels, numbers). */
const line = (max: number) => z.string().trim().min(1).max(max);
/** A longer free text that may be empty. */
const text = (max: number) => z.string().max(max);

/** A source: where a fact came from (a citation or an address). */
export const Source = line(500);
/** The sources of a fact. */
export const Sources = z.array(Source).max(50);

// ---------------------------------------------------------------- geography

/** Jincheng's extent with a margin; a point outside it is a mistake (swapped lat/lng, GCJ-02 of elsewhere). */
export const JINCHENG_BOUNDS = { south: 35.0, west: 111.7, north: 36.3, east: 113.9 } as const;

/** Whether a WGS84 point lies within Jincheng's extent. */
export function inJincheng(lat: number, lng: number): boolean {
  const b = JINCHENG_BOUNDS;
  return lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
}

/** A WGS84 point with a label and how exactly it is known. */
export const Location = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    label: text(200).default(''),
    precision: Precision,
  })
  .strict()
  .refine((p) => inJincheng(p.lat, p.lng), { message: '位置不在晋城市范围内（请检查经纬度是否颠倒）', path: ['lat'] });
export type Location = z.infer<typeof Location>;

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const LinearRing = z
  .array(Position)
  .min(4)
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], '多边形的环必须闭合');
const PolygonCoords = z.array(LinearRing).min(1);

/** Most vertices a protected-area geometry may have. */
export const MAX_AREA_VERTICES = 20_000;

function vertexCount(coords: unknown): number {
  return Array.isArray(coords) && typeof coords[0] === 'number'
    ? 1
    : (coords as unknown[]).reduce<number>((n, c) => n + vertexCount(c), 0);
}

function allInJincheng(coords: unknown): boolean {
  if (Array.isArray(coords) && typeof coords[0] === 'number') return inJincheng(coords[1] as number, coords[0] as number);
  return (coords as unknown[]).every(allInJincheng);
}

/** A GeoJSON Polygon or MultiPolygon in WGS84 ([lng, lat]) inside Jincheng. */
export const AreaGeometry = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: PolygonCoords }).strict(),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonCoords).min(1) }).strict(),
  ])
  .refine((g) => vertexCount(g.coordinates) <= MAX_AREA_VERTICES, `多边形顶点不得超过 ${MAX_AREA_VERTICES} 个`)
  .refine((g) => allInJincheng(g.coordinates), '多边形不在晋城市范围内（坐标须为 WGS84 的 [经度, 纬度]）');
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** A protected area (地域保护范围): the announced scope as text, optionally its polygon. */
export const ProtectedArea = z
  .object({ text: text(5000).default(''), geometry: AreaGeometry.nullable().default(null) })
  .strict();
export type ProtectedArea = z.infer<typeof ProtectedArea>;

/** A county as the API shows it. */
export const County = z.object({
  code: CountyCode,
  nameZh: z.string(),
  nameEn: z.string(),
  seat: z.object({ lat: z.number(), lng: z.number() }),
  label: z.object({ lat: z.number(), lng: z.number() }),
});
export type County = z.infer<typeof County>;

// ---------------------------------------------------------------- designations

/** A dated status move. */
export const Transition = z.object({
  to: Status,
  on: IsoDate,
  note: text(1000).default(''),
  by: z.string().nullable().default(null),
});
export type Transition = z.infer<typeof Transition>;

/** The body of a status move request. */
export const TransitionCreate = Transition.pick({ to: true, on: true, note: true }).strict();
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
  filedOn: IsoDate.nullable(),
  grantedOn: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  notes: text(2000),
  sources: Sources,
  transitions: z.array(Transition),
});
export type Designation = z.infer<typeof Designation>;

const designationEditable = Designation.pick({
  markKind: true, holder: true, holderCreditCode: true, number: true, announcement: true,
  validUntil: true, notes: true, sources: true,
});

/** The body that starts a designation: it begins `cultivating` on `startedOn` (default today). */
export const DesignationCreate = designationEditable
  .partial()
  .extend({ giType: GiType, startedOn: IsoDate.optional() })
  .strict()
  .refine((d) => (d.giType === 'trademark') === (d.markKind != null), {
    message: '地理标志商标须注明集体商标或证明商标；其他类型不填',
    path: ['markKind'],
  });
export type DesignationCreate = z.infer<typeof DesignationCreate>;

/** The body that changes a designation's details (not its type or status). */
export const DesignationUpdate = designationEditable.partial().strict();
export type DesignationUpdate = z.infer<typeof DesignationUpdate>;

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

// ---------------------------------------------------------------- products

/** A local product that is, or may become, a GI. */
export const Product = z.object({
  id: z.number().int(),
  nameZh: line(100),
  nameEn: line(200).nullable(),
  category: Category,
  counties: z.array(CountyCode).min(1).max(6).refine((c) => new Set(c).size === c.length, '县（市、区）重复'),
  description: text(5000),
  quality: text(5000),
  visibility: Visibility,
  archived: z.boolean(),
  locations: z.array(Location).max(50),
  protectedArea: ProtectedArea.nullable(),
  sources: Sources,
  designations: z.array(Designation),
  participants: z.array(Participant),
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
});
export type ProductSummary = z.infer<typeof ProductSummary>;

/** Filters of GET /api/products and /api/products.geojson (the map's URL state uses the same names). */
export const ProductFilter = z
  .object({
    type: GiType.optional(),
    status: StatusFilter.optional(),
    county: CountyCode.optional(),
    category: Category.optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type ProductFilter = z.infer<typeof ProductFilter>;

/** Query string of GET /api/products: the filters plus paging. */
export const ProductQuery = ProductFilter.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  /** Signed-in only: `1` lists the products of the viewer's county (all products for an admin), drafts included. */
  mine: z.enum(['1']).optional(),
  /** Signed-in only: `1` lists archived products instead of current ones. */
  archived: z.enum(['1']).optional(),
}).strict();
export type ProductQuery = z.infer<typeof ProductQuery>;

// ---------------------------------------------------------------- periods and tally

/** Baseline and target of one GI type in a plan period. */
export const Target = z
  .object({ giType: GiType, baseline: z.number().int().min(0).max(100_000), target: z.number().int().min(0).max(100_000) })
  .strict();
export type Target = z.infer<typeof Target>;

/** A plan period (规划期) with its targets. */
export const Period = z.object({
  id: z.number().int(),
  name: line(50),
  startsOn: IsoDate,
  endsOn: IsoDate,
  targets: z.array(Target).max(GI_TYPES.length).refine((t) => new Set(t.map((x) => x.giType)).size === t.length, '同一类型的目标重复'),
});
export type Period = z.infer<typeof Period>;

/** The body that creates or replaces a period. */
export const PeriodInput = Period.omit({ id: true })
  .strict()
  .refine((p) => p.endsOn > p.startsOn, { message: '结束日期须晚于开始日期', path: ['endsOn'] });
export type PeriodInput = z.infer<typeof PeriodInput>;

/** Query string of GET /api/tally. */
export const TallyQuery = z
  .object({ period: z.coerce.number().int().min(1).optional(), asOf: IsoDate.optional() })
  .strict();
export type TallyQuery = z.infer<typeof TallyQuery>;

/** Counts of one GI type in a tally. */
export const TallyType = z.object({
  giType: GiType,
  inForce: z.number().int(),
  baseline: z.number().int(),
  target: z.number().int(),
  pipeline: z.object({ cultivating: z.number().int(), filed: z.number().int(), published: z.number().int() }),
  /** inForce / target (1 = reached; above 1 = exceeded); null when there is no target. */
  progress: z.number().nullable(),
  /** How many more must be in force to reach the target (0 once reached). */
  remaining: z.number().int(),
});
export type TallyType = z.infer<typeof TallyType>;

/** A trademark due for renewal. */
export const RenewalDue = z.object({
  designationId: z.number().int(),
  productId: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  validUntil: IsoDate,
  /** The term ended on or before asOf but no `expired` move is recorded: renew (grace period) or record it. */
  lapsed: z.boolean(),
});
export type RenewalDue = z.infer<typeof RenewalDue>;

/** GET /api/tally. */
export const Tally = z.object({
  period: Period.pick({ id: true, name: true, startsOn: true, endsOn: true }),
  asOf: IsoDate,
  types: z.array(TallyType),
  counties: z.array(z.object({ code: CountyCode, types: z.array(TallyType) })),
  productsInForce: z.number().int(),
  households: z.number().int(),
  renewalsDue: z.array(RenewalDue),
});
export type Tally = z.infer<typeof Tally>;

/** How far apart the points of a tally series are. */
export const SERIES_STEPS = ['month', 'quarter', 'year'] as const;
/** A series step. */
export const SeriesStep = z.enum(SERIES_STEPS);
export type SeriesStep = z.infer<typeof SeriesStep>;

/** Query string of GET /api/tally/series. */
export const TallySeriesQuery = z
  .object({ period: z.coerce.number().int().min(1).optional(), step: SeriesStep.default('month') })
  .strict();
export type TallySeriesQuery = z.infer<typeof TallySeriesQuery>;

/** GET /api/tally/series: designations in force per GI type at the start and each step's end, up to today. */
export const TallySeries = z.object({
  period: Period.pick({ id: true, name: true, startsOn: true, endsOn: true }),
  step: SeriesStep,
  points: z.array(z.object({ on: IsoDate, inForce: z.record(GiType, z.number().int()) })),
});
export type TallySeries = z.infer<typeof TallySeries>;

// ---------------------------------------------------------------- accounts and audit

/** An account as the API shows it (never its password). */
export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  county: CountyCode.nullable(),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

/** A password: long enough to resist guessing, short enough to hash cheaply. */
export const Password = z.string().min(10, '密码至少10个字符').max(200);

const roleMatchesCounty = (u: { role?: Role; county?: CountyCode | null }) =>
  u.role === undefined || (u.role === 'official') === (u.county != null);
const roleCountyIssue = { message: '县级账号须指定一个县（市、区）；市级管理员不指定', path: ['county'] };

/** The body that creates an account. */
export const UserCreate = z
  .object({
    username: z.string().trim().regex(/^[a-z0-9_.-]{3,40}$/, '用户名为3–40位小写字母、数字或 _ . -'),
    password: Password,
    role: Role,
    county: CountyCode.nullable().default(null),
  })
  .strict()
  .refine(roleMatchesCounty, roleCountyIssue);
export type UserCreate = z.infer<typeof UserCreate>;

/** The body that changes an account. */
export const UserUpdate = z
  .object({ password: Password, role: Role, county: CountyCode.nullable(), active: z.boolean() })
  .partial()
  .strict();
export type UserUpdate = z.infer<typeof UserUpdate>;

/** The body of a sign-in. */
export const SessionCreate = z.object({ username: z.string().max(100), password: z.string().max(200) }).strict();
export type SessionCreate = z.infer<typeof SessionCreate>;

/** One entry of the append-only audit log. */
export const AuditEvent = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  user: z.string().nullable(),
  action: z.string(),
  entity: AuditEntity,
  entityId: z.number().int(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** GET /api/audit: a page of entries, newest first, with the total that match. */
export const AuditPage = z.object({ items: z.array(AuditEvent), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

/** Query string of GET /api/audit. */
export const AuditQuery = z
  .object({
    entity: AuditEntity.optional(),
    id: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

// ---------------------------------------------------------------- import

/** The body of POST /api/import: a CSV or XLSX table laid out like the export, in base64. */
export const ImportRequest = z.object({ format: z.enum(['csv', 'xlsx']), data: z.base64().max(2_000_000) }).strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

/** Query string of POST /api/import: `dryRun=1` reports without keeping anything. */
export const ImportQuery = z.object({ dryRun: z.enum(['0', '1']).optional() }).strict();
export type ImportQuery = z.infer<typeof ImportQuery>;

/** What an import did (or, in a dry run, would do) with one row. */
export const ImportRowReport = z.object({
  line: z.number().int(),
  productZh: z.string(),
  outcome: z.enum(['new_product', 'new_designation', 'exists', 'error']),
  /** Whether the row added a designation (to a new or an existing product). */
  designationAdded: z.boolean(),
  messages: z.array(z.string()),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

/** The report of an import or a dry run. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.array(ImportRowReport),
  summary: z.object({ products: z.number().int(), designations: z.number().int(), existing: z.number().int(), errors: z.number().int() }),
  unknownColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

// ---------------------------------------------------------------- errors

/** The shape of every error response. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
