/**
 * The operations about the service itself (tag `meta`): liveness, readiness, client settings, this description.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { MEDIA, read, ok200, type Operation } from '../operation';

const Ok = z.object({ ok: z.literal(true) });
const ReadinessCheck = z.object({ ok: z.boolean(), detail: z.string() });
/** GET /api/ready (server/readiness.ts): every check with what it found. */
const Readiness = z.object({
  ready: z.boolean(), checks: z.object({ database: ReadinessCheck, migrations: ReadinessCheck, workers: ReadinessCheck, photos: ReadinessCheck }),
});

/** Liveness, readiness, client settings and the API’s description. */
export const META_OPERATIONS: Operation[] = [
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
