/**
 * The product sheet (地理标志 GI): one row per GI of a product, or per product without one. Its
 * columns, declared once for the export (CSV and the XLSX's first sheet), the import (how each
 * header and cell is read) and the template (widths, formats, drop-down lists, instructions). The
 * product's own sources and each GI's sources have a column each, so what the export writes is what
 * the import compares with.
 */
import { LABELS, type Precision, type SourceValue, type Status } from '../../../db/model';
import { readDate } from '../cells/cell-dates';
import { readCreditCode, readScopeCodes, readSources, readWebAddress, sourcesCell } from '../cells/cell-fields';
import { readCode } from '../cells/cell-codes';
import { readCounties } from '../cells/cell-counties';
import { readNumber, readText } from '../cells/cell-values';
import { headerReader, keysOf, type ReadValue, type SheetColumns } from './sheet-columns';

/** The statuses an import may set; the others (withdrawn, revoked…) are decisions made in the workspace. */
export const IMPORT_STATUSES = ['cultivating', 'filed', 'published', 'granted'] as const satisfies readonly Status[];
/** A status an import may set. */
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A row of the sheet as the registry holds it: a product, with one of its GIs (all null without one). */
export interface ProductRecord {
  productId: number;
  nameZh: string;
  nameEn: string | null;
  category: string;
  countyCodes: readonly string[];
  countyNamesZh: readonly string[];
  giType: string | null;
  markKind: string | null;
  status: string | null;
  holder: string | null;
  holderCreditCode: string | null;
  number: string | null;
  announcement: string | null;
  filedOn: string | null;
  grantedOn: string | null;
  validUntil: string | null;
  productSources: readonly SourceValue[];
  designationSources: readonly SourceValue[];
  /** The township and village codes of the GI's protected area, in code order (none kept: empty). */
  scopeCodes: readonly string[];
  /** The product's locations, in order: how exactly each is known, and its village or township. */
  locations: readonly { precision: Precision; divisionCode: string | null; label: string }[];
  /** The GI's public contacts. */
  managingBody: string | null;
  managingContact: string | null;
  testingBody: string | null;
  /** The GI's current specification version (newestFirst), or null when it has none. */
  specification: SpecificationCells | null;
  /** The product's visibility (`draft` or `public`). */
  visibility: string;
}

/** The fields of a specification version a sheet carries (its note and document stay in the workspace). */
export interface SpecificationCells { number: string | null; title: string; version: string | null; issuedOn: string | null; url: string | null }

const SPECIFICATION_HELP = {
  zh: '这一行地理标志现行的质量技术要求（或承载它的标准，如 DB14/T 2361-2021）。编号或版本与现行的不同时，导入新增一个版本（修订），须填写名称和发布日期（不早于现行版本）；编号和版本相同时，只更正填写了的名称、日期和链接。留空不改动；删除版本请在工作台中办理',
  en: 'The current specification of this row’s GI (or the standard that carries it, such as DB14/T 2361-2021). A number or version other than the current one adds a new version (an amendment), which needs its title and date (not before the current one’s); the same number and version only corrects the title, date and link given. Blank leaves it as it is; versions are removed in the workspace',
};

const DATE_FORMS_LINE = { zh: '（写法见下）', en: ' (forms below)' };

