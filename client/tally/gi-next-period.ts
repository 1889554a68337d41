import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { periodName, type Period } from '../../db/model';
import { api, ApiRequestError } from '../lib/api';
import { lang, LocaleController, t } from '../i18n';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { nextPeriodDue, nextPeriodStart, type NextPeriodStart } from './next-period';
import './gi-period-editor';

/**
 * The workspace's prompt for the next plan period (admins only): once the last period has ended (the
 * default tally says `periodEnded`), it asks for the next one and opens the period form started from
 * the following dates and the baselines of the tally at the last period's end. Gone once one is added.
 */
@customElement('gi-next-period')
export class GiNextPeriod extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    section { border-left: 4px solid var(--gi-accent); background: var(--gi-bg); padding: 0.5rem 1rem 0.75rem; margin: 0 0 1rem;
      box-shadow: 0 0 0 1px var(--gi-border); border-radius: 4px; }
    h2 { font-size: 1.05rem; margin: 0.25rem 0; }
    p { margin: 0.25rem 0 0.5rem; }
    button.open { padding: 0.3rem 0.9rem; }
    .form { margin-top: 0.75rem; }
    .added { margin: 0 0 1rem; }
  `];

  @state() private open = false;
  @state() private added: Period | null = null;
  @state() private version = 0;

  private readonly i18n = new LocaleController(this);
  /** The start of the next period when one is due, else null. */
  private readonly due = new Task(this, {
    task: async (_args: readonly [number], { signal }): Promise<NextPeriodStart | null> => {
      try {
        // The default tally is of the last period once it has ended, as of its end: its counts are the baselines.
        const [periods, tally] = await Promise.all([api.periods(signal), api.tally({}, signal)]);
        return nextPeriodDue(periods, tally) ? nextPeriodStart(periods.at(-1)!, tally) : null;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404) return null; // no period at all: the tally page asks for one
        throw error;
      }
    },
    args: () => [this.version] as const,
  });

  override render() {
    return html`
      ${this.added ? html`<p class="added" role="status">${t('tally.next.added', { name: periodName(this.added, lang()) })}
        <a href=${withLang('/tally')}>${t('tally.next.seeTally')}</a></p>` : nothing}
      ${this.due.render({
        // Nothing while it loads: a prompt that may not be needed should not flash a loading line on every page.
        pending: () => nothing,
        error: (e) => renderError(e, () => this.due.run()),
        complete: (start) => (start ? this.renderPrompt(start) : nothing),
      })}
    `;
  }

  private renderPrompt(start: NextPeriodStart) {
    const name = periodName(start.after, lang());
    return html`<section aria-labelledby="next-period-title">
      <h2 id="next-period-title">${t('tally.next.title', { name })}</h2>
      <p>${t('tally.next.body', { endsOn: start.after.endsOn })}</p>
      <button class="open" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="next-period-form"
        @click=${() => { this.open = !this.open; }}>${t('tally.next.open')}</button>
      <div class="form" id="next-period-form" ?hidden=${!this.open}>
        ${this.open ? html`<gi-period-editor .period=${null} .start=${start} @period-saved=${this.onSaved}></gi-period-editor>` : nothing}
      </div>
    </section>`;
  }

  private onSaved(e: CustomEvent<Period>) {
    this.added = e.detail;
    this.open = false;
    this.version++;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-next-period': GiNextPeriod }
}
