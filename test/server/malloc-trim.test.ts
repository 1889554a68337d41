/** Giving the C allocator's free pages back (server/malloc-trim.ts), in a child started as the server is. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_MALLOC_ENV } from '../../scripts/server-flags.mjs';

describe('mallocTrim', () => {
  it('returns the pages freed inside glibc’s arenas, which the allocator alone keeps', () => {
    // 1,600 buffers of 64 KB come from the arena (under the server's 4 MB mmap threshold); all but the last are
    // freed, so the freed 100 MB lies below a live block and the allocator's own trimming of the top cannot reach it.
    const script = `
      import { readFileSync } from 'node:fs';
      import { mallocTrim } from ${JSON.stringify(new URL('../../server/malloc-trim.ts', import.meta.url).href)};
      const anonMb = () => Number(/^Anonymous:\\s+(\\d+)/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))[1]) / 1024;
      let blocks = Array.from({ length: 1600 }, () => Buffer.alloc(64 * 1024, 1));
      globalThis.last = blocks.at(-1);
      blocks = null;
      globalThis.gc();
      globalThis.gc();
      const before = anonMb();
      const trim = mallocTrim();
      trim?.();
      console.log(JSON.stringify({ available: trim !== null, before, after: anonMb() }));
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8', env: { ...process.env, ...SERVER_MALLOC_ENV },
    });
    const { available, before, after } = JSON.parse(out) as { available: boolean; before: number; after: number };
    expect(available).toBe(true); // this machine runs glibc, as the server's Debian image does
    expect(before - after).toBeGreaterThan(60);
  });
});
