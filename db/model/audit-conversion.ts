/**
 * The history's sentences about conversions (统一认定, 2024–): the converted designation's event (action
 * `conversion`: "将 沁水黄小米 的 农产品地理标志 转换为 地理标志保护产品（公告 第646号）"), a designation's link to
 * the other side as one value ("农产品地理标志（2024-09-01 转换）"), and the checklist of conversions, which
 * is not a GI type's. Snapshots are written by server/domain/designations/conversion.ts.
 */
import type { AuditLang } from './audit-words';
import { CONVERSION_TEMPLATE } from './dossiers';
import { LABELS } from './labels';
import { formatPartialDate } from './partial-date';

type Rec = Record<string, unknown>;

const asRec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The checklist of conversions' name (its key is not a GI type). */
export const CONVERSION_CHECKLIST_NAME = { zh: '转换为地理标志产品', en: 'conversion into a GI protected product' } as const;

/** A GI type's label, or the code when unknown. */
function typeLabel(code: unknown, lang: AuditLang): string {
  const entry = (LABELS.giType as Record<string, { zh: string; en: string }>)[String(code)];
  return entry ? entry[lang] : String(code);
}

/** A conversion link ({designationId, giType, announcement, on}) as words: "地理标志保护产品（公告 第646号，2024-09-01）". */
export function conversionRefText(v: unknown, lang: AuditLang): string {
  const ref = asRec(v);
  const parts = [
    str(ref.announcement) ? (lang === 'zh' ? `公告 ${str(ref.announcement)}` : `announcement ${str(ref.announcement)}`) : null,
    str(ref.on) ? formatPartialDate(str(ref.on)!, lang) : (lang === 'zh' ? '转换中' : 'under way'),
  ].filter((p): p is string => p !== null);
  return lang === 'zh' ? `${typeLabel(ref.giType, lang)}（${parts.join('，')}）` : `${typeLabel(ref.giType, lang)} (${parts.join(', ')})`;
}

/** The summary of a `conversion` event; `of` names the converted designation ("沁水黄小米 的 农产品地理标志"). */
export function conversionSummary(of: string, after: unknown, lang: AuditLang): string {
  const into = asRec(asRec(after).into);
  const type = typeLabel(into.giType, lang);
  const announcement = str(into.announcement);
  return lang === 'zh'
    ? `将 ${of} 转换为 ${type}${announcement ? `（公告 ${announcement}）` : ''}`
    : `Converted ${of} into a ${type}${announcement ? ` (announcement ${announcement})` : ''}`;
}

/** The name of a checklist in the history: a GI type's label, or the conversions'. */
export function checklistName(key: unknown, lang: AuditLang): string {
  return key === CONVERSION_TEMPLATE ? CONVERSION_CHECKLIST_NAME[lang] : typeLabel(key, lang);
}
