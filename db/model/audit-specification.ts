/**
 * The history's sentences about a designation's specification (actions `specification_add`, `_update`,
 * `_delete`): the summary names the version ("高平大黄梨 的 地理标志保护产品的质量技术要求新增版本 DB14/T 2361-2021"),
 * and one sentence per field set or changed. Snapshots hold the fields and the document's title
 * (server/domain/designations/specifications.ts).
 */
import { WORDS, type AuditLang } from './audit-words';
import { formatPartialDate } from './partial-date';
import { specificationLabel } from './specifications';

type Rec = Record<string, unknown>;

/** Longest text quoted in a sentence. */
const MAX = 80;
const cut = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);
const asRec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The actions told here. */
export const SPECIFICATION_ACTIONS = new Set(['specification_add', 'specification_update', 'specification_delete']);

/** The snapshot's fields in the order they are told, with their names. */
const FIELDS = {
  number: { zh: '编号', en: 'Number' },
  title: { zh: '名称', en: 'Title' },
  version: { zh: '版本', en: 'Version' },
  issuedOn: { zh: '发布日期', en: 'Issued on' },
  url: { zh: '链接', en: 'Link' },
  document: { zh: '文件', en: 'Document' },
  note: { zh: '说明', en: 'Note' },
} as const;

/** The version an event is about, named by its number and version (else its title). */
function labelOf(before: unknown, after: unknown): string {
  const s = asRec(after ?? before);
  return specificationLabel({ number: str(s.number), version: str(s.version), title: str(s.title) ?? '' });
}

/** The summary of a specification event; `of` names the designation ("高平大黄梨 的 地理标志保护产品"). */
export function specificationSummary(action: string, of: string, before: unknown, after: unknown, lang: AuditLang): string {
  const label = labelOf(before, after);
  const zh = lang === 'zh';
  if (action === 'specification_add') return zh ? `${of}的质量技术要求新增版本 ${label}` : `Added version ${label} to the specification of ${of}`;
  if (action === 'specification_delete') return zh ? `删除 ${of}的质量技术要求版本 ${label}` : `Removed the specification version ${label} of ${of}`;
  return zh ? `修改 ${of}的质量技术要求 ${label}` : `Changed the specification ${label} of ${of}`;
}

/** One sentence per field a new version has, or per field an edit changed (none for a removal). */
export function specificationChanges(before: unknown, after: unknown, lang: AuditLang): string[] {
  if (after === null || after === undefined) return [];
  const w = WORDS[lang];
  const b = asRec(before);
  const a = asRec(after);
  const show = (key: keyof typeof FIELDS, v: unknown) => {
    const s = str(v);
    if (s === null) return w.none;
    return key === 'issuedOn' ? formatPartialDate(s, lang) : cut(s);
  };
  const out: string[] = [];
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const name = `${FIELDS[key][lang]}${w.colon}`;
    if (before === null || before === undefined) {
      if (str(a[key]) !== null) out.push(`${name}${show(key, a[key])}`);
    } else if (show(key, b[key]) !== show(key, a[key])) {
      out.push(`${name}${show(key, b[key])}${w.arrow}${show(key, a[key])}`);
    }
  }
  return out;
}
