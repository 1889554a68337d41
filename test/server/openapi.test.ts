import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

describe('GET /api/openapi.json', () => {
  it('describes every route of DESIGN.md as OpenAPI 3.1 generated from the zod schemas', async () => {
    const { status, body } = await call(`${server.url}/api/openapi.json`);
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const path of ['/api/products', '/api/products/{id}', '/api/tally', '/api/designations/{id}/transitions', '/api/users/{id}']) {
      expect(body.paths).toHaveProperty([path]);
    }
    const list = body.paths['/api/products'].get;
    const type = list.parameters.find((p: any) => p.name === 'type');
    expect(type.schema.enum).toEqual(['trademark', 'protected_product', 'agricultural_product']);
    const create = body.paths['/api/products'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['nameZh', 'category', 'counties']));
    expect(create.additionalProperties).toBe(false);
  });

  it('documents only routes the server answers (no 404 for a documented GET)', async () => {
    const { body } = await call(`${server.url}/api/openapi.json`);
    const gets = Object.entries(body.paths).filter(([, ops]: any) => ops.get && !ops.get['x-who'].match(/official|admin/));
    for (const [path] of gets) {
      const res = await call(server.url + path.replace('{id}', '1'));
      expect([200, 401], path).toContain(res.status);
    }
  });
});
