/**
 * The Chinese of the texts of the operations tagged `tally` (server/openapi/operations/tally.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `tally` operations' texts, by their English. */
export const TALLY_ZH: Readonly<Record<string, string>> = {
  // getTally
  'GI counts against targets as of a date':
    '截至某一日期、对照目标的地理标志数量',
  'The current period and today (Asia/Shanghai) unless `period` and `asOf` say otherwise. Once the last period has ended, the default is that period as of its last day; `periodEnded` says whether today is past the shown period’s end (whatever `asOf` is), and `period.nameEn` is its English name.':
    '除非 `period` 和 `asOf` 另行指定，否则为当前规划期和今天（北京时间）。最后一个规划期结束后，默认为该规划期截至其最后一天；`periodEnded` 表示今天是否已过所显示规划期的结束日期（无论 `asOf` 为何），`period.nameEn` 为其英文名称。',
  'No such period (or no period at all).':
    '没有该规划期（或根本没有规划期）。',
  // getTallySeries
  'Designations in force per GI type over a period':
    '一个规划期内各类型有效地理标志数量的变化',
  // getAnnualReport
  'The annual report of a calendar year':
    '某一公历年度的年度报告',
  'Totals in force at the year end (today while the year is not over) against the targets of the period containing it, what was new in the year (grants, filings, authorised users, with dates and numbers), by county, households and the year’s industry figures, trademarks due for renewal next year, and who issues it. The counts are the tally’s (`GET /api/tally?asOf=`) on the same day. Both languages are in the JSON; `lang` is for the files.':
    '年末（年度未结束时为今天）的有效总数与所在规划期目标的对比，年内新增情况（获批、申报、授权用标企业，附日期和编号），分县情况、农户数和当年产业数据，下一年需要续展的商标，以及报告发布单位。数量与同一天的统计（`GET /api/tally?asOf=`）一致。JSON 中包含中英两种语言；`lang` 用于文件。',
  'No year, or a year before 1949 or after the current year.':
    '没有指定年度，或年度早于 1949 年或晚于今年。',
  // getAnnualReportDocx
  'The annual report as a Word file':
    '年度报告（Word 文件）',
  'A4, headings and Word tables, page numbers in the footer; in Chinese unless `lang=en`.':
    'A4 纸张，带标题和 Word 表格，页脚有页码；除非 `lang=en`，否则为中文。',
  'A Word document (.docx)':
    'Word 文档（`.docx`）',
  // getAnnualReportXlsx
  'The annual report as an Excel workbook':
    '年度报告（Excel 工作簿）',
  'A sheet per section with frozen headers; dates known to the day are date cells, others text as known.':
    '每个部分一个工作表，表头冻结；精确到日的日期为日期单元格，其他日期按已知程度写为文本。',
  // getReportSettings
  'Who issues the annual report':
    '年度报告的发布单位',
  // putReportSettings
  'Change who issues the annual report':
    '修改年度报告的发布单位',
  // listPeriods
  'Plan periods with targets':
    '规划期及其目标',
  'Oldest first, each with its Chinese `name` and English `nameEn` (empty for one stored before periods had English names), its dates (never overlapping another’s) and per-type baseline and target.':
    '最早的在前，每个规划期附中文名称 `name` 和英文名称 `nameEn`（规划期有英文名称之前保存的为空）、起止日期（与其他规划期不重叠），以及各类型的基数和目标。',
  // createPeriod
  'Add a plan period':
    '新增规划期',
  'Both names are required and each must be unique (the English one whatever its capitals); the dates may not share a day with another period’s. Audited.':
    '两个名称都必填，且各自不能重复（英文名称不区分大小写）；起止日期不能与其他规划期有同一天。记入修改记录。',
  'Another period has this Chinese or English name (`period_name_taken`), or the dates overlap another period’s (`period_overlap`); the issue names the field.':
    '已有规划期使用了这个中文或英文名称（`period_name_taken`），或起止日期与其他规划期重叠（`period_overlap`）；问题中指出是哪个字段。',
  // updatePeriod
  'Change a plan period and its targets':
    '修改规划期及其目标',
  'Replaces its names, dates and targets (a type left out has none afterwards), with the same rules as adding one. Audited.':
    '替换其名称、起止日期和目标（未列出的类型此后没有目标），规则与新增时相同。记入修改记录。',
};
