import { defineConfig } from 'vitest/config';

/** Browser tests: Debian's Chromium driven by playwright-core against the built app. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A fresh test server starts its task workers on the first heavy read (through tsx: about a second on a busy
    // machine), so a page's first data can take longer than expect.poll's 1 s default.
    expect: { poll: { timeout: 10_000 } },
  },
});
