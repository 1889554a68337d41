/**
 * Coded cells (GI type, mark kind, status, category, basis…) read from what officials write: the code,
 * either label, or a term seen in county lists and official notices — or a problem listing the choices.
 */
import { LABELS, type Label, type Vocabulary } from '../../../db/model/labels';
import { fail, isEmptyCell, normalise, ok, shownCell, type Cell, type CellResult } from './cell-values';

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
export function codeKey(text: string): string {
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
