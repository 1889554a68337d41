/**
 * A yearly usage return as typed in a form (strings), its body for the API, and its check with the
 * shared schema (UsageReturnInput: the server checks the same), errors keyed by field.
 */
import { splitChannels, UsageReturnInput, type UsageReturnValues } from '../../db/model';
import { fieldErrors } from './field-errors';
import type { DraftCheck } from './product-draft';
import { parseNumber } from './typed-number';

/** A return as typed. */
export interface UsageReturnDraft {
  markedTonnes: string;
  outputTonnes: string;
  marksPrinted: string;
  /** Channels as one line, separated by 、 or commas. */
  channels: string;
  note: string;
}

const text = (n: number | null) => (n === null ? '' : String(n));

/** An empty form, or the form of a return's values (a returned one to correct). */
export function draftOfReturn(values: UsageReturnValues | null): UsageReturnDraft {
  if (!values) return { markedTonnes: '', outputTonnes: '', marksPrinted: '', channels: '', note: '' };
  return {
    markedTonnes: text(values.markedTonnes), outputTonnes: text(values.outputTonnes), marksPrinted: text(values.marksPrinted),
    channels: values.channels.join('、'), note: values.note,
  };
}

/** Checks a form: empty figures are null, channels split where people separate them. */
export function checkReturn(d: UsageReturnDraft): DraftCheck<UsageReturnInput> {
  const result = UsageReturnInput.safeParse({
    markedTonnes: parseNumber(d.markedTonnes), outputTonnes: parseNumber(d.outputTonnes), marksPrinted: parseNumber(d.marksPrinted),
    channels: splitChannels(d.channels), note: d.note.trim(),
  });
  return result.success ? { ok: true, body: result.data } : { ok: false, errors: fieldErrors(result.error.issues) };
}
