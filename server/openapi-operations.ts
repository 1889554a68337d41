/**
 * The operations of the HTTP API as data: path, method, who may call it, parameters and bodies (zod
 * schemas from db/model), and every status it really answers with. server/openapi.ts turns them into
 * the OpenAPI document; the API page and the tests read them too.
 */
import { z } from 'zod';
import * as m from '../db/model';

/**
 * Who may call an operation: everyone; officials and admins (content, and for reads also auditors where the
 * operation says so); city admins only; any signed-in account; the account managers (security admins, and
 * city admins unless SEPARATE_DUTIES); the readers of the security events (auditors, and city admins unless SEPARATE_DUTIES).
 */
export type Who = 'all' | 'official' | 'admin' | 'account' | 'accounts' | 'securityLog';

/** A tag: a group of operations on the API page. */
export const TAGS = [
  { name: 'products', description: 'Products and their GI designations: the public registry, and officials\u2019 writes.' },
  { name: 'designations', description: 'GI designations of a product and their dated status moves.' },
  { name: 'documents', description: 'Documents and photos of products: uploads (multipart), the files themselves (served with their real type, `nosniff` and a sandboxing CSP), and their details.' },
  { name: 'marks', description: 'Using the marks: authorised users of each GI\u2019s official mark, and the public check of a company.' },
  { name: 'cultivation', description: 'Cultivation dossiers: what each candidate still needs before it can be filed, the board across counties, and the checklists.' },
  { name: 'geography', description: 'The counties (data: the boundary file, then dated division changes), and the map layers (GeoJSON, RFC 7946, WGS84).' },
  { name: 'places', description: 'Townships and villages by their 12-digit codes (2023), each GI\u2019s protected area as a list of them, and the public lookup \u201cis my village in a protected area?\u201d.' },
  { name: 'tally', description: 'GI counts against the plan\u2019s targets, and the plan periods.' },
  { name: 'export', description: 'Open data downloads and the news feed.' },
  { name: 'session', description: 'Signing in and out (an HttpOnly, SameSite=Strict cookie `gi_session`).' },
  { name: 'import', description: 'Spreadsheet imports for officials: template, dry run, report, progress.' },
  { name: 'audit', description: 'The history of every change, told in sentences; and the security events (sign-ins, locks, sessions, accounts, exports, backups, settings), for the auditor.' },
  { name: 'users', description: 'Accounts, for the account managers (security admins; city admins too unless duties are separated).' },
  { name: 'meta', description: 'Liveness, client settings and this description.' },
] as const;
type Tag = (typeof TAGS)[number]['name'];

/** The media types of non-JSON answers. */
export const MEDIA = {
  json: 'application/json',
  geojson: 'application/geo+json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  atom: 'application/atom+xml',
  html: 'text/html',
  css: 'text/css',
  svg: 'image/svg+xml',
} as const;

/** A success answer: its status, and a JSON schema (zod) or another media type (503: readiness's own "not ready" answer). */
export interface Success {
  status: 200 | 201 | 204 | 503;
  description: string;
  /** A JSON body (application/json unless `media` says otherwise, e.g. GeoJSON). */
  schema?: z.ZodType;
  media?: string;
  /** A file in one of several media types (a stored document: PDF, pictures, Word, Excel). */
  mediaTypes?: readonly string[];
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
  /** Path parameters other than `{id}` (a numeric id), by name. */
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodObject | z.ZodType;
  body?: z.ZodType;
  /** The body's media type when it is not JSON (the document upload: `multipart/form-data`). */
  bodyMedia?: string;
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
  /**
   * A write based on a version of what it changes (server/versions.ts): what its required `If-Match` names.
   * Such an operation also answers 428 (no If-Match) and 412 (stale: the resource as it is now in `error.current`).
   */
  ifMatch?: string;
}

// ---------------------------------------------------------------- response shapes not in db/model

export const Page = z.object({ items: z.array(m.ProductSummary), total: z.number().int() });
const Ok = z.object({ ok: z.literal(true) });
const ReadinessCheck = z.object({ ok: z.boolean(), detail: z.string() });
/** GET /api/ready (server/readiness.ts): every check with what it found. */
const Readiness = z.object({
  ready: z.boolean(), checks: z.object({ database: ReadinessCheck, migrations: ReadinessCheck, workers: ReadinessCheck, photos: ReadinessCheck }),
});
export const ImportFailed = m.ApiError.extend({ report: m.ImportReport });
/** POST /api/products/{id}/documents: the file and its metadata as multipart/form-data fields. */
export const DocumentUpload = m.DocumentCreate.extend({
  file: z.file().max(m.MAX_DOCUMENT_BYTES).meta({ description: 'PDF, JPEG, PNG, WebP, DOCX or XLSX (recognised from the bytes), at most 20 MB' }),
}).meta({ description: 'The form fields of an upload: the file and its metadata (an empty field counts as not sent).' });

// ---------------------------------------------------------------- the operations

/** What the `If-Match` of each kind of versioned write names (server/versions.ts), as the operations say it. */
export const IF_MATCH = {
  version: 'The `version` of what this changes, as its answer carried it, or `*` for whatever is there now.',
  product: 'The product\u2019s `version` (of its own fields, as GET /api/products/{id} carries it to its officials), or `*` for whatever is there now.',
  participants: 'The product\u2019s `participantsVersion`, or `*` for whatever is there now.',
  figures: 'The product\u2019s `figuresVersion`, or `*` for whatever is there now.',
  designation: 'The designation\u2019s `version`, or `*` for whatever is there now.',
  specification: 'The record\u2019s `etag` (its `version` is the edition\u2019s own name), or `*` for whatever is there now.',
  dossierItem: 'The item\u2019s `version` (`absent` for an item never filled in), or `*` for whatever is there now.',
  checklist: 'The dossier\u2019s `checklistVersion`, or `*` for whatever is there now.',
  scope: 'The scope\u2019s `version` (`absent` when the designation keeps none), or `*` for whatever is there now.',
  usageReturn: 'The year\u2019s return\u2019s `version` (`absent` when it has none yet), or `*` for whatever is there now.',
  template: 'The checklist\u2019s `version` (a number every change moves), or `*` for whatever is there now.',
} as const;

/** A JSON write: wrong or missing fields (400), another site's Origin (403), too large (413), not JSON (415). */
const WRITE = [400, 403, 413, 415];
/**
 * A public read: a path of the open-data table (db/model/public-surface.ts), every GET of which is for
 * everyone. A path the table does not name does not compile (test/server/public-surface-table.test.ts checks the reverse).
 */
const read = (path: m.OpenDataPathName) => ({ method: 'get', path, who: 'all' }) as const;
const ok200 = (schema: z.ZodType, description = 'OK'): Success[] => [{ status: 200, description, schema }];
const ok201 = (schema: z.ZodType, description = 'Created'): Success[] => [{ status: 201, description, schema }];
const file = (media: string, description: string): Success[] => [{ status: 200, description, media, attachment: true }];

