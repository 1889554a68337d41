/**
 * The columns an import reads, and how a header cell names one: by its key (`product_zh`), by the
 * export's header (`产品名称 product_zh`), by its Chinese or English label, or by a name offices use
 * for it (`所在县`, `注册号`, `获批日期`…).
 */
import type { Label } from '../../../db/model';
import { normalise } from '../cells/cell-values';

/** The columns, in the export's order, with their labels. */
export const IMPORT_COLUMNS = {
  product_id: { zh: '产品编号', en: 'Product number' },
  product_zh: { zh: '产品名称', en: 'Product name' },
  product_en: { zh: '英文名称', en: 'English name' },
  category: { zh: '类别', en: 'Category' },
  county_adcodes: { zh: '县（市、区）代码', en: 'County codes' },
  counties_zh: { zh: '县（市、区）', en: 'Counties' },
  gi_type: { zh: '地理标志类型', en: 'GI type' },
  mark_kind: { zh: '商标类别', en: 'Mark kind' },
  status: { zh: '状态', en: 'Status' },
  holder: { zh: '持有人', en: 'Holder' },
  holder_credit_code: { zh: '统一社会信用代码', en: 'Holder credit code' },
  number: { zh: '注册/登记/公告号', en: 'Registration number' },
  announcement: { zh: '公告', en: 'Announcement' },
  filed_on: { zh: '申报日期', en: 'Filed on' },
  granted_on: { zh: '获批日期', en: 'Granted on' },
  valid_until: { zh: '有效期至', en: 'Valid until' },
  sources: { zh: '来源', en: 'Sources' },
} as const satisfies Record<string, Label>;

/** A column's key. */
export type ColumnKey = keyof typeof IMPORT_COLUMNS;

/** Other names offices give these columns. */
const SYNONYMS: Record<string, ColumnKey> = {
  编号: 'product_id', 产品id: 'product_id',
  产品: 'product_zh', 名称: 'product_zh', 产品名: 'product_zh', 地理标志产品名称: 'product_zh',
  英文名: 'product_en',
  产品类别: 'category', 分类: 'category',
  县代码: 'county_adcodes', 行政区划代码: 'county_adcodes',
  县: 'counties_zh', 所在县: 'counties_zh', 县区: 'counties_zh', '县(市、区)': 'counties_zh', 所在县区: 'counties_zh', 区县: 'counties_zh',
  类型: 'gi_type', 地标类型: 'gi_type', 保护类型: 'gi_type',
  商标类型: 'mark_kind', 商标种类: 'mark_kind',
  当前状态: 'status', 进展: 'status',
  持有人名称: 'holder', 注册人: 'holder', 申请人: 'holder', 登记证书持有人: 'holder',
  信用代码: 'holder_credit_code', 持有人信用代码: 'holder_credit_code',
  注册号: 'number', 登记号: 'number', 证书编号: 'number', 公告号: 'number',
  公告名称: 'announcement',
  申请日期: 'filed_on', 申报时间: 'filed_on',
  注册日期: 'granted_on', 登记日期: 'granted_on', 批准日期: 'granted_on', 获批时间: 'granted_on',
  有效期: 'valid_until', 到期日: 'valid_until', 有效期至日: 'valid_until',
  资料来源: 'sources', 出处: 'sources',
};

/**
 * How a header cell names a column of `columns`: by its key, its Chinese or English label, a synonym,
 * or an export's header (`产品名称 product_zh`, whose last word is the key). Null for no known column.
 */
export function headerReader<K extends string>(columns: Record<K, Label>, synonyms: Record<string, K>): (header: string) => K | null {
  const byName = new Map<string, K>();
  for (const [key, label] of Object.entries(columns) as [K, Label][]) {
    for (const name of [key, label.zh, label.en]) byName.set(comparable(name), key);
  }
  for (const [name, key] of Object.entries(synonyms) as [string, K][]) byName.set(comparable(name), key);
  return (header) => {
    const text = normalise(header);
    if (text === '') return null;
    const last = text.split(' ').at(-1)!; // the export writes "产品名称 product_zh"
    return byName.get(comparable(last)) ?? byName.get(comparable(text)) ?? null;
  };
}

function comparable(name: string): string {
  return normalise(name).toLowerCase().replace(/\s+/g, '');
}

/** The column a header cell names, or null (an unknown column, left alone and reported). */
export const columnOf: (header: string) => ColumnKey | null = headerReader(IMPORT_COLUMNS, SYNONYMS);
