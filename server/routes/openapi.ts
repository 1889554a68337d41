/** GET /api/openapi.json. */
import { Router } from 'express';
import { makeReadyBody, sendReadyBody, type ReadyBody } from '../snapshot/ready-body';
import { openApiDocument } from '../openapi';

/** The OpenAPI route; the document is built on first request (not at start-up) and kept ready. */
export function openApiRoutes(): Router {
  let document: ReadyBody | null = null;
  return Router().get('/api/openapi.json', async (req, res) => {
    document ??= makeReadyBody('application/json; charset=utf-8', JSON.stringify(openApiDocument()));
    sendReadyBody(req, res, document, 'public, no-cache');
  });
}
