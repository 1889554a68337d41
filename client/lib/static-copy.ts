/**
 * Whether the page is part of a static copy of the public side (`npm run build:static -- DIR`), whose
 * pages carry `<meta name="gi-static">`; how a copy answers the API's GETs is static-api.ts's, loaded
 * only in a copy.
 */

/** Whether this page is part of a static copy. */
export function isStaticCopy(): boolean {
  return typeof document !== 'undefined' && document.querySelector('meta[name="gi-static"]') !== null;
}
