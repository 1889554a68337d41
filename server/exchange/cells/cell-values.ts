/**
 * Spreadsheet cells, written the way county officials write them, read into the registry's values — or
 * into a problem in both languages that says what is wrong and what to write instead (DESIGN.md
 * "Spreadsheets: the officials' front door"). Pure: no database, no clock unless `today` is left out.
 *
 * Every reader answers `null` for an empty cell ("no value"); `required` turns that into a problem.
 */
import { LABELS, type Label, type Vocabulary } from '../../../db/model/labels';

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
  documentKind: { zh: '文件类别', en: 'a kind of file' },
  documentVisibility: { zh: '文件公开范围', en: 'a file visibility' },
  dossierStatus: { zh: '申报材料状态', en: 'a dossier item status' },
  basis: { zh: '用标依据', en: 'a basis of use' },
  authorizationStatus: { zh: '用标状态', en: 'an authorisation status' },
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

