import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { CONVERSION_TEMPLATE, conversionSourcesOf, GI_TYPES, isClosed, type DossierTemplate, type GiType, type TemplateKey } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { adminStyles } from './admin-styles';
import { dossierApi } from './dossier-api';
import { unplacedErrors } from './field-errors';
import { FormSender } from './form-sender';
import { textField } from './fields';
import { shanghaiTime } from './labels';
import { addRow, checkTemplate, moveRow, removeRow, type TemplateRow } from './template-draft';

/** Which control gets focus after the rows change (the one pressed may have moved, or gone). */
type FocusTarget = { row: number; control: 'key' | 'up' | 'down' | 'remove' } | 'add';

/**
 * One checklist for admins (a GI type's, or the conversions': `conversion`): the ordered items (key, Chinese
 * and English title), added, moved, removed, saved with PUT.
 */
@customElement('gi-dossier-template-form')
export class GiDossierTemplateForm extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    section { border-top: 1px solid var(--gi-border); margin-top: 1.25rem; }
    ol.rows { list-style: none; margin: 0; padding: 0; counter-reset: row; }
    ol.rows > li { display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: flex-end; padding: 0.4rem 0;
      border-bottom: 1px solid var(--gi-border); }
    ol.rows > li::before { counter-increment: row; content: counter(row) '.'; font-weight: 600; align-self: center; min-width: 1.5rem; }
    .field { margin-bottom: 0.4rem; }
    .key input { width: 11rem; }
    .title input { width: 20rem; max-width: 80vw; }
    .moves { display: flex; gap: 0.25rem; margin-bottom: 0.4rem; }
    .moves button { padding: 0.25rem 0.5rem; }
  `];

  /** The checklist edited: a GI type's, or `conversion`. */
  @property() giType: TemplateKey = GI_TYPES[0];

  @state() private rows: TemplateRow[] = [];
  @state() private template: DossierTemplate | null = null;
  @state() private message = '';

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);
  private readonly load = new Task(this, {
    task: async ([giType], { signal }) => {
      const template = await dossierApi.template(giType, signal);
      this.show(template);
      return template;
    },
    args: () => [this.giType] as const,
  });

  override render() {
    const type = this.giType === CONVERSION_TEMPLATE ? conversionName() : t(`giType.${this.giType}`);
    const headingId = `tpl-${this.giType}`;
    return html`<section aria-labelledby=${headingId}>
      <h2 id=${headingId}>${type}</h2>
      ${renderTask(this.load, () => (this.template ? this.renderForm(this.template, type) : nothing))}
    </section>`;
  }

  private renderForm(template: DossierTemplate, type: string) {
    const e = this.form.errors;
    const unplaced = unplacedErrors(e, this.rows.flatMap((_, i) => [`items.${i}.key`, `items.${i}.titleZh`, `items.${i}.titleEn`]));
    const id = (i: number, k: string) => `tpl-${this.giType}-${i}-${k}`;
    return html`<p class="hint">${t('templates.version', { version: template.version })}${template.updatedAt
        ? ` · ${t('templates.updatedAt', { at: shanghaiTime(template.updatedAt) })}` : ''}</p>
      ${this.giType === CONVERSION_TEMPLATE ? html`<p class="note">${conversionNote()}</p>`
        : isClosed(this.giType) ? html`<p class="note">${t('templates.agriNote')}</p>` : nothing}
      <form novalidate @submit=${this.submit} aria-label=${t('templates.items', { type })}>
        ${this.form.failure || unplaced.length ? html`<div class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}
          ${unplaced.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
        ${this.form.renderStale({
          draftOf: (now: DossierTemplate) => now.items.map((i) => ({ ...i })), draft: this.rows,
          versionOf: (now: DossierTemplate) => String(now.version),
          apply: (rows) => { this.template = this.form.stale!.current as DossierTemplate; this.rows = rows; },
          label: () => t('templates.version', { version: (this.form.stale?.current as DossierTemplate).version }),
          show: () => (this.form.stale?.current as DossierTemplate).items.map((i) => i.titleZh).join('、'),
        })}
        <p class="hint">${t('templates.keyHint')}</p>
        ${this.rows.length === 0 ? html`<p class="state">${t('templates.empty')}</p>` : html`<ol class="rows">
          ${this.rows.map((r, i) => html`<li>
            <div class="key">${textField({ id: id(i, 'key'), label: t('templates.key', { n: i + 1 }), value: r.key, required: true,
              error: e[`items.${i}.key`], onInput: (v) => this.edit(i, { key: v }) })}</div>
            <div class="title">${textField({ id: id(i, 'titleZh'), label: t('templates.titleZh', { n: i + 1 }), value: r.titleZh, required: true,
              error: e[`items.${i}.titleZh`], onInput: (v) => this.edit(i, { titleZh: v }) })}</div>
            <div class="title">${textField({ id: id(i, 'titleEn'), label: t('templates.titleEn', { n: i + 1 }), value: r.titleEn, required: true,
              error: e[`items.${i}.titleEn`], onInput: (v) => this.edit(i, { titleEn: v }) })}</div>
            <div class="moves">
              <button type="button" id=${id(i, 'up')} ?disabled=${i === 0} @click=${() => this.move(i, -1)}
                aria-label=${t('templates.up', { n: i + 1 })}><span aria-hidden="true">↑</span></button>
              <button type="button" id=${id(i, 'down')} ?disabled=${i === this.rows.length - 1} @click=${() => this.move(i, 1)}
                aria-label=${t('templates.down', { n: i + 1 })}><span aria-hidden="true">↓</span></button>
              <button type="button" class="danger" id=${id(i, 'remove')} @click=${() => this.removeAt(i)}>${t('templates.remove', { n: i + 1 })}</button>
            </div>
          </li>`)}
        </ol>`}
        <div class="actions">
          <button type="button" id=${`tpl-${this.giType}-add`} @click=${this.add}>${t('templates.add')}</button>
          <button type="submit" class="primary" ?disabled=${this.form.busy}>${t('templates.save', { type })}</button>
          <span role="status">${this.message ? html`<span class="saved"><span aria-hidden="true">✓ </span>${this.message}</span>` : nothing}</span>
        </div>
      </form>`;
  }

  private show(template: DossierTemplate) {
    this.template = template;
    this.rows = template.items.map((i) => ({ ...i }));
    // A checklist's version is its number (every change moves it): a save is based on it.
    this.form.load(String(template.version), this.rows);
    this.form.errors = {};
  }

  private edit(index: number, patch: Partial<TemplateRow>) {
    this.rows = this.rows.map((r, i) => (i === index ? { ...r, ...patch } : r));
    this.message = '';
  }

  private add() {
    this.rows = addRow(this.rows);
    this.message = '';
    void this.focusOn({ row: this.rows.length - 1, control: 'key' });
  }

  private move(index: number, by: -1 | 1) {
    this.rows = moveRow(this.rows, index, by);
    this.form.errors = {};
    this.message = '';
    const row = index + by;
    // The pressed button follows its row; at either end it is disabled, so the other one takes focus.
    const atEnd = by === -1 ? row === 0 : row === this.rows.length - 1;
    void this.focusOn({ row, control: atEnd ? (by === -1 ? 'down' : 'up') : (by === -1 ? 'up' : 'down') });
  }

  private removeAt(index: number) {
    this.rows = removeRow(this.rows, index);
    this.form.errors = {};
    this.message = '';
    void this.focusOn(this.rows.length === 0 ? 'add' : { row: Math.min(index, this.rows.length - 1), control: 'remove' });
  }

  private async focusOn(target: FocusTarget) {
    await this.updateComplete;
    const id = target === 'add' ? `tpl-${this.giType}-add` : `tpl-${this.giType}-${target.row}-${target.control}`;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    this.message = '';
    const check = checkTemplate(this.rows);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    const before = this.template?.version;
    await this.form.send(async () => {
      const saved = await dossierApi.putTemplate(this.giType, check.body, this.template?.version);
      this.show(saved);
      this.message = saved.version === before ? t('templates.unchanged') : t('templates.saved', { version: saved.version });
    });
  }
}

/** The type conversions lead to, and the types they come from (the GI types' table says which). */
function conversionTypes(): { type: string; from: string } {
  const into = GI_TYPES.find((g) => conversionSourcesOf(g).length > 0) as GiType;
  return { type: t(`giType.${into}`), from: conversionSourcesOf(into).map((g) => t(`giType.${g}`)).join(' / ') };
}

/** The conversions' checklist's name: 转换为地理标志保护产品. */
const conversionName = () => t('conv.checklist', conversionTypes());
/** What the conversions' checklist is for. */
const conversionNote = () => t('conv.checklistNote', conversionTypes());

declare global {
  interface HTMLElementTagNameMap { 'gi-dossier-template-form': GiDossierTemplateForm }
}
