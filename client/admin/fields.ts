/**
 * Labelled form controls with their error beside them (aria-invalid + aria-describedby), as Lit
 * templates so user text is always bound as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** What every control takes. */
export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: string;
  max?: string;
  min?: string;
  multiline?: boolean;
  autocomplete?: string;
  /** The keyboard a phone shows (`decimal`, `numeric`). */
  inputmode?: string;
}

/** A choice of a select. */
export interface Choice { value: string; label: string }

/** The error line of a field (an icon and text, so colour is not the only cue). */
export function errorLine(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="field-error" id=${`${id}-error`}><span aria-hidden="true">⚠ </span>${error}</p>` : nothing;
}

function describedBy(o: Pick<FieldOptions, 'id' | 'error' | 'hint'>): string | undefined {
  const ids = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function labelOf(o: Pick<FieldOptions, 'id' | 'label' | 'required'>): TemplateResult {
  return html`<label for=${o.id}>${o.label}${o.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>`;
}

function hintOf(o: Pick<FieldOptions, 'id' | 'hint'>) {
  return o.hint ? html`<p class="hint" id=${`${o.id}-hint`}>${o.hint}</p>` : nothing;
}

/** A labelled text input or textarea. */
export function textField(o: FieldOptions): TemplateResult {
  const input = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control = o.multiline
    ? html`<textarea id=${o.id} rows="4" .value=${live(o.value)} @input=${input} aria-required=${o.required ? 'true' : 'false'}
        aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(o))}></textarea>`
    : html`<input id=${o.id} type=${o.type ?? 'text'} .value=${live(o.value)} @input=${input} max=${ifDefined(o.max)}
        min=${ifDefined(o.min)} autocomplete=${ifDefined(o.autocomplete)} inputmode=${ifDefined(o.inputmode)} aria-required=${o.required ? 'true' : 'false'}
        aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(o))} />`;
  return html`<div class="field">${labelOf(o)}${hintOf(o)}${control}${errorLine(o.id, o.error)}</div>`;
}

/** A labelled select; `placeholder` adds an empty first choice. */
export function selectField(o: Omit<FieldOptions, 'type' | 'multiline'> & { choices: Choice[]; placeholder?: string }): TemplateResult {
  const change = (e: Event) => o.onInput((e.target as HTMLSelectElement).value);
  return html`<div class="field">${labelOf(o)}${hintOf(o)}
    <select id=${o.id} @change=${change} aria-required=${o.required ? 'true' : 'false'} aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}>
      ${o.placeholder !== undefined ? html`<option value="" ?selected=${o.value === ''}>${o.placeholder}</option>` : nothing}
      ${o.choices.map((c) => html`<option value=${c.value} ?selected=${c.value === o.value}>${c.label}</option>`)}
    </select>${errorLine(o.id, o.error)}</div>`;
}
