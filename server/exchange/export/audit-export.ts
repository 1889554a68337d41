/**
 * The audit log as an XLSX sheet people can read: one row per entry, the change told in sentences
 * (the same ones the history page shows), in Chinese or English.
 */
import type { Writable } from 'node:stream';
import { describeAuditEvent, ENTITY_NAMES, type AuditEvent, type AuditLang, type AuditNames } from '../../../db/model';

/** The sheet's columns: key, header in each language, width in characters. */
const COLUMNS = [
  ['at', { zh: '时间（北京时间）', en: 'Time (Beijing)' }, 18],
  ['user', { zh: '操作人', en: 'User' }, 14],
  ['county', { zh: '县（市、区）', en: 'County' }, 18],
  ['entity', { zh: '对象', en: 'Record' }, 16],
  ['summary', { zh: '操作', en: 'What happened' }, 40],
  ['changes', { zh: '变更内容', en: 'Changes' }, 70],
] as const;

const SYSTEM = { zh: '系统', en: 'system' } as const;

/** A stored UTC timestamp as `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function shanghaiMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** One entry as the cells of a row. */
export function auditRow(event: AuditEvent, lang: AuditLang, names: AuditNames): Record<(typeof COLUMNS)[number][0], string> {
  const { summary, changes } = describeAuditEvent(event, lang, names);
  const county = (code: string) => (lang === 'en' ? names.counties[code]?.nameEn : names.counties[code]?.nameZh) ?? code;
  return {
    at: shanghaiMinute(event.at),
    user: event.user ?? SYSTEM[lang],
    county: (event.subject?.counties ?? []).map(county).join(lang === 'en' ? ', ' : '、'),
    entity: `${ENTITY_NAMES[event.entity][lang]} #${event.entityId}`,
    summary,
    changes: changes.join('\n'),
  };
}

/**
 * Writes the entries as an XLSX workbook to `out` (frozen header, sized columns, wrapped change
 * text), streaming: rows are zipped as they are read. Cells are plain text, never formulas.
 */
export async function writeAuditXlsx(out: Writable, events: Iterable<AuditEvent>, lang: AuditLang, names: AuditNames): Promise<void> {
  const { default: Excel } = await import('exceljs'); // loaded on first use: it is large, and start-up should not pay for it
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Jincheng GI registry';
  const sheet = book.addWorksheet(lang === 'en' ? 'Change history' : '修改记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([key, header, width]) => ({ key, header: header[lang], width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  for (const event of events) {
    const row = sheet.addRow(auditRow(event, lang, names));
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
    if (++n % 200 === 0) await new Promise(setImmediate);
  }
  sheet.commit();
  await book.commit();
}
