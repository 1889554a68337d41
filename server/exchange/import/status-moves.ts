/**
 * A product row's status as the dated moves that lead to it: an import records moves that already
 * happened, through the stages an import may set (培育中 → 已申报 → 已公示 → 已获批), each allowed by
 * the table of moves and dated from the row's own dates. The other statuses are decisions recorded in
 * the workspace, so a row may name one only where the GI already has it.
 */
import { ALLOWED_MOVES, LABELS, type Status } from '../../../db/model';
import { IMPORT_STATUSES, PRODUCT_COLUMNS as COLUMNS, type ImportStatus } from '../sheets/product-columns';
import { problem } from './report-text';
import { RowError } from './list-kind';

/** The statuses an import moves through, in order. */
const STAGES: readonly ImportStatus[] = IMPORT_STATUSES;

/** A status a row may move a GI to, or the problem of one that is a decision for the workspace. */
export function importStatus(status: Status): ImportStatus {
  if ((STAGES as readonly Status[]).includes(status)) return status as ImportStatus;
  throw new RowError([problem(COLUMNS.status.zh, '导入只能设为 培育中、已申报、已公示 或 已获批。撤回、驳回、撤销、失效请在工作台中办理',
    'An import can set Cultivating, Filed, Published or Granted only. Record withdrawals, rejections, revocations and expiry in the workspace')]);
}

/**
 * The moves from `from` to `to` through the stages (shortest, each allowed by the table), or null
 * when `to` cannot be reached that way (it is behind, or `from` is final).
 */
export function movesBetween(from: Status, to: ImportStatus): ImportStatus[] | null {
  if (from === to) return [];
  const queue: { at: Status; path: ImportStatus[] }[] = [{ at: from, path: [] }];
  const seen = new Set<Status>([from]);
  while (queue.length > 0) {
    const { at, path } = queue.shift()!;
    for (const next of ALLOWED_MOVES[at]) {
      if (seen.has(next) || !(STAGES as readonly Status[]).includes(next)) continue;
      // Never go back a stage (rejected → cultivating → … is a restart, allowed only from rejected/withdrawn).
      if ((STAGES as readonly Status[]).includes(at) && STAGES.indexOf(next as ImportStatus) < STAGES.indexOf(at as ImportStatus)) continue;
      const route = [...path, next as ImportStatus];
      if (next === to) return route;
      seen.add(next);
      queue.push({ at: next, path: route });
    }
  }
  return null;
}

/** The dates a row gives: when it was filed and granted, as known. */
export interface RowDates { filedOn: string | null; grantedOn: string | null }

/** The date a move to `to` takes from the row, or a problem naming the column to fill. */
export function dateOf(v: RowDates, to: ImportStatus, today: string): string {
  if (to === 'cultivating') return v.filedOn ?? v.grantedOn ?? today;
  const key = to === 'granted' ? 'granted_on' : 'filed_on';
  const on = to === 'granted' ? v.grantedOn : v.filedOn;
  if (on) return on;
  const status = LABELS.status[to];
  throw new RowError([problem(COLUMNS[key].zh, `状态为"${status.zh}"须填写${COLUMNS[key].zh}（年份或年月也可）`,
    `Status "${status.en}" needs the ${COLUMNS[key].en} date (a year or a month will do)`)]);
}

