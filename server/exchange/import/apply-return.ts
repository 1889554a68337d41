/**
 * Applying a row of a usage-return list (用标报告): the row names a GI (record number, or product and GI
 * type, read as the user list reads them) and one of its users (credit code, or the name of a user
 * without one), and the year; the return is entered through usage-returns.ts (county scope, the year's
 * bounds, audit) as imported and accepted, replacing any return of that user and year. A row about a
 * user of another county's GI is refused beside the column that names the GI.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { comparableName, UsageReturnInput, type Bilingual, type ImportProblem, type UsageReturn, type UsageReturnValues } from '../../../db/model';
import * as t from '../../../db/schema';
import { enterUsageReturn } from '../../domain/marks/usage-returns';
import { validate } from '../../validate';
import { RETURN_COLUMNS, type ReturnColumnKey } from '../sheets/return-columns';
import { USER_COLUMNS } from '../sheets/user-columns';
import { findDesignation, type GiCells } from './apply-user';
import { RowError, type ApplyContext, type RowApplier } from './list-kind';
import { change, plain, problem as problemIn, problemsOf, type RefusalColumns } from './report-text';

/** One row's values: the return's declared figures (null where the cell was empty: a figure not given), its user and year. */
export interface ReturnValues extends GiCells, UsageReturnValues {
  name: string | null;
  creditCode: string | null;
  year: number;
}

const col = (key: ReturnColumnKey) => RETURN_COLUMNS[key].zh;
const problem = (key: ReturnColumnKey, zh: string, en: string): ImportProblem => problemIn(col(key), zh, en);

/** Which column each field of a return comes from (for the domain's refusals). */
const COLUMN_OF_FIELD: Record<string, ReturnColumnKey> = {
  year: 'year', markedTonnes: 'marked_tonnes', outputTonnes: 'output_tonnes', marksPrinted: 'marks_printed', channels: 'channels', note: 'note',
};

/** The user of designation `designationId` a row names: by credit code, else by name among the users without one. */
function findUser(db: Db, designationId: number, v: ReturnValues): { id: number; name: string } {
  const users = (where: ReturnType<typeof and>) => db.select({ id: t.authorizedUsers.id, name: t.authorizedUsers.name }).from(t.authorizedUsers)
    .where(and(eq(t.authorizedUsers.designationId, designationId), where)).orderBy(asc(t.authorizedUsers.id)).all();
  if (v.creditCode !== null) {
    const found = users(eq(t.authorizedUsers.creditCode, v.creditCode));
    if (found.length === 0) {
      throw new RowError([problem('credit_code', `该地理标志没有统一社会信用代码为 ${v.creditCode} 的用标企业。请核对代码，或先导入用标企业名单`,
        `This GI has no authorised user with the credit code ${v.creditCode}. Check the code, or import the list of users first`)]);
    }
    return found[0];
  }
  const found = users(and(isNull(t.authorizedUsers.creditCode), eq(t.authorizedUsers.nameKey, comparableName(v.name ?? ''))));
  if (found.length === 0) {
    throw new RowError([problem('user_name', `该地理标志没有名为"${v.name}"且未登记代码的用标企业。请填写统一社会信用代码，或核对名称`,
      `This GI has no authorised user without a credit code named "${v.name}". Fill in the credit code, or check the name`)]);
  }
  if (found.length > 1) {
    throw new RowError([problem('user_name', `有 ${found.length} 家用标企业名为"${v.name}"。请填写统一社会信用代码`,
      `${found.length} authorised users are named "${v.name}". Fill in the credit code`)]);
  }
  return found[0];
}

/** A return's figures in words, for the report ("用标 120 吨，产量 150 吨"). */
function figures(r: Pick<UsageReturn, 'markedTonnes' | 'outputTonnes' | 'marksPrinted' | 'channels'>): Bilingual {
  const n = (v: number) => v.toLocaleString('en-US');
  const zh = [r.markedTonnes !== null && `用标 ${n(r.markedTonnes)} 吨`, r.outputTonnes !== null && `产量 ${n(r.outputTonnes)} 吨`,
    r.marksPrinted !== null && `印制标志 ${n(r.marksPrinted)} 枚`, r.channels.length > 0 && `渠道：${r.channels.join('、')}`].filter(Boolean);
  const en = [r.markedTonnes !== null && `${n(r.markedTonnes)} t marked`, r.outputTonnes !== null && `output ${n(r.outputTonnes)} t`,
    r.marksPrinted !== null && `${n(r.marksPrinted)} marks printed`, r.channels.length > 0 && `channels: ${r.channels.join(', ')}`].filter(Boolean);
  return { zh: zh.join('，') || '未填写数量', en: en.join(', ') || 'no figures given' };
}

/** How each field is shown in a change sentence. */
const SHOWN: { field: 'markedTonnes' | 'outputTonnes' | 'marksPrinted' | 'channels' | 'note' | 'status'; column: ReturnColumnKey }[] = [
  { field: 'markedTonnes', column: 'marked_tonnes' }, { field: 'outputTonnes', column: 'output_tonnes' },
  { field: 'marksPrinted', column: 'marks_printed' }, { field: 'channels', column: 'channels' }, { field: 'note', column: 'note' },
  { field: 'status', column: 'status' },
];
const STATUS = { submitted: { zh: '已提交', en: 'submitted' }, accepted: { zh: '已接受', en: 'accepted' }, returned: { zh: '已退回', en: 'returned' } };
const shown = (field: (typeof SHOWN)[number]['field'], r: UsageReturn): Bilingual => {
  if (field === 'status') return STATUS[r.status];
  const v = r[field];
  return plain(Array.isArray(v) ? v.join('、') : v === null ? null : String(v));
};

/** Enters the row's return; returns the product and whether the return was new, with what changed. */
function applyRow({ db, viewer, today }: ApplyContext, v: ReturnValues, changes: Bilingual[]): { productId: number; created: boolean } {
  const d = findDesignation(db, viewer, v);
  const refusals: RefusalColumns = {
    ofField: (field) => (field in COLUMN_OF_FIELD ? col(COLUMN_OF_FIELD[field]) : null), ofRecord: USER_COLUMNS[d.gi].zh, // the same labels as this sheet's GI columns
  };
  try {
    const user = findUser(db, d.id, v);
    const input = validate(UsageReturnInput, {
      markedTonnes: v.markedTonnes, outputTonnes: v.outputTonnes, marksPrinted: v.marksPrinted, channels: v.channels, note: v.note,
    }, 'body');
    const entered = enterUsageReturn(db, viewer, user.id, v.year, input, 'import', today);
    const head = { zh: `${user.name} ${v.year} 年度`, en: `${user.name} ${v.year}` };
    if (entered.created) {
      const f = figures(entered.usageReturn);
      changes.push({ zh: `新增 ${head.zh}用标报告：${f.zh}`, en: `New usage return of ${head.en}: ${f.en}` });
    } else if (entered.changed && entered.before) {
      for (const { field, column } of SHOWN) {
        const before = shown(field, entered.before);
        const after = shown(field, entered.usageReturn);
        if (before.zh !== after.zh) changes.push(change({ zh: `${head.zh}${col(column)}`, en: `${head.en} ${RETURN_COLUMNS[column].en.toLowerCase()}` }, before, after));
      }
    }
    return { productId: d.productId, created: entered.created };
  } catch (error) {
    throw new RowError(problemsOf(error, refusals));
  }
}

/** How a usage-return list's rows are applied in one import. */
export function applyReturnRow(ctx: ApplyContext): RowApplier<ReturnValues> {
  return (values, changes) => applyRow(ctx, values, changes);
}
