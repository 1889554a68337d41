/**
 * Client-side routing over the History API: which page a path shows, and navigation that keeps
 * the language in links (`?lang=en`). Pages speak in app paths (`/products/7`); the addresses in the
 * location bar and in links carry the base path (`/gi/products/7` under a sub-path: base-path.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { matchPage, type PageRoute } from '../../db/model/public-paths';
import { lang } from '../i18n';
import { appHref, appPath } from './base-path';

/** A page of the app and its path parameters (the pages are the table's: db/model/public-surface.ts). */
export type Route = PageRoute | { page: 'notFound' };

/** Which page an app path shows (the server answers the same path with the same page: server/static.ts). */
export function routeOf(pathname: string): Route {
  return matchPage(pathname) ?? { page: 'notFound' };
}

/** The page of the location bar's address (its base path taken off). */
export function currentRoute(): Route {
  const path = appPath(location.pathname);
  return path === null ? { page: 'notFound' } : routeOf(path);
}

/** The app path, query and fragment of the location bar's address (`/products/7?lang=en`). */
export function currentAppUrl(): string {
  return (appPath(location.pathname) ?? location.pathname) + location.search + location.hash;
}

/** The address of an app path under the base, with (or without) `lang=en` so a shared link opens in the same language. */
export function withLang(url: string, l = lang()): string {
  const u = new URL(url, 'http://x');
  if (l === 'en') u.searchParams.set('lang', 'en');
  else u.searchParams.delete('lang');
  return appHref(u.pathname + u.search + u.hash);
}

/** Fired on window after every client-side navigation. */
export const NAVIGATE_EVENT = 'gi-navigate';

/** Goes to an app path without reloading; `replace` rewrites the current history entry. */
export function navigate(url: string, { replace = false } = {}): void {
  const target = withLang(url);
  if (target === location.pathname + location.search + location.hash) return;
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Handles a click on a link to one of the app's pages, inside any shadow root, as a client-side navigation. */
export function interceptLinkClicks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
  if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
  // The API's files, and the host's other sites outside the base path, are loaded by the browser.
  const path = appPath(anchor.pathname);
  if (path === null || path.startsWith('/api/')) return;
  event.preventDefault();
  navigate(path + anchor.search + anchor.hash);
}

/** Calls `onChange` after every navigation (a link, `navigate()`, or the back and forward buttons) while its host is connected. */
export class LocationController implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly onChange: () => void) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onChange);
    window.addEventListener(NAVIGATE_EVENT, this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onChange);
    window.removeEventListener(NAVIGATE_EVENT, this.onChange);
  }
}
