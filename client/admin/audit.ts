/**
 * Reading the audit log in the workspace: each event told in the current language (the same
 * sentences as the XLSX export, from db/model.ts), and the events of several entities merged.
 */
import { COUNTY_CODES, describeAuditEvent, type AuditEvent, type AuditNames, type AuditText } from '../../db/model';
import { lang } from '../i18n';
import { admin } from '../i18n/admin';

/** The county names the sentences use, from the workspace's catalog (no request needed). */
export const AUDIT_NAMES: AuditNames = {
  counties: Object.fromEntries(COUNTY_CODES.map((c) => [c, { nameZh: admin.zh[`county.${c}`], nameEn: admin.en[`county.${c}`] }])),
};

/** An event as a summary and change sentences in the current language. */
export function auditText(event: AuditEvent): AuditText {
  return describeAuditEvent(event, lang(), AUDIT_NAMES);
}

/** Events of several entities merged newest first. */
export function mergeEvents(...lists: AuditEvent[][]): AuditEvent[] {
  const byId = new Map<number, AuditEvent>();
  for (const e of lists.flat()) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
}
