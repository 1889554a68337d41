/**
 * Security headers: helmet with a strict Content-Security-Policy that allows only our own origin
 * (plus the configured tile host, when there is one).
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';
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
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}
