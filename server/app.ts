/**
 * Builds the Express app (no listen): security headers, the API routes as a table of contents,
 * a JSON 404 for unknown API paths, the client, and one error handler at the end.
 */
import express from 'express';
import type { Db } from '../db/open';
import type { Config } from './config';
import type { AppContext } from './context';
import { apiNotFound, errorHandler } from './errors';
import { countyRoutes } from './routes/counties';
import { exportRoutes } from './routes/export';
import { importRoutes } from './routes/import';
import { openApiRoutes } from './routes/openapi';
import { healthRoutes } from './routes/health';
import { periodReadRoutes, periodWriteRoutes } from './routes/periods';
import { productReadRoutes } from './routes/products';
import { sessionRoutes } from './routes/session';
import { productWriteRoutes } from './routes/products-write';
import { designationRoutes } from './routes/designations';
import { userRoutes } from './routes/users';
import { auditRoutes } from './routes/audit';
import { tallyRoutes } from './routes/tally';
import { securityHeaders } from './security';
import { clientRoutes } from './static';
import { sessionMiddleware } from './auth';
import { sameOriginWrites } from './write-guard';

/** Test seams: a clock for session expiry and login rate limits. */
export interface AppOptions { now?: () => Date }

/** Creates the app around an open database and a configuration. */
export function createApp(db: Db, config: Config, { now = () => new Date() }: AppOptions = {}): express.Express {
  const ctx: AppContext = { db, config, now };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.use('/api', sameOriginWrites);
  app.use('/api', sessionMiddleware(db, now));

  app.use(healthRoutes(ctx));
  app.use(countyRoutes(ctx));
  app.use(productReadRoutes(ctx));
  app.use(periodReadRoutes(ctx));
  app.use(exportRoutes(ctx));
  app.use(openApiRoutes());
  app.use(tallyRoutes(ctx));
  app.use(periodWriteRoutes(ctx));
  app.use(sessionRoutes(ctx));
  app.use(productWriteRoutes(ctx));
  app.use(designationRoutes(ctx));
  app.use(userRoutes(ctx));
  app.use(auditRoutes(ctx));
  app.use(importRoutes(ctx));

  app.use('/api', apiNotFound);
  app.use(clientRoutes(config.clientDir ?? undefined));
  app.use(errorHandler);
  return app;
}
