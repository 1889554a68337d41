/**
 * Serves the built client (dist/client): its files, and for each page path the app's page with an
 * honest status (404 for a path the app has no page for, and for a product the viewer may not read)
 * and that page's `<title>` and `<html lang>` (`?lang=en` or Chinese), so crawlers, link previews
 * and browser tabs name the page before the client runs. The pages and their titles are the table's
 * (db/model/public-surface.ts), which the client router (client/lib/router.ts) reads too.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request } from 'express';
import {
  matchPage, NOT_FOUND_PAGE, notFoundTitle, PAGES, pageTitle, sitePage, type Bilingual, type PageLang as ModelPageLang, type ProductNames,
} from '../db/model';
import { projectRoot } from '../db/project-root';
import { clockOf, type AppContext } from './context';
import { sessionToken } from './auth';
import { readableProductNames } from './domain/products/products-read';
import { resolveSession, sessionPolicyOf } from './domain/accounts/sessions';
import { isContentViewer } from './domain/access/viewer';

/** Where `vite build` writes the client. */
export const CLIENT_DIR = join(projectRoot(), 'dist', 'client');

/** A page's language: `?lang=en`, else Chinese (the client also remembers a visitor's choice). */
export type PageLang = ModelPageLang;

/** The titles of the pages that have a fixed one, by page (the table's, db/model/public-surface.ts). */
export const PAGE_TITLES = {
  ...Object.fromEntries(PAGES.flatMap((p) => (typeof p.title === 'string' ? [] : [[p.key, p.title]]))),
  notFound: NOT_FOUND_PAGE.title,
} as Record<FixedTitlePage | 'notFound', Bilingual>;
type FixedTitlePage = Extract<(typeof PAGES)[number], { title: Bilingual }>['key'];

/** A product page's title: its name in the page's language, then the site's. */
export function productTitle(names: ProductNames, lang: PageLang): string {
  return pageTitle({ title: 'product' }, lang, names);
}

/** What a page path is answered with: its status and its title. */
export interface PageAnswer { status: 200 | 404; title: string }

/** Looks up a product page: the product's names if the requester may read it, else null. */
export type ProductLookup = (id: number, req: Request) => ProductNames | null;

/** The answer for a page path: the table's page (client/lib/router.ts shows the same), or 404. */
export function pageAnswer(pathname: string, lang: PageLang, product: (id: number) => ReturnType<ProductLookup>): PageAnswer {
  const notFound: PageAnswer = { status: 404, title: notFoundTitle(lang) };
  const route = matchPage(pathname);
  if (!route) return notFound;
  const page = sitePage(route.page);
  if (!('id' in route)) return { status: 200, title: pageTitle(page, lang) };
  // A product's pages are there only while the viewer may read the product.
  const names = product(route.id);
  return names ? { status: 200, title: pageTitle(page, lang, names) } : notFound;
}

/** Whether a path shows a page the table keeps out of search engines (a return link's form): its address holds a secret. */
export function isNoindexPage(pathname: string): boolean {
  const route = matchPage(pathname);
  return route !== null && sitePage(route.page).noindex === true;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The app's page with its `<title>`, `<html lang>` and `<base href>` set: the built client names its files
 * relative to the base (vite.config.ts: `base: './'`), and the client reads its links and API calls from it,
 * so one build serves at the root or under any BASE_PATH.
 */
export function pageHtml(index: string, { title, lang, basePath = '/' }: { title: string; lang: PageLang; basePath?: string }): string {
  const base = `<base href="${escapeHtml(basePath)}" />`;
  const html = index
    .replace(/<html lang="[^"]*"/i, `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"`)
    .replace(/<title>[^<]*<\/title>/i, `<title>${escapeHtml(title)}</title>`);
  if (/<base\s[^>]*>/i.test(html)) return html.replace(/<base\s[^>]*>/i, base);
  // A shell without one: the base goes first in the head, before anything that names a file.
  return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${base}`) : html.replace(/<title>/i, `${base}<title>`);
}

/** The product lookup of a live server: the request's viewer (session cookie, read without touching it). */
export function productLookupOf(ctx: AppContext): ProductLookup {
  const now = clockOf(ctx);
  return (id, req) => {
    const token = sessionToken(req);
    const found = token ? resolveSession(ctx.db, token, now(), { write: false, policy: sessionPolicyOf(ctx.config.security), address: null }) : null;
    const viewer = found?.kind === 'live' && isContentViewer(found.account) ? found.account : null;
    return readableProductNames(ctx.db, id, viewer);
  };
}

/** index.html, read again only when the file changes (a rebuild while the server runs). */
function indexReader(file: string): () => string | null {
  let kept: { mtime: number; text: string } | null = null;
  return () => {
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (kept?.mtime !== mtime) kept = { mtime, text: readFileSync(file, 'utf8') };
    return kept.text;
  };
}

/** Static files plus the app's page for every other path outside /api, with its status, title and base path. */
export function clientRoutes(product: ProductLookup, dir = CLIENT_DIR, basePath = '/'): Router {
  const router = Router();
  const index = indexReader(join(dir, 'index.html'));
  router.use(express.static(dir, { index: false, setHeaders: cachePolicy }));
  router.get(/^\/(?!api\/).*/, (req, res) => {
    const shell = index();
    if (shell === null) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it).');
      return;
    }
    const lang: PageLang = req.query.lang === 'en' ? 'en' : 'zh';
    const answer = pageAnswer(req.path, lang, (id) => product(id, req));
    if (isNoindexPage(req.path)) res.set({ 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' });
    // Revalidated each time (Express's ETag makes that a 304); a 404 is never kept as if it were the page.
    res.status(answer.status).type('html').set('Cache-Control', 'no-cache').send(pageHtml(shell, { ...answer, lang, basePath }));
  });
  return router;
}

/** Vite names built assets after their content (`assets/name-Hash8.js`): such a name never changes meaning. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Hashed assets are kept for a year and never revalidated; everything else is revalidated each time. */
function cachePolicy(res: express.Response, path: string) {
  res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
