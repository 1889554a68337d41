import { defineConfig } from 'vite';

/**
 * Builds the Lit client from client/ into dist/client; in dev, /api goes to the Express server. Files are named
 * relative to the page's `<base href>` (`base: './'`), which the server and the static build set to BASE_PATH,
 * so one build serves at a site's root or under a sub-path.
 */
export default defineConfig({
  root: 'client',
  base: './',
  publicDir: false,
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
