import { defineConfig } from 'vitest/config';

/** Unit and HTTP tests: everything under test/ except the browser suite. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
