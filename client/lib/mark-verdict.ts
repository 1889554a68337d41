/**
 * Whether an enterprise may use a GI's mark, said the same way wherever it is shown (the verification
 * page, the product page's user list): in words first ("可以使用", "不能使用（已暂停）"), with a mark
 * and a colour that only repeat them.
 */
import { css, html, type TemplateResult } from 'lit';
import { authorizationReason, publicReason, todayInShanghai, type AuthorizedUser, type Status, type VerifyReason } from '../../db/model';
import { t } from '../i18n';

/** The verdict in words, in the current language. */
export function verdictText(reason: VerifyReason): string {
  return t(`verify.reason.${reason}`);
}

/** The verdict on an authorised user of a designation, today. */
export function reasonToday(user: Pick<AuthorizedUser, 'status' | 'from' | 'until'>, designationStatus: Status): VerifyReason {
  return authorizationReason(user, designationStatus, todayInShanghai());
}

/** The verdict on an authorised user as the public reads it today (a suspension is named only while its decision is shown). */
export function publicReasonToday(user: AuthorizedUser, designationStatus: Status): VerifyReason {
  return publicReason(user, designationStatus, todayInShanghai());
}

/** The verdict as a badge: ✓ or ✕ (hidden from screen readers, which read the words) and the words. */
export function renderVerdict(reason: VerifyReason, big = false): TemplateResult {
  const ok = reason === 'valid';
  return html`<span class="verdict ${ok ? 'ok' : 'no'} ${big ? 'big' : ''}" data-reason=${reason}><span aria-hidden="true">${ok ? '✓' : '✕'}</span><span>${verdictText(reason)}</span></span>`;
}

/** The badge's styles (colours with a contrast of at least 4.5:1 on their backgrounds). */
export const verdictStyles = css`
  .verdict { display: inline-flex; align-items: center; gap: 0.35em; font-weight: 700; border-radius: 4px; padding: 0.05em 0.45em; border: 2px solid currentColor; }
  .verdict.ok { color: #0b5a26; background: #e6f4ea; }
  .verdict.no { color: #8b1a10; background: #fce8e6; }
  .verdict.big { font-size: 1.3rem; padding: 0.2em 0.6em; }
`;
