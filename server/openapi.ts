/**
 * The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas the server
 * validates with (db/model.ts), so the document cannot drift from the code's contract.
 */
import { z } from 'zod';
import * as m from '../db/model';

/** Who may call an operation. */
type Who = 'all' | 'official' | 'admin';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  who: Who;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  produces?: string;
}

const Page = z.object({ items: z.array(m.ProductSummary), total: z.number().int() });
const Ok = z.object({ ok: z.literal(true) });

/** Every operation of the API, in the order of DESIGN.md's table. */
export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness', who: 'all', response: Ok },
  { method: 'get', path: '/api/counties', summary: 'The six counties', who: 'all', response: z.array(m.County) },
  { method: 'get', path: '/api/counties.geojson', summary: 'County boundaries with counts per county (RFC 7946)', who: 'all', produces: 'application/geo+json' },
  { method: 'get', path: '/api/products', summary: 'Products matching the filters (public products only for the public)', who: 'all', query: m.ProductQuery, response: Page },
  { method: 'get', path: '/api/products/{id}', summary: 'One product in full', who: 'all', response: m.Product },
  { method: 'get', path: '/api/products.geojson', summary: 'Points of the filtered products (RFC 7946)', who: 'all', query: m.ProductFilter, produces: 'application/geo+json' },
  { method: 'get', path: '/api/tally', summary: 'GI counts against targets as of a date', who: 'all', query: m.TallyQuery, response: m.Tally },
  { method: 'get', path: '/api/periods', summary: 'Plan periods with targets', who: 'all', response: z.array(m.Period) },
  { method: 'get', path: '/api/export/products.csv', summary: 'The public registry as CSV (UTF-8 with BOM)', who: 'all', query: m.ProductFilter, produces: 'text/csv' },
  { method: 'get', path: '/api/export/products.xlsx', summary: 'The public registry as XLSX', who: 'all', query: m.ProductFilter, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { method: 'post', path: '/api/session', summary: 'Sign in (sets an HttpOnly cookie)', who: 'all', body: m.SessionCreate, response: m.User },
  { method: 'get', path: '/api/session', summary: 'Who am I', who: 'all', response: m.User },
  { method: 'delete', path: '/api/session', summary: 'Sign out', who: 'all' },
  { method: 'post', path: '/api/products', summary: 'Create a product', who: 'official', body: m.ProductCreate, response: m.Product },
  { method: 'patch', path: '/api/products/{id}', summary: 'Change a product', who: 'official', body: m.ProductUpdate, response: m.Product },
  { method: 'delete', path: '/api/products/{id}', summary: 'Archive a product', who: 'official' },
  { method: 'post', path: '/api/products/{id}/restore', summary: 'Restore an archived product', who: 'admin', response: m.Product },
  { method: 'post', path: '/api/products/{id}/designations', summary: 'Start a designation (cultivating)', who: 'official', body: m.DesignationCreate, response: m.Designation },
  { method: 'patch', path: '/api/designations/{id}', summary: 'Change a designation', who: 'official', body: m.DesignationUpdate, response: m.Designation },
  { method: 'post', path: '/api/designations/{id}/transitions', summary: 'Move a designation to another status', who: 'official', body: m.TransitionCreate, response: m.Designation },
  { method: 'put', path: '/api/products/{id}/participants', summary: 'Replace the cooperative-farmer model', who: 'official', body: m.Participants, response: z.array(m.Participant) },
  { method: 'get', path: '/api/import/template.xlsx', summary: 'The import template: Chinese headers, drop-down lists, an instructions sheet', who: 'official', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { method: 'get', path: '/api/import/progress', summary: "Where the viewer's import under way stands", who: 'official', response: m.ImportProgress },
  { method: 'post', path: '/api/import/report.xlsx', summary: 'The file sent back with a result column per row (a dry run)', who: 'official', query: m.ImportReportQuery, body: m.ImportRequest, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { method: 'post', path: '/api/import', summary: 'Import a CSV/XLSX table (dryRun=1: report only; otherwise all or nothing)', who: 'official', query: m.ImportQuery, body: m.ImportRequest, response: m.ImportReport },
  { method: 'get', path: '/api/audit', summary: 'The audit log, filtered and paged (officials: their county)', who: 'official', query: m.AuditQuery, response: m.AuditPage },
  { method: 'get', path: '/api/audit/export.xlsx', summary: 'The filtered audit log as XLSX, told in sentences', who: 'official', query: m.AuditExportQuery, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { method: 'post', path: '/api/periods', summary: 'Add a plan period', who: 'admin', body: m.PeriodInput, response: m.Period },
  { method: 'put', path: '/api/periods/{id}', summary: 'Change a plan period and its targets', who: 'admin', body: m.PeriodInput, response: m.Period },
  { method: 'get', path: '/api/users', summary: 'Accounts', who: 'admin', response: z.array(m.User) },
  { method: 'post', path: '/api/users', summary: 'Create an account', who: 'admin', body: m.UserCreate, response: m.User },
  { method: 'patch', path: '/api/users/{id}', summary: 'Change an account', who: 'admin', body: m.UserUpdate, response: m.User },
];

const schemaOf = (s: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function parametersOf(op: Operation) {
  const params: Record<string, unknown>[] = [];
  if (op.path.includes('{id}')) params.push({ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
  if (op.query) {
    const shape = schemaOf(op.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(shape.properties ?? {})) {
      params.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema });
    }
  }
  return params;
}

const ERROR_STATUSES: Record<Who, string[]> = {
  all: ['400', '404'],
  official: ['400', '401', '403', '404', '409', '413', '415'],
  admin: ['400', '401', '403', '404', '409', '413', '415'],
};

/** Builds the OpenAPI 3.1 document. */
export function openApiDocument(): Record<string, unknown> {
  const error = { description: 'Error', content: { 'application/json': { schema: schemaOf(m.ApiError) } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const ok = op.produces
      ? { description: 'OK', content: { [op.produces]: {} } }
      : op.response ? { description: 'OK', content: { 'application/json': { schema: schemaOf(op.response) } } } : { description: 'Done' };
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      'x-who': op.who,
      parameters: parametersOf(op),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body) } } } } : {}),
      responses: { [op.method === 'post' && op.path !== '/api/session' ? '201' : '200']: ok, ...Object.fromEntries(ERROR_STATUSES[op.who].map((s) => [s, error])) },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jincheng GI registry API',
      version: '1.0.0',
      description: 'Geographical indications of Jincheng: candidates, registrations, their cooperative-farmer models, and the tally against the plan\u2019s targets. The public part is the open-data API.',
    },
    paths,
  };
}
