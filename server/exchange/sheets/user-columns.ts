/**
 * The columns of an authorised-user list (用标企业名单), and how its header is recognised: a table
 * whose header names the 用标企业名称 column is such a list, whatever else it holds. The GI a row
 * belongs to is named by the registry's designation number, or by the product (number or Chinese
 * name) and the GI type. The export's "用标企业 / Authorised users" sheet has these headers, so it
 * imports back as it is.
 */
import type { Label } from '../../../db/model';
import { headerReader } from './product-columns';

/**
 * The columns, in the export's order, with their labels. `mark_kind` and `number` are there for the
 * reader (which GI a row is about): an import recognises them and leaves them alone.
 */
export const USER_COLUMNS = {
  designation_id: { zh: '地理标志记录编号', en: 'GI record number' },
  product_id: { zh: '产品编号', en: 'Product number' },
  product_zh: { zh: '产品名称', en: 'Product name' },
  gi_type: { zh: '地理标志类型', en: 'GI type' },
  mark_kind: { zh: '商标类别', en: 'Mark kind' },
  number: { zh: '注册/登记号', en: 'Registration number' },
  user_name: { zh: '用标企业名称', en: 'Authorised user' },
  credit_code: { zh: '统一社会信用代码', en: 'Credit code' },
  basis: { zh: '用标依据', en: 'Basis' },
  reference: { zh: '公告号/备案号', en: 'Announcement or filing number' },
  from: { zh: '起始日期', en: 'From' },
  until: { zh: '截止日期', en: 'Until' },
  status: { zh: '用标状态', en: 'Status of use' },
} as const satisfies Record<string, Label>;

/** A column's key. */
export type UserColumnKey = keyof typeof USER_COLUMNS;

/** Other names offices give these columns in their lists. */
const SYNONYMS: Record<string, UserColumnKey> = {
  地理标志编号: 'designation_id', designation: 'designation_id',
  编号: 'product_id', 产品id: 'product_id',
  产品: 'product_zh', 地理标志产品名称: 'product_zh', 地理标志名称: 'product_zh', 地理标志: 'product_zh',
  类型: 'gi_type', 地标类型: 'gi_type', 保护类型: 'gi_type',
  商标类型: 'mark_kind', 商标种类: 'mark_kind',
  注册号: 'number', 登记号: 'number', 证书编号: 'number', '注册/登记/公告号': 'number',
  用标企业: 'user_name', 用标单位: 'user_name', 用标单位名称: 'user_name', 使用人: 'user_name', 使用人名称: 'user_name',
  合法使用人: 'user_name', 专用标志使用人: 'user_name',
  信用代码: 'credit_code', 社会信用代码: 'credit_code', 企业信用代码: 'credit_code',
  依据: 'basis', 使用依据: 'basis', 用标类型: 'basis',
  公告号: 'reference', 备案号: 'reference', '公告号或备案号': 'reference', 核准公告: 'reference', 文号: 'reference',
  开始日期: 'from', 起始时间: 'from', 核准日期: 'from', 使用起始日期: 'from', 生效日期: 'from',
  到期日期: 'until', 截止时间: 'until', 有效期至: 'until', 使用截止日期: 'until',
  状态: 'status', 使用状态: 'status',
};

/** The column a header cell of a user list names, or null. */
export const userColumnOf = headerReader(USER_COLUMNS, SYNONYMS);

/** Whether a table's header is an authorised-user list's (it names the 用标企业名称 column). */
export function isUserTable(header: readonly string[]): boolean {
  return header.some((h) => {
    const key = userColumnOf(h);
    // 状态, 产品名称… are shared with the product sheet; only the user's name tells the lists apart.
    return key === 'user_name';
  });
}
