/**
 * The specification editor's form values (strings as typed), and their checks with the shared zod
 * schema (the server checks the same), with errors keyed by field in the page's language.
 */
import { SpecificationInput, type Specification, type SpecificationUpdate } from '../../db/model';
import { fieldErrors } from './field-errors';
import type { DraftCheck } from './product-draft';

/** A version as typed in the form; `documentId` is the chosen file's id as text ('' for none). */
export interface SpecificationDraft {
  number: string;
  title: string;
  version: string;
  issuedOn: string;
  url: string;
  documentId: string;
  note: string;
}

/** The body a check sends: a whole version. */
export type SpecificationBody = ReturnType<typeof SpecificationInput.parse>;

/** An empty form. */
export function emptySpecificationDraft(): SpecificationDraft {
  return { number: '', title: '', version: '', issuedOn: '', url: '', documentId: '', note: '' };
}

/** The form of a kept version. */
export function draftOfSpecification(s: Specification): SpecificationDraft {
  return {
    number: s.number ?? '', title: s.title, version: s.version ?? '', issuedOn: s.issuedOn ?? '', url: s.url ?? '',
    documentId: s.documentId === null ? '' : String(s.documentId), note: s.note,
  };
}

/** The JSON of a form: trimmed, blank optional fields null. */
function bodyOf(d: SpecificationDraft) {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    number: orNull(d.number), title: d.title.trim(), version: orNull(d.version), issuedOn: orNull(d.issuedOn), url: orNull(d.url),
    documentId: d.documentId === '' ? null : Number(d.documentId), note: d.note.trim(),
  };
}

/** Checks a version as a whole (for adding it, or before a change is sent). */
export function checkSpecification(d: SpecificationDraft): DraftCheck<SpecificationBody> {
  const result = SpecificationInput.safeParse(bodyOf(d));
  return result.success ? { ok: true, body: result.data } : { ok: false, errors: fieldErrors(result.error.issues) };
}

/** Checks a changed version as a whole and gives the PATCH body of what differs (empty when nothing does). */
export function checkSpecificationChange(d: SpecificationDraft, saved: Specification): DraftCheck<SpecificationUpdate> {
  const check = checkSpecification(d);
  if (!check.ok) return check;
  const patch: Record<string, unknown> = {};
  for (const key of ['number', 'title', 'version', 'issuedOn', 'url', 'documentId', 'note'] as const) {
    if (check.body[key] !== saved[key]) patch[key] = check.body[key];
  }
  return { ok: true, body: patch as SpecificationUpdate };
}
