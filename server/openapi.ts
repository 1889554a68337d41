/**
 * The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas the server
 * validates with (db/model.ts), so the document cannot drift from the code's contract.
 *
 * Every operation lists the statuses its route really answers with (test/server/openapi-responses.test.ts
 * sends good and bad requests to each and checks every status and JSON body against this document).
 */
import { z } from 'zod';
import * as m from '../db/model';
import {
  DocumentUpload, ImportFailed, MEDIA, OPERATIONS, Page, TAGS, type Operation, type Success, type Who,
} from './openapi/operations';

export { OPERATIONS, TAGS, MEDIA, type Operation, type Who } from './openapi/operations';

// ---------------------------------------------------------------- building the document

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return spellOutEnumRecords(rest) as Json;
};

/**
 * A record keyed by an enum (`z.record(GiType, …)`) comes out as `propertyNames` + `required` with no
 * `properties`; naming each key's schema says the same and lets readers (and linters) see the keys.
 */
function spellOutEnumRecords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(spellOutEnumRecords);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, spellOutEnumRecords(v)])) as Json;
  const keys = (out.propertyNames as { enum?: string[] } | undefined)?.enum;
  if (keys && !out.properties && out.additionalProperties && typeof out.additionalProperties === 'object') {
    out.properties = Object.fromEntries(keys.map((k) => [k, out.additionalProperties]));
  }
  return out;
}

/** Named schemas (components.schemas) and the shared responses used, filled while the paths are built. */
class Schemas {
  readonly named: Record<string, Json> = {};
  readonly responses = new Set<string>();
}

const RESPONSE_NAMES = new Map<z.ZodType, string>([
  [m.Product, 'Product'], [Page, 'ProductPage'], [m.Designation, 'Designation'], [m.User, 'User'], [m.Period, 'Period'],
  [m.SessionAnswer, 'SessionAnswer'], [m.SecurityEventPage, 'SecurityEventPage'],
  [m.County, 'County'], [m.Tally, 'Tally'], [m.TallySeries, 'TallySeries'], [m.ImportReport, 'ImportReport'],
  [m.ImportProgress, 'ImportProgress'], [m.AuditPage, 'AuditPage'], [m.Participant, 'Participant'], [m.ClientConfig, 'ClientConfig'],
  [m.Document, 'Document'], [m.CountyCollection, 'CountyFeatureCollection'], [m.ProductPoints, 'ProductPointCollection'], [m.ApiError, 'Error'], [ImportFailed, 'ImportFailed'],
]);
const BODY_NAMES = new Map<z.ZodType, string>([
  [m.ProductCreate, 'ProductCreate'], [m.ProductUpdate, 'ProductUpdate'], [m.Participants, 'Participants'],
  [m.DesignationCreate, 'DesignationCreate'], [m.DesignationUpdate, 'DesignationUpdate'], [m.TransitionCreate, 'TransitionCreate'],
  [m.PeriodInput, 'PeriodInput'], [m.SessionCreate, 'SessionCreate'], [m.PasswordChange, 'PasswordChange'], [m.ImportRequest, 'ImportRequest'],
  [m.UserCreate, 'UserCreate'], [m.UserUpdate, 'UserUpdate'], [DocumentUpload, 'DocumentUpload'], [m.DocumentUpdate, 'DocumentUpdate'],
]);

/** A response schema, by reference when it has a name (arrays of named items refer to their item). */
function responseSchema(schemas: Schemas, s: z.ZodType): Json {
  const name = RESPONSE_NAMES.get(s);
  if (name) {
    schemas.named[name] ??= schemaOf(s, 'output');
    return { $ref: `#/components/schemas/${name}` };
  }
  if (s instanceof z.ZodArray) {
    const item = s.element as z.ZodType;
    if (RESPONSE_NAMES.has(item)) return { type: 'array', items: responseSchema(schemas, item) };
  }
  if (s instanceof z.ZodUnion) return { anyOf: (s.options as z.ZodType[]).map((o) => responseSchema(schemas, o)) };
  return schemaOf(s, 'output');
}

function bodySchema(schemas: Schemas, s: z.ZodType): Json {
  const name = BODY_NAMES.get(s);
  if (!name) return schemaOf(s, 'input');
  if (!schemas.named[name]) schemas.named[name] = schemaOf(s, 'input');
  return { $ref: `#/components/schemas/${name}` };
}

function parametersOf(op: Operation): Json[] {
  const params: Json[] = [];
  if (op.path.includes('{id}')) {
    params.push({ $ref: '#/components/parameters/id' });
  }
  for (const [name, schema] of Object.entries(op.pathParams ?? {})) {
    params.push({ name, in: 'path', required: true, schema: schemaOf(schema, 'input') });
  }
  if (op.query) {
    const shape = schemaOf(op.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(shape.properties ?? {})) {
      const { description, ...rest } = schema;
      params.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest });
    }
  }
  if (op.etag) params.push({ $ref: '#/components/parameters/IfNoneMatch' });
  if (op.ifMatch) params.push({ name: 'If-Match', in: 'header', required: true, description: op.ifMatch, schema: { type: 'string' } });
  return params;
}

