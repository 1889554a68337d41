/**
 * The authorised-user sheet (用标企业名单): one row per user of one GI. Its columns, declared once for
 * the export (the XLSX's "用标企业 Authorised users" sheet), the import and the template. The GI a row
 * belongs to is named by the registry's record number, or by the product (number or Chinese name) and
 * the GI type; a table whose header names the 用标企业名称 column is such a list, whatever else it holds.
 */
import { readDate } from '../cells/cell-dates';
import { readCreditCode } from '../cells/cell-fields';
import { readCode } from '../cells/cell-codes';
import { readNumber, readText } from '../cells/cell-values';
import { headerReader, keysOf, labelZh, type ReadValue, type SheetColumns } from './sheet-columns';

/** A row of the sheet as the registry holds it: an authorised user, with its GI and product. */
export interface UserRecord {
  designationId: number;
  productId: number;
  productZh: string;
  giType: string;
  markKind: string | null;
  number: string | null;
  name: string;
  creditCode: string | null;
  basis: string;
  reference: string | null;
  from: string;
  until: string | null;
  status: string;
}

const READ_ONLY = { zh: '仅供查看，导入时不读取', en: 'For reading only; the import leaves it alone' };

/**
 * The columns, in the export's order. `mark_kind` and `number` are there for the reader (which GI a
 * row is about): an import recognises them and leaves them alone.
 */
export const USER_COLUMNS = {
  designation_id: {
    zh: '地理标志记录编号', en: 'GI record number', also: ['地理标志编号', 'designation'], width: 8,
    help: { zh: '系统中的地理标志记录编号（导出表格中已有）。填写后可不填产品名称和地理标志类型', en: 'The registry’s GI record number (as in an export); with it, the product name and GI type may be left blank' },
    read: (cell) => readNumber(cell, { min: 1, integer: true }),
    write: (r) => r.designationId,
  },
  product_id: {
    zh: '产品编号', en: 'Product number', also: ['编号', '产品id'], width: 8,
    help: { zh: '系统中的产品编号（导出表格中已有）。同名产品有多个时填写', en: 'The registry’s product number (as in an export); needed when several products share a name' },
    read: (cell) => readNumber(cell, { min: 1, integer: true }),
    write: (r) => r.productId,
  },
  product_zh: {
    zh: '产品名称', en: 'Product name', also: ['产品', '地理标志产品名称', '地理标志名称', '地理标志'], width: 20, required: true,
    help: { zh: '用标的地理标志产品名称，须是系统中已登记的产品，如"沁水黄小米"', en: 'The name of the GI product, as recorded in the registry' },
    read: (cell) => readText(cell, { max: 100 }),
    write: (r) => r.productZh,
  },
  gi_type: {
    zh: '地理标志类型', en: 'GI type', also: ['类型', '地标类型', '保护类型'], width: 18, list: { vocabulary: 'giType' }, required: true,
    help: { zh: '地理标志类型，从下拉列表中选择。产品只有一项地理标志时可不填', en: 'GI type: pick from the list. May be blank when the product has one GI' },
    read: (cell) => readCode('giType', cell),
    write: (r) => labelZh('giType', r.giType),
  },
  mark_kind: {
    zh: '商标类别', en: 'Mark kind', also: ['商标类型', '商标种类'], width: 10, help: READ_ONLY,
    write: (r) => labelZh('markKind', r.markKind),
  },
  number: {
    zh: '注册/登记号', en: 'Registration number', also: ['注册号', '登记号', '证书编号', '注册/登记/公告号'], width: 18, help: READ_ONLY,
    write: (r) => r.number,
  },
  user_name: {
    zh: '用标企业名称', en: 'Authorised user', width: 32, required: true,
    also: ['用标企业', '用标单位', '用标单位名称', '使用人', '使用人名称', '合法使用人', '专用标志使用人'],
    help: { zh: '用标企业（合作社、个体户）的全称', en: 'The full name of the enterprise, cooperative or household using the mark' },
    read: (cell) => readText(cell, { max: 200 }),
    write: (r) => r.name,
  },
  credit_code: {
    zh: '统一社会信用代码', en: 'Credit code', also: ['信用代码', '社会信用代码', '企业信用代码'], width: 22, format: 'text',
    help: {
      zh: '18位统一社会信用代码（该列已设为文本格式）。与系统中同一地理标志的用标企业代码相同的行，更新该企业',
      en: 'The 18-character unified social credit code (the column is text). A row with the code of an existing user of the same GI updates it',
    },
    read: readCreditCode,
    write: (r) => r.creditCode,
  },
  basis: {
    zh: '用标依据', en: 'Basis', also: ['依据', '使用依据', '用标类型'], width: 20, list: { vocabulary: 'basis' }, required: true,
    help: {
      zh: '用标依据：核准使用的生产者（地理标志产品）、集体商标成员（仅集体商标）、证明商标被许可人（仅证明商标）、登记备案的其他使用人',
      en: 'Basis: approved producer; member of a collective mark (collective marks only); licensee (certification marks only); other registered user',
    },
    read: (cell) => readCode('basis', cell),
    write: (r) => labelZh('basis', r.basis),
  },
  reference: {
    zh: '公告号/备案号', en: 'Announcement or filing number', also: ['公告号', '备案号', '公告号或备案号', '核准公告', '文号'], width: 22, format: 'text',
    help: { zh: '核准或备案的公告号、备案号', en: 'The announcement or filing number that authorised it' },
    read: (cell) => readText(cell, { max: 200, nfkc: true }),
    write: (r) => r.reference,
  },
  from: {
    zh: '起始日期', en: 'From', also: ['开始日期', '起始时间', '核准日期', '使用起始日期', '生效日期'], width: 12, format: 'date', required: true,
    help: { zh: '起始日期，须写到具体哪一天（写法见下）', en: 'From: the exact day (forms below)' },
    read: (cell, env) => readDate(cell, { today: env.today, allowFuture: true, needDay: true }),
    write: (r) => r.from,
  },
  until: {
    zh: '截止日期', en: 'Until', also: ['到期日期', '截止时间', '有效期至', '使用截止日期'], width: 12, format: 'date',
    help: { zh: '截止日期，无期限的留空', en: 'Until: the exact day; blank when open-ended' },
    read: (cell, env) => readDate(cell, { today: env.today, allowFuture: true, needDay: true }),
    write: (r) => r.until,
  },
  status: {
    zh: '用标状态', en: 'Status of use', also: ['状态', '使用状态'], width: 10, list: { vocabulary: 'authorizationStatus' },
    help: { zh: '用标状态：有效、暂停使用、已撤销；不填为有效', en: 'Status: active, suspended or revoked; blank means active' },
    read: (cell) => readCode('authorizationStatus', cell),
    write: (r) => labelZh('authorizationStatus', r.status),
  },
} as const satisfies SheetColumns<string, UserRecord>;

/** A column's key. */
export type UserColumnKey = keyof typeof USER_COLUMNS;

/** What each column the import reads takes from its cell (null where the cell is empty). */
export type UserCells = { [K in UserColumnKey]: ReadValue<(typeof USER_COLUMNS)[K]> };

/** The column a header cell of a user list names, or null. */
export const userColumnOf = headerReader(USER_COLUMNS);

/** The keys in the export's order. */
export const USER_KEYS: readonly UserColumnKey[] = keysOf(USER_COLUMNS);
