/**
 * Who runs the site and its record numbers, as every page's footer shows them (part of GET /api/config):
 * the issuing body (the annual report's issuer), a contact line, and the 网站标识码, ICP备案号 and
 * 公安备案号 a government site shows. A line not configured is null and not shown (none known: no-site-info.ts).
 */
import { z } from 'zod';

/** The site's footer lines. */
export const SiteInfo = z.object({
  /** The issuing body (主办单位): the annual report's issuer; null when unknown. */
  issuer: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** A contact line (SITE_CONTACT), e.g. a telephone number or an address. */
  contact: z.string().nullable(),
  /** The 网站标识码 of a government website (SITE_ID_CODE). */
  siteIdCode: z.string().nullable(),
  /** The ICP备案号 (ICP_RECORD), as it is to be shown, e.g. 晋ICP备12345678号. */
  icpRecord: z.string().nullable(),
  /** The 公安备案号 (PSB_RECORD), as it is to be shown, e.g. 晋公网安备 14050202000001号. */
  psbRecord: z.string().nullable(),
});
export type SiteInfo = z.infer<typeof SiteInfo>;
