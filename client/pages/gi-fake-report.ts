import { Task, TaskStatus } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { STATUS_GROUPS, type Product, type ProductSummary } from '../../db/model';
import { localName, LocaleController, t } from '../i18n';
import { apiGet, toQuery } from '../lib/api';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { fakeReportText, giTypeText, type ReportedGi } from './fake-report-text';

/** A GI the buyer can pick: known in full (from the answer), or to be read from its product's page. */
interface GiChoice { key: string; label: string; gi?: ReportedGi; productId: number; designationId: number }

/** How many public products the list of GIs in force reads (Jincheng has a few dozen). */
const PRODUCTS_READ = 1000;

/**
 * The report helper of the verification page, after a "not found" or "may not use": the buyer picks the
 * GI the label claims and types where they saw it (shop, place, date); the page writes the report text
 * (fake-report-text.ts) to copy, with the numbers to call. What the buyer types never leaves the
 * browser: the fields are in no form that could be sent, and the only requests this element makes are
 * for the public list of GIs and a product's public page, by number.
 */
@customElement('gi-fake-report')
export class GiFakeReport extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 1rem; }
    details { border: 2px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 0.75rem; }
    summary { cursor: pointer; font-weight: 700; color: var(--gi-accent); }
    .fields { display: grid; gap: 0.6rem; margin: 0.75rem 0; }
    label { display: block; font-weight: 600; margin-bottom: 0.15rem; }
    input, select, textarea { font: inherit; width: 100%; box-sizing: border-box; padding: 0.35rem 0.4rem; }
    textarea { min-height: 9rem; }
    .intro { color: var(--gi-muted); margin: 0.5rem 0; }
    .calls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; margin: 0.4rem 0; }
    .calls a { display: inline-block; padding: 0.35rem 0; font-weight: 700; }
    .copy { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0; }
    button { font: inherit; padding: 0.35rem 0.9rem; }
    h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
  `];

  /** The company on the label, as it was checked (a name, or the code typed). */
  @property() company = '';
  /** The day of the check. */
  @property() checkedOn = '';
  /** The GIs the answer named for this company (known in full); empty after a "not found". */
  @property({ attribute: false }) grants: (ReportedGi & { productId: number; designationId: number })[] = [];
  /** A unique prefix for the field ids (several helpers may share a page). */
  @property() fieldId = 'fake';

  @state() private open = false;
  @state() private chosen = '';
  @state() private shop = '';
  @state() private place = '';
  @state() private seenOn = '';
  @state() private copied: 'no' | 'yes' | 'failed' = 'no';

  private readonly i18n = new LocaleController(this);

  /** The GIs in force of the public registry, read once the helper is opened after a "not found". */
  private readonly inForce = new Task(this, {
    task: async ([open, known], { signal }): Promise<GiChoice[]> => {
      if (!open || known > 0) return [];
      const page = await apiGet<{ items: ProductSummary[] }>(`/api/products${toQuery({ status: 'in_force', limit: PRODUCTS_READ })}`, signal);
      return page.items.flatMap((p) => p.designations.filter((d) => (STATUS_GROUPS.in_force as readonly string[]).includes(d.status)).map((d) => ({
        key: `d${d.id}`, productId: p.id, designationId: d.id,
        label: `${localName(p)} · ${giTypeText({ giType: d.giType, markKind: d.markKind })}`,
      })));
    },
    args: () => [this.open, this.grants.length] as const,
  });

  /** The chosen GI's numbers, read from its product's public page when the answer did not carry them. */
  private readonly chosenGi = new Task(this, {
    task: async ([key], { signal }): Promise<ReportedGi | null> => {
      const choice = this.choices().find((c) => c.key === key);
      if (!choice) return null;
      if (choice.gi) return choice.gi;
      const product = await apiGet<Product>(`/api/products/${choice.productId}`, signal);
      const d = product.designations.find((x) => x.id === choice.designationId);
      return d ? { productZh: product.nameZh, productEn: product.nameEn, giType: d.giType, markKind: d.markKind, number: d.number, announcement: d.announcement } : null;
    },
    args: () => [this.chosen] as const,
  });

  override willUpdate() {
    if (this.chosen === '' && this.grants.length > 0) this.chosen = this.choices()[0].key;
  }

  override render() {
    return html`<details @toggle=${this.onToggle}><summary>${t('fake.open')}</summary>
      ${this.open ? this.renderHelper() : nothing}</details>`;
  }

  private renderHelper() {
    const id = (k: string) => `${this.fieldId}-${k}`;
    const text = fakeReportText({
      gi: this.chosen !== '' && this.chosenGi.status === TaskStatus.COMPLETE ? this.chosenGi.value ?? null : null, company: this.company, checkedOn: this.checkedOn, url: location.href,
      shop: this.shop, place: this.place, seenOn: this.seenOn,
    });
    return html`<p class="intro">${t('fake.intro')}</p>
      <div class="fields">
        <div>${this.renderChoice(id('gi'))}</div>
        <div><label for=${id('shop')}>${t('fake.shop')}</label>
          <input id=${id('shop')} autocomplete="off" .value=${this.shop} @input=${(e: Event) => this.set({ shop: (e.target as HTMLInputElement).value })} /></div>
        <div><label for=${id('place')}>${t('fake.place')}</label>
          <input id=${id('place')} autocomplete="off" .value=${this.place} @input=${(e: Event) => this.set({ place: (e.target as HTMLInputElement).value })} /></div>
        <div><label for=${id('seen')}>${t('fake.seenOn')}</label>
          <input id=${id('seen')} type="date" .value=${this.seenOn} @input=${(e: Event) => this.set({ seenOn: (e.target as HTMLInputElement).value })} /></div>
        <div><label for=${id('text')}>${t('fake.text')}</label>
          <textarea id=${id('text')} readonly .value=${text}></textarea></div>
      </div>
      <div class="copy">
        <button type="button" @click=${() => this.copy(text)}>${t('fake.copy')}</button>
        <span role="status" aria-live="polite">${this.copied === 'yes' ? t('fake.copied') : this.copied === 'failed' ? t('fake.copyFailed') : ''}</span>
      </div>
      <h3>${t('fake.where')}</h3>
      <ul class="calls">
        <li><a href="tel:12315">${t('fake.call12315')}</a></li>
        <li><a href="tel:12330">${t('fake.call12330')}</a></li>
      </ul>
      <p>${t('fake.county')}</p>`;
  }

  private renderChoice(id: string) {
    if (this.grants.length === 0 && this.inForce.status !== TaskStatus.COMPLETE) {
      return this.inForce.render({
        pending: () => html`<p class="state" role="status">${t('fake.giLoading')}</p>`,
        error: (e) => renderError(e, () => this.inForce.run()),
      });
    }
    return html`<label for=${id}>${t('fake.gi')}</label>
      <select id=${id} @change=${(e: Event) => this.set({ chosen: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${this.chosen === ''}>${t('fake.giUnknown')}</option>
        ${this.choices().map((c) => html`<option value=${c.key} ?selected=${c.key === this.chosen}>${c.label}</option>`)}
      </select>`;
  }

  /** The GIs offered: those the answer named, or else the registry's GIs in force. */
  private choices(): GiChoice[] {
    if (this.grants.length === 0) return this.inForce.value ?? [];
    const seen = new Set<number>();
    return this.grants.filter((g) => !seen.has(g.designationId) && seen.add(g.designationId)).map((g) => ({
      key: `d${g.designationId}`, productId: g.productId, designationId: g.designationId, gi: g,
      label: `${localName({ nameZh: g.productZh, nameEn: g.productEn })} · ${giTypeText(g)}`,
    }));
  }

  private set(patch: { chosen?: string; shop?: string; place?: string; seenOn?: string }) {
    Object.assign(this, patch);
    this.copied = 'no';
  }

  private onToggle(event: Event) {
    this.open = (event.target as HTMLDetailsElement).open;
  }

  private async copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = 'yes';
    } catch {
      this.copied = 'failed';
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.select();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-fake-report': GiFakeReport }
}
