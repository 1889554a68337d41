import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { AuditEvent } from '../../db/model';
import { LocaleController, t, type MessageKey } from '../i18n';
import { sharedStyles } from '../shared-styles';
import { renderTask } from '../task-view';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { auditChanges, mergeEvents } from './audit';
import { shanghaiTime } from './labels';

const ACTIONS = ['create', 'update', 'archive', 'restore', 'transition', 'replace_participants'] as const;

/** Snapshot fields named like the form fields that edit them. */
const FIELD_LABELS: Record<string, MessageKey> = {
  nameZh: 'form.nameZh', nameEn: 'form.nameEn', category: 'form.category', counties: 'form.counties',
  description: 'form.description', quality: 'form.quality', visibility: 'form.visibility', locations: 'loc.legend',
  protectedArea: 'area.legend', sources: 'form.sources', archived: 'products.archived', giType: 'desig.giType',
  markKind: 'desig.markKind', status: 'products.state', holder: 'desig.holder', holderCreditCode: 'desig.holderCreditCode',
  number: 'desig.number', announcement: 'desig.announcement', validUntil: 'desig.validUntil', notes: 'desig.notes',
  on: 'desig.moveOn', note: 'desig.moveNote', value: 'editor.participants', filedOn: 'desig.filedOn', grantedOn: 'desig.grantedOn',
};

/** The audit log of a product and its designations: who changed what, when. */
@customElement('gi-audit-history')
export class GiAuditHistory extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    ul { margin: 0; padding-left: 1rem; }
    .key { font-weight: 600; }
    td { word-break: break-word; }
    td:nth-child(-n+2) { white-space: nowrap; }
  `];

  /** The product whose history is shown. */
  @property({ type: Number }) productId = 0;
  /** The product's designation ids (their events are part of its history). */
  @property({ attribute: false }) designationIds: number[] = [];
  /** Changes when the product was saved, to reload the log. */
  @property({ type: Number }) revision = 0;

  private readonly i18n = new LocaleController(this);
  private readonly events = new Task(this, {
    task: async ([id, designationIds], { signal }) => mergeEvents(
      await adminApi.audit('product', id, signal),
      ...(await Promise.all(designationIds.split(',').filter(Boolean).map((d) => adminApi.audit('designation', Number(d), signal)))),
    ),
    // Joined so a new but equal array does not reload the log.
    args: () => [this.productId, this.designationIds.join(','), this.revision] as const,
  });

  override render() {
    return renderTask(this.events, (events) => (events.length === 0 ? html`<p class="state">${t('audit.none')}</p>` : html`
      <table>
        <caption class="visually-hidden">${t('audit.caption')}</caption>
        <thead><tr><th scope="col">${t('audit.when')}</th><th scope="col">${t('audit.who')}</th>
          <th scope="col">${t('audit.what')}</th><th scope="col">${t('audit.changes')}</th></tr></thead>
        <tbody>${events.map((e) => this.renderEvent(e))}</tbody>
      </table>`));
  }

  private renderEvent(e: AuditEvent) {
    const action = (ACTIONS as readonly string[]).includes(e.action) ? t(`audit.action.${e.action}` as MessageKey) : e.action;
    const changes = auditChanges(e);
    return html`<tr>
      <td><time datetime=${e.at}>${shanghaiTime(e.at)}</time></td>
      <td>${e.user ?? t('audit.system')}</td>
      <td>${action} · ${t(`audit.entity.${e.entity}`, { id: e.entityId })}</td>
      <td><ul>${changes.map((c) => html`<li><span class="key">${FIELD_LABELS[c.key] ? t(FIELD_LABELS[c.key]) : c.key}</span>: ${c.before} → ${c.after}</li>`)}</ul></td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-audit-history': GiAuditHistory }
}
