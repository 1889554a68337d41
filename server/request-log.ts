/**
 * Structured logs: the server's pino logger (JSON lines on stdout, one object per line) and a line for every
 * request answered (at `debug` for the fast path's answers from memory, which nginx's access log has), with a request id: the proxy's X-Request-Id when the connection comes from a
 * trusted proxy (nginx sends its `$request_id`), else a new UUID; either way echoed in the answer's
 * X-Request-Id, so a visitor's report, nginx's access log and this log name the same request.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Express, RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import proxyaddr from 'proxy-addr';

export type { Logger };

/** The server's logger at `level`: JSON lines with an ISO time and the level by name, on stdout or on `destination`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** A logger that writes nothing (the default of an app built without one: tests). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** How far the app trusts the connection's peer: Express's own `trust proxy` rule, read at each request. */
export interface ProxyTrust {
  /** Whether the connection's peer is a trusted proxy (then its X-Request-Id is taken). */
  peerTrusted(req: IncomingMessage): boolean;
  /** The client's address as the app sees it (X-Forwarded-For read as far as the proxies are trusted). */
  clientAddress(req: IncomingMessage): string;
}

/** The trust of an Express app (`app.set('trust proxy', …)`), so logs see the client the routes see. */
export function trustOf(app: Express): ProxyTrust {
  const fn = () => app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return {
    peerTrusted: (req) => fn()(req.socket.remoteAddress ?? '', 0),
    clientAddress: (req) => proxyaddr(req, fn()),
  };
}

/** An id a proxy may hand on: short, and nothing that could break a log line. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A return link's token is a secret carried in its path (`/return/<token>`, `/api/return-links/<token>`): never logged. */
export function loggedUrl(url: string): string {
  return url.replace(/(\/return(?:-links)?\/)[^/?#]+/, '$1…');
}

/** Probes ask every few seconds: a failing readiness logs itself (routes/health.ts), a passing one is noise. */
const PROBES = /^(\/[^?]*)?\/api\/(health|ready)(\?|$)/;

/** What the listener leaves on a request for the code behind it. */
const LOGGER = Symbol('request logger');
type Logged = IncomingMessage & { id?: string; [LOGGER]?: Logger };

/** The request's id (set by `withRequestLog`; undefined outside it). */
export function requestId(req: IncomingMessage): string | undefined {
  return (req as Logged).id;
}

/**
 * Express middleware: the answer carries the request's id in X-Request-Id. (The fast path adds it to its own
 * header list: a header set before its writeHead would make Node merge every header, a tenth of its time.)
 */
export const echoRequestId: RequestHandler = (req, res, next) => {
  const id = requestId(req);
  if (id !== undefined) res.setHeader('X-Request-Id', id);
  next();
};

/** A request's logger: the server's, with the request's `reqId` on every line (silent outside a logged request). */
export function requestLog(req: IncomingMessage): Logger {
  const { id, [LOGGER]: logger } = req as Logged;
  return logger ? logger.child({ reqId: id }) : silentLogger;
}

/** Set on an answer the fast path sent from memory (answeredFromMemory). */
const FROM_MEMORY = Symbol('answered from memory');
type Marked = ServerResponse & { [FROM_MEMORY]?: true };

/**
 * Marks an answer the fast path sent from memory, before Express (server/answer.ts): its log line is written
 * at `debug`, not `info`. Such answers are most of the traffic on a busy day, and a line each cost a fifth of
 * the fast path's time (CPU profile of `npm run bench`); nginx's access log has every one of them, under the
 * same request id, and every other answer (Express's, every error) keeps its line at `info`.
 */
export function answeredFromMemory(res: ServerResponse): void {
  (res as Marked)[FROM_MEMORY] = true;
}

/**
 * The server's request listener with a request id (`req.id`; `echoRequestId` and the fast path send it in
 * X-Request-Id) and one log line per
 * answer when it is finished or its connection closed: method, path as asked (secrets left out), client
 * address, status (null when none was sent) and milliseconds; 5xx at `error`, an answer sent from memory
 * at `debug` (answeredFromMemory), the rest at `info`. Written with pino directly: pino-http (two child
 * loggers and a serialized request per request) took the fast path from 27,600 to 12,700 answers a second.
 */
export function withRequestLog(logger: Logger, trust: ProxyTrust, next: RequestListener): RequestListener {
  return (req: Logged, res: ServerResponse) => {
    const sent = req.headers['x-request-id'];
    const id = typeof sent === 'string' && REQUEST_ID.test(sent) && trust.peerTrusted(req) ? sent : randomUUID();
    req.id = id;
    req[LOGGER] = logger;
    const url = req.url ?? '';
    const start = performance.now();
    next(req, res);
    // Registered after `next`: an answer's 'close' comes once it is sent (never synchronously), or when its
    // connection is lost before that.
    const fromMemory = (res as Marked)[FROM_MEMORY] === true;
    if (!logger.isLevelEnabled(fromMemory ? 'debug' : 'error') || PROBES.test(url)) return;
    const asked = loggedUrl(url);
    void req.socket.remoteAddress; // read now: a socket closed by then has forgotten it
    res.once('close', () => {
      const status = res.headersSent ? res.statusCode : null;
      const level = status !== null && status >= 500 ? 'error' : fromMemory ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level]({
        reqId: id, req: { method: req.method, url: asked, client: trust.clientAddress(req) }, res: { status },
        responseTime: Math.round(performance.now() - start),
      }, `${req.method} ${asked} ${status ?? '(closed before an answer)'}`);
    });
  };
}
