/**
 * The public surface's paths (db/model/public-surface.ts) as regular expressions, each list compiled
 * once, when the module loads, into one expression: which page a path shows (the server's page answers
 * and the client router), which API paths are open to every origin, which API path a static copy keeps
 * a file for. Also the names the pages and their files are given.
 */
import type { Bilingual } from './exchange';
import { NOT_FOUND_PAGE, OPEN_DATA, PAGES, SITE_NAME, type PageKey, type SitePage } from './public-surface';

/** A page's language. */
export type PageLang = 'zh' | 'en';

/** A product's names, for the titles of its pages. */
export interface ProductNames { nameZh: string; nameEn: string | null }

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How many capturing groups a regular-expression source has. */
const groupCount = (source: string) => source.replace(/\\./g, '').match(/\((?!\?)/g)?.length ?? 0;

/** One expression for a list of sources, telling which one matched and the values of its own groups. */
export interface Alternatives { match(text: string): { index: number; groups: (string | undefined)[] } | null }

/** Compiles sources into one anchored expression (each in its own group, so the match says which). */
export function alternatives(sources: readonly string[], flags = ''): Alternatives {
  const starts: number[] = [];
  let next = 1;
  for (const source of sources) {
    starts.push(next);
    next += 1 + groupCount(source);
  }
  starts.push(next);
  const regex = new RegExp(`^(?:${sources.map((s) => `(${s})`).join('|')})$`, flags);
  return {
    match(text) {
      const m = regex.exec(text);
      if (!m) return null;
      // At most a handful of groups: the one that took part in the match is the alternative that matched.
      for (let i = 0; i < sources.length; i++) {
        if (m[starts[i]] !== undefined) return { index: i, groups: m.slice(starts[i] + 1, starts[i + 1]) };
      }
      return null;
    },
  };
}

/** A page's path as a source: `:id` captures a product's number, a final `/*` captures the rest; a trailing slash is allowed. */
function pageSource(path: string): string {
  if (path.endsWith('/*')) return `${escapeRegExp(path.slice(0, -2))}(/.*)?`;
  return `${path.replace(/\/$/, '').split(':id').map(escapeRegExp).join('(\\d{1,15})')}/?`;
}

/** An API path as a source: `{id}` is one segment (`segment`, capturing or not). */
const apiSource = (path: string, segment: string) => path.split('{id}').map(escapeRegExp).join(segment);

type RouteOf<P> = P extends { key: infer K; path: infer Path extends string }
  ? Path extends `${string}/*` ? { page: K; rest: string } : Path extends `${string}:id${string}` ? { page: K; id: number } : { page: K }
  : never;

/** A page and its parameters: a product's id, or the path below a `/*` page. */
export type PageRoute = RouteOf<(typeof PAGES)[number]>;

const PAGE_PATHS = alternatives(PAGES.map((p) => pageSource(p.path)));

/** The page a path shows, or null for a path the site has no page for. */
export function matchPage(pathname: string): PageRoute | null {
  const found = PAGE_PATHS.match(pathname);
  if (!found) return null;
  const { key, path } = PAGES[found.index] as SitePage;
  if (path.endsWith('/*')) return { page: key, rest: found.groups[0] ?? '/' } as PageRoute;
  if (path.includes(':id')) return { page: key, id: Number(found.groups[0]) } as PageRoute;
  return { page: key } as PageRoute;
}

const PAGE_BY_KEY = new Map<string, SitePage>(PAGES.map((p) => [p.key, p]));

/** A page of the table by its key. */
export function sitePage(key: PageKey): SitePage {
  return PAGE_BY_KEY.get(key)!;
}

/** Whether a page is part of a static copy (the not-found page always is: `404.html`). */
export function pageInStatic(key: PageKey | 'notFound'): boolean {
  return key === 'notFound' || (PAGE_BY_KEY.get(key)?.inStatic ?? false);
}

/** A page's address, for a product when it has `:id`. */
export function pagePath(page: Pick<SitePage, 'path'>, id?: number): string {
  return page.path.replace(':id', String(id));
}

/** The file a static copy holds a page in (`index.html`, `tally/index.html`, `products/4/index.html`). */
export function pageFile(page: Pick<SitePage, 'path'>, id?: number): string {
  const path = pagePath(page, id).replace(/^\/+|\/+$/g, '');
  return path ? `${path}/index.html` : 'index.html';
}

/** A page's title in a language: fixed, or made from its product's names. */
export function pageTitle(page: Pick<SitePage, 'title'>, lang: PageLang, names?: ProductNames | null): string {
  const { title } = page;
  if (typeof title !== 'string') return (title as Bilingual)[lang];
  const name = lang === 'en' && names?.nameEn ? names.nameEn : names?.nameZh ?? '';
  return title === 'productCard' ? `${name} · ${lang === 'en' ? 'Card' : '产品卡片'} · ${SITE_NAME[lang]}` : `${name} · ${SITE_NAME[lang]}`;
}

/** The not-found page's title in a language. */
export const notFoundTitle = (lang: PageLang): string => NOT_FOUND_PAGE.title[lang];

/**
 * The API paths open to every origin as one expression (a trailing slash allowed; case-insensitive,
 * as Express routes them): what server/cors.ts tests each request against.
 */
export function openDataPattern(): RegExp {
  // Every path is under /api/: the prefix is tested once, before the alternatives.
  const rest = OPEN_DATA.filter((p) => p.cors).map((p) => apiSource(p.path.slice('/api/'.length), '[^/]+'));
  return new RegExp(`^/api/(?:${rest.join('|')})/?$`, 'i');
}

const STATIC_DATA = OPEN_DATA.filter((p) => p.static !== null);
const STATIC_PATHS = alternatives(STATIC_DATA.map((p) => apiSource(p.path, '(\\d+)')));

/** The open-data path an API path is, among those a static copy keeps, with its id; null for the rest. */
export function staticDataOf(pathname: string): { entry: (typeof STATIC_DATA)[number]; id: string | undefined } | null {
  const found = STATIC_PATHS.match(pathname);
  return found ? { entry: STATIC_DATA[found.index], id: found.groups[0] } : null;
}
