import { describe, expect, it } from 'vitest';
import { LABELS, type Vocabulary } from '../../../db/model/labels';
import {
  daysInMonth, firstPossibleDay, isNotBefore, lastPossibleDay, precisionOf, todayInShanghai,
} from '../../../db/model/partial-date';
import { PartialDate } from '../../../db/model/scalars';
import { DATE_FORMS, DATE_HELP, readDate } from '../../../server/exchange/cells/cell-dates';
import { readCode } from '../../../server/exchange/cells/cell-codes';
import { readCounties } from '../../../server/exchange/cells/cell-counties';
import {
  isEmptyCell, normalise, readNumber, readText, required, type Cell, type CellResult,
} from '../../../server/exchange/cells/cell-values';

const TODAY = '2026-11-15'; // Excel serial 46341
const at = { today: TODAY };

const COUNTIES = [
  { code: '140502', nameZh: '城区', nameEn: 'Chengqu District' },
  { code: '140521', nameZh: '沁水县', nameEn: 'Qinshui County' },
  { code: '140522', nameZh: '阳城县', nameEn: 'Yangcheng County' },
  { code: '140524', nameZh: '陵川县', nameEn: 'Lingchuan County' },
  { code: '140525', nameZh: '泽州县', nameEn: 'Zezhou County' },
  { code: '140581', nameZh: '高平市', nameEn: 'Gaoping City' },
];

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

/** A value read. */
function expectValue<T>(result: CellResult<T>, value: T) {
  if (!result.ok) expect.fail(`expected ${JSON.stringify(value)}, got the problem ${result.problem.en}`);
  expect(result.value).toEqual(value);
}

/** A problem in both languages that says what to write instead, and mentions each fragment. */
function expectProblem(result: CellResult<unknown>, ...fragments: string[]) {
  if (result.ok) expect.fail(`expected a problem, got ${JSON.stringify(result.value)}`);
  const { zh, en } = result.problem;
  expect(zh).toMatch(/请只?(填写|写成|把|删减)/);
  expect(en).toMatch(/\b(Write|Fill in|Shorten|Format)\b/);
  expect(zh).toMatch(/\p{Script=Han}/u);
  for (const fragment of fragments) expect(`${zh}\n${en}`).toContain(fragment);
  return result.problem;
}

// ---------------------------------------------------------------- partial dates

