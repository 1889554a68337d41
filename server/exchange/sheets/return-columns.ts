/**
 * The usage-return sheet (用标报告): one row per authorised user and year. Its columns, declared once for
 * the officials' export (the XLSX's "用标报告 Usage returns" sheet), the import and the template. A row
 * names the GI as the user sheet does (the record number, or the product's Chinese name and the GI type:
 * what an office's list has) and the user by its credit code, or by its name when it has none. The
 * status, the way it came and the review are written for the reader and left alone by the import
 * (an imported return is accepted).
 */
import {
  RETURN_CHANNEL_CHARS, RETURN_CHANNELS_MAX, RETURN_MARKS_MAX, RETURN_NOTE_CHARS, RETURN_TONNES_MAX, splitChannels,
  type UsageReturnValues,
} from '../../../db/model';
import { fail, ok, readNumber, readText, type Cell, type CellResult } from '../cells/cell-values';
import { USER_COLUMNS } from './user-columns';
import { headerReader, keysOf, labelZh, type ReadValue, type SheetColumns } from './sheet-columns';

/** A row of the sheet as the registry holds it: a return (its declared figures), with its user, GI and product. */
export interface ReturnRecord extends UsageReturnValues {
  designationId: number;
  productId: number;
  productZh: string;
  giType: string;
  name: string;
  creditCode: string | null;
  year: number;
  status: string;
  via: string;
  reviewNote: string;
  reviewedAt: string | null;
}

const READ_ONLY = { zh: '仅供查看，导入时不读取', en: 'For reading only; the import leaves it alone' };

/** Where a return stands and how it came, as the sheet writes them. */
const STATUS_ZH: Record<string, string> = { submitted: '已提交（待审核）', accepted: '已接受', returned: '已退回' };
const VIA_ZH: Record<string, string> = { county: '县级录入', import: '批量导入', link: '企业通过填报链接' };

/** Channels in one cell ("线上、商超"): at most ten, each at most 100 characters. */
function readChannels(cell: Cell): CellResult<string[] | null> {
  const text = readText(cell, { max: RETURN_CHANNELS_MAX * (RETURN_CHANNEL_CHARS + 1) });
  if (!text.ok || text.value === null) return text.ok ? ok(null) : text;
  const channels = splitChannels(text.value);
  if (channels.length > RETURN_CHANNELS_MAX) {
    return fail(`最多填写 ${RETURN_CHANNELS_MAX} 个销售渠道，用"、"分开`, `At most ${RETURN_CHANNELS_MAX} channels, separated by "、"`);
  }
  const long = channels.find((c) => c.length > RETURN_CHANNEL_CHARS);
  if (long) return fail(`销售渠道"${long.slice(0, 20)}…"过长：每个渠道最多 ${RETURN_CHANNEL_CHARS} 个字`, `The channel "${long.slice(0, 20)}…" is too long: ${RETURN_CHANNEL_CHARS} characters at most`);
  return ok(channels);
}

const tonnes = (cell: Cell) => readNumber(cell, { min: 0, max: RETURN_TONNES_MAX });

