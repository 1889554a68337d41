/**
 * The history's sentences about a designation's protected area (actions `scope_replace`, `scope_delete`):
 * the townships and villages added and removed ("保护范围：新增 140521100000 中村镇"), the text, date, source
 * and box changed. Snapshots hold units as "code name" (server/domain/designations/scope-write.ts).
 */
import { FIELD_NAMES, WORDS, type AuditLang } from './audit-words';
import { formatPartialDate } from './partial-date';
import { sourceText, type SourceValue } from './source-text';

type Rec = Record<string, unknown>;

/** Longest text or list quoted in a sentence. */
const MAX = 80;
const cut = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);
const asRec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function box(v: unknown, lang: AuditLang): string | null {
  const b = asRec(v);
  if (typeof b.west !== 'number') return null;
  return lang === 'zh' ? `东经 ${b.west}–${b.east}，北纬 ${b.south}–${b.north}` : `${b.west}–${b.east} E, ${b.south}–${b.north} N`;
}

/** The change sentences of a scope event, from its before and after snapshots (null: none kept). */
export function scopeChanges(before: unknown, after: unknown, lang: AuditLang): string[] {
  const w = WORDS[lang];
  const b = asRec(before);
  const a = asRec(after);
  const field = (key: string) => `${FIELD_NAMES[key][lang]}${w.colon}`;
  const out: string[] = [];
  const was = list(b.scopeUnits);
  const now = list(a.scopeUnits);
  const added = now.filter((u) => !was.includes(u));
  const removed = was.filter((u) => !now.includes(u));
  if (added.length) out.push(`${field('scopeUnits')}${w.added} ${cut(added.join(w.list))}`);
  if (removed.length) out.push(`${field('scopeUnits')}${w.removed} ${cut(removed.join(w.list))}`);
  const show = {
    text: (v: unknown) => (typeof v === 'string' && v ? cut(v) : w.none),
    announcedOn: (v: unknown) => (typeof v === 'string' && v ? formatPartialDate(v, lang) : w.none),
    source: (v: unknown) => (v && typeof v === 'object' ? sourceText(v as SourceValue) : w.none),
    box: (v: unknown) => box(v, lang) ?? w.none,
  };
  for (const [key, label] of [['text', 'scopeText'], ['announcedOn', 'announcedOn'], ['source', 'source'], ['box', 'box']] as const) {
    const x = show[key](b[key]);
    const y = show[key](a[key]);
    if (x !== y) out.push(`${field(label)}${x}${w.arrow}${y}`);
  }
  return out;
}
