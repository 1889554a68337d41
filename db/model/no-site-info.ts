/**
 * The footer lines when nothing is known: the client's answer when the settings cannot be read. Apart
 * from site-info.ts (its schema) so the browser's first page has it without zod.
 */
import type { SiteInfo } from './site-info';

/** Every footer line unknown (SiteInfo with each line null). */
export const NO_SITE_INFO: SiteInfo = { issuer: null, contact: null, siteIdCode: null, icpRecord: null, psbRecord: null };