/** The columns, in the export's order. */
export const RETURN_COLUMNS = {
  designation_id: { ...USER_COLUMNS.designation_id, write: (r) => r.designationId },
  product_id: { ...USER_COLUMNS.product_id, write: (r) => r.productId },
  product_zh: { ...USER_COLUMNS.product_zh, write: (r) => r.productZh },
  gi_type: { ...USER_COLUMNS.gi_type, write: (r) => labelZh('giType', r.giType) },
  user_name: {
    ...USER_COLUMNS.user_name, required: false,
    help: { zh: '用标企业的全称；没有统一社会信用代码的企业凭名称查找', en: 'The user’s full name; a user without a credit code is found by it' },
    write: (r) => r.name,
  },
  credit_code: {
    ...USER_COLUMNS.credit_code,
    help: {
      zh: '用标企业的18位统一社会信用代码（该列已设为文本格式），须是该地理标志已登记的用标企业',
      en: 'The user’s 18-character unified social credit code (the column is text): a registered user of the GI',
    },
    write: (r) => r.creditCode,
  },
  year: {
    zh: '报告年度', en: 'Year', also: ['年度', '年份', '用标年度'], width: 8, required: true,
    help: { zh: '报告哪一年的用标情况，如 2025；须在该企业起始日期所在年至今年之间', en: 'The year reported on, such as 2025: from the year the user’s authorisation starts to this year' },
    read: (cell) => readNumber(cell, { min: 1949, max: 2100, integer: true }),
    write: (r) => r.year,
  },
  marked_tonnes: {
    zh: '用标数量（吨）', en: 'Marked volume (t)', also: ['用标数量', '用标产品数量（吨）', '用标销售量（吨）', '使用专用标志的产品数量（吨）'], width: 12,
    help: { zh: `当年使用专用标志销售的产品数量，吨，0 至 ${RETURN_TONNES_MAX.toLocaleString('en-US')}；不能大于产量`, en: `Tonnes sold carrying the mark that year, 0 to ${RETURN_TONNES_MAX.toLocaleString('en-US')}; not more than the output` },
    read: tonnes,
    write: (r) => r.markedTonnes,
  },
  output_tonnes: {
    zh: '产量（吨）', en: 'Output (t)', also: ['总产量（吨）', '年产量（吨）', '当年产量（吨）'], width: 12,
    help: { zh: '该企业当年该产品的总产量，吨', en: 'The user’s whole output of the product that year, tonnes' },
    read: tonnes,
    write: (r) => r.outputTonnes,
  },
  marks_printed: {
    zh: '印制标志（枚）', en: 'Marks printed', also: ['印制标志数量（枚）', '专用标志印制数量', '标志使用数量（枚）'], width: 12,
    help: { zh: '当年印制或领用的专用标志数量，枚（整数）', en: 'Official marks printed or obtained that year (a whole number)' },
    read: (cell) => readNumber(cell, { min: 0, max: RETURN_MARKS_MAX, integer: true }),
    write: (r) => r.marksPrinted,
  },
  channels: {
    zh: '销售渠道', en: 'Channels', also: ['主要销售渠道', '渠道'], width: 24,
    help: { zh: `主要销售渠道，多个用"、"分开（最多 ${RETURN_CHANNELS_MAX} 个），如"电商平台、商超、批发市场"`, en: `Main sales channels separated by "、" (at most ${RETURN_CHANNELS_MAX})` },
    read: readChannels,
    write: (r) => r.channels.join('、') || null,
  },
  note: {
    zh: '说明', en: 'Note', also: ['备注', '情况说明'], width: 30,
    help: { zh: '其他需要说明的情况', en: 'Anything else to say' },
    read: (cell) => readText(cell, { max: RETURN_NOTE_CHARS }),
    write: (r) => r.note || null,
  },
  status: { zh: '报告状态', en: 'Return status', width: 12, help: READ_ONLY, write: (r) => STATUS_ZH[r.status] ?? r.status },
  via: { zh: '报送方式', en: 'Received', width: 14, help: READ_ONLY, write: (r) => VIA_ZH[r.via] ?? r.via },
  review_note: { zh: '审核意见', en: 'Review note', width: 24, help: READ_ONLY, write: (r) => r.reviewNote || null },
  reviewed_at: { zh: '审核时间', en: 'Reviewed at', width: 20, help: READ_ONLY, write: (r) => r.reviewedAt },
} as const satisfies SheetColumns<string, ReturnRecord>;

/** A column's key. */
export type ReturnColumnKey = keyof typeof RETURN_COLUMNS;

/** What each column the import reads takes from its cell (null where the cell is empty). */
export type ReturnCells = { [K in ReturnColumnKey]: ReadValue<(typeof RETURN_COLUMNS)[K]> };

/** The column a header cell of a return list names, or null. */
export const returnColumnOf = headerReader(RETURN_COLUMNS);

/** The keys in the export's order. */
export const RETURN_KEYS: readonly ReturnColumnKey[] = keysOf(RETURN_COLUMNS);
