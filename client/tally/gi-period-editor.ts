import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { GI_TYPES, PeriodInput, type GiType, type Period } from '../../db/model';
import { issueText, pageHalf } from '../admin/field-errors';
import { FormSender } from '../admin/form-sender';
import { api, ApiRequestError } from '../lib/api';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import type { NextPeriodStart } from './next-period';

/** Fired after a period was saved; `detail` is the period as the server stored it. */
export type PeriodSavedEvent = CustomEvent<Period>;

type Draft = { name: string; nameEn: string; startsOn: string; endsOn: string } & Record<`${'baseline' | 'target'}.${GiType}`, string>;

/**
 * The form's first values: an existing period's own; for a new one, the dates and baselines of `start`
 * when given, and never a name or a target (the admin types those: nothing is invented).
 */
function draftOf(p: Period | null, start: NextPeriodStart | null): Draft {
  const d = { name: p?.name ?? '', nameEn: p?.nameEn ?? '', startsOn: p?.startsOn ?? start?.startsOn ?? '', endsOn: p?.endsOn ?? start?.endsOn ?? '' } as Draft;
  for (const g of GI_TYPES) {
    const x = p?.targets.find((y) => y.giType === g);
    d[`baseline.${g}`] = p ? String(x?.baseline ?? 0) : start ? String(start.baselines[g]) : '';
    d[`target.${g}`] = p ? String(x?.target ?? 0) : '';
  }
  return d;
}

/**
 * An admin's form for a plan period: its names in Chinese and English, dates and per-type baseline and
 * target (new when `period` is null, then optionally started from `start`, the period after one that ended).
 */
