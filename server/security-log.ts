/**
 * The security log's part of the app: which requests are security events without their routes saying so
 * (downloads by signed-in accounts: `export`; changes of the report's, the readiness's and the dossier
 * checklists' settings: `config_changed`), the policy recorded at start, and the housekeeping (sessions
 * that ended unnoticed, old sign-in failures, and the daily archive of events past the retention).
 */
import type { Request, RequestHandler, Response } from 'express';
import type { SecurityEventKind } from '../db/model';
import type { SecurityPolicy } from './config';
import { clockOf, type AppContext } from './context';
import { accountOf } from './auth';
import { addressOf } from './rate-limit';
import { pruneFailures } from './domain/accounts/lockout';
import { purgeExpiredSessions, sessionPolicyOf } from './domain/accounts/sessions';
import { recordSecurityEvent, type SecurityEventInput } from './domain/security/events';
import { recordPolicyIfChanged, type PolicyValues } from './domain/security/policy-log';
import { archiveFolderOf, archiveSecurityEvents } from './domain/security/retention';

/** A request that is a security event when a signed-in account makes it and it succeeds. */
interface Watched { method: string; path: RegExp; kind: SecurityEventKind; setting?: string }

/**
 * The watched requests: every download of registry data, history or the log by a signed-in account (a
 * signed-in export holds drafts, returns or history the public never sees), and every settings change.
 */
const WATCHED: readonly Watched[] = [
  { method: 'GET', path: /^\/api\/export\/products\.(csv|xlsx)$/, kind: 'export' },
  { method: 'GET', path: /^\/api\/reports\/annual\.(docx|xlsx)$/, kind: 'export' },
  { method: 'GET', path: /^\/api\/cultivation\.xlsx$/, kind: 'export' },
  { method: 'GET', path: /^\/api\/audit\/export\.xlsx$/, kind: 'export' },
  { method: 'GET', path: /^\/api\/security-events\/export\.xlsx$/, kind: 'export' },
  { method: 'PUT', path: /^\/api\/report-settings$/, kind: 'config_changed', setting: 'report_settings' },
  { method: 'PUT', path: /^\/api\/readiness-settings$/, kind: 'config_changed', setting: 'readiness_settings' },
  { method: 'PUT', path: /^\/api\/dossier-templates\/[^/]+$/, kind: 'config_changed', setting: 'dossier_template' },
];

/** Writes an event now, or once an import no longer holds the database; a failure is logged, never answered. */
function recordWhenFree(ctx: AppContext, event: SecurityEventInput): void {
  const write = () => {
    try {
      recordSecurityEvent(ctx.db, event);
    } catch (err) {
      ctx.log.error({ err, kind: event.kind }, 'could not record a security event');
    }
  };
  if (ctx.writeGate.busy) void ctx.writeGate.idle().then(write);
  else write();
}

/** The query of a request as the event keeps it (strings, each at most 200 characters). */
function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, String(v).slice(0, 200)]));
}

/**
 * Records the watched requests of signed-in accounts (mounted on /api, after the session): an export once
 * its answer has started with 200 (`complete: false` when the download was cut short), a settings change
 * once it has succeeded.
 */
export function securityEventHooks(ctx: AppContext): RequestHandler {
  const now = clockOf(ctx);
  return (req, res, next) => {
    const account = accountOf(res);
    const path = `${req.baseUrl}${req.path}`;
    const watched = account && WATCHED.find((w) => w.method === req.method && w.path.test(path));
    if (watched) {
      res.once('close', () => {
        if (!succeeded(res, watched.kind)) return;
        recordWhenFree(ctx, {
          kind: watched.kind, actor: account, address: addressOf(req), at: now(),
          detail: watched.kind === 'export'
            ? { path, query: queryOf(req), complete: res.writableFinished }
            : { setting: watched.setting, path },
        });
      });
    }
    next();
  };
}

/** Whether a watched request did what it asked: a download began with 200, a change answered 2xx. */
const succeeded = (res: Response, kind: SecurityEventKind) =>
  kind === 'export' ? res.headersSent && res.statusCode === 200 : res.statusCode >= 200 && res.statusCode < 300;

/** The policy as the log records it, by the names it is configured with. */
export function policyValues(p: SecurityPolicy): PolicyValues {
  return {
    SESSION_IDLE_MINUTES: p.idleMinutes, SESSION_MAX_HOURS: p.maxHours, LOCKOUT_ATTEMPTS: p.lockoutAttempts,
    LOCKOUT_MINUTES: p.lockoutMinutes, PASSWORD_MAX_AGE_DAYS: p.passwordMaxAgeDays, PASSWORD_HISTORY: p.passwordHistory,
    AUDIT_RETENTION_DAYS: p.auditRetentionDays, SEPARATE_DUTIES: p.separateDuties,
  };
}

/** How often the sessions are swept and old sign-in failures dropped. */
const SWEEP_MS = 5 * 60_000;
/** How often the archive runs (besides at start). */
const ARCHIVE_MS = 24 * 3_600_000;

/** The security log's housekeeping: `run` does what is due (cheap when nothing is). */
export interface Housekeeping { run: () => void }

/**
 * At start: the policy is recorded when it changed (`config_changed`), and events past the retention are
 * archived. Then, whenever `run` is called (on requests, and on a timer for a server only the ready fast
 * path answers): sessions swept at most every 5 minutes, the archive at most daily, each only while no
 * import holds the database. A failure is logged and tried again next time.
 */
export function securityHousekeeping(ctx: AppContext): Housekeeping {
  const now = clockOf(ctx);
  const policy = ctx.config.security;
  const sessions = sessionPolicyOf(policy);
  const folder = archiveFolderOf(ctx.config.databasePath);
  const archive = (at: Date) => {
    const result = archiveSecurityEvents(ctx.db, { folder, now: at, retentionDays: policy.auditRetentionDays });
    if (result.count > 0) ctx.log.info({ archived: result.count, files: result.files.map((f) => f.file) }, `Archived ${result.count} security events older than ${policy.auditRetentionDays} days`);
  };
  const guarded = (what: string, work: () => void) => {
    try { work(); } catch (err) { ctx.log.error({ err }, `security housekeeping failed: ${what}`); }
  };

  const started = now();
  recordPolicyIfChanged(ctx.db, policyValues(policy), started);
  guarded('archive', () => archive(started));
  let swept = started.getTime();
  let archived = started.getTime();

  return {
    run: () => {
      const at = now();
      if (!ctx.writeGate.busy && at.getTime() - swept >= SWEEP_MS) {
        swept = at.getTime();
        guarded('sessions', () => { purgeExpiredSessions(ctx.db, at, sessions); pruneFailures(ctx.db, at); });
      }
      if (!ctx.writeGate.busy && at.getTime() - archived >= ARCHIVE_MS) {
        archived = at.getTime();
        guarded('archive', () => archive(at));
      }
    },
  };
}