/**
 * The statuses an operation answers with: its own, a versioned write's 412 and 428 (server/versions.ts), and
 * the 403 of every operation for some accounts only (security admins and auditors touch no content; a write
 * while the password has expired).
 */
const errorsOf = (op: Operation): number[] =>
  [...new Set([...op.errors, ...(op.ifMatch ? [412, 428] : []), ...(op.who !== 'all' && op.who !== 'account' ? [403] : [])])].sort();

/** The shared error answers (components.responses), by status. */
const ERROR_RESPONSES: Record<number, { name: string; description: string; headers?: Json }> = {
  400: { name: 'BadRequest', description: 'Bad request: the input is wrong; `issues` says where.' },
  401: { name: 'Unauthorized', description: 'Not signed in (or the session has ended).' },
  403: { name: 'Forbidden', description: 'Signed in but not allowed (another county, admins only, a role that does not do this: security admins and auditors touch no content), a write while the password has expired (`password_expired`), or a write from another site\u2019s page (`Origin`).' },
  404: { name: 'NotFound', description: 'No such thing, or not visible to this viewer.' },
  409: { name: 'Conflict', description: 'The request conflicts with the current state.' },
  410: { name: 'Gone', description: 'No longer there: a single-use link used, or expired.' },
  412: { name: 'PreconditionFailed', description: 'Someone changed (or removed) what this changes since the version in `If-Match` was read (`stale_version`): nothing was written; `error.current` is what is there now, with its version (null when it is gone).' },
  428: { name: 'PreconditionRequired', description: 'The write did not say which version it is based on (`version_required`): send it in `If-Match` (or `*`). Nothing was written.' },
  413: { name: 'PayloadTooLarge', description: 'The body is too large (JSON: 2 MB; an import: 7 MB of base64, and the file\u2019s own limits).' },
  415: { name: 'UnsupportedMediaType', description: 'A body that is not `application/json`.' },
  408: { name: 'RequestTimeout', description: 'The body stopped arriving (an upload idle for 30 s) and was dropped.' },
  423: { name: 'Locked', description: 'Locked after too many wrong passwords (`account_locked`); retry after `Retry-After` seconds, or have an account manager unlock it.', headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } },
  429: { name: 'TooManyRequests', description: 'Too many attempts, or too many at once; retry after `Retry-After` seconds.', headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } },
  503: { name: 'ServiceUnavailable', description: 'Busy (uploads or photos in hand use all the room there is) or shutting down; retry after `Retry-After` seconds.', headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } },
  507: { name: 'InsufficientStorage', description: 'The server\u2019s storage is full: nothing was saved (`storage_full`). Deleting documents still works.' },
};

const SUCCESS_HEADERS = (op: Operation, ok: Success): Json => ({
  ...(op.etag ? { ETag: { $ref: '#/components/headers/ETag' } } : {}),
  ...(op.ifMatch && ok.status !== 204 ? { ETag: { $ref: '#/components/headers/VersionETag' } } : {}),
  ...(ok.attachment ? { 'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' } } : {}),
  ...(ok.setsCookie ? { 'Set-Cookie': { $ref: '#/components/headers/SetCookie' } } : {}),
});

function responsesOf(op: Operation, schemas: Schemas): Json {
  const responses: Json = {};
  for (const ok of op.ok) {
    const headers = SUCCESS_HEADERS(op, ok);
    const content = ok.mediaTypes
      ? Object.fromEntries(ok.mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]))
      : ok.media
      ? { [ok.media]: ok.schema ? { schema: responseSchema(schemas, ok.schema) } : ok.media === MEDIA.xlsx ? { schema: { type: 'string', contentMediaType: MEDIA.xlsx } } : { schema: { type: 'string' } } }
      : ok.schema ? { [MEDIA.json]: { schema: responseSchema(schemas, ok.schema) } } : undefined;
    responses[String(ok.status)] = {
      description: ok.description,
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(content ? { content } : {}),
    };
  }
  if (op.etag) responses['304'] = { $ref: '#/components/responses/NotModified' };
  for (const status of errorsOf(op)) {
    const shared = ERROR_RESPONSES[status];
    const why = op.why?.[status];
    if (status === 412) {
      schemas.named.StaleVersionError ??= schemaOf(m.StaleVersionError, 'output');
      schemas.responses.add(shared.name);
      responses['412'] = { $ref: `#/components/responses/${shared.name}` };
    } else if (status === 400 && op.badRequestSchema) {
      responses['400'] = { description: why ?? shared.description, content: { [MEDIA.json]: { schema: responseSchema(schemas, op.badRequestSchema) } } };
    } else if (why) {
      responses[String(status)] = {
        description: why, ...(shared.headers ? { headers: shared.headers } : {}),
        content: { [MEDIA.json]: { schema: { $ref: '#/components/schemas/Error' } } },
      };
    } else {
      schemas.responses.add(shared.name);
      responses[String(status)] = { $ref: `#/components/responses/${shared.name}` };
    }
  }
  return responses;
}

