/**
 * The security log as an XLSX sheet for the auditor: one row per event (time in Beijing time, the kind in
 * words, the account, the address, the detail as `key: value` lines), in Chinese or English. Streamed:
 * rows are zipped as they are read. Cells are plain text, never formulas.
 */
import type { Writable } from 'node:stream';
import { SECURITY_EVENT_LABELS, type SecurityEvent } from '../../../db/model';
import { shanghaiMinute } from './audit-export';

type Lang = 'zh' | 'en';

/** The sheet's columns: key, header in each language, width in characters. */
const COLUMNS = [
  ['at', { zh: '时间（北京时间）', en: 'Time (Beijing)' }, 18],
  ['kind', { zh: '事件', en: 'Event' }, 14],
  ['username', { zh: '账号', en: 'Account' }, 18],
  ['address', { zh: '来源地址', en: 'Address' }, 18],
  ['detail', { zh: '说明', en: 'Detail' }, 70],
  ['id', { zh: '编号', en: 'No.' }, 8],
] as const;

const NOBODY = { zh: '系统或命令行', en: 'server or command line' } as const;

/** A detail value as text: plain values as they are, objects as JSON. */
const text = (v: unknown) => (v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One event as the cells of a row. */
export function securityEventRow(event: SecurityEvent, lang: Lang): Record<(typeof COLUMNS)[number][0], string | number> {
  return {
    at: shanghaiMinute(event.at),
    kind: SECURITY_EVENT_LABELS[event.kind][lang],
    username: event.username ?? NOBODY[lang],
    address: event.address ?? '',
    detail: Object.entries(event.detail ?? {}).map(([k, v]) => `${k}: ${text(v)}`).join('\n'),
    id: event.id,
  };
}

/** Writes the events as an XLSX workbook to `out` (frozen header, sized columns, wrapped detail). */
export async function writeSecurityEventsXlsx(out: Writable, events: Iterable<SecurityEvent>, lang: Lang): Promise<void> {
  const { default: Excel } = await import('exceljs'); // loaded on first use: it is large
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Jincheng GI registry';
  const sheet = book.addWorksheet(lang === 'en' ? 'Security events' : '安全事件', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([key, header, width]) => ({ key, header: header[lang], width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  for (const event of events) {
    const row = sheet.addRow(securityEventRow(event, lang));
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
    if (++n % 200 === 0) await new Promise(setImmediate);
  }
  sheet.commit();
  await book.commit();
}
