/**
 * Property-based fuzzing of the API's edges (fast-check): whatever arrives, the answer is a success
 * or a 4xx with the error shape — never a 500 — and a refused write changes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'city', 'admin');
  admin = await signIn(server.url, 'city');
});
afterAll(() => server.close());

const KEYS = ['type', 'status', 'county', 'category', 'q', 'limit', 'offset', 'mine', 'x'];
const VALUES = fc.oneof(fc.string(), fc.constantFrom('trademark', 'granted', 'in_force', '140521', 'food', '-1', '1e3', '0', '%', '\u0000', '晋城'));

describe('fuzzing the edges', () => {
  it('answers any product query with 200 or a 400 that names the problem', async () => {
    await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom(...KEYS), VALUES, { maxKeys: 4 }), async (query) => {
      const { status, body } = await send(server.url, 'GET', `/api/products?${new URLSearchParams(query)}`);
      expect([200, 400, 401]).toContain(status);
      if (status !== 200) expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }), { numRuns: 150 });
  });

  it('creates a product from any body only when it is valid, and a refusal changes nothing', async () => {
    const nearlyValid = fc.record({
      nameZh: fc.oneof(fc.string({ maxLength: 120 }), fc.constant('测试产品')),
      category: fc.oneof(fc.constantFrom('food', 'medicinal', 'x'), fc.integer()),
      counties: fc.oneof(fc.constant(['140521']), fc.array(fc.string(), { maxLength: 3 })),
      locations: fc.array(fc.record({ lat: fc.double(), lng: fc.double(), precision: fc.constantFrom('exact', 'county', 'nope') }), { maxLength: 2 }),
    }, { requiredKeys: [] });
    const body = fc.oneof(nearlyValid, fc.anything(), fc.jsonValue());
    await fc.assert(fc.asyncProperty(body, async (input) => {
      const before = dumpTables(server.db);
      const { status, body: answer } = await send(server.url, 'POST', '/api/products', JSON.stringify(input) ?? 'null', admin);
      expect([201, 400, 409]).toContain(status); // 409: a look-alike of a name already taken
      if (status === 400 || status === 409) {
        expect(answer.error.code).toBe(status === 400 ? 'bad_request' : 'duplicate_name');
        expect(dumpTables(server.db)).toEqual(before);
      } else {
        expect(answer.nameZh.trim().length).toBeGreaterThan(0);
      }
    }), { numRuns: 150 });
  });
});

/**
 * Every operation of the OpenAPI document, fuzzed: ids, query parameters and bodies drawn from what the
 * document says (valid values, and garbage beside them), as the public, an official and an admin.
 * Never a 5xx, every status is one the document lists for the operation, and a refused write changes nothing.
 */
describe('fuzzing every documented operation', () => {
  const DOCUMENTED_RUNS = 60;

  it('answers every operation with a documented status, never 5xx; refused writes change nothing', async () => {
    const { DocumentChecker } = await import('./openapi-check');
    const check = new DocumentChecker(await (await fetch(`${server.url}/api/openapi.json`)).json());
    await addAccount(server.db, 'fuzzofficial', 'official', '140521');
    const official = await signIn(server.url, 'fuzzofficial');
    const victim = await addAccount(server.db, 'fuzzvictim', 'official', '140522');
    const garbage = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('-1', '0', '1e3', '%', '\u0000', '晋城', '9999', ''));
    const valueOf = (schema: any): fc.Arbitrary<string> => {
      const enums: unknown[] = schema?.enum ?? (schema?.anyOf ?? []).flatMap((s: any) => s.enum ?? []);
      if (enums.length) return fc.oneof(fc.constantFrom(...enums.map(String)), garbage);
      if (schema?.type === 'integer' || schema?.type === 'number') return fc.oneof(fc.integer({ min: -2, max: 300 }).map(String), garbage);
      if (schema?.format === 'date') return fc.oneof(fc.constantFrom('2023-05-01', '2024-02-30', '2099-01-01'), garbage);
      return garbage;
    };
    const SKIP_ROLES: Record<string, string[]> = { signOut: ['official', 'admin'] }; // signing the fuzzer out helps nobody
    for (const { path, method, op } of check.operations()) {
      // A route documented ahead of being mounted is openapi-responses.test.ts's failure to report, not this one's.
      const probe = method === 'get' && !path.includes('{') ? await fetch(server.url + path) : null;
      if (probe?.status === 404 && (await probe.json()).error?.message === `GET ${path} not found`) continue;
      const query = (op.parameters as any[]).filter((p) => p.in === 'query');
      const queryArb = fc.dictionary(fc.constantFrom(...query.map((p) => p.name), 'x'), fc.constant(null), { maxKeys: 3 })
        .chain((keys) => fc.record(Object.fromEntries(Object.keys(keys).map((k) => [k, valueOf(query.find((p) => p.name === k)?.schema)]))));
      const idArb = op.operationId === 'updateUser'
        ? fc.constantFrom(String(victim.id), '999999', 'x')
        : fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.constantFrom('0', '-1', 'abc', '1.5', '999999'));
      const bodyArb = op.requestBody ? fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.anything({ maxDepth: 2 })) : fc.constant(undefined);
      const roles = ['public', 'official', 'admin'].filter((r) => !(SKIP_ROLES[op.operationId] ?? []).includes(r));
      const runs = /xlsx|csv/.test(path) ? 12 : DOCUMENTED_RUNS;
      const named = (op.parameters as any[]).filter((p) => p.in === 'path' && p.name);
      const pathArb = fc.tuple(...named.map((p) => valueOf(p.schema)
        // An empty segment, `.` or `..` would make another path (URL normalisation), not a bad value of this one.
        .filter((v) => v !== '' && v !== '.' && v !== '..').map((v) => [p.name as string, v] as [string, string])));
      await fc.assert(fc.asyncProperty(idArb, queryArb, bodyArb, fc.constantFrom(...roles), pathArb, async (id, q, body, role, pathParams) => {
        const cookie = role === 'admin' ? admin : role === 'official' ? official : undefined;
        const filled = pathParams.reduce((p, [name, value]) => p.replace(`{${name}}`, encodeURIComponent(value)), path.replace('{id}', encodeURIComponent(id)));
        const url = `${filled}${Object.keys(q).length ? `?${new URLSearchParams(q)}` : ''}`;
        const write = method !== 'get';
        const before = write ? dumpTables(server.db) : null;
        const res = await fetch(server.url + url, {
          method: method.toUpperCase(),
          headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
          body: body === undefined ? undefined : (JSON.stringify(body) ?? 'null'),
        });
        const type = res.headers.get('content-type');
        const text = Buffer.from(await res.arrayBuffer());
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
        const parsed = type && /json/.test(type) ? JSON.parse(text.toString('utf8')) : text;
        expect(check.problems(op.operationId, res.status, res.status === 204 ? null : type, parsed)).toEqual([]);
        if (write && res.status >= 400) expect(dumpTables(server.db), `${method} ${url} ${res.status}`).toEqual(before);
      }), { numRuns: runs });
    }
  }, 120_000);
});