/** Every operation of the API. */
export const OPERATIONS: Operation[] = [
  // products (public reads)
  { operationId: 'listProducts', ...read('/api/products'), tag: 'products', optionalSession: true, etag: true,
    summary: 'Products matching the filters',
    description: 'The public sees public, current products. `q` is words, each found in the Chinese name (沁水 蜂蜜), its toneless pinyin (qinshui fengmi) or initials (qsfm), or the English name, case aside. Ordered by name: by the pinyin of the Chinese name (`lang=zh`, the default), or alphabetically by the English name, else that pinyin (`lang=en`); each item carries its `namePinyin`. Signed in, `mine=1` lists the products of the viewer\u2019s county (every product for an admin), drafts included, and `archived=1` the archived ones.',
    query: m.ProductQuery, ok: ok200(Page), errors: [400, 401], why: { 401: '`mine` or `archived` without a session.' } },
  { operationId: 'getProduct', ...read('/api/products/{id}'), tag: 'products', optionalSession: true, etag: true,
    summary: 'One product in full', description: 'Drafts and archived products are visible only to the officials of their county and to admins. Each designation carries its specification\u2019s versions (`specifications`, newest first, the current one flagged `current`; `documentId` only when the viewer may read that file) and its public contacts (`managingBody`, `managingContact`, `testingBody`).',
    ok: ok200(m.Product), errors: [400, 404] },
  { operationId: 'getProductPoints', ...read('/api/products.geojson'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'Points of the filtered products (GeoJSON)', query: m.ProductFilter,
    description: 'Searched as the list is (`q`); the products come in the order of a Chinese list (by the pinyin of their Chinese name), each feature carrying `namePinyin` for a list in another order.',
    ok: [{ status: 200, description: 'A FeatureCollection of points', media: MEDIA.geojson, schema: m.ProductPoints }], errors: [400] },
  { operationId: 'getProductClusters', ...read('/api/clusters.geojson'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'The map\u2019s clusters in one tile (GeoJSON)', query: m.ClusterTileQuery,
    description: `The places of \`/api/products.geojson\` that are points (exact, village and township; never county-level places), clustered by the server for a web-mercator tile (\`z\` 0\u2013${m.MAX_TILE_ZOOM}, \`x\` and \`y\` as slippy-map tiles number them), with the same filters. A tile holds the clusters and single places whose centre lies in it, so the tiles of a zoom add up to every point once. A cluster says how many places it stands for (\`count\`), how many of them are exact spots (\`exact\`; the rest are somewhere in their village or township), the zoom at which it splits (\`expansionZoom\`) and one of its products\u2019 names; at zoom ${m.UNCLUSTERED_ZOOM} every place stands alone.`,
    ok: [{ status: 200, description: 'A FeatureCollection of clusters and points', media: MEDIA.geojson, schema: m.ClusterTile }], errors: [400] },
  { operationId: 'getMapSummary', ...read('/api/map-summary'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'The map page\u2019s numbers and a page of its list', query: m.MapSummaryQuery,
    description: 'What the public map shows beside its markers, made from the places of `/api/products.geojson` under the same filters: how many products, of each GI type (holding or seeking it) and candidates; how many are placed how precisely and how many places are drawn as points; each county\u2019s number and shading (`measure`: designations of the chosen type in the chosen status, in force when none) and badge (products known in that county alone, with no point in view); the products known in several counties, counted apart; and a page of the list (`limit`, default 100), by name in `lang` (as `/api/products` orders it), from `offset` or, with `at`, the page holding that product (its `offset` a multiple of `limit`). A county filter maps that county alone.',
    ok: ok200(m.MapSummary), errors: [400, 404], why: { 404: '`at` names a product that is not in the list under these filters.' } },
  // products (writes)
  { operationId: 'createProduct', method: 'post', path: '/api/products', tag: 'products', who: 'official',
    summary: 'Create a product', description: 'A draft unless `visibility` says `public`. Officials may only name their own county.',
    body: m.ProductCreate, ok: ok201(m.Product), errors: [...WRITE, 401, 409],
    why: { 409: 'A current product you may see has a look-alike name (same after NFKC, invisible characters and spaces removed: `duplicate_name`).' } },
  { operationId: 'updateProduct', ifMatch: IF_MATCH.product, method: 'patch', path: '/api/products/{id}', tag: 'products', who: 'official',
    summary: 'Change a product', description: 'Any subset of the editable fields.',
    body: m.ProductUpdate, ok: ok200(m.Product), errors: [...WRITE, 401, 404, 409],
    why: { 403: 'Not your county, or taking another county off a shared product (an admin’s decision).', 409: 'The product is archived: restore it first (`archived`), or the new name is a look-alike of another product’s (`duplicate_name`).' } },
  { operationId: 'archiveProduct', ifMatch: IF_MATCH.product, method: 'delete', path: '/api/products/{id}', tag: 'products', who: 'official',
    summary: 'Archive a product', description: 'Never deleted: the product leaves the public registry and can be restored. Answers with the archived product.',
    ok: ok200(m.Product, 'The archived product'), errors: [...WRITE, 401, 404, 409],
    why: { 403: 'Not your county, or a product shared with another county (an admin archives it).', 409: 'The product is archived already (`archived`).' } },
  { operationId: 'restoreProduct', ifMatch: IF_MATCH.product, method: 'post', path: '/api/products/{id}/restore', tag: 'products', who: 'admin',
    summary: 'Restore an archived product', ok: ok200(m.Product, 'The restored product'), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'The product is not archived (`not_archived`), or its name has been taken meanwhile (`duplicate_name`).' } },
  { operationId: 'replaceParticipants', ifMatch: IF_MATCH.participants, method: 'put', path: '/api/products/{id}/participants', tag: 'products', who: 'official',
    summary: 'Replace the cooperative-farmer model', body: m.Participants, ok: ok200(z.array(m.Participant)), errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'replaceFigures', ifMatch: IF_MATCH.figures, method: 'put', path: '/api/products/{id}/figures', tag: 'products', who: 'official',
    summary: 'Replace the industry figures by year',
    description: 'The whole series: each year (1949 to this year, once) with households, area (亩), yield per mu (`yieldKgPerMu`, 亩产 in kg, at most 100,000), output (吨), value (万元), a note and sources; a figure not known is null. Area \u00d7 yield per mu is the ceiling the signals hold declared marked volumes against (`GET /api/signals`). Officials of the product\u2019s county and admins; audited. The tally sums each product\u2019s latest year.',
    body: m.ProductFigures, ok: ok200(z.array(m.ProductFigure), 'The series as kept, oldest year first'), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A year outside 1949 to this year or listed twice, a negative or too large figure (a yield above 100,000 kg per mu), or more than 100 years.', 403: 'Not your county, or a write from another site\u2019s page.', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'getProductQr', ...read('/api/products/{id}/qr.svg'), tag: 'products', etag: true,
    summary: 'The QR code of a product\u2019s public page (SVG)',
    description: 'Encodes `<base>/products/{id}`, where the base is the server\u2019s `PUBLIC_BASE_URL` (never the Host a request names). Only public, current products have one, and only when the server knows its public address.',
    ok: [{ status: 200, description: 'An SVG image; its `<title>` is the address it encodes', media: MEDIA.svg }], errors: [400, 404],
    why: { 404: 'No such product, or one that is a draft or archived (it has no public page), or `PUBLIC_BASE_URL` is not set (`no_public_address`).' } },
  // designations
  { operationId: 'createDesignation', method: 'post', path: '/api/products/{id}/designations', tag: 'designations', who: 'official',
    summary: 'Start a designation (cultivating)',
    description: 'With `convertedFromId`, it is started as the conversion of that designation (统一认定: of the same product, granted, of a type converting into `giType`): its dossier follows the conversions\u2019 checklist, and it is granted by recording the conversion (POST /api/designations/{id}/conversion).',
    body: m.DesignationCreate, ok: ok201(m.Designation), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, or `convertedFromId` is not a designation of this product converting into `giType`.', 409: 'The product is archived: restore it first (`archived`); or the designation named by `convertedFromId` is not granted (`not_convertible`), already converted (`already_converted`) or already being converted (`conversion_under_way`).' } },
  { operationId: 'updateDesignation', ifMatch: IF_MATCH.designation, method: 'patch', path: '/api/designations/{id}', tag: 'designations', who: 'official',
    summary: 'Change a designation', description: 'Its details, not its type or status: holder, numbers, term, notes, sources, and the public contacts (`managingBody` 申请人/管理机构, `managingContact`, `testingBody` 检测机构). Its specification has its own operations.', body: m.DesignationUpdate, ok: ok200(m.Designation), errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'moveDesignation', ifMatch: IF_MATCH.designation, method: 'post', path: '/api/designations/{id}/transitions', tag: 'designations', who: 'official',
    summary: 'Move a designation to another status', body: m.TransitionCreate, ok: ok201(m.Designation, 'The designation after the move'),
    errors: [...WRITE, 401, 404, 409], why: { 400: 'A field is wrong, the date is in the future or before the previous move, or `to` is `converted` (a conversion is recorded with POST /api/designations/{id}/conversion).', 409: 'The move is not allowed from the current status (`illegal_transition`), the product is archived (`archived`), filing while the dossier is not complete without `confirmIncomplete: true` (`dossier_incomplete`), or granting a designation started as a conversion before the conversion is recorded (`conversion_not_recorded`).' } },
  { operationId: 'recordConversion', ifMatch: IF_MATCH.designation, method: 'post', path: '/api/designations/{id}/conversion', tag: 'designations', who: 'official',
    summary: 'Record the conversion of an agricultural-product GI into a 地理标志产品',
    description: 'In one transaction: the designation (of a type that converts, granted) moves `granted \u2192 converted` on `on`, and the designation it became is granted on that day: the one named by `designationId` (same product, the target type, in progress or granted on exactly that day), or else a new one with `announcement` and `number`, carrying the converted one\u2019s protected area to be re-verified (holder and authorised users are recorded as announced, not copied). Both answers link each other (`convertedTo`, `convertedFrom`). Officials of the product\u2019s county and admins; audited.',
    body: m.ConversionCreate, ok: [{ status: 201, description: 'The converted designation and the one it became', schema: z.object({ converted: m.Designation, into: m.Designation }) }],
    errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong: `announcement` missing, `on` after today or before the grant, or `designationId` of another product or type, or granted on another day; or the designation is of a type that does not convert (`not_convertible`).', 404: 'No such designation (or one you may not see).', 409: 'It is not granted (`not_convertible`) or already converted (`already_converted`), another conversion of it is under way (`conversion_under_way`), the designation named converts another (`already_linked`) or is ended (`target_not_open`), or the product is archived (`archived`).' } },
  { operationId: 'addSpecification', method: 'post', path: '/api/designations/{id}/specifications', tag: 'designations', who: 'official',
    summary: 'Add a version of a designation\u2019s specification',
    description: 'The 质量技术要求 or the standard that carries it (DB14/T …): a first version, an earlier one, or an amendment. Only the title is required; `issuedOn` is a partial date not after today, `url` a whole http(s) address, `documentId` a document of the same product. The current version is the latest by `issuedOn` (as recorded where the dates cannot tell; undated ones count as older). Officials of the product\u2019s county and admins; audited. The versions are read with the product, newest first.',
    body: m.SpecificationInput, ok: ok201(m.Specification), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong: a link that is not http(s) (`javascript:`, `data:`, `ftp:`…), a date in the future, a title missing or too long, or a document of another product.', 403: 'Not your county, or a write from another site\u2019s page.', 404: 'No such designation (or one you may not see).', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'updateSpecification', ifMatch: IF_MATCH.specification, method: 'patch', path: '/api/specifications/{id}', tag: 'designations', who: 'official',
    summary: 'Correct a version of a specification', description: 'Any of its fields (null clears an optional one); the version is checked again as a whole. Audited.',
    body: m.SpecificationUpdate, ok: ok200(m.Specification), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, as for adding one.', 404: 'No such version (or one you may not see).', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'deleteSpecification', ifMatch: IF_MATCH.specification, method: 'delete', path: '/api/specifications/{id}', tag: 'designations', who: 'official',
    summary: 'Remove a version of a specification', description: 'The history keeps what it was.', ok: [{ status: 204, description: 'Removed' }],
    errors: [...WRITE, 401, 404, 409], why: { 404: 'No such version (or one you may not see).', 409: 'The product is archived: restore it first (`archived`).' } },
  // marks
  { operationId: 'addAuthorizedUser', method: 'post', path: '/api/designations/{id}/authorized-users', tag: 'marks', who: 'official',
    summary: 'Add an authorised user of a GI\u2019s official mark', description: 'Officials of the product\u2019s county and admins; audited.',
    body: m.AuthorizedUserCreate, ok: ok201(m.AuthorizedUser), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, the basis does not fit the mark (collective members only of collective marks, licensees only of certification marks), or a decision is incomplete or dated after today (see updateAuthorizedUser).', 409: 'The credit code is already a user of this GI (`duplicate_user`), or the product is archived (`archived`).' } },
  { operationId: 'updateAuthorizedUser', ifMatch: IF_MATCH.version, method: 'patch', path: '/api/authorized-users/{id}', tag: 'marks', who: 'official',
    summary: 'Change an authorised user (e.g. suspend or revoke it, with its decision)', body: m.AuthorizedUserUpdate, ok: ok200(m.AuthorizedUser),
    description: 'A suspension or revocation takes its decision: `decisionReason`, `decisionNumber` (决定书文号), `decisionOn` and `displayWindow` (`3_months` for a simple penalty, `3_years` otherwise: 《市场监督管理行政处罚信息公示规定》, 2021). The server keeps `displayUntil` = `decisionOn` + the window; the public sees the decision (on /verify and the product page) from `decisionOn` to `displayUntil`, and not at all once `decisionWithdrawnOn` is set (the rules take a decision down within 3 working days when it is overturned). After the window the user is simply not listed as valid, with no decision. The merged user is checked as a whole; nothing changes on a refusal.',
    errors: [...WRITE, 401, 404, 409], why: { 400: 'A field is wrong; a decision number, reason, window or withdrawal without the decision\u2019s date; a date without a window; a withdrawal before the decision; or a decision or withdrawal dated after today.', 409: 'The credit code is already another user of this GI (`duplicate_user`), or the product is archived (`archived`).' } },
  // marks: yearly usage returns (年度用标情况报告) and the links companies fill them through
  { operationId: 'listUserReturns', method: 'get', path: '/api/authorized-users/{id}/usage-returns', tag: 'marks', who: 'official',
    summary: 'An authorised user\u2019s yearly usage returns and open links',
    description: 'Newest year first, with the open (unused, unexpired) links issued for it: their years and ends, never their tokens. Officials of the GI\u2019s county and admins.',
    ok: ok200(m.UsageReturnList), errors: [400, 401, 403, 404] },
  { operationId: 'enterUsageReturn', ifMatch: IF_MATCH.usageReturn, method: 'put', path: '/api/authorized-users/{id}/usage-returns/{year}', tag: 'marks', who: 'official',
    pathParams: { year: m.ReturnYear }, summary: 'Enter (or replace) a user\u2019s return for a year',
    description: 'Entered by the county, a return is `accepted` at once (`via: county`). Volumes are 0 to 1,000,000 t, the marked volume not above the output; the year lies from the user\u2019s first year of use to this year. Audited.',
    body: m.UsageReturnInput, ok: [{ status: 201, description: 'A new return', schema: m.UsageReturn }, { status: 200, description: 'The year\u2019s return, replaced', schema: m.UsageReturn }],
    errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A negative or absurd volume, more marked than produced, too many channels, or a year outside the user\u2019s years.', 403: 'A user of another county\u2019s GI, or a write from another site\u2019s page.', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'listDesignationReturns', method: 'get', path: '/api/designations/{id}/usage-returns', tag: 'marks', who: 'official',
    summary: 'The usage returns and open links of every user of a designation', ok: ok200(m.UsageReturnList), errors: [400, 401, 403, 404] },
  { operationId: 'reviewUsageReturn', ifMatch: IF_MATCH.version, method: 'post', path: '/api/usage-returns/{id}/review', tag: 'marks', who: 'official',
    summary: 'Accept a company\u2019s return, or return it for correction', description: 'Returning needs a note saying why; the county can then issue a new link. Audited.',
    body: m.UsageReturnReview, ok: ok200(m.UsageReturn), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'The return is not awaiting review (`not_submitted`: entered by the county, accepted or returned already), or the product is archived (`archived`).' } },
  { operationId: 'issueReturnLink', method: 'post', path: '/api/authorized-users/{id}/return-links', tag: 'marks', who: 'official',
    summary: 'Issue a link for a user to fill in a year\u2019s return',
    description: 'A random, single-use address `/return/<token>` (30 days unless `days` says otherwise, at most 90) and its QR code; only the token\u2019s hash is kept, so the address is shown this once. An older open link for the same user and year ends now. Audited.',
    body: m.ReturnLinkCreate, ok: ok201(m.ReturnLinkIssued), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'The year\u2019s return is accepted already (`return_accepted`) or awaits review (`return_submitted`), or the product is archived (`archived`).' } },
  { operationId: 'getReturnLink', ...read('/api/return-links/{token}'), tag: 'marks', pathParams: { token: z.string().max(100) },
    summary: 'What a return link is for: the user, its GI and the year',
    description: 'For the company holding the link, without an account: the token is the only key. Nothing else of the registry\u2019s private data. Limited per address.',
    ok: ok200(m.ReturnLinkForm), errors: [404, 410, 429],
    why: { 404: 'No such link.', 410: 'The link has been used (`link_used`), has expired (`link_expired`), or its product is archived (`link_void`).' } },
  { operationId: 'submitReturnByLink', method: 'post', path: '/api/return-links/{token}', tag: 'marks', who: 'all', pathParams: { token: z.string().max(100) },
    summary: 'Submit a year\u2019s return through its link (once)',
    description: 'Kept as `submitted` (`via: link`) until the county accepts or returns it; the link is used up. The body names no user and no year: the link says which. Limited per address.',
    body: m.UsageReturnInput, ok: ok201(m.ReturnReceipt), errors: [...WRITE, 404, 409, 410, 429],
    why: { 404: 'No such link.', 409: 'The year\u2019s return was meanwhile accepted (`return_accepted`).', 410: 'The link has been used (`link_used`), has expired (`link_expired`), or its product is archived (`link_void`).' } },
  { operationId: 'getMarkUse', ...read('/api/products/{id}/mark-use'), tag: 'marks', optionalSession: true, etag: true,
    summary: 'A product\u2019s use of its marks by year (aggregates only)',
    description: 'Per designation and year with accepted yearly usage returns: how many authorised users declared a marked volume (`reporters`), their total in tonnes against the ceiling of that year\u2019s figures (area \u00d7 yield per mu, else the output; `basis` says which, `unknown` when neither is known). Never one company\u2019s volume: a year with fewer than `minReporters` (3) reporters has `markedTonnes: null` and `withheld: true`.',
    ok: ok200(m.MarkUse), errors: [400, 404], why: { 404: 'No such product, or one the viewer may not read (a draft or archived product for the public).' } },
  { operationId: 'getSignals', method: 'get', path: '/api/signals', tag: 'marks', who: 'official',
    summary: 'Signals from the yearly usage returns',
    description: 'For the viewer\u2019s county (an admin: every county, or `county`): each GI and year whose accepted returns declare more marked tonnes than the ceiling of the product\u2019s figures for that year (`exceeds`; equal is not above; no figures: basis `unknown`, never flagged), active users with no accepted or submitted return for the last two complete years they were authorised in, and users whose term ends within 90 days (today by the server\u2019s clock, Asia/Shanghai).',
    query: m.CountyScopeQuery, ok: ok200(m.Signals), errors: [400, 401, 403], why: { 403: 'An official named another county.' } },
  { operationId: 'getZoneReadiness', method: 'get', path: '/api/readiness', tag: 'marks', who: 'official',
    summary: 'Demonstration-zone readiness of the GIs in force',
    description: 'Per granted GI of the viewer\u2019s county (an admin: the city, or `county`): authorised users in force \u00f7 producers (the latest figures\u2019 households up to last year, else the cooperative-farmer model\u2019s enterprises, cooperatives and farmer households: `basis`), last year\u2019s accepted marked tonnes \u00f7 that year\u2019s output, and whole years since the grant, each `pass`, `fail` or `unknown` against the thresholds; `closest` names the GIs not yet eligible, most criteria met first, then the smallest gap.',
    query: m.CountyScopeQuery, ok: ok200(m.ZoneReadiness), errors: [400, 401, 403], why: { 403: 'An official named another county.' } },
  { operationId: 'getReadinessSettings', method: 'get', path: '/api/readiness-settings', tag: 'marks', who: 'official',
    summary: 'The demonstration-zone thresholds', ok: ok200(m.ReadinessSettingsAnswer), errors: [401] },
  { operationId: 'putReadinessSettings', ifMatch: IF_MATCH.version, method: 'put', path: '/api/readiness-settings', tag: 'marks', who: 'admin',
    summary: 'Change the demonstration-zone thresholds (admins)',
    description: 'Shares from 0 to 1 (national: 0.6; a province may use 0.5), whole years from 0 to 20 (national: 3). Audited.',
    body: m.ReadinessSettings, ok: ok200(m.ReadinessSettingsAnswer), errors: [...WRITE, 401],
    why: { 400: 'A share outside 0\u20131, years not a whole number from 0 to 20, a field missing or unknown: nothing is changed.', 403: 'Not an admin, or a write from another site\u2019s page.' } },
  { operationId: 'verifyEnterprise', ...read('/api/verify'), tag: 'marks',
    summary: 'May this company use a GI mark?',
    description: 'A credit code (exact) or a name or part of it (2+ characters). Answers which GIs of the public registry the company is authorised to use, since when, and whether it may today (`valid`, with the `reason` when not), with what a genuine label of each GI shows (`number` or `announcement` by GI type, `specification` when the registry holds one, `labels`: photos of a genuine label). `kind` says what the answer means: `found`; `not_found` (not among the `registry.users` enterprises using `registry.designations` GIs, as of `registry.lastChangedOn`: the newest change of a user of a public product); `empty_registry` (the registry holds no users yet, so absence proves nothing); `invalid_code` (18 characters read as a credit code whose GB 32100 check character is wrong: nothing is looked up). A suspension or revocation is named (`reason` `suspended`/`revoked`, with its `decision`) only while its decision is shown; otherwise the reason is `not_authorised`. A `not_found` or `empty_registry` answer counts the query (as a comparable name, or the code) in the officials\u2019 list of misses. Limited per address; answers may be kept by caches for 60 s.',
    query: m.VerifyQuery, ok: ok200(m.VerifyResult), errors: [400, 429] },
  { operationId: 'listVerifyMisses', method: 'get', path: '/api/verify-misses', tag: 'marks', who: 'official',
    summary: 'What the public looked for on /verify and did not find',
    description: 'Names (as compared: NFKC, no spaces, lower case) and credit codes asked at least `minCount` (3) times without an answer, most asked first, with the first and last time: a company buyers meet that the registry does not list. Counts only: never who asked. Codes with a wrong check character are not counted. Signed-in officials and admins.',
    ok: ok200(m.VerifyMisses), errors: [401] },
  // places
  { operationId: 'checkScope', method: 'post', path: '/api/designations/{id}/scope/check', tag: 'places', who: 'official',
    summary: 'Match an announcement\u2019s scope text to the current codes',
    description: 'Reads the pasted scope (保护范围) into the names it lists and matches each within the product\u2019s counties against the 2023 township and village codes: `matched`, `renamed` (another suffix of its level), `misspelt` (same pinyin or one character off: `candidates`), `ambiguous`, `other_county`, `vanished` (not in the 2023 codes), `unknown`; checks a coordinate box against the counties. Keeps nothing: the official resolves each flag and PUTs the codes. Officials of the product\u2019s county and admins.',
    body: m.ScopeCheckInput, ok: ok200(m.ScopeCheckAnswer, 'Every name with what became of it, the box check and a tally'), errors: [...WRITE, 401, 404],
    why: { 403: 'Not your county, or a write from another site\u2019s page.', 404: 'No such designation (or one you may not see).', 413: 'A text over 20,000 characters (`scope_too_long`) or over 500 names (`scope_too_many_names`).' } },
  { operationId: 'putScope', ifMatch: IF_MATCH.scope, method: 'put', path: '/api/designations/{id}/scope', tag: 'places', who: 'official',
    summary: 'Keep a designation\u2019s protected area as codes',
    description: 'The text verbatim with its source and date, an optional box, and the township (the whole township) and village codes an official resolved it to. Each code must be current, listed once and in the product\u2019s counties; nothing is kept otherwise. Audited.',
    body: m.ScopeInput, ok: ok200(m.DesignationScope, 'The scope as kept'), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, a code is unknown, repeated or outside the product\u2019s counties (`bad_scope_codes`, one issue per code), or the box lies off the counties (`scope_box_off`).', 403: 'Not your county, or a write from another site\u2019s page.', 409: 'The product is archived: restore it first (`archived`).', 413: 'Over a limit: the text (`scope_too_long`, `scope_too_many_names`), or more than 2,000 codes (`scope_too_many_codes`).' } },
  { operationId: 'deleteScope', ifMatch: IF_MATCH.scope, method: 'delete', path: '/api/designations/{id}/scope', tag: 'places', who: 'official',
    summary: 'Remove a designation\u2019s protected area', ok: [{ status: 204, description: 'Removed' }], errors: [...WRITE, 401, 404, 409],
    why: { 404: 'No such designation, or it keeps no scope.', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'listDivisions', ...read('/api/divisions'), tag: 'places',
    summary: 'Townships and villages by county, level, name or code',
    description: 'The 2023 codes of Jincheng\u2019s townships and villages, in code order (each township before its villages): at most 50, `truncated` when more match. `q` is a part of a name (NFKC, spaces ignored), a 12-digit code, or the first 9\u201311 digits of codes.',
    query: m.DivisionQuery, ok: ok200(m.DivisionList), errors: [400] },
  { operationId: 'lookupPlace', ...read('/api/places/lookup'), tag: 'places',
    summary: 'Is my village in a protected area?',
    description: 'A village or township by name (or part of one, NFKC) or code (12 digits, or its first 9\u201311): each matching unit (at most 50) with the protected areas of granted GIs of the public registry that include it (its code listed, or its township listed whole), since when and from which announcement. `areas: []` means it lies in none. Limited per address.',
    query: m.PlaceLookupQuery, ok: ok200(m.PlaceLookupAnswer), errors: [400, 429] },
  // cultivation
  { operationId: 'getDossier', ...read('/api/designations/{id}/dossier'), tag: 'cultivation', optionalSession: true,
    summary: 'A designation\u2019s cultivation dossier',
    description: 'The public sees each item\u2019s title and status and the public documents behind it; officials of the product\u2019s county and admins also see owners, due dates, notes, overdue marks and template changes on offer.',
    ok: ok200(m.Dossier), errors: [400, 404] },
  { operationId: 'putDossierItem', ifMatch: IF_MATCH.dossierItem, method: 'put', path: '/api/designations/{id}/dossier/{key}', tag: 'cultivation', who: 'official',
    pathParams: { key: m.DossierItemKey }, summary: 'Set one dossier item', description: 'The item\u2019s whole state: status, owner, due date, note and the documents (of the product or this designation) that back it. Audited.',
    body: m.DossierItemInput, ok: ok200(m.Dossier, 'The dossier after the change'), errors: [...WRITE, 401, 404, 409],
    why: { 404: 'No such designation, or its dossier has no item with this key.', 409: 'The dossier is closed (the designation is granted, rejected, withdrawn, …: `dossier_closed`) or the product is archived (`archived`).' } },
  { operationId: 'acceptDossierTemplate', ifMatch: IF_MATCH.checklist, method: 'post', path: '/api/designations/{id}/dossier-template', tag: 'cultivation', who: 'official',
    summary: 'Take the checklist\u2019s current version', description: 'Applies the template change on offer (`templateOffer`): new items start missing, dropped items go, work on the others is kept.',
    body: m.TemplateAcceptInput, ok: ok200(m.Dossier), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'The checklist moved on since the offer (`stale_template`), or the dossier is closed (`dossier_closed`).' } },
  { operationId: 'getCultivationBoard', method: 'get', path: '/api/cultivation', tag: 'cultivation', who: 'official',
    summary: 'Every open candidate with its readiness (the cultivation board)', description: 'An official sees their county\u2019s candidates, an admin every county\u2019s. Least ready first.',
    query: m.CultivationQuery, ok: ok200(m.Cultivation), errors: [400, 401] },
  { operationId: 'exportCultivationXlsx', method: 'get', path: '/api/cultivation.xlsx', tag: 'cultivation', who: 'official',
    summary: 'The cultivation board as XLSX', query: m.CultivationQuery.extend({ lang: z.enum(['zh', 'en']).optional() }),
    ok: file(MEDIA.xlsx, 'An Excel workbook: one row per candidate'), errors: [400, 401] },
  { operationId: 'getTodo', method: 'get', path: '/api/todo', tag: 'cultivation', who: 'official',
    summary: 'What needs the signed-in official now (the workspace home)',
    description: 'Counted groups, soonest first: dossier items overdue and due within 30 days, drafts not published, trademarks due for renewal (the tally\u2019s rule: in force, term ending within 12 months or lapsed), authorised users whose term ends within 90 days and those with no yearly return for the last two complete years (the signals\u2019 rules, `GET /api/signals`) and, for admins, the next plan period once the last has ended. An official sees their county\u2019s, an admin the city\u2019s. Each item links to the workspace place where it is done.',
    ok: ok200(m.TodoList), errors: [401] },
  { operationId: 'getDossierTemplate', method: 'get', path: '/api/dossier-templates/{giType}', tag: 'cultivation', who: 'official',
    pathParams: { giType: m.TemplateKey }, summary: 'The checklist a GI type\u2019s dossiers start from (`conversion`: the one of designations started as a conversion)', ok: ok200(m.DossierTemplate), errors: [400, 401] },
  { operationId: 'putDossierTemplate', ifMatch: IF_MATCH.template, method: 'put', path: '/api/dossier-templates/{giType}', tag: 'cultivation', who: 'admin',
    pathParams: { giType: m.TemplateKey }, summary: 'Replace a checklist (admins)',
    description: 'Moves the version: dossiers started later follow it; recorded dossiers are offered the change and keep theirs until they take it.',
    body: m.DossierTemplateInput, ok: ok200(m.DossierTemplate), errors: [...WRITE, 401] },
  // documents
  { operationId: 'uploadDocument', method: 'post', path: '/api/products/{id}/documents', tag: 'documents', who: 'official',
    summary: 'Attach a document or photo to a product', bodyMedia: 'multipart/form-data', body: DocumentUpload,
    description: 'One file (20 MiB at most, checked while it arrives) and its metadata. The type is recognised from the bytes; pictures are stored upright without their metadata (EXIF, GPS) and get a 320-pixel WebP thumbnail; Word and Excel files lose the names and picture metadata they carry; a PDF is kept byte for byte. Officials attach files to products of their own county.',
    ok: ok201(m.Document), errors: [...WRITE, 401, 404, 408, 409, 503, 507],
    why: { 400: 'Wrong or missing fields, no file, a `photo` that is not a picture, a picture that cannot be decoded, a Word or Excel file that cannot be read, a PDF carrying a photo\u2019s GPS position (`pdf_has_location`), or a designation of another product.',
      408: 'The body stopped arriving for 30 s (`upload_stalled`).',
      503: 'Uploads in flight hold all their room (`uploads_busy`), photos queued hold the pixel budget (`photos_busy`), or the server is stopping.',
      507: 'The server\u2019s storage is full (`storage_full`): nothing was kept.',
      403: 'Not your county, or a write from another site\u2019s page.', 409: 'The product is archived: restore it first (`archived`).',
      413: 'The file is over 20 MiB (20,971,520 bytes; that size itself is taken), a picture over 100 megapixels, a Word or Excel file that unpacks to too much, more than one file, or too many or too long fields.',
      415: 'Not `multipart/form-data`, or a file whose bytes are not a PDF, JPEG, PNG, WebP, DOCX or XLSX (`unsupported_file_type`), whatever its name.' } },
  { operationId: 'getDocument', ...read('/api/documents/{id}'), tag: 'documents', optionalSession: true, etag: true,
    summary: 'A document\u2019s file', description: 'Its real type, `X-Content-Type-Options: nosniff`, a sandboxing `Content-Security-Policy`, and `Content-Disposition` inline for pictures and PDF, as a download for Word and Excel (the title as the file name). Public files are open to every origin and may be cached (revalidated by ETag); internal ones are never kept.',
    ok: [{ status: 200, description: 'The file', mediaTypes: Object.keys(m.DOCUMENT_TYPES), attachment: true }], errors: [400, 404, 429],
    why: { 429: 'This address already has 6 files larger than 512 KiB downloading (`too_many_downloads`).', 404: 'No such document, or one the viewer may not read: an internal file answers 404 to the public and to officials of other counties, as if it did not exist.' } },
  { operationId: 'getDocumentThumbnail', ...read('/api/documents/{id}/thumbnail'), tag: 'documents', optionalSession: true, etag: true,
    summary: 'A picture\u2019s thumbnail (WebP, 320 pixels wide at most)',
    ok: [{ status: 200, description: 'The thumbnail', media: m.THUMBNAIL_MIME, attachment: true }], errors: [400, 404],
    why: { 404: 'No such document, one the viewer may not read, or a file that is not a picture (no thumbnail).' } },
  { operationId: 'updateDocument', ifMatch: IF_MATCH.version, method: 'patch', path: '/api/documents/{id}', tag: 'documents', who: 'official',
    summary: 'Change a document\u2019s title, kind, date, source or visibility', body: m.DocumentUpdate, ok: ok200(m.Document),
    errors: [...WRITE, 401, 404, 409], why: { 400: 'A field is wrong, or there is nothing to change (`{}`).', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'deleteDocument', ifMatch: IF_MATCH.version, method: 'delete', path: '/api/documents/{id}', tag: 'documents', who: 'official',
    summary: 'Delete a document and its file', description: 'For good; the history keeps what it was.',
    ok: [{ status: 204, description: 'Deleted' }], errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  // geography
  { operationId: 'listCounties', ...read('/api/counties'), tag: 'geography', etag: true,
    summary: 'Every county, with the days division changes began and ended it', ok: ok200(z.array(m.County)), errors: [] },
  { operationId: 'getCountyBoundaries', ...read('/api/counties.geojson'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'County boundaries with counts per county (GeoJSON)',
    ok: [{ status: 200, description: 'A FeatureCollection of polygons', media: MEDIA.geojson, schema: m.CountyCollection }], errors: [] },
  // tally
  { operationId: 'getTally', ...read('/api/tally'), tag: 'tally', etag: true,
    summary: 'GI counts against targets as of a date',
    description: 'The current period and today (Asia/Shanghai) unless `period` and `asOf` say otherwise. Once the last period has ended, the default is that period as of its last day; `periodEnded` says whether today is past the shown period\u2019s end (whatever `asOf` is), and `period.nameEn` is its English name.',
    query: m.TallyQuery, ok: ok200(m.Tally), errors: [400, 404], why: { 404: 'No such period (or no period at all).' } },
  { operationId: 'getTallySeries', ...read('/api/tally/series'), tag: 'tally', etag: true,
    summary: 'Designations in force per GI type over a period', query: m.TallySeriesQuery, ok: ok200(m.TallySeries),
    errors: [400, 404], why: { 404: 'No such period (or no period at all).' } },
  { operationId: 'getAnnualReport', ...read('/api/reports/annual'), tag: 'tally', etag: true,
    summary: 'The annual report of a calendar year',
    description: 'Totals in force at the year end (today while the year is not over) against the targets of the period containing it, what was new in the year (grants, filings, authorised users, with dates and numbers), by county, households and the year\u2019s industry figures, trademarks due for renewal next year, and who issues it. The counts are the tally\u2019s (`GET /api/tally?asOf=`) on the same day. Both languages are in the JSON; `lang` is for the files.',
    query: m.AnnualReportQuery, ok: ok200(m.AnnualReport), errors: [400], why: { 400: 'No year, or a year before 1949 or after the current year.' } },
  { operationId: 'getAnnualReportDocx', ...read('/api/reports/annual.docx'), tag: 'tally',
    summary: 'The annual report as a Word file', description: 'A4, headings and Word tables, page numbers in the footer; in Chinese unless `lang=en`.',
    query: m.AnnualReportQuery, ok: file(MEDIA.docx, 'A Word document (.docx)'), errors: [400], why: { 400: 'No year, or a year before 1949 or after the current year.' } },
  { operationId: 'getAnnualReportXlsx', ...read('/api/reports/annual.xlsx'), tag: 'tally',
    summary: 'The annual report as an Excel workbook', description: 'A sheet per section with frozen headers; dates known to the day are date cells, others text as known.',
    query: m.AnnualReportQuery, ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [400], why: { 400: 'No year, or a year before 1949 or after the current year.' } },
  { operationId: 'getReportSettings', method: 'get', path: '/api/report-settings', tag: 'tally', who: 'admin',
    summary: 'Who issues the annual report', ok: ok200(m.ReportSettingsAnswer), errors: [401, 403] },
  { operationId: 'putReportSettings', ifMatch: IF_MATCH.version, method: 'put', path: '/api/report-settings', tag: 'tally', who: 'admin',
    summary: 'Change who issues the annual report', description: 'Audited.', body: m.ReportSettings, ok: ok200(m.ReportSettingsAnswer), errors: [...WRITE, 401] },
  { operationId: 'listPeriods', ...read('/api/periods'), tag: 'tally', etag: true,
    summary: 'Plan periods with targets', description: 'Oldest first, each with its Chinese `name` and English `nameEn` (empty for one stored before periods had English names), its dates (never overlapping another\u2019s) and per-type baseline and target.',
    ok: ok200(z.array(m.Period)), errors: [] },
  { operationId: 'createPeriod', method: 'post', path: '/api/periods', tag: 'tally', who: 'admin',
    summary: 'Add a plan period', description: 'Both names are required and each must be unique (the English one whatever its capitals); the dates may not share a day with another period\u2019s. Audited.',
    body: m.PeriodInput, ok: ok201(m.Period), errors: [...WRITE, 401, 409],
    why: { 409: 'Another period has this Chinese or English name (`period_name_taken`), or the dates overlap another period\u2019s (`period_overlap`); the issue names the field.' } },
  { operationId: 'updatePeriod', ifMatch: IF_MATCH.version, method: 'put', path: '/api/periods/{id}', tag: 'tally', who: 'admin',
    summary: 'Change a plan period and its targets', description: 'Replaces its names, dates and targets (a type left out has none afterwards), with the same rules as adding one. Audited.',
    body: m.PeriodInput, ok: ok200(m.Period), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'Another period has this Chinese or English name (`period_name_taken`), or the dates overlap another period\u2019s (`period_overlap`); the issue names the field.' } },
  // export
  { operationId: 'exportProductsCsv', ...read('/api/export/products.csv'), tag: 'export',
    summary: 'The public registry as CSV', query: m.ProductFilter,
    ok: file(MEDIA.csv, 'UTF-8 with a byte-order mark (so Excel reads the Chinese), one row per designation, streamed'), errors: [400] },
  { operationId: 'exportProductsXlsx', ...read('/api/export/products.xlsx'), tag: 'export', optionalSession: true,
    summary: 'The public registry as XLSX',
    description: 'Sheets of GIs, status moves, participants and authorised users. Signed in, an official\u2019s copy adds a sheet of the yearly usage returns of the products they manage (用标报告; every county\u2019s for an admin), and is never cached.',
    query: m.ProductFilter, ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400] },
  { operationId: 'getFeed', ...read('/api/feed.atom'), tag: 'export', etag: true,
    summary: 'Recent changes to the public registry as an Atom feed',
    ok: [{ status: 200, description: 'An Atom 1.0 feed (RFC 4287)', media: MEDIA.atom }], errors: [] },
  // session
  { operationId: 'signIn', method: 'post', path: '/api/session', tag: 'session', who: 'all',
    summary: 'Sign in', description: 'Sets the HttpOnly session cookie `gi_session` (its `Max-Age` is the session\u2019s lifetime) and answers the account with its session\u2019s timing. `LOCKOUT_ATTEMPTS` (5) wrong passwords in a row for a username from one address lock that pair for `LOCKOUT_MINUTES` (30): 423 with `Retry-After`; another address is not locked, and an unknown username is treated alike. Growing delays per username and address, and a cap per address, answer 429. Every sign-in and failure is a security event.',
    body: m.SessionCreate, ok: [{ status: 200, description: 'The signed-in account and its session', schema: m.SessionAnswer, setsCookie: true }],
    errors: [...WRITE, 401, 423, 429], why: { 401: 'Wrong username or password, or an inactive account (`bad_credentials`).', 423: 'Too many wrong passwords for this username from this address (`account_locked`): retry after `Retry-After` seconds, or have an account manager unlock it.' } },
  { operationId: 'whoAmI', method: 'get', path: '/api/session', tag: 'session', who: 'account',
    summary: 'Who am I', description: 'The account and its session: when it ends if idle (`idleExpiresAt`, `SESSION_IDLE_MINUTES`), when it ends however busy (`expiresAt`, `SESSION_MAX_HOURS`), whether its password must be changed first (`passwordExpired`). Every signed-in request counts as activity.',
    ok: ok200(m.SessionAnswer, 'The signed-in account and its session'), errors: [401],
    why: { 401: 'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`, said once).' } },
  { operationId: 'keepAlive', method: 'post', path: '/api/session/keep-alive', tag: 'session', who: 'account',
    summary: 'Stay signed in', description: 'Starts the idle time again (not the lifetime): the answer\u2019s `idleExpiresAt` is a full idle time from now.',
    ok: ok200(m.KeepAliveAnswer, 'The session\u2019s timing'), errors: [401, 403, 415],
    why: { 401: 'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`).' } },
  { operationId: 'changePassword', method: 'post', path: '/api/session/password', tag: 'session', who: 'account',
    summary: 'Change my password', description: 'Any signed-in account changes its own. The account\u2019s other sessions end; this one goes on, and may write again if its password had expired.',
    body: m.PasswordChange, ok: ok200(m.SessionAnswer, 'The account and its session'), errors: [...WRITE, 401],
    why: { 400: 'A field is wrong; the current password is wrong (`wrong_password`); the new one is too weak (as when an account is created); or it is the current one or one of the last `PASSWORD_HISTORY` (`password_reused`).' } },
  { operationId: 'signOut', method: 'delete', path: '/api/session', tag: 'session', who: 'all', optionalSession: true,
    summary: 'Sign out', description: 'Ends the session (if any) and clears the cookie; signing out twice is fine.',
    ok: [{ status: 204, description: 'Signed out' }], errors: [403] },
  // import
  { operationId: 'getImportTemplate', method: 'get', path: '/api/import/template.xlsx', tag: 'import', who: 'official',
    summary: 'The import template', description: 'Chinese headers, drop-down lists, an instructions sheet.',
    ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [401] },
  { operationId: 'getAuthorizedUserTemplate', method: 'get', path: '/api/import/authorized-users-template.xlsx', tag: 'import', who: 'official',
    summary: 'The authorised-user list template', description: 'A list of 用标企业 (told apart by its 用标企业名称 column) imports through POST /api/import like a product table.',
    ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [401] },
  { operationId: 'getUsageReturnTemplate', method: 'get', path: '/api/import/usage-returns-template.xlsx', tag: 'import', who: 'official',
    summary: 'The yearly usage-return template', description: 'A list of 用标报告 (told apart by its 报告年度 column and a figure: 用标数量, 产量 or 印制标志), one user and year per row, imports through POST /api/import; imported returns are accepted.',
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
    summary: 'The audit log, filtered and paged', description: 'Officials see the history of their county\u2019s products and designations; admins and auditors everything. Not for security admins (403).',
    query: m.AuditQuery, ok: ok200(m.AuditPage), errors: [400, 401, 403], why: { 403: 'An official asked for another county, or a security admin asked.' } },
  { operationId: 'exportAuditXlsx', method: 'get', path: '/api/audit/export.xlsx', tag: 'audit', who: 'official',
    summary: 'The filtered audit log as XLSX, told in sentences', description: 'As the audit log; the download is a security event (`export`).', query: m.AuditExportQuery,
    ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400, 401, 403], why: { 403: 'An official asked for another county, or a security admin asked.' } },
  { operationId: 'listSecurityEvents', method: 'get', path: '/api/security-events', tag: 'audit', who: 'securityLog',
    summary: 'The security events, filtered and paged', description: 'Newest first. `username` finds the events of an account and those about it; `from` and `to` are days in Asia/Shanghai. Kept in the database `AUDIT_RETENTION_DAYS` (180) at least, then archived beside it.',
    query: m.SecurityEventQuery, ok: ok200(m.SecurityEventPage), errors: [400, 401, 403] },
  { operationId: 'exportSecurityEventsXlsx', method: 'get', path: '/api/security-events/export.xlsx', tag: 'audit', who: 'securityLog',
    summary: 'The filtered security events as XLSX', description: 'The download is itself a security event (`export`).', query: m.SecurityEventExportQuery,
    ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400, 401, 403] },
  // users
  { operationId: 'listUsers', method: 'get', path: '/api/users', tag: 'users', who: 'accounts',
    summary: 'Accounts', description: 'With each account\u2019s lock (`lockedUntil`: the latest in force from any address) and `version`.', ok: ok200(z.array(m.User)), errors: [401, 403] },
  { operationId: 'createUser', method: 'post', path: '/api/users', tag: 'users', who: 'accounts',
    summary: 'Create an account', description: 'An official has a county; the other roles (`admin`, `security_admin`, `auditor`) none.', body: m.UserCreate, ok: ok201(m.User), errors: [...WRITE, 401, 409],
    why: { 400: 'A field is wrong, or the password is too weak: under 10 characters, fewer than 6 different ones, a run such as 1234567890, a common password, or the username with a little added (the message says which).', 409: 'The username is taken (`username_taken`).' } },
  { operationId: 'updateUser', ifMatch: IF_MATCH.version, method: 'patch', path: '/api/users/{id}', tag: 'users', who: 'accounts',
    summary: 'Change an account', description: 'A new password (a reset: not one of the account\u2019s last `PASSWORD_HISTORY`), a deactivation or a change of role or county ends the account\u2019s sessions. Nobody may deactivate themself or change their own role (403), and at least one active account able to manage accounts must remain (409).',
    body: m.UserUpdate, ok: ok200(m.User), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, the new password is too weak (as when an account is created; the message says why), or it is one of the last `PASSWORD_HISTORY` (`password_reused`).', 409: 'It would leave no active account able to manage accounts (`last_account_manager`).' } },
  { operationId: 'unlockUser', ifMatch: IF_MATCH.version, method: 'post', path: '/api/users/{id}/unlock', tag: 'users', who: 'accounts',
    summary: 'Unlock an account', description: 'Lifts every lock wrong passwords put on the account\u2019s username, from every address, and forgets the failures. A security event (`unlocked`).',
    ok: ok200(m.User), errors: [400, 401, 403, 404, 415] },
  // meta
  { operationId: 'health', ...read('/api/health'), tag: 'meta',
    summary: 'Liveness', description: 'Answers once the database answers (cheap: for a process supervisor\u2019s liveness probe).', ok: ok200(Ok), errors: [] },
  { operationId: 'ready', ...read('/api/ready'), tag: 'meta',
    summary: 'Readiness', description: 'Whether this process can do its whole job now: the database takes a real write, it has run exactly the migrations this release knows, and a task worker answers. Never cached.',
    ok: [{ status: 200, description: 'Ready: every check passed', schema: Readiness }, { status: 503, description: 'Not ready: `checks` says which check failed and why', schema: Readiness }], errors: [] },
  { operationId: 'getClientConfig', ...read('/api/config'), tag: 'meta', etag: true,
    summary: 'Map settings for the client', description: 'The tile layer (none unless configured) and the map\u2019s approval number (审图号).',
    ok: ok200(m.ClientConfig), errors: [] },
  { operationId: 'getOpenApi', ...read('/api/openapi.json'), tag: 'meta', etag: true,
    summary: 'This description (OpenAPI 3.1)', ok: [{ status: 200, description: 'The OpenAPI document', schema: z.looseObject({ openapi: z.string() }) }], errors: [] },
  { operationId: 'getApiPage', ...read('/api/docs'), tag: 'meta', etag: true,
    summary: 'This description as a web page', description: '`lang=en` for English; Chinese otherwise.',
    query: z.object({ lang: z.enum(['zh', 'en']).optional() }),
    ok: [{ status: 200, description: 'An HTML page (no scripts)', media: MEDIA.html }], errors: [] },
  { operationId: 'getApiPageStyles', ...read('/api/docs.css'), tag: 'meta', etag: true,
    summary: 'The API page\u2019s stylesheet', ok: [{ status: 200, description: 'CSS', media: MEDIA.css }], errors: [] },
];

