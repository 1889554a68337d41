import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ABSENT_VERSION, isWebAddress, type CountyCode, type DesignationScope, type DivisionUnit, type ProductDesignation, type ScopeCheckAnswer } from '../../db/model';
import { LocaleController, t, type MessageKey } from '../i18n';
import { renderDate } from '../i18n/dates';
import { freeTextLang, zhText } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { unitsByCode } from '../lib/units-by-code';
import { adminStyles } from './admin-styles';
import { unplacedErrors } from './field-errors';
import { FormSender } from './form-sender';
import { textField } from './fields';
import type { ScopeResolveDetail } from './gi-scope-name';
import type { BoxResolutionDetail } from './gi-scope-box';
import { scopeApi } from './scope-api';
import {
  boxOf, initialBoxResolution, initialResolutions, needsResolution, resolvedCodes, scopeBody, scopeDraftOf, unitIndex,
  type BoxResolution, type Resolution, type ScopeDraft,
} from './scope-draft';
import { unitLabel } from './scope-words';
import '../lib/gi-scope-list';
import './gi-scope-box';
import './gi-scope-name';

/** The labels of the draft's fields, for the notice after a 412. */
const SCOPE_LABELS: Record<string, MessageKey> = {
  text: 'scope.text', sourceTitle: 'scope.sourceTitle', sourceUrl: 'scope.sourceUrl', announcedOn: 'scope.announcedOn',
};

/** The fields whose errors are shown beside them. */
const PLACED = ['text', 'source', 'announcedOn', 'box'];

/**
 * A designation's protected area in the workspace: the stored list by township, and a form where the
 * official pastes the announcement's text (with its source and date), checks it against the current
 * codes, resolves every flag (and an off-county box), and saves the codes with the verbatim text.
 */
