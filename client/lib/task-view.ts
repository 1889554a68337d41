/**
 * Renders the four states of an async view (not started, loading, failed with retry, done) the same
 * way everywhere.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { t } from '../i18n';
import { errorText } from './page-half';

/** Renders a @lit/task: a status line while loading, an alert with a retry button on failure. */
export function renderTask<T>(task: Task<readonly unknown[], T>, done: (value: T) => unknown): unknown {
  return task.render({
    initial: () => nothing,
    pending: () => html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`,
    error: (error) => renderError(error, () => task.run()),
    complete: (value) => done(value),
  });
}

/** An error message with a retry button. */
export function renderError(error: unknown, retry: () => void): TemplateResult {
  // A server's message comes in both languages: the page shows its own.
  const message = errorText(error);
  return html`<div class="state error" role="alert">
    <span>${t('state.error')}${message}</span>
    <button type="button" @click=${retry}>${t('state.retry')}</button>
  </div>`;
}
