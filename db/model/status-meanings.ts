/**
 * What each status of a designation means, in a sentence per language: the public guide (/guide) lists
 * every status of the vocabulary with its name (LABELS.status) and this meaning.
 */
import type { Label } from './labels';
import type { Status } from './vocabulary';

/** The meaning of each status, by code (the compiler asks for a new status's meaning here). */
export const STATUS_MEANINGS = {
  cultivating: {
    zh: '县里正在培育的候选产品，尚未向主管机关提出申请。',
    en: 'A candidate the county is preparing; no application has been filed yet.',
  },
  filed: {
    zh: '已向主管机关提出申请，正在审查。',
    en: 'The application has been filed with the authority and is being examined.',
  },
  published: {
    zh: '主管机关已公告该申请（如商标初步审定公告、产品受理公告），公示期内可提出异议。',
    en: 'The authority has published the application (a preliminary approval or acceptance notice); objections may be raised while it is on notice.',
  },
  granted: {
    zh: '已核准注册或认定保护，现行有效。',
    en: 'Registered or approved for protection, and in force.',
  },
  rejected: {
    zh: '申请未获批准（被驳回）；可重新培育后再申请。',
    en: 'The application was refused; the product may be prepared again and re-filed.',
  },
  withdrawn: {
    zh: '申请人撤回了申请；可重新培育后再申请。',
    en: 'The applicant withdrew the application; the product may be prepared again and re-filed.',
  },
  revoked: {
    zh: '已获批的保护被撤销，不再有效。',
    en: 'The protection granted was revoked and is no longer in force.',
  },
  expired: {
    zh: '保护期满未续展（如商标十年期满未续展），不再有效。',
    en: 'The term ran out without renewal (e.g. a trademark not renewed after ten years); no longer in force.',
  },
  converted: {
    zh: '农产品地理标志已按地理标志统一认定转换为地理标志产品，此后以新的认定为准。',
    en: 'An agricultural-product GI converted into a GI product under the unified recognition of GIs; the new recognition now applies.',
  },
} as const satisfies Record<Status, Label>;
