/**
 * Serves the built client (dist/client) and answers every page path with index.html.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../db/project-root';

/** Where `vite build` writes the client. */
export const CLIENT_DIR = join(projectRoot(), 'dist', 'client');

/** Static files plus the single-page fallback for page paths (not /api). */
export function clientRoutes(dir = CLIENT_DIR): Router {
  const router = Router();
  router.use(express.static(dir, { index: false, setHeaders: cachePolicy }));
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

/** Vite names built assets after their content (`assets/name-Hash8.js`): such a name never changes meaning. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Hashed assets are kept for a year and never revalidated; everything else is revalidated each time. */
function cachePolicy(res: express.Response, path: string) {
  res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
