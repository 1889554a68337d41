/**
 * Where the app lives on its host: the page's `<base href>`, which the server (BASE_PATH) and the static build
 * (`--base-url`) set: `/` at a site's root, `/gi/` under a city portal's sub-path. The code speaks in app paths
 * (`/products/7`, `/api/products`); addresses sent to the browser carry the base (`/gi/products/7`).
 */

/** The base path, always ending in `/` (`/` outside a browser: the tests of plain modules). */
export function basePath(): string {
  if (typeof document === 'undefined') return '/';
  const path = new URL(document.baseURI).pathname;
  return path.endsWith('/') ? path : path.replace(/[^/]*$/, '');
}

/** An app path (`/products/7?lang=en`) as the address to use under the base (`/gi/products/7?lang=en`); anything else as given. */
export function appHref(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') ? basePath() + path.slice(1) : path;
}

/** The app path of an address's path (`/gi/products/7` → `/products/7`; `/gi` → `/`); null when it is outside the base. */
export function appPath(pathname: string): string | null {
  const base = basePath();
  if (pathname.startsWith(base)) return `/${pathname.slice(base.length)}`;
  return `${pathname}/` === base ? '/' : null;
}
