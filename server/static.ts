/**
 * Serves the built client (dist/client) and answers every page path with index.html.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

/** Where `vite build` writes the client. */
export const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');

/** Static files plus the single-page fallback for page paths (not /api). */
export function clientRoutes(dir = CLIENT_DIR): Router {
  const router = Router();
  router.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  router.get(/^\/(?!api\/).*/, (_req, res) => {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it).');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}

function noCacheForHtml(res: express.Response, path: string) {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
