/**
 * Reading the audit log in the workspace: each event told in the current language (the same
 * sentences as the XLSX export, from db/model.ts), and the events of several entities merged.
 */
import { describeAuditEvent, type AuditEvent, type AuditNames, type AuditText } from '../../db/model';
import { lang } from '../i18n';
import { allCounties } from '../lib/counties';

/** The county names the sentences use: every county read (one a division change ended too, as history names it). */
function auditNames(): AuditNames {
  return { counties: Object.fromEntries(allCounties().map((c) => [c.code, c])) };
}

/** An event as a summary and change sentences in the current language. */
export function auditText(event: AuditEvent): AuditText {
  return describeAuditEvent(event, lang(), auditNames());
}

/** Events of several entities merged newest first. */
export function mergeEvents(...lists: AuditEvent[][]): AuditEvent[] {
  const byId = new Map<number, AuditEvent>();
  for (const e of lists.flat()) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
}
