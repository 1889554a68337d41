/**
 * Dates as the page's reader says them, at the precision they are known (README "The data"): 2013年 / 2013, 2013年7月 / July 2013, 2013-07-03 in both. The one formatter
 * of the client: every date shown goes through `showDate` or `renderDate`.
 */
import { html, nothing } from 'lit';
import { formatPartialDate } from '../../db/model';
import { lang } from './index';

/** A date (`2013`, `2013-07`, `2013-07-03`) in the current language, never padded to 1 January. */
export function showDate(d: string): string {
  return formatPartialDate(d, lang());
}

/** A date as a `<time>` element (its `datetime` the date as stored), or nothing for no date. */
export function renderDate(d: string | null | undefined) {
  return d ? html`<time datetime=${d}>${showDate(d)}</time>` : nothing;
}
