/**
 * The operations of the history and the security events (tag `audit`).
 */
import * as m from '../../../db/model';
import { MEDIA, ok200, file, type Operation } from '../operation';

/** Every read of the audit log and the security events. */
export const AUDIT_OPERATIONS: Operation[] = [
  { operationId: 'listAudit', method: 'get', path: '/api/audit', tag: 'audit', who: 'official',
    summary: 'The audit log, filtered and paged', description: 'Officials see the history of their county\u2019s products and designations; admins and auditors everything. Not for security admins (403).',
    query: m.AuditQuery, ok: ok200(m.AuditPage), errors: [400, 401, 403], why: { 403: 'An official asked for another county, or a security admin asked.' } },
  { operationId: 'exportAuditXlsx', method: 'get', path: '/api/audit/export.xlsx', tag: 'audit', who: 'official',
    summary: 'The filtered audit log as XLSX, told in sentences', description: 'As the audit log; the download is a security event (`export`).', query: m.AuditExportQuery,
    ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400, 401, 403], why: { 403: 'An official asked for another county, or a security admin asked.' } },
  { operationId: 'listSecurityEvents', method: 'get', path: '/api/security-events', tag: 'audit', who: 'securityLog',
    summary: 'The security events, filtered and paged', description: 'Newest first. `username` finds the events of an account and those about it; `from` and `to` are days in Asia/Shanghai. Kept in the database `AUDIT_RETENTION_DAYS` (180) at least, then archived beside it.',
    query: m.SecurityEventQuery, ok: ok200(m.SecurityEventPage), errors: [400, 401, 403] },
  { operationId: 'exportSecurityEventsXlsx', method: 'get', path: '/api/security-events/export.xlsx', tag: 'audit', who: 'securityLog',
    summary: 'The filtered security events as XLSX', description: 'The download is itself a security event (`export`).', query: m.SecurityEventExportQuery,
    ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400, 401, 403] },
];
