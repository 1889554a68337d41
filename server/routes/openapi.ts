/** GET /api/openapi.json. */
import { Router } from 'express';
import { openApiDocument } from '../openapi';

/** The OpenAPI route; the document is built once. */
export function openApiRoutes(): Router {
  const document = openApiDocument();
  return Router().get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
}
