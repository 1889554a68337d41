/**
 * Security headers: helmet with a strict Content-Security-Policy that allows only our own origin
 * (plus the configured tile host, when there is one), and `Cross-Origin-Resource-Policy: same-origin`
 * for everything but the public reads (cors.ts swaps it for `cross-origin` there).
 */
import helmet from 'helmet';
import type { Request, RequestHandler, Response } from 'express';
import { tileOrigins, type Config } from './config';

/** The helmet middleware for this configuration. */
export function securityHeaders(config: Config): RequestHandler {
  const tiles = tileOrigins(config.tiles);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...tiles],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Pages and private answers are for our own origin only; the public reads open it (cors.ts).
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/** The security headers as a fixed list (they depend on the configuration only), computed once. */
export function securityHeaderList(config: Config): [string, string][] {
  const headers = new Map<string, string>();
  const collector = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  securityHeaders(config)({} as Request, collector as unknown as Response, () => {});
  return [...headers];
}

/** Sets the fixed security headers (from `securityHeaderList`) on every response: helmet's, without its per-request work. */
export function fixedSecurityHeaders(headers: [string, string][]): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
