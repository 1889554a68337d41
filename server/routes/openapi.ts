/** GET /api/openapi.json, and the same document as a page: GET /api/docs (and its stylesheet /api/docs.css). */
import { Router } from 'express';
import { makeReadyBody, sendReadyBody, type ReadyBody } from '../snapshot/ready-body';
import { openApiDocument } from '../openapi';
import { API_PAGE_CSS, renderApiPage } from '../openapi-page';

/** The OpenAPI routes; each body is built on first request (not at start-up) and kept ready. */
export function openApiRoutes(): Router {
  let document: ReadyBody | null = null;
  const pages: Partial<Record<'zh' | 'en', ReadyBody>> = {};
  let css: ReadyBody | null = null;
  return Router()
    .get('/api/openapi.json', (req, res) => {
      document ??= makeReadyBody('application/json; charset=utf-8', JSON.stringify(openApiDocument()));
      sendReadyBody(req, res, document, 'public, no-cache');
    })
    .get('/api/docs', (req, res) => {
      // The page takes `lang` only; anything else (or a second lang) is ignored, like the client's ?lang.
      const lang = req.query.lang === 'en' ? 'en' : 'zh';
      const page = pages[lang] ??= makeReadyBody('text/html; charset=utf-8', renderApiPage(openApiDocument(), lang));
      sendReadyBody(req, res, page, 'public, no-cache');
    })
    .get('/api/docs.css', (req, res) => {
      css ??= makeReadyBody('text/css; charset=utf-8', API_PAGE_CSS);
      sendReadyBody(req, res, css, 'public, no-cache');
    });
}
