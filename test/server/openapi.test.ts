/**
 * The OpenAPI document: generated from the zod schemas, complete (every route the server has, and
 * nothing else), linted with Redocly's recommended rules, and shown as a page without scripts.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../server/openapi';
import { call, startServer, type TestServer } from '../support/server';
import { picture } from '../support/sample-files';
import { addDocument } from '../../server/domain/products/documents-write';
import { prepareFile } from '../../server/documents/prepare-file';
import { addAccount } from './fixtures';

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_BASE_URL: 'https://gi.jcgov.example' } }); // QR codes need the public address
  doc = (await call(`${server.url}/api/openapi.json`)).body;
  // A public photo of the first (public) seeded product, so the documented document reads have a document 1.
  const city = await addAccount(server.db, 'docs-city', 'admin');
  const viewer = { id: city.id, username: city.username, role: 'admin' as const, county: city.county };
  addDocument(server.db, viewer, 1, { kind: 'photo', title: '接口照片', visibility: 'public' }, await prepareFile(await picture('png', 32, 32), 'photo'));
});
afterAll(() => server.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const operations = () => Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })));

describe('GET /api/openapi.json', () => {
  it('describes the API as OpenAPI 3.1 generated from the zod schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/products', '/api/products/{id}', '/api/tally', '/api/tally/series', '/api/config', '/api/openapi.json',
      '/api/feed.atom', '/api/import/template.xlsx', '/api/import/progress', '/api/import/report.xlsx', '/api/audit/export.xlsx',
      '/api/designations/{id}/transitions', '/api/users/{id}']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const list = doc.paths['/api/products'].get;
    const type = list.parameters.find((p: any) => p.name === 'type');
    expect(type.schema.enum).toEqual(['trademark', 'protected_product', 'agricultural_product']);
    const create = doc.components.schemas[doc.paths['/api/products'].post.requestBody.content['application/json'].schema.$ref.split('/').pop()];
    expect(create.required).toEqual(expect.arrayContaining(['nameZh', 'category', 'counties']));
    expect(create.additionalProperties).toBe(false);
  });

  it('has servers, tags, unique operationIds, and cookie security on every signed-in operation', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.components.securitySchemes.session).toEqual(expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'gi_session' }));
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(doc.tags.map((t: any) => t.name));
    for (const { path, method, op } of operations()) {
      expect(op.tags.every((t: string) => tags.has(t)), `${method} ${path}`).toBe(true);
      if (op['x-who'] !== 'all') expect(op.security, `${method} ${path}`).toEqual([{ session: [] }]);
      else expect(op.security.every((s: object) => Object.keys(s).length === 0 || 'session' in s)).toBe(true);
    }
  });

  it('tells the statuses the routes really answer with', () => {
    const responses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses);
    expect(responses('/api/session', 'get')).toEqual(['200', '401']);
    expect(responses('/api/session', 'post')).toEqual(expect.arrayContaining(['200', '400', '401', '403', '413', '415', '429']));
    expect(responses('/api/session', 'delete')).toEqual(['204', '403']);
    expect(responses('/api/products/{id}/restore', 'post')).toContain('200');
    expect(responses('/api/products/{id}/restore', 'post')).not.toContain('201');
    expect(responses('/api/import', 'post')).toEqual(expect.arrayContaining(['200', '201', '400', '413']));
    expect(doc.paths['/api/products/{id}'].delete.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Product' });
    expect(doc.paths['/api/products/{id}'].get.responses['304']).toEqual({ $ref: '#/components/responses/NotModified' });
    expect(doc.paths['/api/session'].post.responses['429'].$ref).toBe('#/components/responses/TooManyRequests');
    expect(doc.components.responses.TooManyRequests.headers).toHaveProperty('Retry-After');
  });

  it('describes the non-JSON answers: GeoJSON collections, CSV, XLSX as binary, Atom', () => {
    const ok = (path: string) => doc.paths[path].get.responses['200'].content;
    const geo = doc.components.schemas[ok('/api/products.geojson')['application/geo+json'].schema.$ref.split('/').pop()];
    expect(geo.properties.type).toEqual(expect.objectContaining({ const: 'FeatureCollection' }));
    expect(ok('/api/counties.geojson')['application/geo+json'].schema.$ref).toBe('#/components/schemas/CountyFeatureCollection');
    expect(ok('/api/export/products.csv')).toHaveProperty(['text/csv']);
    expect(ok('/api/export/products.xlsx')['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema.type).toBe('string');
    expect(ok('/api/feed.atom')).toHaveProperty(['application/atom+xml']);
  });

  it('passes Redocly\u2019s recommended rules (operation-4xx-response waived for the reads that never answer 4xx)', async () => {
    // The repository names no licence, and the document does not invent one.
    const config = await createConfig({ extends: ['recommended'], rules: { 'info-license': 'off' } });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const noErrors = new Set(OPERATIONS.filter((o) => o.errors.length === 0).map((o) => `#/paths/${o.path.replaceAll('/', '~1')}/${o.method}/responses`));
    const left = problems.filter((p) => !(p.ruleId === 'operation-4xx-response' && noErrors.has(p.location[0]?.pointer ?? '')))
      .map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(left).toEqual([]);
  });

  it('documents only routes the server answers (no 404 for a documented GET)', async () => {
    for (const { path, op } of operations().filter((o) => o.method === 'get')) {
      const res = await call(server.url + path.replace('{id}', '1'));
      // A public path keyed by a secret (a return link's token) answers its own 404 for a made-up key, not the router's.
      if (op['x-who'] === 'all' && /\{(?!id\})\w+\}/.test(path)) {
        expect([res.status, res.body.error.message], path).toEqual([404, 'return link not found']);
        continue;
      }
      // Asked without its required query (GET /api/verify needs `q`), a public route honestly answers 400.
      const needsQuery = (op.parameters ?? []).some((p: { in: string; required?: boolean }) => p.in === 'query' && p.required);
      expect(op['x-who'] === 'all' ? (needsQuery ? [400] : [200]) : [401], path).toContain(res.status);
    }
  });
});

describe('GET /api/docs', () => {
  it('renders the document as a page without scripts: operations by tag, parameters and statuses, in Chinese and English', async () => {
    const zh = await fetch(`${server.url}/api/docs`);
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toMatch(/^text\/html/);
    expect(zh.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await zh.text();
    expect(html).not.toMatch(/<script|style=|https?:\/\/(?!json-schema)/);
    expect(html).toContain('<html lang="zh-CN">');
    // Its links are relative, so the page works under a sub-path (BASE_PATH) as at the root.
    expect(html).toContain('<link rel="stylesheet" href="docs.css">');
    for (const { path, op } of operations()) {
      expect(html).toContain(`id="${op.operationId}"`);
      expect(html).toContain(`<code>${path}</code>`);
    }
    expect(html).toContain('<code>gi_session</code>');
    expect(html).toMatch(/<td><code>429<\/code><\/td>/);
    const en = await (await fetch(`${server.url}/api/docs?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Parameters');
    const css = await fetch(`${server.url}/api/docs.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });
});
