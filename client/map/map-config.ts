/**
 * The map settings (GET /api/config: tiles, 审图号, the boundaries' source), read once per page load for
 * every map element that needs them; a failure reads as "nothing configured", which draws no tiles and
 * claims nothing.
 */
import { NO_SITE_INFO } from '../../db/model/no-site-info';
import { api, type ClientConfig } from '../lib/api';

/** What a map shows when the settings cannot be read: no tiles, no approval number, no credit claimed. */
export const NO_MAP_CONFIG: ClientConfig = { tiles: null, approvalNo: null, boundarySource: null, site: NO_SITE_INFO };

let pending: Promise<ClientConfig> | undefined;

/** The map settings, fetched on first use and shared after that. */
export function mapConfig(): Promise<ClientConfig> {
  return pending ??= api.config().catch(() => NO_MAP_CONFIG);
}
