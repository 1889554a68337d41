import { defineConfig } from 'vite';

/** Builds the Lit client from client/ into dist/client; in dev, /api goes to the Express server. */
export default defineConfig({
  root: 'client',
  publicDir: false,
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
