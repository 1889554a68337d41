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
      expect([201, 400]).toContain(status);
      if (status === 400) {
        expect(answer.error.code).toBe('bad_request');
        expect(dumpTables(server.db)).toEqual(before);
      } else {
        expect(answer.nameZh.trim().length).toBeGreaterThan(0);
      }
    }), { numRuns: 150 });
  });
});
