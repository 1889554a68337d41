/**
 * The words of the annual report in both languages: its title, section headings, column headers and
 * stock sentences. The Word file, the Excel file and the report page all take them from here, so
 * the three say the same thing in the same words.
 */
import { LABELS } from './labels';
import type { AnnualReport } from './report';
import { periodName } from './tally';
import type { GiType, MarkKind } from './vocabulary';

/** A language of the report. */
export type ReportLang = 'zh' | 'en';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A day written out as a document dates it: 2025年12月31日 / 31 December 2025. */
export function longDay(day: string, lang: ReportLang): string {
  const [y, m, d] = day.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The report's title: 晋城市地理标志工作年度报告（2025年）. */
export function reportTitle(year: number, lang: ReportLang): string {
  return lang === 'zh' ? `晋城市地理标志工作年度报告（${year}年）` : `Jincheng geographical indications: annual report ${year}`;
}

/** The file name of a download (without the extension). */
export function reportFileName(year: number, lang: ReportLang): string {
  return lang === 'zh' ? `晋城市地理标志工作年度报告（${year}年）` : `jincheng-gi-annual-report-${year}`;
}

/** A share as a percentage (0.8 → 80%); a dash when there is none. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** What the report covers: to the year end, or as of a day while the year is not over. */
export function reportScope(r: Pick<AnnualReport, 'year' | 'asOf' | 'complete'>, lang: ReportLang): string {
  if (lang === 'zh') return r.complete ? `统计截至 ${longDay(r.asOf, 'zh')}` : `统计截至 ${longDay(r.asOf, 'zh')}（${r.year}年度尚未结束）`;
  return r.complete ? `Figures as of ${longDay(r.asOf, 'en')}` : `Figures as of ${longDay(r.asOf, 'en')} (the year ${r.year} is not over)`;
}

/** The period the targets come from, or a sentence saying there is none. */
export function reportPeriodLine(r: Pick<AnnualReport, 'period'>, lang: ReportLang): string {
  const p = r.period;
  if (!p) return lang === 'zh' ? '未设规划期，不列目标。' : 'No plan period covers this year: no targets are shown.';
  return lang === 'zh' ? `对照规划期：${p.name}（${p.startsOn} 至 ${p.endsOn}）` : `Plan period: ${periodName(p, 'en')} (${p.startsOn} to ${p.endsOn})`;
}

/** Headings, column headers and stock sentences of the report, by language. */
export const REPORT_WORDS = {
  zh: {
    issuer: '发布单位', issuedOn: '报告日期',
    totals: '一、地理标志总体情况', totalsNote: '有效数量为年末（或统计日）处于有效状态的地理标志；本年新增按获批日期计，仅知年份或月份的日期按其最后一天计。',
    grants: '二、本年新获批地理标志', filings: '三、本年新申报地理标志', users: '四、本年新增用标企业',
    counties: '五、分县情况', countiesNote: '跨县产品在所涉各县分别计数，全市合计只计一次。',
    households: '六、农户与产业数据', renewals: '七、下一年度到期需续展的地理标志商标',
    none: '本年无。', noRenewals: '下一年度无到期商标。',
    col: {
      giType: '类型', inForce: '有效数量', target: '规划目标', baseline: '基数', progress: '完成率', remaining: '尚差',
      newInYear: '本年获批', filedInYear: '本年申报', product: '产品', counties: '所在县', markKind: '商标种类',
      number: '注册号/证书号', grantedOn: '获批日期', appNumber: '申请号/编号', filedOn: '申报日期', userName: '企业名称',
      creditCode: '统一社会信用代码', basis: '用标依据', reference: '公告号/备案号', from: '起始日期', status: '状态',
      county: '县（市、区）', newGrants: '本年新获批', authorizedUsers: '用标企业', item: '项目', value: '数值', validUntil: '有效期至',
      total: '合计',
    },
    stat: {
      productsInForce: '拥有有效地理标志的产品（个）', authorizedUsersInForce: '有效用标企业（家）',
      households: '产业化经营模式带动农户（户）', latestHouseholds: '最新年度产业数据中的农户（户）',
      figureProducts: (year: number) => `${year}年有产业数据的产品（个）`, figureHouseholds: (year: number) => `${year}年农户合计（户）`,
      area: (year: number) => `${year}年种植（养殖）面积合计（亩）`, output: (year: number) => `${year}年产量合计（吨）`,
      value: (year: number) => `${year}年产值合计（万元）`,
    },
    sheet: { summary: '概况', totals: '总体情况', grants: '本年获批', filings: '本年申报', users: '用标企业', counties: '分县', households: '农户与产业', renewals: '到期续展' },
    page: (n: string) => `第 ${n} 页`,
  },
  en: {
    issuer: 'Issued by', issuedOn: 'Date of the report',
    totals: '1. GIs in force against the targets', totalsNote: 'In force: GIs in force at the year end (or the day of the figures). New in the year: by the date of the grant; a date known only to the year or month counts from its last day.',
    grants: '2. GIs granted in the year', filings: '3. GIs filed in the year', users: '4. Authorised users added in the year',
    counties: '5. By county', countiesNote: 'A product of several counties counts in each; the city total counts it once.',
    households: '6. Farm households and industry figures', renewals: '7. GI trademarks due for renewal next year',
    none: 'None in the year.', noRenewals: 'No trademark term ends next year.',
    col: {
      giType: 'GI type', inForce: 'In force', target: 'Target', baseline: 'Baseline', progress: 'Progress', remaining: 'Remaining',
      newInYear: 'Granted in year', filedInYear: 'Filed in year', product: 'Product', counties: 'Counties', markKind: 'Kind of mark',
      number: 'Registration / certificate no.', grantedOn: 'Granted', appNumber: 'Number', filedOn: 'Filed', userName: 'Enterprise',
      creditCode: 'Credit code', basis: 'Basis', reference: 'Reference', from: 'From', status: 'Status',
      county: 'County', newGrants: 'Granted in year', authorizedUsers: 'Authorised users', item: 'Item', value: 'Value', validUntil: 'Valid until',
      total: 'Total',
    },
    stat: {
      productsInForce: 'Products with a GI in force', authorizedUsersInForce: 'Authorised users in force',
      households: 'Farm households in the cooperative-farmer models', latestHouseholds: 'Households in the latest industry figures',
      figureProducts: (year: number) => `Products with figures for ${year}`, figureHouseholds: (year: number) => `Households in ${year}`,
      area: (year: number) => `Area in ${year} (mu)`, output: (year: number) => `Output in ${year} (tonnes)`,
      value: (year: number) => `Output value in ${year} (10,000 yuan)`,
    },
    sheet: { summary: 'Summary', totals: 'Totals', grants: 'Granted', filings: 'Filed', users: 'Authorised users', counties: 'Counties', households: 'Households and figures', renewals: 'Renewals' },
    page: (n: string) => `Page ${n}`,
  },
} as const;

/** The rows of the households-and-figures table: a label and its value (null: not known). */
export function reportStatRows(r: AnnualReport, lang: ReportLang): { label: string; value: number | null }[] {
  const s = REPORT_WORDS[lang].stat;
  const f = r.figures;
  return [
    { label: s.productsInForce, value: r.productsInForce },
    { label: s.authorizedUsersInForce, value: r.authorizedUsersInForce },
    { label: s.households, value: r.households },
    { label: s.latestHouseholds, value: r.latestHouseholds },
    { label: s.figureProducts(f.year), value: f.products },
    { label: s.figureHouseholds(f.year), value: f.households },
    { label: s.area(f.year), value: f.areaMu },
    { label: s.output(f.year), value: f.outputTonnes },
    { label: s.value(f.year), value: f.valueWanYuan },
  ];
}

/** A product's name in the report's language (Chinese when it has no English one). */
export function reportProductName(item: { productZh: string; productEn: string | null }, lang: ReportLang): string {
  return lang === 'en' && item.productEn ? item.productEn : item.productZh;
}

/** County codes as their names in the report's language, joined as the language lists them. */
export function reportCountyNames(r: Pick<AnnualReport, 'byCounty'>, codes: readonly string[], lang: ReportLang): string {
  const names = codes.map((code) => {
    const c = r.byCounty.find((x) => x.code === code);
    return c ? (lang === 'en' ? c.nameEn : c.nameZh) : code;
  });
  return names.join(lang === 'zh' ? '、' : ', ');
}

/** A GI type with its kind of mark: 地理标志商标（集体商标） / GI trademark (collective mark). */
export function reportTypeName(giType: GiType, markKind: MarkKind | null, lang: ReportLang): string {
  const kind = markKind ? LABELS.markKind[markKind][lang] : null;
  return LABELS.giType[giType][lang] + (kind ? (lang === 'zh' ? `（${kind}）` : ` (${kind})`) : '');
}
