/**
 * The tally of a static copy on a picked date: the copy holds the tally as of the day it was built
 * and cannot replay another day, so it says that a picked date needs the live server. It must not
 * answer the 404 that the tally page reads as "no plan period has been set up" (which would be false).
 */
import { describe, expect, it } from 'vitest';
import { staticGet } from '../../client/lib/static-api';

describe('a static copy asked for the tally on a picked date', () => {
  it.each(['/api/tally?asOf=2024-06-30', '/api/tally?period=1&asOf=2020-12-31'])('%s: refused, saying the live server is needed', async (path) => {
    const found = await staticGet(path);
    expect(found.ok).toBe(false);
    if (found.ok) return;
    // The tally page takes a 404 without a period for "尚未设置规划期" (client/pages/gi-tally-page.ts).
    expect(found.error.status).not.toBe(404);
    expect(found.error.message).toMatch(/在线|live server/);
  });
});
