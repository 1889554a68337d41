/**
 * The history's summary of a decision on an authorised user: a suspension or revocation with its
 * decision number, or the withdrawal of a decision ("暂停 X 使用 沁水蜂蜜 的 地理标志商标 的专用标志（决定书
 * 晋市监〔2026〕1号）"). The changed fields themselves are told by audit-text.ts like any other.
 */
import type { AuditLang } from './audit-words';

type Rec = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The summary of an `authorized_user_update` event that suspended, revoked or withdrew a decision, or
 * null for any other change. `gi` is the designation as the sentence names it ("沁水蜂蜜 的 地理标志商标").
 */
export function decisionSummary(before: Rec, after: Rec, who: string, gi: string, lang: AuditLang): string | null {
  const zh = lang === 'zh';
  const status = str(after.authorizationStatus);
  const number = str(after.decisionNumber);
  if ((status === 'suspended' || status === 'revoked') && str(before.authorizationStatus) !== status) {
    const suffix = number ? (zh ? `（决定书 ${number}）` : ` (decision ${number})`) : '';
    if (zh) return `${status === 'suspended' ? '暂停' : '撤销'} ${who} 使用 ${gi} 的专用标志${suffix}`;
    return `${status === 'suspended' ? 'Suspended' : 'Revoked'} the use by ${who} of the mark of ${gi}${suffix}`;
  }
  if (str(after.decisionWithdrawnOn) && !str(before.decisionWithdrawnOn)) {
    return zh ? `撤回对 ${gi} 的用标企业 ${who} 的处理决定` : `Withdrew the decision on ${who}, an authorised user of ${gi}`;
  }
  return null;
}
