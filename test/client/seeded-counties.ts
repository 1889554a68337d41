/**
 * Gives the client's county store (client/lib/counties.ts) the seeded counties through its own way in:
 * GET /api/counties, answered here by a stubbed fetch, as a page would read it once.
 */
import { vi } from 'vitest';
import { loadCounties } from '../../client/lib/counties';
import { seededCounties } from '../support/seeded-counties';

/** Loads the seeded counties into the client's store (once per test file; the store keeps them). */
export async function loadSeededCounties(): Promise<void> {
  vi.stubGlobal('fetch', async (path: string) => {
    if (path !== '/api/counties') throw new Error(`unexpected request ${path}`);
    return new Response(JSON.stringify(seededCounties()), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  try {
    await loadCounties();
  } finally {
    vi.unstubAllGlobals();
  }
}
