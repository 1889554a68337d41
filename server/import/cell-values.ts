/**
 * Spreadsheet cells, written the way county officials write them, read into the registry's values — or
 * into a problem in both languages that says what is wrong and what to write instead (DESIGN.md
 * "Spreadsheets: the officials' front door"). Pure: no database, no clock unless `today` is left out.
 *
 * Every reader answers `null` for an empty cell ("no value"); `required` turns that into a problem.
 */
import { LABELS, type Label, type Vocabulary } from '../../db/model/labels';
import { daysInMonth, type PartialDate } from '../../db/model/partial-date';
import { todayInShanghai } from '../../db/model/scalars';

// ---------------------------------------------------------------- cells and results

/** What a cell may hold: CSV gives strings; XLSX gives numbers, Dates (date-formatted cells), booleans, strings. */
export type Cell = string | number | Date | boolean | null | undefined;
/** What is wrong with a cell and what to write instead, in Chinese and English. */
export type CellProblem = { zh: string; en: string };
/** A value read from a cell, or the problem that stopped it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

/** A successful result. */
export const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
/** A failed result with its problem in both languages. */
export const fail = (zh: string, en: string): { ok: false; problem: CellProblem } => ({ ok: false, problem: { zh, en } });

/** Text as it should be compared: NFKC (full-width → ASCII), no zero-width characters, single spaces, trimmed. */
export function normalise(text: string): string {
  return collapse(text.normalize('NFKC'));
}

/** Whitespace collapsed and trimmed, zero-width characters removed, nothing else changed. */
function collapse(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether a cell holds nothing (null, or only whitespace). */
export function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && normalise(cell) === '');
}