function securityOf(op: Operation): Json[] {
  if (op.who !== 'all') return [{ session: [] }];
  return op.optionalSession ? [{}, { session: [] }] : [];
}

/** The sentence an operation's description starts with to say who may call it (the API page shows it apart). */
export const WHO_NOTE: Record<Who, string> = {
  all: '',
  official: 'Signed in (officials and admins).',
  admin: 'Signed in as a city admin.',
  account: 'Signed in (any role).',
  accounts: 'Signed in as a security admin (or a city admin, unless duties are separated).',
  securityLog: 'Signed in as an auditor (or a city admin, unless duties are separated).',
};

/** Builds the OpenAPI 3.1 document. */
export function openApiDocument(): Json {
  const schemas = new Schemas();
  schemas.named.Error = schemaOf(m.ApiError, 'output');
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const description = [WHO_NOTE[op.who], op.description].filter(Boolean).join(' ');
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(description ? { description } : {}),
      'x-who': op.who,
      security: securityOf(op),
      parameters: parametersOf(op),
      ...(op.body ? { requestBody: { required: true, content: { [op.bodyMedia ?? MEDIA.json]: { schema: bodySchema(schemas, op.body) } } } } : {}),
      responses: responsesOf(op, schemas),
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Jincheng GI registry API',
      version: '1.0.0',
      summary: 'Geographical indications of Jincheng: the open-data registry and the officials\u2019 workspace.',
      description: [
        'Geographical indications of Jincheng: candidates, registrations, their cooperative-farmer models, and the tally against the plan\u2019s targets. The public part is the open-data API.',
        'JSON everywhere (GeoJSON for map layers, CSV and XLSX for downloads); errors are `{"error": {"code", "message", "issues"}}` with an honest status.',
        'Writes need the session cookie, JSON bodies (`Content-Type: application/json`; the document upload alone takes `multipart/form-data`) and, when the browser sends one, an `Origin` of this site.',
        'Reads marked with `If-None-Match` carry an `ETag`: send it back to get 304. Public reads are open to every origin (CORS). `OPTIONS` on a documented path answers 204 with an `Allow` header; any other method it does not list gets 405 with `Allow` and the usual error body.',
        'No edit is lost silently: every answer an official who may change something reads carries that thing\u2019s version (`version`; a product also `participantsVersion` and `figuresVersion`, a dossier `checklistVersion`, a specification record `etag`), which covers exactly what one write replaces, so changes to different parts of one product never conflict. Every write that changes something already there names the version it is based on in `If-Match` (`*`: whatever is there now): without it 428, and when someone changed it since, 412 with what is there now in `error.current`, and nothing written.',
      ].join('\n\n'),
    },
    servers: [{ url: '/', description: 'This server (the paths start with /api)' }],
    tags: TAGS.map((t) => ({ ...t })),
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'gi_session', description: 'Set by `POST /api/session` (HttpOnly, SameSite=Strict); ends on sign-out, after idleness, or with a password change.' },
      },
      parameters: {
        id: { name: 'id', in: 'path', required: true, description: 'A numeric id', schema: { type: 'integer', minimum: 1 } },
        IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: 'The `ETag` of the copy the client has: 304 when it is current.', schema: { type: 'string' } },
      },
      headers: {
        ETag: { description: 'A strong validator of this representation', schema: { type: 'string' } },
        VersionETag: { description: 'The version of what was written, quoted: the next write to it sends it back in `If-Match`', schema: { type: 'string' } },
        ContentDisposition: { description: '`attachment` with a file name', schema: { type: 'string' } },
        SetCookie: { description: '`gi_session=…; Path=/; HttpOnly; SameSite=Strict` (and `Secure` behind HTTPS)', schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } },
      },
      responses: {
        NotModified: { description: 'Not modified: the client\u2019s copy (`If-None-Match`) is current.', headers: { ETag: { $ref: '#/components/headers/ETag' } } },
        ...Object.fromEntries(Object.entries(ERROR_RESPONSES).filter(([, r]) => schemas.responses.has(r.name)).map(([status, r]) => [r.name, {
          description: r.description, ...(r.headers ? { headers: r.headers } : {}),
          content: { [MEDIA.json]: { schema: { $ref: `#/components/schemas/${status === '412' ? 'StaleVersionError' : 'Error'}` } } },
        }])),
      },
      schemas: schemas.named,
    },
  };
}