@customElement('gi-scope-editor')
export class GiScopeEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; }
    h4 { margin: 0.75rem 0 0.25rem; }
    .stored { border-left: 4px solid var(--gi-border); padding-left: 0.75rem; }
    .verbatim { white-space: pre-wrap; }
    summary { cursor: pointer; color: var(--gi-accent); margin: 0.25rem 0; }
    ol.names { padding-left: 1.5rem; }
    ol.names > li { margin: 0.4rem 0; }
    .checked { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
  `];

  /** The designation whose area is edited (with its stored scope). */
  @property({ attribute: false }) designation!: ProductDesignation;
  /** The product's counties (names are matched within them). */
  @property({ attribute: false }) productCounties: readonly CountyCode[] = [];

  @state() private draft: ScopeDraft = scopeDraftOf(null);
  @state() private answer: ScopeCheckAnswer | null = null;
  /** The text the answer is for: editing the text after a check asks for a new check. */
  @state() private checkedText = '';
  @state() private resolutions: (Resolution | null)[] = [];
  @state() private box: BoxResolution | null = null;
  /** Units the answer does not carry: picked from the code list, and the townships of its villages (to tell namesakes apart). */
  @state() private extraUnits = new Map<string, DivisionUnit>();
  @state() private showUndecided = false;
  @state() private saved = false;
  /** Whether the last send was the removal (its 412 reloads; a save's keeps what was typed). */
  private removing = false;

  private readonly i18n = new LocaleController(this);
  private readonly checking = new FormSender(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    const before = changed.get('designation') as ProductDesignation | undefined;
    if (changed.has('designation') && (!before || before.id !== this.designation.id)) {
      this.draft = scopeDraftOf(this.designation.scope);
      // The draft outlives the product's reloads: so does the version it started from (until a save of its own).
      this.form.load(this.designation.scope?.version ?? ABSENT_VERSION, this.draft);
    }
  }

  override render() {
    const d = this.designation;
    const id = (k: string) => `scope-${k}-${d.id}`;
    return html`<h4 id=${id('h')}>${t('scope.heading')}</h4>
      ${d.scope ? this.renderStored(d) : html`<p class="state">${t('scope.none')}</p>`}
      <details ?open=${this.answer !== null}><summary>${t('scope.edit')}</summary>
        <form novalidate aria-label=${t('scope.form')} @submit=${this.check}>
          ${textField({ id: id('text'), label: t('scope.text'), hint: t('scope.textHint'), value: this.draft.text, multiline: true, required: true,
            error: this.checking.errors.text ?? this.form.errors.text, onInput: (v) => this.set({ text: v }) })}
          <div class="row">
            ${textField({ id: id('title'), label: t('scope.sourceTitle'), value: this.draft.sourceTitle, error: this.form.errors['source.title'] ?? this.form.errors.source, onInput: (v) => this.set({ sourceTitle: v }) })}
            ${textField({ id: id('url'), label: t('scope.sourceUrl'), hint: t('scope.sourceUrlHint'), value: this.draft.sourceUrl, error: this.form.errors['source.url'], onInput: (v) => this.set({ sourceUrl: v }) })}
            ${textField({ id: id('on'), label: t('scope.announcedOn'), hint: t('desig.moveOnHint'), value: this.draft.announcedOn, error: this.form.errors.announcedOn, onInput: (v) => this.set({ announcedOn: v }) })}
          </div>
          ${this.checking.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.checking.failure}</p>` : nothing}
          <div class="actions"><button type="submit" ?disabled=${this.checking.busy}>${t('scope.check')}</button>
            ${this.checking.busy ? html`<span role="status">${t('scope.checking')}</span>` : nothing}</div>
        </form>
        ${this.answer && this.checkedText === this.draft.text ? this.renderAnswer(this.answer) : nothing}
      </details>`;
  }

  private renderStored(d: ProductDesignation) {
    const s = d.scope!;
    return html`<div class="stored">
      <gi-scope-list .units=${s.units} label=${t('scope.stored')}></gi-scope-list>
      ${s.source ? html`<p>${t('area.announced')}${t('area.colon')}${s.source.url && isWebAddress(s.source.url)
        ? html`<a href=${s.source.url} rel="noopener noreferrer external" target="_blank">${zhText(s.source.title ?? s.source.url)}</a>`
        : zhText(s.source.title ?? '')}</p>` : nothing}
      ${s.announcedOn ? html`<p>${t('area.announcedOn')}${t('area.colon')}${renderDate(s.announcedOn)}</p>` : nothing}
      <details><summary>${t('area.verbatim')}</summary><p class="verbatim" lang=${ifDefined(freeTextLang())}>${s.text}</p></details>
      ${this.removing ? this.form.renderStale({ reload: () => this.changed() }) : nothing}
      <div class="actions"><button type="button" class="danger" ?disabled=${this.form.busy} @click=${this.deleteScope}>${t('scope.delete')}</button>
        ${this.saved ? html`<span class="saved" role="status">✓ ${t('scope.saved')}</span>` : nothing}</div>
    </div>`;
  }

  private renderAnswer(a: ScopeCheckAnswer) {
    const units = new Map([...unitIndex(a.units), ...this.extraUnits]);
    const { codes, unresolved } = resolvedCodes(a, this.resolutions);
    const flagged = a.names.filter((n) => needsResolution(n, a)).length;
    const errors = this.form.errors;
    const unplaced = unplacedErrors(errors, PLACED).map((line) => this.codeLine(line, codes, units));
    return html`<section class="checked" aria-labelledby="scope-result-${this.designation.id}">
      <h4 id="scope-result-${this.designation.id}" tabindex="-1">${t('scope.result', { n: a.names.length })}</h4>
      <p>${t('scope.tally', { matched: a.names.length - flagged, flagged })}</p>
      <ol class="names">${a.names.map((n, i) => html`<li><gi-scope-name .name=${n} .index=${i} ?needed=${needsResolution(n, a)}
        .resolution=${this.resolutions[i] ?? null} .units=${units} .productCounties=${this.productCounties}
        .error=${this.showUndecided && unresolved.includes(i) ? t('scope.chooseHow') : undefined}
        @gi-scope-resolve=${this.resolve}></gi-scope-name></li>`)}</ol>
      <gi-scope-box .answer=${a} .productCounties=${this.productCounties} .resolution=${this.box} designationId=${this.designation.id}
        .errors=${errors} .showUndecided=${this.showUndecided} @gi-scope-box=${this.resolveBox}></gi-scope-box>
      ${this.form.failure || unplaced.length || (this.showUndecided && unresolved.length) ? html`<div class="form-errors" role="alert">
        ${this.showUndecided && unresolved.length ? html`<p>${t('scope.unresolved', { n: unresolved.length })}</p>` : nothing}
        ${this.form.failure ? html`<p><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
        ${unplaced.length ? html`<ul>${unplaced.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}</div>` : nothing}
      ${this.removing ? nothing : this.form.renderStale({
        draftOf: (now: DesignationScope | null) => scopeDraftOf(now), draft: this.draft,
        versionOf: (now: DesignationScope | null) => now?.version ?? ABSENT_VERSION,
        // A text changed meanwhile asks for a new check (the codes resolved were for the text checked).
        apply: (draft) => { this.draft = draft; },
        label: (k) => (SCOPE_LABELS[k] ? t(SCOPE_LABELS[k]) : null),
      })}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.form.busy} @click=${this.save}>${t('scope.save')}</button>
        <span role="status">${t('scope.codes', { n: codes.length })}</span>
      </div>
    </section>`;
  }

  /** A refused code (`codes.3: …`) named by its unit. */
  private codeLine(line: string, codes: readonly string[], units: ReadonlyMap<string, DivisionUnit>): string {
    const m = /^codes\.(\d+): (.*)$/s.exec(line);
    return m ? t('scope.refusedCode', { name: unitLabel(codes[Number(m[1])] ?? '', units), message: m[2] }) : line;
  }

  private set(patch: Partial<ScopeDraft>) {
    this.draft = { ...this.draft, ...patch };
    this.saved = false;
  }

  private async check(event: Event) {
    event.preventDefault();
    const text = this.draft.text;
    if (text.trim() === '') {
      this.checking.errors = { text: t('scope.needText') };
      return;
    }
    this.checking.errors = {};
    this.form.errors = {};
    this.form.failure = '';
    await this.checking.send(async () => {
      const answer = await scopeApi.check(this.designation.id, text);
      this.answer = answer;
      this.checkedText = text;
      this.resolutions = initialResolutions(answer);
      this.box = initialBoxResolution(answer);
      this.extraUnits = new Map();
      this.showUndecided = false;
    });
    if (this.answer) {
      this.nameTownships(this.answer.units);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#scope-result-${this.designation.id}`)?.focus();
    }
  }

  private resolve(event: CustomEvent<ScopeResolveDetail & { unit?: DivisionUnit }>) {
    event.stopPropagation();
    const { index, resolution, unit } = event.detail;
    this.resolutions = this.resolutions.map((r, i) => (i === index ? resolution : r));
    if (unit) {
      this.extraUnits = new Map([...this.extraUnits, [unit.code, unit]]);
      this.nameTownships([unit]);
    }
  }

  /** Adds the townships of these villages that no unit names yet (岭东村 under 附城镇 or under 古郊乡); a failure leaves the village unqualified. */
  private nameTownships(units: readonly DivisionUnit[]) {
    const known = new Set([...(this.answer?.units ?? []).map((u) => u.code), ...this.extraUnits.keys()]);
    const missing = [...new Set(units.flatMap((u) => (u.townshipCode && !known.has(u.townshipCode) ? [u.townshipCode] : [])))];
    if (missing.length === 0) return;
    unitsByCode(missing).then((found) => {
      this.extraUnits = new Map([...this.extraUnits, ...[...found.values()].map((n) => [n.unit.code, n.unit] as const)]);
    }).catch(() => undefined);
  }

  private resolveBox(event: CustomEvent<BoxResolutionDetail>) {
    event.stopPropagation();
    this.box = event.detail.resolution;
  }

  private async save() {
    const a = this.answer;
    if (!a) return;
    this.form.failure = '';
    const { codes, unresolved } = resolvedCodes(a, this.resolutions);
    const box = boxOf(a, this.box);
    this.showUndecided = true;
    const check = scopeBody(this.draft, codes, box);
    this.form.errors = { ...(check.ok ? {} : check.errors), ...(box === undefined ? { box: t('scope.chooseBox') } : {}) };
    if (!check.ok || unresolved.length || box === undefined) return;
    this.removing = false;
    const ok = await this.form.send(async () => {
      const kept = await scopeApi.save(this.designation.id, check.body, this.form.version);
      this.form.load(kept.version, this.draft);
    });
    if (!ok) return;
    this.answer = null;
    this.saved = true;
    this.changed();
  }

  private async deleteScope() {
    if (!confirm(t('scope.confirmDelete'))) return;
    this.removing = true;
    const ok = await this.form.send(() => scopeApi.remove(this.designation.id, this.designation.scope?.version));
    if (!ok) return;
    this.form.load(ABSENT_VERSION, this.draft);
    this.changed();
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-scope-editor': GiScopeEditor }
}