/** A cell as the official sees it, for quoting in a problem (shortened when long). */
export function shownCell(cell: Cell): string {
  let text: string;
  if (cell instanceof Date) text = Number.isNaN(cell.getTime()) ? '?' : cell.toISOString().slice(0, 10);
  else if (typeof cell === 'boolean') text = cell ? 'TRUE' : 'FALSE';
  else text = normalise(String(cell ?? ''));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Turns "no value" into a problem naming the column: for cells that must be filled. */
export function required<T>(result: CellResult<T | null>, column: Label): CellResult<T> {
  if (result.ok && result.value === null) return fail(`${column.zh}不能为空。请填写${column.zh}`, `${column.en} is missing. Fill in the ${column.en}`);
  return result as CellResult<T>;
}

// ---------------------------------------------------------------- coded values

/** The codes of a vocabulary in LABELS (`'trademark' | 'protected_product' | …` for giType). */
export type CodeOf<V extends Vocabulary> = Extract<keyof (typeof LABELS)[V], string>;

/** What each vocabulary is called in a problem ("…is not a GI type"). */
export const VOCABULARY_NAMES: Record<Vocabulary, Label> = {
  giType: { zh: '地理标志类型', en: 'a GI type' },
  markKind: { zh: '商标类别', en: 'a trademark kind' },
  status: { zh: '状态', en: 'a status' },
  category: { zh: '产品类别', en: 'a product category' },
  precision: { zh: '位置精度', en: 'a location precision' },
  role: { zh: '参与方角色', en: 'a participant role' },
  visibility: { zh: '公开范围', en: 'a visibility' },
};

/**
 * Names officials actually write besides the code and the two labels (which are always accepted).
 * Kept small and explicit: each entry is a term seen in county lists or official notices.
 */
const SYNONYMS: { [V in Vocabulary]?: Partial<Record<CodeOf<V>, readonly string[]>> } = {
  giType: {
    // CNIPA registers GI trademarks as collective or certification marks; 地标 is the everyday short form.
    trademark: ['地理标志证明商标', '地理标志集体商标', '地标商标', 'geographical indication trademark'],
    // The former AQSIQ programme's name, and the GB/T 17924 term.
    protected_product: ['国家地理标志保护产品', '地理标志产品', 'geographical indication product'],
    // The Ministry of Agriculture and Rural Affairs' registration, often shortened.
    agricultural_product: ['农产品地标', '农业农村部农产品地理标志', '农产品地理标志登记'],
  },
  markKind: {
    collective: ['集体', '地理标志集体商标', 'collective trademark'],
    certification: ['证明', '地理标志证明商标', 'certification trademark'],
  },
  status: {
    cultivating: ['培育'],
    // 受理 is the office's acknowledgement of an application: for the registry, filed.
    filed: ['申报', '已受理', '受理', '已申请'],
    // Trademarks are published in a 初审公告, other GIs in a 公示.
    published: ['公示', '初审公告'],
    // Each office has its own word for the grant: 注册 (trademarks), 批准 (products), 登记 (agricultural).
    granted: ['获批', '已注册', '已登记', '注册', '登记', '已批准', '批准'],
    rejected: ['驳回'],
    withdrawn: ['撤回'],
    revoked: ['撤销'],
    expired: ['失效'],
  },
  category: {
    food: ['食品', '食用农林产品'],
    medicinal: ['药材'],
    handicraft: ['工艺品'],
  },
};

/** The form in which names are compared: normalised, lower case, no spaces, hyphens, underscores or apostrophes. */
function codeKey(text: string): string {
  return normalise(text).toLowerCase().replace(/[\s\-_'’‘]/g, '');
}

const codeMaps = new Map<Vocabulary, Map<string, string>>();

/** Every accepted spelling of a vocabulary's codes, keyed by codeKey (a clash is a programming error). */
function codeMap(vocabulary: Vocabulary): Map<string, string> {
  let map = codeMaps.get(vocabulary);
  if (map) return map;
  map = new Map();
  const labels = LABELS[vocabulary] as Record<string, Label>;
  const synonyms = (SYNONYMS[vocabulary] ?? {}) as Record<string, readonly string[]>;
  for (const [code, label] of Object.entries(labels)) {
    for (const name of [code, label.zh, label.en, ...(synonyms[code] ?? [])]) {
      const key = codeKey(name);
      const held = map.get(key);
      if (held !== undefined && held !== code) throw new Error(`${vocabulary}: "${name}" names both ${held} and ${code}`);
      map.set(key, code);
    }
  }
  codeMaps.set(vocabulary, map);
  return map;
}

/** Reads a coded value (giType, markKind, status, category, …) from its code, either label or a common synonym. */
export function readCode<V extends Vocabulary>(vocabulary: V, cell: Cell): CellResult<CodeOf<V> | null> {
  if (isEmptyCell(cell)) return ok(null);
  const code = typeof cell === 'string' ? lookUpCode(vocabulary, normalise(cell)) : undefined;
  if (code !== undefined) return ok(code as CodeOf<V>);
  return fail(...codeProblem(vocabulary, shownCell(cell)));
}

function lookUpCode(vocabulary: Vocabulary, text: string): string | undefined {
  const map = codeMap(vocabulary);
  const whole = map.get(codeKey(text));
  if (whole !== undefined) return whole;
  // "地理标志商标 (trademark)", as the problems and the template show the choices: both halves must agree.
  const halves = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (!halves) return undefined;
  const [outer, inner] = [map.get(codeKey(halves[1])), map.get(codeKey(halves[2]))];
  return outer !== undefined && outer === inner ? outer : undefined;
}

function codeProblem(vocabulary: Vocabulary, shown: string): [string, string] {
  const labels = Object.entries(LABELS[vocabulary] as Record<string, Label>);
  return [
    `无法识别"${shown}"。请填写：${labels.map(([, l]) => l.zh).join('、')}（或 ${labels.map(([c]) => c).join('、')}）`,
    `"${shown}" is not ${VOCABULARY_NAMES[vocabulary].en}. Write one of: ${labels.map(([c, l]) => `${l.zh} (${c})`).join(', ')}`,
  ];
}

// ---------------------------------------------------------------- counties

/** A county as the reader needs it (the `County` of the API fits). */
export interface CountyName { code: string; nameZh: string; nameEn: string }

/** What may stand before a county's name and adds nothing (山西省晋城市沁水县). */
const ADMIN_PREFIX = /^(?:山西省?)?(?:晋城市?)?/;
/** Suffixes a name may be written without: 沁水县 → 沁水, Qinshui County → Qinshui. */
const ZH_SUFFIX = /[县市区]$/;
const EN_SUFFIX = /\s+(?:county|district|city)$/i;

function countyKeys(counties: readonly CountyName[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const { code, nameZh, nameEn } of counties) {
    const zh = normalise(nameZh);
    const zhShort = zh.replace(ZH_SUFFIX, '');
    const en = normalise(nameEn);
    for (const name of [code, zh, zhShort.length >= 2 ? zhShort : '', en, en.replace(EN_SUFFIX, '')]) {
      if (name) keys.set(codeKey(name), code);
    }
  }
  return keys;
}

/** A name alone, or a run of Chinese names without separators (沁水县阳城县); undefined when any part is unknown. */
function matchCounties(text: string, keys: Map<string, string>): string[] | undefined {
  const whole = keys.get(codeKey(text)) ?? keys.get(codeKey(text.replace(ADMIN_PREFIX, '')));
  if (whole !== undefined) return [whole];
  if (!/^[\p{Script=Han}]+$/u.test(text)) return undefined;
  const found: string[] = [];
  let rest = text;
  while (rest) {
    rest = rest.replace(ADMIN_PREFIX, '') || rest;
    let match: string | undefined;
    for (let n = rest.length; n >= 2 && match === undefined; n--) {
      const code = keys.get(rest.slice(0, n));
      if (code !== undefined) { match = code; rest = rest.slice(n); }
    }
    if (match === undefined) return undefined;
    found.push(match);
  }
  return found;
}

/** Reads one or more counties by code or name (沁水县, 沁水, Qinshui, 140521), separated by ;，、/ or spaces. */
export function readCounties(cell: Cell, counties: readonly CountyName[]): CellResult<string[] | null> {
  if (isEmptyCell(cell)) return ok(null);
  if (typeof cell === 'boolean' || cell instanceof Date || (typeof cell === 'number' && !Number.isInteger(cell))) {
    return fail(...countyProblem([shownCell(cell)], counties));
  }
  const keys = countyKeys(counties);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const piece of normalise(String(cell)).split(/[;,、/]+/)) {
    const words = piece.split(' ').filter(Boolean);
    // Longest run of words first (names have at most three), so "Qinshui County" is one county and "沁水 阳城" two.
    for (let i = 0; i < words.length;) {
      let end = Math.min(words.length, i + 3);
      let found: string[] | undefined;
      while (end > i && !(found = matchCounties(words.slice(i, end).join(' '), keys))) end--;
      if (found) { codes.push(...found); i = end; } else { unknown.push(words[i]); i++; }
    }
  }
  if (unknown.length) return fail(...countyProblem(unknown, counties));
  if (!codes.length) return ok(null);
  return ok([...new Set(codes)]);
}

function countyProblem(unknown: string[], counties: readonly CountyName[]): [string, string] {
  const quoted = unknown.map((u) => `"${u}"`);
  return [
    `无法识别县（市、区）${quoted.join('、')}。请填写：${counties.map((c) => c.nameZh).join('、')}（或代码 ${counties.map((c) => c.code).join('、')}），多个之间用"、"或";"分开`,
    `${quoted.join(', ')} ${unknown.length > 1 ? 'are not counties' : 'is not a county'}. Write one or more of: ${counties.map((c) => `${c.nameZh} ${c.nameEn} (${c.code})`).join(', ')}, separated by "、" or ";"`,
  ];
}

// ---------------------------------------------------------------- dates

/** The ways a date may be written, by how precisely it is known (for the template's instructions too). */
export const DATE_FORMS = [
  { example: '2024-05-01', precision: 'day', zh: '年-月-日', en: 'year-month-day' },
  { example: '2024/5/1', precision: 'day', zh: '年/月/日', en: 'year/month/day' },
  { example: '2024.5.1', precision: 'day', zh: '年.月.日', en: 'year.month.day' },
  { example: '2024年5月1日', precision: 'day', zh: '中文年月日', en: 'in Chinese' },
  { example: '20240501', precision: 'day', zh: '八位数字', en: 'eight digits' },
  { example: '2024年5月', precision: 'month', zh: '只知道年月', en: 'only the month known' },
  { example: '2024-05', precision: 'month', zh: '只知道年月', en: 'only the month known' },
  { example: '2024/5', precision: 'month', zh: '只知道年月', en: 'only the month known' },
  { example: '2024年', precision: 'year', zh: '只知道年份', en: 'only the year known' },
  { example: '2024', precision: 'year', zh: '只知道年份', en: 'only the year known' },
] as const satisfies readonly { example: string; precision: 'day' | 'month' | 'year'; zh: string; en: string }[];

const examples = (precision: string, or: string) => {
  const list = DATE_FORMS.filter((f) => f.precision === precision).map((f) => f.example);
  return `${list.slice(0, -1).join(or === '或' ? '、' : ', ')} ${or} ${list.at(-1)}`;
};

/** How to write a date, in both languages: the end of every date problem and a line of the template. */
export const DATE_HELP: Label = {
  zh: `请填写：${examples('day', '或')}；只知道年月时填 ${examples('month', '或')}；只知道年份时填 ${examples('year', '或')}；也可以使用 Excel 的日期格式单元格`,
  en: `Write ${examples('day', 'or')}; when only the month is known, ${examples('month', 'or')}; when only the year is known, ${examples('year', 'or')}; or use a cell in Excel's date format`,
};

/** The earliest year a registry date may have (the People's Republic's registrations begin after 1949). */
export const EARLIEST_YEAR = 1949;
/** How many years ahead a date may lie when future dates are allowed (`validUntil`). */
const FUTURE_YEARS = 50;

/** Options of readDate: today's date (Asia/Shanghai by default), and what the column allows. */
export interface DateOptions {
  /** `YYYY-MM-DD`; the current year and the last Excel serial accepted follow from it. */
  today?: string;
  /** Accept dates up to 50 years ahead (`validUntil`), instead of none after the current year. */
  allowFuture?: boolean;
  /** Refuse a year or a month alone: the column is day-precise (`validUntil`, period dates). */
  needDay?: boolean;
}

const DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system as it counts after its phantom 1900-02-29 (serial 61 = 1900-03-01). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const TIME_OF_DAY = String.raw`(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const DAY_PATTERNS = [
  new RegExp(String.raw`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})${TIME_OF_DAY}$`),
  new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME_OF_DAY}$`),
  /^(\d{4})(\d{2})(\d{2})$/,
];
const MONTH_PATTERNS = [/^(\d{4})\s*[-/.]\s*(\d{1,2})$/, /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/];
const YEAR_PATTERN = /^(\d{4})(?:\s*年度?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');
/** The serial number Excel gives a UTC calendar day. */
const serialOf = (isoDay: string) => Math.round((Date.parse(`${isoDay}T00:00:00Z`) - EXCEL_EPOCH) / DAY);

/** Reads a date at the precision known (`2024`, `2024-05`, `2024-05-01`) from text, an Excel date or a serial. */
export function readDate(cell: Cell, options: DateOptions = {}): CellResult<PartialDate | null> {
  if (isEmptyCell(cell)) return ok(null);
  const today = options.today ?? todayInShanghai();
  const latestYear = Number(today.slice(0, 4)) + (options.allowFuture ? FUTURE_YEARS : 0);
  const shown = shownCell(cell);
  const problem = (zh: string, en: string) => fail(`${zh}。${DATE_HELP.zh}`, `${en}. ${DATE_HELP.en}`);
  const unrecognised = () => problem(`无法识别日期"${shown}"`, `"${shown}" is not a date`);

  let parts: [number, number?, number?] | undefined;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return unrecognised();
    parts = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
  } else if (typeof cell === 'number') {
    const read = dateOfNumber(cell, today, latestYear, options.allowFuture ?? false);
    if (read === 'ambiguous') {
      const year = Math.floor(cell);
      return problem(`"${shown}"被 Excel 存成了数字，看不出是 ${year}年1月 还是 ${year}年10月；请写成 ${year}-01 或 ${year}-10 这样的形式`,
        `Excel stored "${shown}" as a number, so it may mean January or October ${year}; write it like ${year}-01 or ${year}-10`);
    }
    if (read === 'out of range') {
      return problem(`数字 ${shown} 不是 ${EARLIEST_YEAR} 年到 ${latestYear} 年之间的日期`,
        `The number ${shown} is not a date between ${EARLIEST_YEAR} and ${latestYear}`);
    }
    if (!read) return unrecognised();
    parts = read;
  } else if (typeof cell === 'string') {
    parts = dateOfText(normalise(cell));
    if (!parts) return unrecognised();
  } else {
    return unrecognised();
  }

  const [year, month, day] = parts;
  if (month !== undefined && (month < 1 || month > 12)) {
    return problem(`"${shown}"不是有效日期：月份须在 1 到 12 之间`, `"${shown}" is not a real date: the month must be 1 to 12`);
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return problem(`"${shown}"不是有效日期：${year}年${month}月只有${daysInMonth(year, month)}天`,
      `"${shown}" is not a real date: ${year}-${pad(month)} has ${daysInMonth(year, month)} days`);
  }
  if (year < EARLIEST_YEAR || year > latestYear) {
    return problem(`"${shown}"的年份须在 ${EARLIEST_YEAR} 年到 ${latestYear} 年之间`,
      `The year of "${shown}" must be between ${EARLIEST_YEAR} and ${latestYear}`);
  }
  if (options.needDay && day === undefined) {
    return fail(`"${shown}"须写到具体哪一天。请写成 2024-05-01、2024/5/1 或 2024年5月1日 这样的日期`,
      `"${shown}" needs the exact day. Write it like 2024-05-01, 2024/5/1 or 2024年5月1日`);
  }
  if (month === undefined) return ok(String(year));
  return ok(day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`);
}

/** The parts of a date written as text in one of DATE_FORMS, or undefined. */
function dateOfText(text: string): [number, number?, number?] | undefined {
  for (const pattern of DAY_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  for (const pattern of MONTH_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  const m = YEAR_PATTERN.exec(text);
  return m ? [Number(m[1])] : undefined;
}

/**
 * A number cell as a date: a four-digit year (2024), eight digits (20240501), a year.month Excel made a
 * number of (2024.5), or an Excel serial (45413 = 2024-05-01; a fraction is the time of day).
 */
function dateOfNumber(n: number, today: string, latestYear: number, allowFuture: boolean):
  [number, number?, number?] | 'ambiguous' | 'out of range' | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (Number.isInteger(n) && n >= 1000 && n <= 9999) return [n];
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) return dateOfText(String(n));
  if (n >= 1000 && n < 10_000) {
    // "2024.10" typed into a General cell is stored as 2024.1: month 1 and month 10 look the same.
    const [, fraction = ''] = String(n).split('.');
    if (fraction === '1') return 'ambiguous';
    return fraction.length <= 2 ? dateOfText(String(n)) : undefined;
  }
  const serial = Math.floor(n);
  const last = allowFuture ? serialOf(`${latestYear}-12-31`) : serialOf(today) + 1;
  if (serial < serialOf(`${EARLIEST_YEAR}-01-01`) || serial > last) return 'out of range';
  const day = new Date(EXCEL_EPOCH + serial * DAY);
  return [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
}

// ---------------------------------------------------------------- text and numbers

/** Excel keeps 15 significant digits: a longer number has already lost its last digits. */
const EXCEL_DIGITS = 1e15;

/**
 * Reads a text cell: whitespace collapsed, at most `max` characters. Names keep their full-width
 * punctuation (沁水（端氏）山楂) unless `nfkc` is set, for numbers and codes (第１２号 → 第12号).
 * A number cell becomes its digits (12, not "12.0").
 */
export function readText(cell: Cell, { max, nfkc = false }: { max: number; nfkc?: boolean }): CellResult<string | null> {
  if (isEmptyCell(cell)) return ok(null);
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail(`无法识别"${shownCell(cell)}"。请填写文字`, `"${shownCell(cell)}" cannot be read. Write text`);
    if (Math.abs(cell) >= EXCEL_DIGITS) {
      return fail('这一格的数字超过 15 位，Excel 已把末几位变成了 0。请把这一列设为"文本"格式后重新输入',
        'This number has more than 15 digits, so Excel has already turned its last digits into 0. Format the column as Text and type the value again');
    }
    text = String(Number(cell.toPrecision(15)));
  } else if (cell instanceof Date) {
    return fail(`Excel 把这一格当成了日期（${shownCell(cell)}）。请把这一列设为"文本"格式后重新输入`,
      `Excel turned this cell into a date (${shownCell(cell)}). Format the column as Text and type the value again`);
  } else if (typeof cell === 'boolean') {
    return fail(`这一格是逻辑值 ${shownCell(cell)}。请填写文字`, `This cell holds the logical value ${shownCell(cell)}. Write text instead`);
  } else {
    text = nfkc ? normalise(String(cell)) : collapse(String(cell));
  }
  if (text.length > max) {
    return fail(`"${text.slice(0, 20)}…"太长：最多 ${max} 个字，现有 ${text.length} 个。请删减到 ${max} 个字以内`,
      `"${text.slice(0, 20)}…" is too long: at most ${max} characters, it has ${text.length}. Shorten it to ${max} characters or fewer`);
  }
  return ok(text);
}

/** Limits of readNumber. */
export interface NumberOptions { min?: number; max?: number; integer?: boolean }

/** Reads a number: a number cell, or digits with an optional sign, decimal point and thousands separators (1,200). */
export function readNumber(cell: Cell, { min, max, integer = false }: NumberOptions = {}): CellResult<number | null> {
  if (isEmptyCell(cell)) return ok(null);
  const shown = shownCell(cell);
  let n: number | undefined;
  if (typeof cell === 'number') n = Number.isFinite(cell) ? cell : undefined;
  else if (typeof cell === 'string') {
    const text = normalise(cell).replace(/(?<=\d)[, ](?=\d{3}(?!\d))/g, '');
    n = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
  }
  const example = integer ? '1200' : '1200 或 12.5';
  const exampleEn = integer ? '1200' : '1200 or 12.5';
  if (n === undefined) {
    return fail(`"${shown}"不是数字。请只填写数字，例如 ${example}（单位见列名）`,
      `"${shown}" is not a number. Write digits only, such as ${exampleEn} (the unit is in the column heading)`);
  }
  if (integer && !Number.isInteger(n)) return fail(`"${shown}"须为整数。请填写整数，例如 1200`, `"${shown}" is not a whole number. Write a whole number, such as 1200`);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const zh = max === undefined ? `不小于 ${min}` : min === undefined ? `不大于 ${max}` : `${min} 到 ${max} 之间`;
    const en = max === undefined ? `of at least ${min}` : min === undefined ? `of at most ${max}` : `between ${min} and ${max}`;
    return fail(`"${shown}"超出范围。请填写${zh} 的数字`, `"${shown}" is out of range. Write a number ${en}`);
  }
  return ok(n);
}
