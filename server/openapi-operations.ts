/**
 * The operations of the HTTP API as data: path, method, who may call it, parameters and bodies (zod
 * schemas from db/model), and every status it really answers with. server/openapi.ts turns them into
 * the OpenAPI document; the API page and the tests read them too.
 */
import { z } from 'zod';
import * as m from '../db/model';

/** Who may call an operation: everyone, any signed-in account (officials and admins), admins only. */
export type Who = 'all' | 'official' | 'admin';

/** A tag: a group of operations on the API page. */
export const TAGS = [
  { name: 'products', description: 'Products and their GI designations: the public registry, and officials\u2019 writes.' },
  { name: 'designations', description: 'GI designations of a product and their dated status moves.' },
  { name: 'geography', description: 'The six counties, and the map layers (GeoJSON, RFC 7946, WGS84).' },
  { name: 'tally', description: 'GI counts against the plan\u2019s targets, and the plan periods.' },
  { name: 'export', description: 'Open data downloads and the news feed.' },
  { name: 'session', description: 'Signing in and out (an HttpOnly, SameSite=Strict cookie `gi_session`).' },
  { name: 'import', description: 'Spreadsheet imports for officials: template, dry run, report, progress.' },
  { name: 'audit', description: 'The history of every change, told in sentences.' },
  { name: 'users', description: 'Accounts (city admins only).' },
  { name: 'meta', description: 'Liveness, client settings and this description.' },
] as const;
type Tag = (typeof TAGS)[number]['name'];

/** The media types of non-JSON answers. */
export const MEDIA = {
  json: 'application/json',
  geojson: 'application/geo+json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  atom: 'application/atom+xml',
  html: 'text/html',
  css: 'text/css',
} as const;

/** A success answer: its status, and a JSON schema (zod) or another media type. */
export interface Success {
  status: 200 | 201 | 204;
  description: string;
  /** A JSON body (application/json unless `media` says otherwise, e.g. GeoJSON). */
  schema?: z.ZodType;
  media?: string;
  /** Sent as a download (`Content-Disposition: attachment`). */
  attachment?: boolean;
  /** Sets the session cookie. */
  setsCookie?: boolean;
}

/** One operation of the API. */
export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  who: Who;
  /** A public read that also looks at the session cookie when there is one. */
  optionalSession?: boolean;
  query?: z.ZodObject | z.ZodType;
  body?: z.ZodType;
  /** Further success answers (POST /api/import: 200 for a dry run, 201 when kept). */
  ok: Success[];
  /** Answered from an ETag'd body: `If-None-Match` gets 304 Not Modified. */
  etag?: boolean;
  /** Error statuses the route really answers with. */
  errors: number[];
  /** Descriptions of particular error statuses of this operation (why it is answered). */
  why?: Partial<Record<number, string>>;
  /** A 400 with a body other than the plain error (the import's row report). */
  badRequestSchema?: z.ZodType;
}

// ---------------------------------------------------------------- response shapes not in db/model

export const Page = z.object({ items: z.array(m.ProductSummary), total: z.number().int() });
const Ok = z.object({ ok: z.literal(true) });
/** GET /api/config: what the map needs to draw its tiles. */
export const ClientConfig = z.object({
  tiles: z.object({ urls: z.array(z.string()), attribution: z.string(), subdomains: z.array(z.string()) }).nullable(),
  approvalNo: z.string().nullable(),
});
const Ring = z.array(z.array(z.number()).min(2)).min(4);
const Polygonal = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
]);
const InForceByType = z.object({
  trademark: z.number().int(), protected_product: z.number().int(), agricultural_product: z.number().int(), total: z.number().int(),
});
/** GET /api/counties.geojson: one feature per county, the County fields and counts as properties. */
export const CountyCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    id: m.CountyCode,
    properties: m.County.extend({ products: z.number().int(), inForce: InForceByType }),
    geometry: Polygonal,
  })),
}).meta({ description: 'An RFC 7946 FeatureCollection of the six counties (WGS84).' });
/** GET /api/products.geojson: one point per location of each matching product. */
export const ProductPoints = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    /** `<productId>-<position>`: unique in the collection, stable across builds of the same data. */
    id: z.string(),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: m.ProductSummary.pick({ nameZh: true, nameEn: true, category: true, counties: true, designations: true })
      .extend({ productId: z.number().int(), label: z.string(), precision: m.Precision }),
  })),
}).meta({ description: 'An RFC 7946 FeatureCollection of points ([lng, lat], WGS84): one per location of each product.' });
export const ImportFailed = m.ApiError.extend({ report: m.ImportReport });

