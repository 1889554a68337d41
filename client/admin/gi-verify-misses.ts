import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MIN_MISSES_SHOWN, type VerifyMisses } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { apiGet } from '../lib/api';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { adminStyles } from './admin-styles';

/**
 * The workspace's list of what the public looked for on /verify and did not find (/admin/verify-misses):
 * names and credit codes asked at least three times, most asked first, with the first and latest time.
 * A company buyers keep asking for is one the county may not have entered yet, or one selling a fake.
 */
@customElement('gi-verify-misses')
export class GiVerifyMisses extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .wrap { overflow-x: auto; }
    td.count { text-align: right; font-variant-numeric: tabular-nums; }
    td.key { overflow-wrap: anywhere; }
    td.time { white-space: nowrap; }
  `];

  private readonly i18n = new LocaleController(this);
  private readonly misses = new Task(this, {
    task: (_args, { signal }) => apiGet<VerifyMisses>('/api/verify-misses', signal),
    args: () => [] as const,
  });

  override render() {
    return html`<h2 id="misses-title">${t('misses.title')}</h2>
      <p>${t('misses.intro', { n: MIN_MISSES_SHOWN, page: t('verify.title') })}</p>
      ${renderTask(this.misses, (m) => (m.items.length === 0 ? html`<p>${t('misses.none', { n: m.minCount })}</p>` : html`<div class="wrap">
        <table aria-labelledby="misses-title">
          <caption class="visually-hidden">${t('misses.caption')}</caption>
          <thead><tr><th scope="col">${t('misses.key')}</th><th scope="col">${t('misses.kind')}</th><th scope="col">${t('misses.count')}</th>
            <th scope="col">${t('misses.first')}</th><th scope="col">${t('misses.last')}</th></tr></thead>
          <tbody>${m.items.map((x) => html`<tr>
            <td class="key">${x.key}</td><td>${t(`misses.kind.${x.kind}`)}</td><td class="count">${x.count}</td>
            <td class="time">${shanghaiTime(x.firstAt)}</td><td class="time">${shanghaiTime(x.lastAt)}</td>
          </tr>`)}</tbody>
        </table></div>`))}`;
  }
}

const timeFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** A timestamp as a Shanghai date and time, `2026-03-10 12:00`. */
function shanghaiTime(iso: string): string {
  return timeFormat.format(new Date(iso)).replace(',', '');
}

declare global {
  interface HTMLElementTagNameMap { 'gi-verify-misses': GiVerifyMisses }
}