describe('partial dates (db/model/partial-date)', () => {
  it.each(['2024', '2024-05', '2024-05-01', '2024-02-29', '2000-02-29', '1949-01-01', '2013-12-31'])('accepts %s', (d) => {
    expect(PartialDate.safeParse(d).success).toBe(true);
  });

  it.each([
    ['29 February of a common year', '2023-02-29'],
    ['29 February 1900 (not a leap year)', '1900-02-29'],
    ['31 April', '2024-04-31'],
    ['month 13', '2024-13'],
    ['month 0', '2024-00'],
    ['day 0', '2024-05-00'],
    ['an unpadded month', '2024-5'],
    ['an unpadded day', '2024-05-1'],
    ['slashes', '2024/05/01'],
    ['two-digit year', '24'],
    ['empty', ''],
  ])('refuses %s', (_, d) => {
    expect(PartialDate.safeParse(d).success).toBe(false);
  });

  it.each([
    ['2020', '2020-01-01', '2020-12-31', 'year'],
    ['2020-02', '2020-02-01', '2020-02-29', 'month'],
    ['2021-02', '2021-02-01', '2021-02-28', 'month'],
    ['2000-02', '2000-02-01', '2000-02-29', 'month'],
    ['2100-02', '2100-02-01', '2100-02-28', 'month'],
    ['2024-04', '2024-04-01', '2024-04-30', 'month'],
    ['2024-12', '2024-12-01', '2024-12-31', 'month'],
    ['2024-05-17', '2024-05-17', '2024-05-17', 'day'],
  ])('%s runs from %s to %s', (d, first, last, precision) => {
    expect(firstPossibleDay(d)).toBe(first);
    expect(lastPossibleDay(d)).toBe(last);
    expect(precisionOf(d)).toBe(precision);
  });

  it.each([
    ['2020', '2020-06-30', true], // could be as late as 31 December
    ['2020-06-30', '2020', true], // 2020 could be as early as 1 January
    ['2020', '2020', true],
    ['2020-01', '2020', true],
    ['2020-12', '2020-12-31', true],
    ['2020-05-02', '2020-05-01', true],
    ['2020-05-01', '2020-05-01', true],
    ['2020-05-01', '2020-05-02', false],
    ['2019', '2020', false],
    ['2019-12-31', '2020', false],
    ['2020-11', '2020-12', false],
    ['2020-02', '2020-03-01', false],
  ])('%s is not before %s: %s', (a, b, expected) => {
    expect(isNotBefore(a, b)).toBe(expected);
  });

  it.each([[2024, 2, 29], [2023, 2, 28], [1900, 2, 28], [2000, 2, 29], [2024, 1, 31], [2024, 11, 30]])(
    'days in %i-%i: %i', (y, m, n) => expect(daysInMonth(y, m)).toBe(n),
  );

  it('throws on a text that is not a partial date', () => {
    expect(() => lastPossibleDay('2024-02-30')).toThrow(RangeError);
    expect(() => firstPossibleDay('May 2024')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- normalising

describe('normalise', () => {
  it.each([
    ['２０２４／５／１', '2024/5/1'],
    ['（沁水）', '(沁水)'],
    ['  沁水县 　 阳城县\t', '沁水县 阳城县'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['\uFEFF培育中\u200B', '培育中'],
  ])('%j → %j', (input, expected) => expect(normalise(input)).toBe(expected));

  it.each<[Cell, boolean]>([[null, true], [undefined, true], ['', true], [' 　\t', true], ['\u200B', true], [0, false], [false, false], ['x', false]])(
    'isEmptyCell(%j) is %s', (cell, empty) => expect(isEmptyCell(cell)).toBe(empty),
  );
});

// ---------------------------------------------------------------- codes

describe('readCode', () => {
  it.each<[Vocabulary, Cell, string]>([
    // codes, any case, full width
    ['giType', 'agricultural_product', 'agricultural_product'],
    ['giType', 'Agricultural_Product', 'agricultural_product'],
    ['giType', 'ａｇｒｉｃｕｌｔｕｒａｌ＿ｐｒｏｄｕｃｔ', 'agricultural_product'],
    ['giType', ' trademark ', 'trademark'],
    ['giType', 'PROTECTED_PRODUCT', 'protected_product'],
    // labels
    ['giType', '农产品地理标志', 'agricultural_product'],
    ['giType', '地理标志商标', 'trademark'],
    ['giType', '地理标志保护产品', 'protected_product'],
    ['giType', 'GI trademark', 'trademark'],
    ['giType', 'gi protected product', 'protected_product'],
    ['giType', 'Agricultural-product GI', 'agricultural_product'],
    ['giType', 'agricultural product gi', 'agricultural_product'],
    ['giType', '农产品 地理标志', 'agricultural_product'],
    // synonyms
    ['giType', '地理标志证明商标', 'trademark'],
    ['giType', '地理标志集体商标', 'trademark'],
    ['giType', '地标商标', 'trademark'],
    ['giType', '国家地理标志保护产品', 'protected_product'],
    ['giType', '地理标志产品', 'protected_product'],
    ['giType', '农产品地标', 'agricultural_product'],
    ['giType', '农业农村部农产品地理标志', 'agricultural_product'],
    // the "label (code)" form the problems and the template show
    ['giType', '地理标志商标 (trademark)', 'trademark'],
    ['giType', '农产品地理标志（agricultural_product）', 'agricultural_product'],
    ['markKind', 'collective', 'collective'],
    ['markKind', '集体商标', 'collective'],
    ['markKind', '集体', 'collective'],
    ['markKind', 'Collective mark', 'collective'],
    ['markKind', '证明商标', 'certification'],
    ['markKind', '证明', 'certification'],
    ['markKind', 'CERTIFICATION', 'certification'],
    ['markKind', '地理标志证明商标', 'certification'],
    ['status', 'cultivating', 'cultivating'],
    ['status', '培育中', 'cultivating'],
    ['status', '培育', 'cultivating'],
    ['status', 'Filed', 'filed'],
    ['status', '已申报', 'filed'],
    ['status', '申报', 'filed'],
    ['status', '已受理', 'filed'],
    ['status', '已公示', 'published'],
    ['status', '公示', 'published'],
    ['status', '初审公告', 'published'],
    ['status', '已获批', 'granted'],
    ['status', '获批', 'granted'],
    ['status', '已注册', 'granted'],
    ['status', '已登记', 'granted'],
    ['status', '注册', 'granted'],
    ['status', '登记', 'granted'],
    ['status', 'GRANTED', 'granted'],
    ['status', '已驳回', 'rejected'],
    ['status', '撤回', 'withdrawn'],
    ['status', '已撤销', 'revoked'],
    ['status', '失效', 'expired'],
    ['category', 'food', 'food'],
    ['category', '食用农林产品及食品', 'food'],
    ['category', 'Food and edible farm products', 'food'],
    ['category', 'non_food', 'non_food'],
    ['category', 'non-food', 'non_food'],
    ['category', '非食用农林产品', 'non_food'],
    ['category', '中药材', 'medicinal'],
    ['category', '药材', 'medicinal'],
    ['category', 'Medicinal materials', 'medicinal'],
    ['category', '手工艺品', 'handicraft'],
    ['category', '其他', 'other'],
    ['precision', '乡镇级', 'township'],
    ['role', '农民专业合作社', 'cooperative'],
    ['role', "Farmers' cooperative", 'cooperative'],
    ['visibility', '公开', 'public'],
    ['visibility', 'Draft', 'draft'],
  ])('%s: %j → %s', (vocabulary, cell, code) => {
    expectValue(readCode(vocabulary, cell), code);
  });

  it.each<[Vocabulary, Cell]>([['giType', ''], ['status', '   '], ['category', null], ['markKind', undefined], ['giType', '　']])(
    '%s: an empty cell %j is no value', (vocabulary, cell) => expectValue(readCode(vocabulary, cell), null),
  );

  it.each<[Vocabulary, Cell]>([
    ['giType', '农产地标'],
    ['giType', 'GI'],
    ['giType', '地理标志'],
    ['giType', '地理标志商标 (protected_product)'], // the two halves disagree
    ['giType', '地理标志商标（集体）'],
    ['giType', 1],
    ['giType', true],
    ['markKind', '普通商标'],
    ['status', '进行中'],
    ['status', utc(2024, 5, 1)],
    ['category', '水果'],
    ['category', 'fruit'],
  ])('%s: refuses %j, listing what to write', (vocabulary, cell) => {
    const labels = Object.entries(LABELS[vocabulary] as Record<string, { zh: string }>);
    const problem = expectProblem(readCode(vocabulary, cell), ...labels.flatMap(([code, label]) => [code, label.zh]));
    expect(problem.zh).toMatch(/^无法识别".+"。请填写：/);
    expect(problem.en).toMatch(/^".+" is not an? .+\. Write one of: /);
  });

  it('words the GI type problem as officials will read it', () => {
    const result = readCode('giType', '农产地标');
    expect(result).toEqual({
      ok: false,
      problem: {
        zh: '无法识别"农产地标"。请填写：地理标志商标、地理标志保护产品、农产品地理标志（或 trademark、protected_product、agricultural_product）',
        en: '"农产地标" is not a GI type. Write one of: 地理标志商标 (trademark), 地理标志保护产品 (protected_product), 农产品地理标志 (agricultural_product)',
      },
    });
  });

  it.each(Object.keys(LABELS) as Vocabulary[])('%s: every code and label reads back to itself (no synonym clashes)', (vocabulary) => {
    for (const [code, label] of Object.entries(LABELS[vocabulary] as Record<string, { zh: string; en: string }>)) {
      expectValue(readCode(vocabulary, code), code);
      expectValue(readCode(vocabulary, label.zh), code);
      expectValue(readCode(vocabulary, label.en.toUpperCase()), code);
    }
  });
});

// ---------------------------------------------------------------- counties

describe('readCounties', () => {
  it.each<[Cell, string[]]>([
    ['140521', ['140521']],
    [140521, ['140521']],
    ['１４０５２１', ['140521']],
    ['沁水县', ['140521']],
    ['沁水', ['140521']],
    ['Qinshui', ['140521']],
    ['qinshui county', ['140521']],
    ['Qinshui County', ['140521']],
    ['高平市', ['140581']],
    ['高平', ['140581']],
    ['Gaoping City', ['140581']],
    ['gaoping', ['140581']],
    ['城区', ['140502']],
    ['Chengqu', ['140502']],
    ['Chengqu District', ['140502']],
    ['晋城市城区', ['140502']],
    ['山西省晋城市沁水县', ['140521']],
    ['阳城县', ['140522']],
    ['阳城', ['140522']],
    ['陵川', ['140524']],
    ['泽州县', ['140525']],
    ['Zezhou', ['140525']],
    // several, by every separator
    ['沁水县;阳城县', ['140521', '140522']],
    ['沁水县；阳城县', ['140521', '140522']],
    ['沁水县,阳城县', ['140521', '140522']],
    ['沁水县，阳城县', ['140521', '140522']],
    ['沁水县、阳城县', ['140521', '140522']],
    ['沁水县/阳城县', ['140521', '140522']],
    ['沁水县／阳城县', ['140521', '140522']],
    ['沁水县 阳城县', ['140521', '140522']],
    ['沁水　阳城', ['140521', '140522']],
    ['沁水县\n阳城县', ['140521', '140522']],
    ['沁水县阳城县', ['140521', '140522']],
    ['140521;140522', ['140521', '140522']],
    ['140521 140522', ['140521', '140522']],
    ['Qinshui County, Yangcheng County', ['140521', '140522']],
    ['Qinshui County Yangcheng County', ['140521', '140522']],
    ['Qinshui Yangcheng', ['140521', '140522']],
    ['高平、140521、Zezhou、城区', ['140581', '140521', '140525', '140502']],
    // unique, in the order given
    ['阳城县、沁水县、阳城', ['140522', '140521']],
    ['140521, 沁水县, Qinshui', ['140521']],
    ['；沁水县；；', ['140521']],
  ])('%j → %j', (cell, codes) => {
    expectValue(readCounties(cell, COUNTIES), codes);
  });

  it.each<Cell>(['', '  ', null, undefined, '、；'])('an empty cell %j is no value', (cell) => {
    expectValue(readCounties(cell, COUNTIES), null);
  });

  it.each<[Cell, string[]]>([
    ['沁源县', ['"沁源县"']],
    ['沁水县、端氏镇', ['"端氏镇"']],
    ['140500', ['"140500"']],
    ['晋城市', ['"晋城市"']],
    ['城', ['"城"']],
    ['Jincheng, Qinshiu', ['"Jincheng"', '"Qinshiu"']],
    ['沁水县阳城镇', ['"沁水县阳城镇"']],
    [true, ['"TRUE"']],
    [140521.5, ['"140521.5"']],
  ])('refuses %j, naming it and the valid names', (cell, named) => {
    const problem = expectProblem(readCounties(cell, COUNTIES), ...named, ...COUNTIES.flatMap((c) => [c.code, c.nameZh, c.nameEn]));
    expect(problem.zh).toContain('无法识别县（市、区）');
  });

  it('says "are not counties" for several', () => {
    const result = readCounties('甲县；乙县', COUNTIES);
    expect(!result.ok && result.problem.en).toMatch(/^"甲县", "乙县" are not counties\./);
  });
});

// ---------------------------------------------------------------- dates

describe('readDate', () => {
  it.each<[Cell, string]>([
    // day
    ['2024-05-01', '2024-05-01'],
    ['2024/5/1', '2024-05-01'],
    ['2024/05/01', '2024-05-01'],
    ['2024.5.1', '2024-05-01'],
    ['2024年5月1日', '2024-05-01'],
    ['2024年05月01日', '2024-05-01'],
    ['2024 年 5 月 1 日', '2024-05-01'],
    ['2024年5月1号', '2024-05-01'],
    ['20240501', '2024-05-01'],
    ['2024/5/1 0:00', '2024-05-01'], // Excel's CSV of a date-time cell
    ['2024-05-01 00:00:00', '2024-05-01'],
    ['2024-05-01T08:30:00', '2024-05-01'],
    // month
    ['2024年5月', '2024-05'],
    ['2024年5月份', '2024-05'],
    ['2024-5', '2024-05'],
    ['2024-05', '2024-05'],
    ['2024/05', '2024-05'],
    ['2024/5', '2024-05'],
    ['2024.12', '2024-12'],
    // year
    ['2024年', '2024'],
    ['2024', '2024'],
    ['2024年度', '2024'],
    [' 2013 ', '2013'],
    // full width, as typed with a Chinese input method
    ['２０２４／５／１', '2024-05-01'],
    ['２０２４－０５－０１', '2024-05-01'],
    ['２０２４年５月１日', '2024-05-01'],
    ['２０２４．５', '2024-05'],
    ['２０２４', '2024'],
    // leap years
    ['2024-02-29', '2024-02-29'],
    ['2000/2/29', '2000-02-29'],
    ['2020年2月29日', '2020-02-29'],
    // limits
    ['1949-01-01', '1949-01-01'],
    ['1949', '1949'],
    ['2026-12-31', '2026-12-31'], // the current year (a later day is the transition's check, not the cell's)
  ])('text %j → %s', (cell, date) => {
    expectValue(readDate(cell, at), date);
  });

  it.each<[Cell, string]>([
    // Excel serials (1900 date system): well-known anchors
    [45413, '2024-05-01'],
    [45413.75, '2024-05-01'], // with a time of day
    [36526, '2000-01-01'],
    [43831, '2020-01-01'],
    [45351, '2024-02-29'],
    [36585, '2000-02-29'],
    [17899, '1949-01-01'], // the first serial accepted
    [46341, '2026-11-15'], // today
    [46342, '2026-11-16'], // today + 1, for a clock a few hours ahead
    // numbers that are not serials
    [2024, '2024'],
    [1949, '1949'],
    [20240501, '2024-05-01'],
    [2024.5, '2024-05'], // "2024.5" typed into a General cell
    [2024.05, '2024-05'],
    [2024.12, '2024-12'],
  ])('number %j → %s', (cell, date) => {
    expectValue(readDate(cell, at), date);
  });

  it.each<[Date, string]>([
    [utc(2024, 5, 1), '2024-05-01'],
    [utc(2024, 5, 1, 23, 30), '2024-05-01'],
    [utc(2024, 2, 29), '2024-02-29'],
    [utc(1949, 1, 1), '1949-01-01'],
    [utc(2026, 11, 15), '2026-11-15'],
  ])('Excel date cell %o → %s (its UTC calendar date)', (cell, date) => {
    expectValue(readDate(cell, at), date);
  });

  it.each<[string, Cell, string[]]>([
    ['30 February', '2024-02-30', ['2024年2月只有29天', '2024-02 has 29 days']],
    ['29 February of a common year', '2023-02-29', ['2023年2月只有28天', '2023-02 has 28 days']],
    ['29 February 2100 (no leap year)', '2100/2/29', ['2100年2月只有28天']],
    ['31 April', '2024年4月31日', ['2024年4月只有30天']],
    ['31 June in eight digits', '20240631', ['只有30天']],
    ['month 13', '2024-13', ['月份须在 1 到 12 之间', 'the month must be 1 to 12']],
    ['month 13 with a day', '2024/13/1', ['月份须在 1 到 12 之间']],
    ['month 0', '2024年0月', ['月份须在 1 到 12 之间']],
    ['day 0', '2024-05-00', ['只有31天']],
    ['a year before 1949', '1948', ['1949 年到 2026 年之间', 'between 1949 and 2026']],
    ['a day before 1949', '1948-12-31', ['1949 年到 2026 年之间']],
    ['a year after the current one', '2027', ['1949 年到 2026 年之间']],
    ['a day after the current year', '2027-01-01', ['between 1949 and 2026']],
    ['day first', '1/5/2024', ['无法识别日期"1/5/2024"', '"1/5/2024" is not a date']],
    ['a two-digit year', '24/5/1', ['无法识别日期']],
    ['six digits', '202405', ['无法识别日期']],
    ['four parts', '2024-5-1-1', ['无法识别日期']],
    ['Chinese numerals', '二〇二四年五月', ['无法识别日期']],
    ['a word', '待定', ['无法识别日期"待定"']],
    ['a question mark', '?', ['无法识别日期']],
    ['an English month', 'May 2024', ['无法识别日期']],
    ['a serial as text', '45413', ['无法识别日期']],
  ])('refuses %s (%j), showing the accepted forms', (_, cell, fragments) => {
    expectProblem(readDate(cell, at), DATE_HELP.zh, DATE_HELP.en, ...fragments);
  });

  it.each<[string, Cell, string[]]>([
    ['a serial before 1949', 17898, ['数字 17898 不是 1949 年到 2026 年之间的日期']],
    ['a serial after tomorrow', 46343, ['The number 46343 is not a date between 1949 and 2026']],
    ['a small number', 12, ['数字 12']],
    ['zero', 0, ['无法识别日期']],
    ['a negative number', -45413, ['无法识别日期']],
    ['a year before 1949 as a number', 1900, ['1949 年到 2026 年之间']],
    ['a year after this one as a number', 2030, ['1949 年到 2026 年之间']],
    ['2024.10 that Excel stored as 2024.1', 2024.1, ['2024年1月 还是 2024年10月', 'January or October 2024', '2024-10']],
    ['a year with three decimals', 2024.123, ['无法识别日期']],
    ['a year.month with month 13', 2024.13, ['月份须在 1 到 12 之间']],
    ['eight digits that are no date', 20241301, ['月份须在 1 到 12 之间']],
    ['not a number', Number.NaN, ['无法识别日期']],
    ['Infinity', Number.POSITIVE_INFINITY, ['无法识别日期']],
  ])('refuses a number cell: %s', (_, cell, fragments) => {
    expectProblem(readDate(cell, at), DATE_HELP.zh, DATE_HELP.en, ...fragments);
  });

  it.each<[string, Cell, string[]]>([
    ['a date cell before 1949', utc(1948, 12, 31), ['"1948-12-31"的年份须在 1949 年到 2026 年之间']],
    ['a time-only cell (Excel day 0)', utc(1899, 12, 30, 8), ['1949 年到 2026 年之间']],
    ['a date cell next year', utc(2027, 3, 1), ['between 1949 and 2026']],
    ['an invalid Date', new Date(Number.NaN), ['无法识别日期']],
    ['a logical value', true, ['无法识别日期"TRUE"']],
  ])('refuses %s', (_, cell, fragments) => {
    expectProblem(readDate(cell, at), DATE_HELP.zh, ...fragments);
  });

  it.each<Cell>(['', '   ', '　', null, undefined])('an empty cell %j is no value', (cell) => {
    expectValue(readDate(cell, at), null);
  });

  it('accepts dates ahead with allowFuture (validUntil), up to 50 years', () => {
    expectValue(readDate('2034-05-31', { ...at, allowFuture: true }), '2034-05-31');
    expectValue(readDate(utc(2034, 5, 31), { ...at, allowFuture: true }), '2034-05-31');
    expectValue(readDate(49826, { ...at, allowFuture: true }), '2036-05-31');
    expectProblem(readDate('2034-05-31', at), '1949 年到 2026 年之间');
    expectProblem(readDate('2077', { ...at, allowFuture: true }), '1949 年到 2076 年之间');
  });

  it.each(['2024', '2024-05', '2024年5月', 2024])('refuses %j when the column needs the day', (cell) => {
    expectProblem(readDate(cell, { ...at, needDay: true }), '2024-05-01', 'needs the exact day');
  });

  it('counts the current year from today in Asia/Shanghai by default', () => {
    const year = todayInShanghai().slice(0, 4);
    expectValue(readDate(year), year);
    expectProblem(readDate(String(Number(year) + 1)), `1949 年到 ${year} 年之间`);
  });

  it.each(DATE_FORMS.map((f) => [f.example, f.precision] as const))('the documented form %s reads at %s precision', (example, precision) => {
    const result = readDate(example, at);
    expectValue(result, { day: '2024-05-01', month: '2024-05', year: '2024' }[precision]);
    expect(PartialDate.safeParse(result.ok && result.value).success).toBe(true);
  });

  it('spells out every form in the help, in both languages', () => {
    for (const { example } of DATE_FORMS) {
      expect(DATE_HELP.zh).toContain(example);
      expect(DATE_HELP.en).toContain(example);
    }
    expect(DATE_HELP.zh).toContain('Excel');
  });
});

// ---------------------------------------------------------------- text and numbers

describe('readText', () => {
  it.each<[Cell, { max: number; nfkc?: boolean }, string]>([
    ['  沁水 　山楂 ', { max: 100 }, '沁水 山楂'],
    ['沁水（端氏）山楂', { max: 100 }, '沁水（端氏）山楂'], // names keep their full-width brackets
    ['第１２３４５号', { max: 100, nfkc: true }, '第12345号'],
    ['（２０２４）第３号', { max: 100, nfkc: true }, '(2024)第3号'],
    [12, { max: 100 }, '12'],
    [12.0, { max: 100 }, '12'],
    [12.5, { max: 100 }, '12.5'],
    [0.1 + 0.2, { max: 100 }, '0.3'],
    [20240501, { max: 100 }, '20240501'],
    [999_999_999_999_999, { max: 100 }, '999999999999999'],
    ['十个字十个字十个字十', { max: 10 }, '十个字十个字十个字十'],
  ])('%j → %j', (cell, options, text) => {
    expectValue(readText(cell, options), text);
  });

  it.each<Cell>(['', ' ', '\u200B', null, undefined])('an empty cell %j is no value', (cell) => {
    expectValue(readText(cell, { max: 10 }), null);
  });

  it.each<[string, Cell, string[]]>([
    ['too long', '十个字十个字十个字十个', ['最多 10 个字，现有 11 个', 'at most 10 characters, it has 11']],
    ['more digits than Excel keeps', 1234567890123456, ['超过 15 位', 'more than 15 digits', 'Text']],
    ['a cell Excel turned into a date', utc(2024, 1, 12), ['2024-01-12', '文本']],
    ['a logical value', false, ['FALSE']],
    ['not a number', Number.NaN, ['请填写文字']],
  ])('refuses %s', (_, cell, fragments) => {
    expectProblem(readText(cell, { max: 10 }), ...fragments);
  });
});

describe('readNumber', () => {
  it.each<[Cell, number]>([
    [300, 300],
    [12.5, 12.5],
    ['1200', 1200],
    ['１２００', 1200],
    ['1,200', 1200],
    ['1，200', 1200],
    ['1 200', 1200],
    ['12,345,678', 12_345_678],
    [' 12.5 ', 12.5],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['+3', 3],
    ['-3', -3],
  ])('%j → %d', (cell, n) => expectValue(readNumber(cell), n));

  it.each<Cell>(['', null, ' '])('an empty cell %j is no value', (cell) => expectValue(readNumber(cell), null));

  it.each<[Cell, Parameters<typeof readNumber>[1], string[]]>([
    ['约1200', {}, ['"约1200"不是数字', 'Write digits only']],
    ['1200户', {}, ['单位见列名', 'the unit is in the column heading']],
    ['1,20', {}, ['不是数字']],
    ['12万', {}, ['不是数字']],
    [true, {}, ['不是数字']],
    [utc(2024, 5, 1), {}, ['不是数字']],
    [Number.NaN, {}, ['不是数字']],
    ['12.5', { integer: true }, ['须为整数', 'not a whole number']],
    ['-3', { min: 0 }, ['不小于 0', 'of at least 0']],
    [101, { max: 100 }, ['不大于 100', 'of at most 100']],
    [101, { min: 0, max: 100 }, ['0 到 100 之间', 'between 0 and 100']],
  ])('refuses %j (%j)', (cell, options, fragments) => {
    expectProblem(readNumber(cell, options), ...fragments);
  });
});

describe('required', () => {
  const column = { zh: '产品名称', en: 'product name' };
  it('turns no value into a problem naming the column', () => {
    expectProblem(required(readText('  ', { max: 100 }), column), '产品名称不能为空', 'Fill in the product name');
  });
  it('passes values and problems through', () => {
    expectValue(required(readText('沁水山楂', { max: 100 }), column), '沁水山楂');
    expectProblem(required(readCode('giType', '农产地标'), column), '农产地标');
  });
});