// ---------------------------------------------------------------- the operations

/** A JSON write: wrong or missing fields (400), another site's Origin (403), too large (413), not JSON (415). */
const WRITE = [400, 403, 413, 415];
const ok200 = (schema: z.ZodType, description = 'OK'): Success[] => [{ status: 200, description, schema }];
const ok201 = (schema: z.ZodType, description = 'Created'): Success[] => [{ status: 201, description, schema }];
const file = (media: string, description: string): Success[] => [{ status: 200, description, media, attachment: true }];

/** Every operation of the API. */
export const OPERATIONS: Operation[] = [
  // products (public reads)
  { operationId: 'listProducts', method: 'get', path: '/api/products', tag: 'products', who: 'all', optionalSession: true, etag: true,
    summary: 'Products matching the filters',
    description: 'The public sees public, current products. Signed in, `mine=1` lists the products of the viewer\u2019s county (every product for an admin), drafts included, and `archived=1` the archived ones.',
    query: m.ProductQuery, ok: ok200(Page), errors: [400, 401], why: { 401: '`mine` or `archived` without a session.' } },
  { operationId: 'getProduct', method: 'get', path: '/api/products/{id}', tag: 'products', who: 'all', optionalSession: true, etag: true,
    summary: 'One product in full', description: 'Drafts and archived products are visible only to the officials of their county and to admins.',
    ok: ok200(m.Product), errors: [400, 404] },
  { operationId: 'getProductPoints', method: 'get', path: '/api/products.geojson', tag: 'geography', who: 'all', optionalSession: true, etag: true,
    summary: 'Points of the filtered products (GeoJSON)', query: m.ProductFilter,
    ok: [{ status: 200, description: 'A FeatureCollection of points', media: MEDIA.geojson, schema: ProductPoints }], errors: [400] },
  // products (writes)
  { operationId: 'createProduct', method: 'post', path: '/api/products', tag: 'products', who: 'official',
    summary: 'Create a product', description: 'A draft unless `visibility` says `public`. Officials may only name their own county.',
    body: m.ProductCreate, ok: ok201(m.Product), errors: [...WRITE, 401, 409],
    why: { 409: 'A current product you may see has a look-alike name (same after NFKC, invisible characters and spaces removed: `duplicate_name`).' } },
  { operationId: 'updateProduct', method: 'patch', path: '/api/products/{id}', tag: 'products', who: 'official',
    summary: 'Change a product', description: 'Any subset of the editable fields.',
    body: m.ProductUpdate, ok: ok200(m.Product), errors: [...WRITE, 401, 404, 409],
    why: { 403: 'Not your county, or taking another county off a shared product (an admin’s decision).', 409: 'The product is archived: restore it first (`archived`), or the new name is a look-alike of another product’s (`duplicate_name`).' } },
  { operationId: 'archiveProduct', method: 'delete', path: '/api/products/{id}', tag: 'products', who: 'official',
    summary: 'Archive a product', description: 'Never deleted: the product leaves the public registry and can be restored. Answers with the archived product.',
    ok: ok200(m.Product, 'The archived product'), errors: [...WRITE, 401, 404, 409],
    why: { 403: 'Not your county, or a product shared with another county (an admin archives it).', 409: 'The product is archived already (`archived`).' } },
  { operationId: 'restoreProduct', method: 'post', path: '/api/products/{id}/restore', tag: 'products', who: 'admin',
    summary: 'Restore an archived product', ok: ok200(m.Product, 'The restored product'), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'The product is not archived (`not_archived`), or its name has been taken meanwhile (`duplicate_name`).' } },
  { operationId: 'replaceParticipants', method: 'put', path: '/api/products/{id}/participants', tag: 'products', who: 'official',
    summary: 'Replace the cooperative-farmer model', body: m.Participants, ok: ok200(z.array(m.Participant)), errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  // designations
  { operationId: 'createDesignation', method: 'post', path: '/api/products/{id}/designations', tag: 'designations', who: 'official',
    summary: 'Start a designation (cultivating)', body: m.DesignationCreate, ok: ok201(m.Designation), errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'updateDesignation', method: 'patch', path: '/api/designations/{id}', tag: 'designations', who: 'official',
    summary: 'Change a designation', description: 'Its details, not its type or status.', body: m.DesignationUpdate, ok: ok200(m.Designation), errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'moveDesignation', method: 'post', path: '/api/designations/{id}/transitions', tag: 'designations', who: 'official',
    summary: 'Move a designation to another status', body: m.TransitionCreate, ok: ok201(m.Designation, 'The designation after the move'),
    errors: [...WRITE, 401, 404, 409], why: { 409: 'The move is not allowed from the current status (`illegal_transition`), or the product is archived (`archived`).' } },
  // geography
  { operationId: 'listCounties', method: 'get', path: '/api/counties', tag: 'geography', who: 'all', etag: true,
    summary: 'The six counties', ok: ok200(z.array(m.County)), errors: [] },
  { operationId: 'getCountyBoundaries', method: 'get', path: '/api/counties.geojson', tag: 'geography', who: 'all', optionalSession: true, etag: true,
    summary: 'County boundaries with counts per county (GeoJSON)',
    ok: [{ status: 200, description: 'A FeatureCollection of polygons', media: MEDIA.geojson, schema: CountyCollection }], errors: [] },
  // tally
  { operationId: 'getTally', method: 'get', path: '/api/tally', tag: 'tally', who: 'all', etag: true,
    summary: 'GI counts against targets as of a date', description: 'The current period and today (Asia/Shanghai) unless `period` and `asOf` say otherwise.',
    query: m.TallyQuery, ok: ok200(m.Tally), errors: [400, 404], why: { 404: 'No such period (or no period at all).' } },
  { operationId: 'getTallySeries', method: 'get', path: '/api/tally/series', tag: 'tally', who: 'all', etag: true,
    summary: 'Designations in force per GI type over a period', query: m.TallySeriesQuery, ok: ok200(m.TallySeries),
    errors: [400, 404], why: { 404: 'No such period (or no period at all).' } },
  { operationId: 'listPeriods', method: 'get', path: '/api/periods', tag: 'tally', who: 'all',
    summary: 'Plan periods with targets', ok: ok200(z.array(m.Period)), errors: [] },
  { operationId: 'createPeriod', method: 'post', path: '/api/periods', tag: 'tally', who: 'admin',
    summary: 'Add a plan period', body: m.PeriodInput, ok: ok201(m.Period), errors: [...WRITE, 401, 409],
    why: { 409: 'Another period has this name (`period_name_taken`).' } },
  { operationId: 'updatePeriod', method: 'put', path: '/api/periods/{id}', tag: 'tally', who: 'admin',
    summary: 'Change a plan period and its targets', body: m.PeriodInput, ok: ok200(m.Period), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'Another period has this name (`period_name_taken`).' } },
  // export
  { operationId: 'exportProductsCsv', method: 'get', path: '/api/export/products.csv', tag: 'export', who: 'all',
    summary: 'The public registry as CSV', query: m.ProductFilter,
    ok: file(MEDIA.csv, 'UTF-8 with a byte-order mark (so Excel reads the Chinese), one row per designation, streamed'), errors: [400] },
  { operationId: 'exportProductsXlsx', method: 'get', path: '/api/export/products.xlsx', tag: 'export', who: 'all',
    summary: 'The public registry as XLSX', query: m.ProductFilter, ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400] },
  { operationId: 'getFeed', method: 'get', path: '/api/feed.atom', tag: 'export', who: 'all', etag: true,
    summary: 'Recent changes to the public registry as an Atom feed',
    ok: [{ status: 200, description: 'An Atom 1.0 feed (RFC 4287)', media: MEDIA.atom }], errors: [] },
  // session
  { operationId: 'signIn', method: 'post', path: '/api/session', tag: 'session', who: 'all',
    summary: 'Sign in', description: 'Sets the HttpOnly session cookie `gi_session`. Five failures per 15 minutes per client address and per username, then 429.',
    body: m.SessionCreate, ok: [{ status: 200, description: 'The signed-in account', schema: m.User, setsCookie: true }],
    errors: [...WRITE, 401, 429], why: { 401: 'Wrong username or password, or an inactive account (`bad_credentials`).' } },
  { operationId: 'whoAmI', method: 'get', path: '/api/session', tag: 'session', who: 'official',
    summary: 'Who am I', ok: ok200(m.User, 'The signed-in account'), errors: [401] },
  { operationId: 'signOut', method: 'delete', path: '/api/session', tag: 'session', who: 'all', optionalSession: true,
    summary: 'Sign out', description: 'Ends the session (if any) and clears the cookie; signing out twice is fine.',
    ok: [{ status: 204, description: 'Signed out' }], errors: [403] },
  // import
  { operationId: 'getImportTemplate', method: 'get', path: '/api/import/template.xlsx', tag: 'import', who: 'official',
    summary: 'The import template', description: 'Chinese headers, drop-down lists, an instructions sheet.',
    ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [401] },
  { operationId: 'getImportProgress', method: 'get', path: '/api/import/progress', tag: 'import', who: 'official',
    summary: 'Where the viewer\u2019s import under way stands', ok: ok200(m.ImportProgress), errors: [401] },
  { operationId: 'importReportXlsx', method: 'post', path: '/api/import/report.xlsx', tag: 'import', who: 'official',
    summary: 'The file sent back with a result column per row', description: 'A dry run: nothing is kept.',
    query: m.ImportReportQuery, body: m.ImportRequest, ok: file(MEDIA.xlsx, 'The workbook with a result column'), errors: [...WRITE, 401],
    why: { 413: 'The file is over a limit (5 MB, 40 MB unpacked, 10,000 rows, 60 columns, 400,000 cells, 5,000 characters a cell).' } },
  { operationId: 'importTable', method: 'post', path: '/api/import', tag: 'import', who: 'official',
    summary: 'Import a CSV/XLSX table', description: '`dryRun=1` reports row by row what would change and keeps nothing; otherwise all rows or none.',
    query: m.ImportQuery, body: m.ImportRequest,
    ok: [{ status: 200, description: 'The report of a dry run', schema: m.ImportReport }, { status: 201, description: 'Imported: the report', schema: m.ImportReport }],
    errors: [...WRITE, 401], badRequestSchema: z.union([m.ApiError, ImportFailed]),
    why: { 400: 'Invalid input, an unreadable file, or rows with errors (`import_failed`, nothing imported; the report is included).',
      413: 'The file is over a limit (5 MB, 40 MB unpacked, 10,000 rows, 60 columns, 400,000 cells, 5,000 characters a cell).' } },
  // audit
  { operationId: 'listAudit', method: 'get', path: '/api/audit', tag: 'audit', who: 'official',
    summary: 'The audit log, filtered and paged', description: 'Officials see the history of their county\u2019s products and designations.',
    query: m.AuditQuery, ok: ok200(m.AuditPage), errors: [400, 401, 403], why: { 403: 'An official asked for another county.' } },
  { operationId: 'exportAuditXlsx', method: 'get', path: '/api/audit/export.xlsx', tag: 'audit', who: 'official',
    summary: 'The filtered audit log as XLSX, told in sentences', query: m.AuditExportQuery,
    ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400, 401, 403], why: { 403: 'An official asked for another county.' } },
  // users
  { operationId: 'listUsers', method: 'get', path: '/api/users', tag: 'users', who: 'admin',
    summary: 'Accounts', ok: ok200(z.array(m.User)), errors: [401, 403] },
  { operationId: 'createUser', method: 'post', path: '/api/users', tag: 'users', who: 'admin',
    summary: 'Create an account', body: m.UserCreate, ok: ok201(m.User), errors: [...WRITE, 401, 409],
    why: { 409: 'The username is taken (`username_taken`).' } },
  { operationId: 'updateUser', method: 'patch', path: '/api/users/{id}', tag: 'users', who: 'admin',
    summary: 'Change an account', description: 'A new password, a deactivation or a role change ends the account\u2019s sessions. Admins cannot demote or deactivate themselves (403).',
    body: m.UserUpdate, ok: ok200(m.User), errors: [...WRITE, 401, 404] },
  // meta
  { operationId: 'health', method: 'get', path: '/api/health', tag: 'meta', who: 'all',
    summary: 'Liveness', description: 'Answers once the database answers.', ok: ok200(Ok), errors: [] },
  { operationId: 'getClientConfig', method: 'get', path: '/api/config', tag: 'meta', who: 'all',
    summary: 'Map settings for the client', description: 'The tile layer (none unless configured) and the map\u2019s approval number (审图号).',
    ok: ok200(ClientConfig), errors: [] },
  { operationId: 'getOpenApi', method: 'get', path: '/api/openapi.json', tag: 'meta', who: 'all', etag: true,
    summary: 'This description (OpenAPI 3.1)', ok: [{ status: 200, description: 'The OpenAPI document', schema: z.looseObject({ openapi: z.string() }) }], errors: [] },
  { operationId: 'getApiPage', method: 'get', path: '/api/docs', tag: 'meta', who: 'all', etag: true,
    summary: 'This description as a web page', description: '`lang=en` for English; Chinese otherwise.',
    query: z.object({ lang: z.enum(['zh', 'en']).optional() }),
    ok: [{ status: 200, description: 'An HTML page (no scripts)', media: MEDIA.html }], errors: [] },
  { operationId: 'getApiPageStyles', method: 'get', path: '/api/docs.css', tag: 'meta', who: 'all', etag: true,
    summary: 'The API page\u2019s stylesheet', ok: [{ status: 200, description: 'CSS', media: MEDIA.css }], errors: [] },
];