@customElement('gi-period-editor')
export class GiPeriodEditor extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    form { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.6rem 1rem; align-items: start; }
    fieldset { border: 1px solid var(--gi-border); border-radius: 4px; display: flex; gap: 0.75rem; margin: 0; padding: 0.25rem 0.6rem 0.6rem; min-inline-size: 0; }
    fieldset .field { flex: 1; min-width: 0; }
    legend { font-weight: 700; padding: 0 0.25rem; }
    .field { display: flex; flex-direction: column; gap: 0.2rem; }
    label { font-weight: 600; }
    input { padding: 0.3rem 0.4rem; border: 1px solid var(--gi-muted); border-radius: 4px; box-sizing: border-box; width: 100%; min-width: 0; }
    input[aria-invalid='true'] { border: 2px solid #8b1a10; }
    .hint { color: var(--gi-muted); font-weight: 400; font-size: 0.85rem; }
    .err { color: #8b1a10; font-weight: 400; font-size: 0.85rem; }
    .actions { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    button { padding: 0.35rem 1rem; background: var(--gi-accent); color: #fff; border: 0; border-radius: 4px; }
  `];

  /** The period to edit, or null to add a new one. */
  @property({ attribute: false }) period: Period | null = null;
  /** For a new period: the dates, baselines and name hints to start from (see next-period.ts). */
  @property({ attribute: false }) start: NextPeriodStart | null = null;

  @state() private draft: Draft = draftOf(null, null);
  @state() private errors = new Map<string, string>();
  @state() private status: 'idle' | 'saving' | 'saved' | { failed: string } = 'idle';

  private readonly i18n = new LocaleController(this);
  /** Sends a change based on the period's version as loaded; a 412 (someone changed it meanwhile) is its notice. */
  private readonly sender = new FormSender(this);

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('period') || changed.has('start')) {
      this.draft = draftOf(this.period, this.start);
      this.sender.load(this.period?.version, this.draft);
      this.errors = new Map();
      this.status = 'idle';
    }
  }

  /** A field's name in the notice after a 412: its label, and its type for a baseline or target. */
  private labelOf(key: string): string | null {
    const [what, giType] = key.split('.') as [string, GiType | undefined];
    if (giType) return `${t(`giType.${giType}`)} ${t(what === 'baseline' ? 'tally.form.baseline' : 'tally.form.target')}`;
    const own: Record<string, 'tally.form.name' | 'tally.form.nameEn' | 'tally.form.startsOn' | 'tally.form.endsOn'> = {
      name: 'tally.form.name', nameEn: 'tally.form.nameEn', startsOn: 'tally.form.startsOn', endsOn: 'tally.form.endsOn',
    };
    return own[key] ? t(own[key]) : null;
  }

  override render() {
    const field = (key: keyof Draft, label: string, type: 'text' | 'date' | 'number', hint: string | null = null) => {
      const error = this.errors.get(key);
      const described = [error ? `${key}-err` : '', hint ? `${key}-hint` : ''].filter(Boolean).join(' ');
      // The hint and the error are outside the label: they describe the field, they do not name it.
      return html`<div class="field">
        <label for=${key}>${label}</label>
        <input id=${key} name=${key} type=${type} .value=${this.draft[key]} min=${type === 'number' ? '0' : nothing} step=${type === 'number' ? '1' : nothing}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing} @input=${this.onInput} />
        ${hint ? html`<span class="hint" id=${`${key}-hint`}>${hint}</span>` : nothing}
        ${error ? html`<span class="err" id=${`${key}-err`}>${error}</span>` : nothing}
      </div>`;
    };
    const hint = this.period ? null : this.start?.nameHint;
    return html`
      ${this.sender.renderStale({
        draftOf: (now: Period) => draftOf(now, null), draft: this.draft,
        apply: (draft) => { this.draft = draft; this.status = 'idle'; }, label: (k) => this.labelOf(k),
      })}
      <form novalidate @submit=${this.onSubmit}>
        ${field('name', t('tally.form.name'), 'text', hint?.name ? t('tally.form.usually', { name: hint.name }) : null)}
        ${field('nameEn', t('tally.form.nameEn'), 'text', hint?.nameEn ? t('tally.form.usually', { name: hint.nameEn }) : null)}
        ${field('startsOn', t('tally.form.startsOn'), 'date')}
        ${field('endsOn', t('tally.form.endsOn'), 'date')}
        ${GI_TYPES.map((g) => html`<fieldset>
          <legend>${t(`giType.${g}`)}</legend>
          ${field(`baseline.${g}`, t('tally.form.baseline'), 'number')}
          ${field(`target.${g}`, t('tally.form.target'), 'number')}
        </fieldset>`)}
        <div class="actions">
          <button type="submit" ?disabled=${this.status === 'saving'}>${t('tally.form.save')}</button>
          <span role="status" aria-live="polite">${this.status === 'saving' ? t('tally.form.saving')
            : this.status === 'saved' ? t('tally.form.saved') : nothing}</span>
          ${typeof this.status === 'object' ? html`<span class="err" role="alert">${this.status.failed}</span>` : nothing}
        </div>
      </form>
    `;
  }

  private onInput(e: Event) {
    const input = e.target as HTMLInputElement;
    this.draft = { ...this.draft, [input.name]: input.value };
  }

  /** The draft field an issue is about: `targets.1.target` → `target.<the second type>`. */
  private keyOf(path: readonly PropertyKey[]): string {
    const [head, index, leaf] = path;
    return head === 'targets' && typeof index === 'number' ? `${String(leaf)}.${GI_TYPES[index]}` : String(head);
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const d = this.draft;
    const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : Number.NaN);
    const body = {
      name: d.name, nameEn: d.nameEn, startsOn: d.startsOn, endsOn: d.endsOn,
      targets: GI_TYPES.map((giType) => ({ giType, baseline: int(d[`baseline.${giType}`]), target: int(d[`target.${giType}`]) })),
    };
    const parsed = PeriodInput.safeParse(body);
    if (!parsed.success) {
      this.errors = new Map(parsed.error.issues.map((i) => {
        const key = this.keyOf(i.path);
        if (i.path[0] !== 'targets') return [key, issueText(i)];
        return [key, (d[key as keyof Draft] ?? '').trim() === '' ? t('err.required') : t('tally.form.nonNegative')];
      }));
      this.status = { failed: t('tally.form.invalid') };
      return;
    }
    this.errors = new Map();
    this.status = 'saving';
    let saved: Period | null = null;
    let failed: unknown = null;
    const period = this.period;
    await this.sender.send(async () => {
      try {
        saved = period ? await api.updatePeriod(period.id, parsed.data, this.sender.version) : await api.createPeriod(parsed.data);
      } catch (error) {
        failed = error;
        throw error;
      }
    });
    if (saved) {
      this.status = 'saved';
      this.dispatchEvent(new CustomEvent('period-saved', { detail: saved, bubbles: true, composed: true }));
    } else if (this.sender.stale) {
      // Someone changed the period meanwhile: the notice says what, and takes it keeping what was typed.
      this.status = 'idle';
    } else {
      const error = failed;
      // A name taken or dates overlapping another period (409): said beside the field, in the page's language.
      if (error instanceof ApiRequestError) this.errors = new Map(error.issues.map((i) => [this.keyOf(i.path), pageHalf(i.message)]));
      this.status = { failed: t('tally.form.failed', { message: pageHalf(error instanceof Error ? error.message : String(error)) }) };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-period-editor': GiPeriodEditor }
  interface HTMLElementEventMap { 'period-saved': PeriodSavedEvent }
}