/** The columns, in the export's order. */
export const PRODUCT_COLUMNS = {
  product_id: {
    zh: '产品编号', en: 'Product number', also: ['编号', '产品id'], width: 8,
    help: {
      zh: '系统中的产品编号（导出表格中已有）。填写后这一行更新该产品；新增产品时留空',
      en: 'The registry’s product number (as in an export). When filled, the row updates that product; leave it blank for a new product',
    },
    read: (cell) => readNumber(cell, { min: 1, integer: true }),
    write: (r) => r.productId,
  },
  product_zh: {
    zh: '产品名称', en: 'Product name', also: ['产品', '名称', '产品名', '地理标志产品名称'], width: 20, required: true,
    help: {
      zh: '产品的中文名称，如"沁水黄小米"。新增产品时必填；不填产品编号时，与已有产品同名的行更新该产品',
      en: 'The product’s Chinese name. Required for a new product; without a product number, a row with the name of an existing product updates it',
    },
    read: (cell) => readText(cell, { max: 100 }),
    write: (r) => r.nameZh,
  },
  product_en: {
    zh: '英文名称', en: 'English name', also: ['英文名'], width: 26,
    help: { zh: '英文名称，可不填', en: 'English name (optional)' },
    read: (cell) => readText(cell, { max: 200 }),
    write: (r) => r.nameEn,
  },
  category: {
    zh: '类别', en: 'Category', also: ['产品类别', '分类'], width: 12, list: { vocabulary: 'category' }, required: true,
    help: { zh: '产品类别，从下拉列表中选择。新增产品时必填', en: 'Category: pick from the list. Required for a new product' },
    read: (cell) => readCode('category', cell),
    write: (r) => r.category,
  },
  county_adcodes: {
    zh: '县（市、区）代码', en: 'County codes', also: ['县代码', '行政区划代码'], width: 14, format: 'text', list: 'county_codes',
    help: {
      zh: '县（市、区）的行政区划代码，如 140521。与"县（市、区）"填其一即可；两列都填时以代码为准',
      en: 'County codes such as 140521. Fill this or the county names; when both are filled the codes count',
    },
    read: (cell, env) => readCounties(cell, env.counties),
    write: (r) => r.countyCodes.join(';'),
  },
  counties_zh: {
    zh: '县（市、区）', en: 'Counties', also: ['县', '所在县', '县区', '县(市、区)', '所在县区', '区县'], width: 16, list: 'counties', required: true,
    help: {
      zh: '所在县（市、区），从下拉列表中选择；跨县的产品写多个，用"、"或";"分开，如"沁水县、阳城县"。新增产品时必填（或填代码）',
      en: 'County names: pick from the list; for a product of several counties write them all, separated by "、" or ";". Required for a new product (or the codes)',
    },
    read: (cell, env) => readCounties(cell, env.counties),
    write: (r) => r.countyNamesZh.join('、'),
  },
  gi_type: {
    zh: '地理标志类型', en: 'GI type', also: ['类型', '地标类型', '保护类型'], width: 20, list: { vocabulary: 'giType' },
    help: { zh: '地理标志类型，从下拉列表中选择。不填则只登记产品，不登记地理标志', en: 'GI type: pick from the list. Leave it blank to record the product without a GI' },
    read: (cell) => readCode('giType', cell),
    write: (r) => r.giType,
  },
  mark_kind: {
    zh: '商标类别', en: 'Mark kind', also: ['商标类型', '商标种类'], width: 14, list: { vocabulary: 'markKind' },
    help: { zh: '仅地理标志商标填写：集体商标或证明商标；其他类型留空', en: 'For GI trademarks only: collective or certification mark; blank for the other types' },
    read: (cell) => readCode('markKind', cell),
    write: (r) => r.markKind,
  },
  status: {
    zh: '状态', en: 'Status', also: ['当前状态', '进展'], width: 12, list: { vocabulary: 'status', codes: IMPORT_STATUSES },
    help: {
      zh: '状态：培育中、已申报、已公示或已获批。撤回、驳回、撤销、失效请在工作台中办理。填写状态时请一并填写对应日期',
      en: 'Status: cultivating, filed, published or granted (withdrawals, rejections, revocations and expiry are recorded in the workspace). Give the matching dates',
    },
    read: (cell) => readCode('status', cell),
    write: (r) => r.status,
  },
  holder: {
    zh: '持有人', en: 'Holder', also: ['持有人名称', '注册人', '申请人', '登记证书持有人'], width: 32,
    help: { zh: '持有人（申请人、注册人或登记证书持有人）的全称', en: 'Holder: the applicant’s, registrant’s or certificate holder’s full name' },
    read: (cell) => readText(cell, { max: 200 }),
    write: (r) => r.holder,
  },
  holder_credit_code: {
    zh: '统一社会信用代码', en: 'Holder credit code', also: ['信用代码', '持有人信用代码'], width: 22, format: 'text',
    help: {
      zh: '持有人的18位统一社会信用代码（该列已设为文本格式，请勿改成数字）',
      en: 'The holder’s 18-character unified social credit code (the column is formatted as text; keep it so)',
    },
    read: readCreditCode,
    write: (r) => r.holderCreditCode,
  },
  number: {
    zh: '注册/登记/公告号', en: 'Registration number', also: ['注册号', '登记号', '证书编号', '公告号'], width: 22, format: 'text',
    help: { zh: '商标注册号、登记证书编号或公告号', en: 'Trademark registration, certificate or announcement number' },
    read: (cell) => readText(cell, { max: 200, nfkc: true }),
    write: (r) => r.number,
  },
  announcement: {
    zh: '公告', en: 'Announcement', also: ['公告名称'], width: 30,
    help: { zh: '批准或登记的公告名称、文号', en: 'The announcement of the grant (title or number)' },
    read: (cell) => readText(cell, { max: 500 }),
    write: (r) => r.announcement,
  },
  filed_on: {
    zh: '申报日期', en: 'Filed on', also: ['申请日期', '申报时间'], width: 12, format: 'date',
    help: { zh: `申报日期${DATE_FORMS_LINE.zh}`, en: `Date filed${DATE_FORMS_LINE.en}` },
    read: (cell, env) => readDate(cell, { today: env.today }),
    write: (r) => r.filedOn,
  },
  granted_on: {
    zh: '获批日期', en: 'Granted on', also: ['注册日期', '登记日期', '批准日期', '获批时间'], width: 12, format: 'date',
    help: { zh: `获批（注册、登记）日期${DATE_FORMS_LINE.zh}`, en: `Date granted, registered or approved${DATE_FORMS_LINE.en}` },
    read: (cell, env) => readDate(cell, { today: env.today }),
    write: (r) => r.grantedOn,
  },
  valid_until: {
    zh: '有效期至', en: 'Valid until', also: ['有效期', '到期日', '有效期至日'], width: 12, format: 'date',
    help: { zh: '有效期至，须写到具体哪一天，如 2034-05-01', en: 'Valid until: the exact day, such as 2034-05-01' },
    read: (cell, env) => readDate(cell, { today: env.today, allowFuture: true, needDay: true }),
    write: (r) => r.validUntil,
  },
  sources: {
    zh: '来源', en: 'Sources', also: ['资料来源', '出处', '产品来源'], width: 48,
    help: {
      zh: '产品的信息来源：文件名、网址，或"标题 <网址>"（网址以 http:// 或 https:// 开头），多条用分号";"分开。地理标志自己的来源写在"地理标志来源"列',
      en: 'The product’s sources: a document, an address, or "title <address>" (addresses start with http:// or https://), separated by semicolons. A GI’s own sources go in the GI sources column',
    },
    read: (cell) => readSources(cell),
    write: (r) => sourcesCell(r.productSources),
  },
  gi_sources: {
    zh: '地理标志来源', en: 'GI sources', also: ['地标来源', '地理标志资料来源'], width: 48,
    help: {
      zh: '这一行地理标志自己的来源（如注册、登记公告），写法同"来源"。表中没有这一列时，新增的地理标志沿用"来源"列',
      en: 'The sources of this row’s GI (such as its registration notice), written as Sources are. In a sheet without this column, a new GI takes the Sources',
    },
    read: (cell) => readSources(cell),
    write: (r) => sourcesCell(r.designationSources),
  },
  scope_codes: {
    zh: '保护范围代码', en: 'Scope codes', also: ['保护范围', '地域保护范围代码'], width: 40, format: 'text',
    help: {
      zh: '这一行地理标志的地域保护范围：乡镇（整个乡镇）或村的12位统计用区划代码，用分号";"分开，如"140521103000;140521104201"。留空则不改动已有的保护范围；保护范围原文、来源和清除请在工作台中办理',
      en: 'The protected area of this row’s GI: 12-digit codes of townships (the whole township) or villages, separated by semicolons. Blank leaves the kept area as it is; the scope text, its source and removing it are done in the workspace',
    },
    read: readScopeCodes,
    write: (r) => (r.scopeCodes.length ? r.scopeCodes.join(';') : null),
  },
  locations: {
    zh: '位置精度', en: 'Location precision', width: 36,
    help: {
      zh: '产品各位置的精度（精确位置、村级、乡镇级、县级）及所在村或乡镇，仅供查看；位置请在工作台中修改',
      en: 'How exactly each of the product’s locations is known (exact spot, village, township, county) and its village or township; for reading only: locations are changed in the workspace',
    },
    write: (r) => (r.locations.length ? r.locations.map((l) => [LABELS.precision[l.precision].zh, l.divisionCode, l.label].filter(Boolean).join(' ')).join('；') : null),
  },
  managing_body: {
    zh: '管理机构', en: 'Managing body', also: ['管理单位', '申请人/管理机构'], width: 30,
    help: { zh: '这一行地理标志的申请人或管理机构（公开显示）', en: 'The body that applied for or manages this row’s GI (shown to the public)' },
    read: (cell) => readText(cell, { max: 200 }),
    write: (r) => r.managingBody,
  },
  managing_contact: {
    zh: '管理机构联系方式', en: 'Managing body contact', also: ['联系方式', '联系电话'], width: 30,
    help: { zh: '管理机构公开的联系方式：电话、地址或网址', en: 'The managing body’s public contact: a phone number, an address or a web page' },
    read: (cell) => readText(cell, { max: 300 }),
    write: (r) => r.managingContact,
  },
  testing_body: {
    zh: '检测机构', en: 'Testing body', also: ['检测单位'], width: 30,
    help: { zh: '按质量技术要求检测产品的机构', en: 'The body that tests products under the specification' },
    read: (cell) => readText(cell, { max: 200 }),
    write: (r) => r.testingBody,
  },
  spec_number: {
    zh: '质量技术要求编号', en: 'Specification no.', also: ['标准编号', '标准号', '规范编号'], width: 22, format: 'text',
    help: SPECIFICATION_HELP,
    read: (cell) => readText(cell, { max: 100, nfkc: true }),
    write: (r) => r.specification?.number ?? null,
  },
  spec_title: {
    zh: '质量技术要求名称', en: 'Specification title', also: ['标准名称', '规范名称'], width: 30,
    help: { zh: '现行质量技术要求或标准的名称，如"地理标志产品 高平大黄梨"', en: 'The title of the current specification or standard' },
    read: (cell) => readText(cell, { max: 300 }),
    write: (r) => r.specification?.title ?? null,
  },
  spec_version: {
    zh: '质量技术要求版本', en: 'Specification version', also: ['标准版本'], width: 12, format: 'text',
    help: { zh: '版本或修订，如"2021版"，没有可不填', en: 'Its version or amendment, such as 2021版 (optional)' },
    read: (cell) => readText(cell, { max: 50 }),
    write: (r) => r.specification?.version ?? null,
  },
  spec_issued_on: {
    zh: '质量技术要求发布日期', en: 'Specification issued', also: ['标准发布日期'], width: 12, format: 'date',
    help: { zh: `现行质量技术要求的发布或公告日期${DATE_FORMS_LINE.zh}`, en: `The date the current specification was issued or announced${DATE_FORMS_LINE.en}` },
    read: (cell, env) => readDate(cell, { today: env.today }),
    write: (r) => r.specification?.issuedOn ?? null,
  },
  spec_link: {
    zh: '质量技术要求链接', en: 'Specification link', also: ['标准链接', '质量技术要求网址'], width: 40,
    help: { zh: '现行质量技术要求全文的网址（以 http:// 或 https:// 开头）', en: 'Where the current specification is published (an address starting with http:// or https://)' },
    read: readWebAddress,
    write: (r) => r.specification?.url ?? null,
  },
  visibility: {
    zh: '公开范围', en: 'Visibility', also: ['公开/草稿', '草稿/公开', '是否公开', '公开'], width: 10, list: { vocabulary: 'visibility' },
    help: {
      zh: '公开或草稿（可不填）。公开的产品显示在地图、名录和统计中；草稿只有管理人员看得到。新增产品不填时，按导入页面上"导入为"的选择（默认草稿）',
      en: 'Public or draft (optional). Public products are on the map, the list and the tally; drafts are seen by officials only. A new product left blank takes the import page’s “Import as” choice (a draft unless chosen otherwise)',
    },
    read: (cell) => readCode('visibility', cell),
    write: (r) => r.visibility,
  },
} as const satisfies SheetColumns<string, ProductRecord>;

/** A column's key. */
export type ProductColumnKey = keyof typeof PRODUCT_COLUMNS;

/** What each column reads from its cell (null where the cell is empty). */
export type ProductCells = { [K in ProductColumnKey]: ReadValue<(typeof PRODUCT_COLUMNS)[K]> };

/** The column a header cell names, or null (an unknown column, left alone and reported). */
export const productColumnOf = headerReader(PRODUCT_COLUMNS);

/** The keys in the export's order. */
export const PRODUCT_KEYS: readonly ProductColumnKey[] = keysOf(PRODUCT_COLUMNS);
