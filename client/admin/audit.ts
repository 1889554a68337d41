/**
 * Reading the audit log: which fields an event changed, shown as short text (never as HTML).
 */
import type { AuditEvent } from '../../db/model';

/** One changed field of an audit event. */
export interface AuditChange { key: string; before: string; after: string }

/** Longest value shown in full; longer ones are cut with an ellipsis. */
export const MAX_VALUE_CHARS = 120;

/** A value as short text: strings as they are, the rest as JSON, cut to MAX_VALUE_CHARS. */
export function shortValue(value: unknown): string {
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  const text = empty ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v };

/** Fields every snapshot carries that say nothing about the change. */
const NOISE = new Set(['id', 'productId', 'createdAt', 'updatedAt', 'transitions']);

/** The fields whose shown value differs between `before` and `after` (the filled ones for a creation). */
export function auditChanges(event: Pick<AuditEvent, 'before' | 'after'>): AuditChange[] {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOISE.has(k));
  return keys
    .map((key) => ({ key, before: shortValue(before[key]), after: shortValue(after[key]) }))
    .filter((c) => c.before !== c.after);
}

/** Events of several entities merged newest first. */
export function mergeEvents(...lists: AuditEvent[][]): AuditEvent[] {
  const byId = new Map<number, AuditEvent>();
  for (const e of lists.flat()) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
}
