/**
 * A suspension's or revocation's decision as the public reads it while it is shown (the verification
 * page, the product page's user list): its number, day and reason, and the last day it is shown.
 */
import { css, html, type TemplateResult } from 'lit';
import type { ShownDecision } from '../../db/model';
import { t } from '../i18n';
import { showDate } from '../i18n/dates';

/** The decision in one sentence ('—' for a number or reason the registry does not hold). */
export function renderDecision(d: ShownDecision): TemplateResult {
  return html`<p class="decision">${t('decision.line', {
    number: d.number ?? '—', on: showDate(d.on), reason: d.reason ?? '—', until: showDate(d.displayUntil),
  })}</p>`;
}

/** The sentence's style: set apart from the verdict above it. */
export const decisionStyles = css`
  .decision { margin: 0.3rem 0 0; padding-left: 0.6rem; border-left: 3px solid #8b1a10; overflow-wrap: anywhere; }
`;
