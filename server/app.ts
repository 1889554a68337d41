/**
 * Builds the Express app (no listen): security headers, the API routes as a table of contents,
 * a JSON 404 for unknown API paths, the client, and one error handler at the end.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import compression from 'compression';
import express from 'express';
import type { Db } from '../db/open';
import type { Config } from './config';
import { todayReader, type AppContext } from './context';
import { apiNotFound, errorHandler } from './errors';
import { countyRoutes } from './routes/counties';
import { crawlerRoutes } from './routes/crawlers';
import { exportRoutes } from './routes/export';
import { feedRoutes } from './routes/feed';
import { importRoutes } from './routes/import';
import { importTemplateRoutes } from './routes/import-template';
import { openApiRoutes } from './routes/openapi';
import { healthRoutes } from './routes/health';
import { periodReadRoutes, periodWriteRoutes } from './routes/periods';
import { productReadRoutes } from './routes/products';
import { productQrRoutes } from './routes/product-qr';
import { sessionRoutes } from './routes/session';
import { productWriteRoutes } from './routes/products-write';
import { designationRoutes } from './routes/designations';
import { documentRoutes } from './routes/documents';
import { dossierRoutes } from './routes/dossiers';
import { todoRoutes } from './routes/todo';
import { markRoutes } from './routes/marks';
import { markUseRoutes } from './routes/mark-use';
import { signalRoutes } from './routes/signals';
import { usageReturnRoutes } from './routes/usage-returns';
import { placeRoutes } from './routes/places';
import { specificationRoutes } from './routes/specifications';
import { userRoutes } from './routes/users';
import { auditRoutes } from './routes/audit';
import { securityEventRoutes } from './routes/security-events';
import { tallyFastAnswer, tallyRoutes } from './routes/tally';
import { reportRoutes } from './routes/reports';
import { fixedSecurityHeaders, securityHeaderList } from './security';
import { headersByUrl, openDataCors, openDataHeaderList } from './cors';
import { answerOptions, methodNotAllowed } from './method-not-allowed';
import { withReadyFastPath } from './answer';
import { clientRoutes, productLookupOf } from './static';
import { passwordExpiredGate, sessionMiddleware, sessionRefusals } from './auth';
import { securityEventHooks, securityHousekeeping } from './security-log';
import { sessionPolicyOf } from './domain/accounts/sessions';
import { sameOriginWrites } from './write-guard';
import { ReadyCache, registryVersionReader, rememberedVersion, type RememberedVersion } from './snapshot/ready-cache';
import { TallyIndexCache } from './snapshot/tally-index-cache';
import { RegistryChanges } from './snapshot/registry-changes';
import { NameOrders } from './snapshot/name-orders';
import { RebuildPace } from './snapshot/rebuild-pace';
import { ProductPages } from './product-pages';
import { ClusterIndexCache } from './snapshot/cluster-index-cache';
import { createTaskPool, type TaskPool } from './workers/task-pool';
import { WriteGate } from './write-gate';
import { ImportProgressBoard } from './exchange/import/progress';
import { echoRequestId, silentLogger, trustOf, withRequestLog, type Logger } from './request-log';
import { withBasePath } from './base-path';

/** How often the security log's housekeeping looks whether something is due, besides on requests. */
const HOUSEKEEPING_MS = 10 * 60_000;

/** Test seams: a clock for session expiry, login rate limits and the security log; the logger (none when not given). */
export interface AppOptions { now?: () => Date; log?: Logger }

/**
 * Creates the app around an open database and a configuration. `serve(app)` makes its HTTP server;
 * its task workers start on first use, and `closeApp` stops them.
 */
