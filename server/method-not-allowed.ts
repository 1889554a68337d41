/**
 * The methods of each API path, read from the Express router itself (every route of every router
 * mounted on the app), so a new route is covered without a list to keep: OPTIONS on a known path
 * answers 204 with `Allow` naming all its methods, and a method the path does not have gets 405
 * with `Allow` and the usual JSON error. Unknown paths are left to the 404.
 */
import type { Express, RequestHandler } from 'express';
import { HttpError } from './errors';

/** A route layer or a router mounted with `use`, as the router (v2) keeps them. */
interface Layer {
  slash?: boolean;
  match(path: string): { path: string } | false;
  route?: { path: unknown; _methods(): string[] };
  handle?: { stack?: Layer[] };
}

/** The methods of the routes in `stack` that match `path` (mounted routers entered at their prefix). */
function collect(stack: readonly Layer[], path: string, into: Set<string>): void {
  for (const layer of stack) {
    if (layer.route) {
      if (layer.match(path)) for (const method of layer.route._methods()) if (method !== '*' && method !== '_ALL') into.add(method);
    } else if (layer.handle?.stack) {
      if (layer.slash) collect(layer.handle.stack, path, into);
      else {
        const mount = layer.match(path);
        if (mount) collect(layer.handle.stack, path.slice(mount.path.length) || '/', into);
      }
    }
  }
}

/** The methods `app` answers at `path` (sorted, OPTIONS included), or [] when no route matches. */
export function allowedMethods(app: Express, path: string): string[] {
  const found = new Set<string>();
  collect((app.router as unknown as { stack: Layer[] }).stack, path, found);
  if (found.size === 0) return [];
  found.add('OPTIONS');
  return [...found].sort();
}

/**
 * Answers OPTIONS on a known API path with 204 and `Allow` (mount under `/api`, ahead of the routes:
 * routers mounted one after another would otherwise each answer with their own methods only).
 */
export function answerOptions(app: Express): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const allowed = allowedMethods(app, req.baseUrl + req.path);
    if (allowed.length === 0) return next();
    res.setHeader('Allow', allowed.join(', '));
    res.status(204).end();
  };
}

/**
 * Refuses, with 405 and `Allow`, a request no route took on a known API path (mount under `/api`
 * after the routes, before the 404: reads and writes that a route answers never pay for the lookup).
 */
export function methodNotAllowed(app: Express): RequestHandler {
  return (req, _res, next) => {
    const path = req.baseUrl + req.path;
    const allowed = allowedMethods(app, path);
    if (allowed.length === 0 || allowed.includes(req.method)) return next();
    const allow = allowed.join(', ');
    next(new HttpError(405, 'method_not_allowed', `不支持此请求方法 / ${req.method} is not allowed on ${path}; use ${allow}`, undefined, { Allow: allow }));
  };
}
