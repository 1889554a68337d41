/**
 * Turns zod issues (from a local safeParse or from the server's 400 response) into one message per
 * form field, in the current language.
 */
import { admin } from '../i18n/admin';
import { ApiRequestError } from '../lib/api';
import { pageHalf } from '../lib/page-half';
import { t, type MessageKey } from '../i18n';

/** The parts of a zod issue (or a server issue) the form needs. */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  expected?: string;
  format?: string;
  params?: { format?: string };
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** Field path (`counties`, `locations.0.lat`) → the message shown beside that field. */
export type FieldErrors = Record<string, string>;

/** The key a field's error is stored under: the issue path joined with dots. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

// The model's own (Chinese) refinement messages, looked up so English pages can show English.
const modelMessages = new Map<string, MessageKey>(
  Object.entries(admin.zh).filter(([key]) => key.startsWith('model.')).map(([key, zh]) => [zh, key as MessageKey]),
);

/** A readable message for one issue; the generic zod codes get our own wording. */
export function issueText(issue: IssueLike): string {
  const known = modelMessages.get(issue.message);
  if (known) return t(known);
  const n = Number(issue.minimum ?? issue.maximum ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return t('err.chooseAtLeast', { n });
      if (issue.origin === 'string') return n <= 1 ? t('err.required') : t('err.tooShort', { n });
      return t('err.min', { n });
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return t('err.tooMany', { n });
      if (issue.origin === 'string') return t('err.tooLong', { n });
      return t('err.max', { n });
    case 'invalid_type':
      if (issue.expected === 'int') return t('err.integer');
      if (issue.expected === 'number') return t('err.number');
      return / received (undefined|null)$/.test(issue.message) ? t('err.required') : t('err.format');
    case 'invalid_value':
      return t('err.choose');
    case 'invalid_format':
      return issue.format === 'date' ? t('err.date') : t('err.format');
    case 'custom':
      if (issue.params?.format === 'date') return t('err.date'); // PartialDate
  }
  return pageHalf(issue.message);
}

/** The server writes its own messages in both languages, `中文 / English`: the half in the page's language. */
export { pageHalf };

/** One message per field path (the first issue wins); `prefix` keeps only issues under that path and strips it. */
export function fieldErrors(issues: readonly IssueLike[], prefix: readonly PropertyKey[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    if (!prefix.every((p, i) => String(issue.path[i]) === String(p))) continue;
    const key = pathKey(issue.path.slice(prefix.length));
    errors[key] ??= issueText(issue);
  }
  return errors;
}

/** Errors not shown beside any of the given fields (so they can be listed at the top of the form). */
export function unplacedErrors(errors: FieldErrors, placed: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !placed.some((p) => key === p || key.startsWith(`${p}.`)))
    .map(([key, message]) => (key ? `${key}: ${message}` : message));
}

/** What a refused send means for a form: the server's issues by field (if any) and the line to show (the page's half of its message). */
export function refusalOf(err: unknown): { errors: FieldErrors | null; failure: string } {
  return {
    errors: err instanceof ApiRequestError && err.issues.length ? fieldErrors(err.issues) : null,
    failure: t('form.serverRefused', { message: pageHalf(err instanceof Error ? err.message : String(err)) }),
  };
}