export function createApp(db: Db, config: Config, { now = () => new Date(), log = silentLogger }: AppOptions = {}): express.Express {
  const pool = createTaskPool(db, config.databasePath);
  const version = rememberedVersion(registryVersionReader(db.$client));
  const today = todayReader(now);
  // What each write touched: a kept answer outlives the writes that touch nothing it shows.
  const changes = new RegistryChanges(db.$client, version);
  // A costly shared answer is rebuilt for the public at a pace, not at every write of a burst.
  const pace = new RebuildPace(config.publicRebuildPercent);
  const ctx: AppContext = {
    db, config, now, pool, ready: new ReadyCache(version, { today, changes, pace }), writeGate: new WriteGate(), imports: new ImportProgressBoard(), log,
    tallyIndex: new TallyIndexCache(() => changes.lastChanged('tally'), () => pool.run('tallyIndex', {}), {}, pace),
    clusters: new ClusterIndexCache(version),
    nameOrders: new NameOrders(changes, version),
  };
  const app = express();
  app.locals.taskPool = pool;
  app.locals.productPages = new ProductPages(ctx, version, changes);
  app.locals.release = () => ctx.clusters.release();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const headers = securityHeaderList(config);
  app.locals.basePath = config.basePath;
  // Outside in: a request id and a log line for every request, the base path taken off, then the fast path, then Express.
  app.locals.listener = withRequestLog(log, trustOf(app),
    withBasePath(config.basePath, withReadyFastPath(ctx.ready, headersByUrl(headers, openDataHeaderList(headers)), app, tallyFastAnswer(ctx, today))));
  app.use(echoRequestId, fixedSecurityHeaders(headers));
  // Public reads are open to every origin; OPTIONS lists every method a path has (read from the router).
  app.use('/api', openDataCors, answerOptions(app));
  // Every text answer is compressed when the client accepts it; ready bodies come compressed already.
  app.use(compression());
  app.use('/api', sameOriginWrites);
  app.use('/api', forgetVersionAroundWrites(version));
  app.use('/api', sessionMiddleware({ db, now, mayWrite: () => !ctx.writeGate.busy, policy: sessionPolicyOf(config.security) }));
  app.use('/api', passwordExpiredGate);
  app.use('/api', ctx.writeGate.waitForIt);
  const housekeeping = securityHousekeeping(ctx);
  app.locals.housekeeping = setInterval(housekeeping.run, HOUSEKEEPING_MS).unref();
  app.use('/api', (_req, _res, next) => { housekeeping.run(); next(); }, securityEventHooks(ctx));

  app.use(healthRoutes(ctx));
  app.use(countyRoutes(ctx));
  app.use(productReadRoutes(ctx));
  app.use(productQrRoutes(ctx));
  app.use(markUseRoutes(ctx));
  app.use(periodReadRoutes(ctx));
  app.use(exportRoutes(ctx));
  app.use(feedRoutes(ctx));
  app.use(openApiRoutes());
  app.use(tallyRoutes(ctx));
  app.use(reportRoutes(ctx));
  app.use(periodWriteRoutes(ctx));
  app.use(sessionRoutes(ctx));
  app.use(productWriteRoutes(ctx));
  app.use(designationRoutes(ctx));
  app.use(documentRoutes(ctx));
  app.use(dossierRoutes(ctx));
  app.use(todoRoutes(ctx));
  app.use(markRoutes(ctx));
  app.use(signalRoutes(ctx));
  app.use(usageReturnRoutes(ctx));
  app.use(placeRoutes(ctx));
  app.use(specificationRoutes(ctx));
  app.use(userRoutes(ctx));
  app.use(auditRoutes(ctx));
  app.use(securityEventRoutes(ctx));
  app.use(importTemplateRoutes(ctx));
  app.use(importRoutes(ctx));

  app.use('/api', methodNotAllowed(app), apiNotFound);
  app.use(crawlerRoutes(ctx));
  app.use(clientRoutes(productLookupOf(ctx), config.clientDir ?? undefined, config.basePath));
  app.use(sessionRefusals, errorHandler);
  return app;
}

/** A write request forgets the remembered registry version as it starts and when it has finished, so the next read sees it. */
function forgetVersionAroundWrites(version: RememberedVersion): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      version.forget();
      res.on('finish', version.forget);
      res.on('close', version.forget);
    }
    next();
  };
}

/** An HTTP server for the app, with the ready fast path in front of Express (call `listen` on it). */
export function serve(app: express.Express): Server {
  return createServer(app.locals.listener as RequestListener);
}

/** The app's keeper of product pages (server/main.ts starts it once the server listens). */
export function productPagesOf(app: express.Express): ProductPages {
  return app.locals.productPages as ProductPages;
}

/** What the app lets go of when the server falls quiet (quiet-collect.ts's `release`): the map's kept views. */
export function releasableOf(app: express.Express): () => void {
  return app.locals.release as () => void;
}

/** Stops what `createApp` started beside the HTTP server (its task workers, the security log's timer, the product pages' timer). */
export async function closeApp(app: express.Express): Promise<void> {
  clearInterval(app.locals.housekeeping as NodeJS.Timeout | undefined);
  productPagesOf(app).stop();
  await (app.locals.taskPool as TaskPool | undefined)?.close();
}
