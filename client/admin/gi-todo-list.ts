import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { TERM_SIGNAL_DAYS, TODO_DUE_DAYS, type TodoGroup, type TodoItem, type TodoKind } from '../../db/model';
import { lang, LocaleController, t } from '../i18n';
import { showDate } from '../i18n/dates';
import { CountiesController } from '../lib/counties';
import { zhText } from '../lib/free-text';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import type { SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import { countyName, joinList } from './labels';
import { todoApi } from './todo-api';

/** The window a group's heading names, where it has one (the rules' own constants). */
const WINDOW_DAYS: Partial<Record<TodoKind, number>> = { dossier_due: TODO_DUE_DAYS, term_ending: TERM_SIGNAL_DAYS };

/**
 * The workspace home's first part: what needs the official now (their county's; the city's for an admin),
 * each group counted and each item a link to the place where it is done.
 */
@customElement('gi-todo-list')
export class GiTodoList extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; margin-bottom: 1.5rem; }
    h2 { margin: 0.25rem 0 0.5rem; }
    h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
    h3.overdue { color: #8b1a10; }
    ul { margin: 0; padding-left: 1.25rem; }
    li { margin: 0.2rem 0; }
    .due { color: var(--gi-muted); white-space: nowrap; }
  `];

  /** The signed-in account. */
  @property({ attribute: false }) user: SessionUser | null = null;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly list = new Task(this, {
    task: ([], { signal }) => todoApi.todo(signal),
    args: () => [] as const,
  });

  override render() {
    const scope = this.user?.role === 'admin' ? t('todo.cityScope') : t('todo.countyScope', { county: countyName(this.user?.county) });
    return html`<section aria-labelledby="todo-h">
      <h2 id="todo-h">${t('todo.heading')} <span class="hint">· ${scope}</span></h2>
      ${renderTask(this.list, ({ groups }) => (groups.length === 0
        ? html`<p class="state">${t('todo.none')}</p>`
        : groups.map((g) => this.renderGroup(g))))}
    </section>`;
  }

  private renderGroup(g: TodoGroup) {
    const id = `todo-${g.kind}`;
    return html`<h3 id=${id} class=${g.kind === 'dossier_overdue' ? 'overdue' : ''}>${t(`todo.group.${g.kind}`, { n: g.count, days: WINDOW_DAYS[g.kind] ?? '' })}</h3>
      <ul aria-labelledby=${id}>${g.items.map((i) => html`<li>${this.renderItem(i)}</li>`)}</ul>
      ${g.count > g.items.length ? html`<p class="hint">${t('todo.more', { n: g.count - g.items.length })}</p>` : nothing}`;
  }

  private renderItem(i: TodoItem) {
    if (i.company !== undefined) return this.renderUserItem(i, i.company);
    const title = lang() === 'en' ? i.titleEn : i.title;
    const text = i.kind === 'period' ? t('todo.periodTitle', { name: title }) : title;
    const type = i.giType ? `${t(`giType.${i.giType}`)} · ` : '';
    return html`<a href=${withLang(i.link)}>${text}</a>
      ${i.dueOn ? html` <span class="due">${type}${t('todo.dueOn', { date: showDate(i.dueOn) })}</span>` : type ? html` <span class="due">${type}</span>` : nothing}`;
  }

  /** An authorised user's item: the company (its registered, Chinese name) linked to its row, then its GI and what is due. */
  private renderUserItem(i: TodoItem, company: string) {
    const product = lang() === 'en' && i.titleEn !== i.title ? i.titleEn : zhText(i.title);
    const due = i.kind === 'term_ending' && i.dueOn ? t('todo.termUntil', { date: showDate(i.dueOn) })
      : t('todo.yearsMissing', { years: joinList((i.years ?? []).map(String)) });
    return html`<a href=${withLang(i.link)}>${zhText(company)}</a> · ${product}
      <span class="due">· ${i.giType ? `${t(`giType.${i.giType}`)} · ` : ''}${due}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-todo-list': GiTodoList }
}
