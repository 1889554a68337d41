/**
 * The Chinese of the texts of the operations tagged `audit` (server/openapi/operations/audit.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `audit` operations' texts, by their English. */
export const AUDIT_ZH: Readonly<Record<string, string>> = {
  // listAudit
  'The audit log, filtered and paged':
    '修改记录，可筛选、分页',
  'Officials see the history of their county’s products and designations; admins and auditors everything. Not for security admins (403).':
    '县级工作人员看到本县产品和地理标志的修改记录；市级管理员和审计管理员看到全部。安全管理员不能查看（403）。',
  'An official asked for another county, or a security admin asked.':
    '县级工作人员查询了其他县，或由安全管理员查询。',
  // exportAuditXlsx
  'The filtered audit log as XLSX, told in sentences':
    '筛选后的修改记录（XLSX），以完整的句子叙述',
  'As the audit log; the download is a security event (`export`).':
    '与修改记录相同；下载本身记入安全事件（`export`）。',
  // listSecurityEvents
  'The security events, filtered and paged':
    '安全事件，可筛选、分页',
  'Newest first. `username` finds the events of an account and those about it; `from` and `to` are days in Asia/Shanghai. Kept in the database `AUDIT_RETENTION_DAYS` (180) at least, then archived beside it.':
    '按时间从新到旧。`username` 查找某账号的操作及与该账号有关的事件；`from` 和 `to` 为北京时间的日期。在数据库中至少保留 `AUDIT_RETENTION_DAYS`（180）天，之后归档到数据库旁的文件中。',
  // exportSecurityEventsXlsx
  'The filtered security events as XLSX':
    '筛选后的安全事件（XLSX）',
  'The download is itself a security event (`export`).':
    '下载本身也记入安全事件（`export`）。',
};
