/**
 * Serves the built client (dist/client): its files, and for each page path the app's page with an
 * honest status (404 for a path the app has no page for, and for a product the viewer may not read)
 * and that page's `<title>` and `<html lang>` (`?lang=en` or Chinese), so crawlers, link previews
 * and browser tabs name the page before the client runs. The client router (client/lib/router.ts) shows
 * the same pages and sets the same titles.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request } from 'express';
import { projectRoot } from '../db/project-root';
import { clockOf, type AppContext } from './context';
import { sessionToken } from './auth';
import { readableProductNames } from './domain/products/products-read';
import { resolveSession } from './domain/accounts/sessions';

/** Where `vite build` writes the client. */
export const CLIENT_DIR = join(projectRoot(), 'dist', 'client');

/** A page's language: `?lang=en`, else Chinese (the client also remembers a visitor's choice). */
export type PageLang = 'zh' | 'en';

/** The site's name after a page's own in every title (client/i18n/common.ts `title.of` says the same). */
const SITE = { zh: '晋城地理标志', en: 'Jincheng GI' } as const;

/** The titles of the pages that have a fixed one (the same as the client's `title.*` messages). */
export const PAGE_TITLES = {
  map: { zh: '地理标志地图 · 晋城', en: 'GI map · Jincheng' },
  tally: { zh: `规划目标统计 · ${SITE.zh}`, en: `Plan tally · ${SITE.en}` },
  annualReport: { zh: `地理标志工作年度报告 · ${SITE.zh}`, en: `GI annual report · ${SITE.en}` },
  verify: { zh: `用标企业查询 · ${SITE.zh}`, en: `Check an authorised user · ${SITE.en}` },
  admin: { zh: `工作台 · ${SITE.zh}`, en: `Workspace · ${SITE.en}` },
  notFound: { zh: `页面不存在 · ${SITE.zh}`, en: `Page not found · ${SITE.en}` },
} as const;

/** A product page's title: its name in the page's language, then the site's. */
export function productTitle(names: { nameZh: string; nameEn: string | null }, lang: PageLang): string {
  return `${lang === 'en' && names.nameEn ? names.nameEn : names.nameZh} · ${SITE[lang]}`;
}

/** A product's printable card's title: its name, the card, then the site's (client/i18n/figures.ts `card.title`). */
export function productCardTitle(names: { nameZh: string; nameEn: string | null }, lang: PageLang): string {
  return `${lang === 'en' && names.nameEn ? names.nameEn : names.nameZh} · ${lang === 'en' ? 'Card' : '产品卡片'} · ${SITE[lang]}`;
}

/** What a page path is answered with: its status and its title. */
export interface PageAnswer { status: 200 | 404; title: string }

/** Looks up a product page: the product's names if the requester may read it, else null. */
export type ProductLookup = (id: number, req: Request) => { nameZh: string; nameEn: string | null } | null;

/** The answer for a page path (mirrors client/lib/router.ts routeOf). */
export function pageAnswer(pathname: string, lang: PageLang, product: (id: number) => ReturnType<ProductLookup>): PageAnswer {
  const notFound: PageAnswer = { status: 404, title: PAGE_TITLES.notFound[lang] };
  if (pathname === '/') return { status: 200, title: PAGE_TITLES.map[lang] };
  if (/^\/tally\/?$/.test(pathname)) return { status: 200, title: PAGE_TITLES.tally[lang] };
  if (/^\/reports\/annual\/?$/.test(pathname)) return { status: 200, title: PAGE_TITLES.annualReport[lang] };
  if (/^\/verify\/?$/.test(pathname)) return { status: 200, title: PAGE_TITLES.verify[lang] };
  if (/^\/admin(\/.*)?$/.test(pathname)) return { status: 200, title: PAGE_TITLES.admin[lang] };
  const match = /^\/products\/(\d{1,15})(\/card)?\/?$/.exec(pathname);
  if (!match) return notFound;
  const names = product(Number(match[1]));
  if (!names) return notFound;
  return { status: 200, title: match[2] ? productCardTitle(names, lang) : productTitle(names, lang) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The app's page with its `<title>` and `<html lang>` set. */
export function pageHtml(index: string, { title, lang }: { title: string; lang: PageLang }): string {
  return index
    .replace(/<html lang="[^"]*"/i, `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"`)
    .replace(/<title>[^<]*<\/title>/i, `<title>${escapeHtml(title)}</title>`);
}

/** The product lookup of a live server: the request's viewer (session cookie, read without touching it). */
export function productLookupOf(ctx: AppContext): ProductLookup {
  const now = clockOf(ctx);
  return (id, req) => {
    const token = sessionToken(req);
    const viewer = token ? resolveSession(ctx.db, token, now(), false) : null;
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

/** Static files plus the app's page for every other path outside /api, with its status and title. */
export function clientRoutes(product: ProductLookup, dir = CLIENT_DIR): Router {
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
    // Revalidated each time (Express's ETag makes that a 304); a 404 is never kept as if it were the page.
    res.status(answer.status).type('html').set('Cache-Control', 'no-cache').send(pageHtml(shell, { ...answer, lang }));
  });
  return router;
}

/** Vite names built assets after their content (`assets/name-Hash8.js`): such a name never changes meaning. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Hashed assets are kept for a year and never revalidated; everything else is revalidated each time. */
function cachePolicy(res: express.Response, path: string) {
  res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
