/**
 * What an operation of the HTTP API is, as data: who may call it, its tag, its answers, and the helpers the
 * operations of every tag are written with (server/openapi/operations/*.ts). server/openapi.ts turns them into
 * the OpenAPI document; the API page and the tests read them too.
 */
import { z } from 'zod';
import type * as m from '../../db/model';

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
export const WRITE = [400, 403, 413, 415];
/**
 * A public read: a path of the open-data table (db/model/public-surface.ts), every GET of which is for
 * everyone. A path the table does not name does not compile (test/server/public-surface-table.test.ts checks the reverse).
 */
export const read = (path: m.OpenDataPathName) => ({ method: 'get', path, who: 'all' }) as const;
/** A 200 answering a JSON body (`OK` unless described otherwise). */
export const ok200 = (schema: z.ZodType, description = 'OK'): Success[] => [{ status: 200, description, schema }];
/** A 201 answering what was created (`Created` unless described otherwise). */
export const ok201 = (schema: z.ZodType, description = 'Created'): Success[] => [{ status: 201, description, schema }];
/** A 200 answering a file in `media`, as a download. */
export const file = (media: string, description: string): Success[] => [{ status: 200, description, media, attachment: true }];
