/**
 * The history's sentences about yearly usage returns and their links: a summary with the figures and
 * where the return stands ("沁水县蜜源蜂业 2025 年度用标报告：用标 120 吨，产量 150 吨，已接受（县级录入）")
 * and one sentence per field changed. Snapshots are written by server/domain/marks/usage-returns.ts and
 * return-links.ts: the user's name, the year, the figures, `returnStatus`, `via` and `reviewNote`.
 */
import type { AuditEvent } from './accounts';
import { WORDS, type AuditLang } from './audit-words';
import { todayInShanghai } from './partial-date';

type Rec = Record<string, unknown>;

/** The audited actions on returns and links. */
export const USAGE_RETURN_ACTIONS = ['usage_return_enter', 'usage_return_submit', 'usage_return_review', 'return_link_issue'] as const;

/** Whether an audited action is about a usage return or its link. */
export function isUsageReturnAction(action: string): boolean {
  return (USAGE_RETURN_ACTIONS as readonly string[]).includes(action);
}

const asRec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const num = (v: unknown, lang: AuditLang) => (typeof v === 'number' ? v.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN') : null);
const MAX = 80;
const cut = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** Field names and words of the sentences. */
const NAMES: Record<string, { zh: string; en: string }> = {
  markedTonnes: { zh: '用标数量', en: 'Marked volume' },
  outputTonnes: { zh: '产量', en: 'Output' },
  marksPrinted: { zh: '印制标志', en: 'Marks printed' },
  channels: { zh: '销售渠道', en: 'Channels' },
  note: { zh: '说明', en: 'Note' },
  returnStatus: { zh: '报告状态', en: 'Return' },
  reviewNote: { zh: '审核意见', en: 'Review note' },
};
const STATUS = {
  submitted: { zh: '已提交', en: 'submitted' },
  accepted: { zh: '已接受', en: 'accepted' },
  returned: { zh: '已退回', en: 'returned' },
} as const;
const VIA = {
  county: { zh: '县级录入', en: 'entered by the county' },
  import: { zh: '批量导入', en: 'imported' },
  link: { zh: '企业通过填报链接', en: 'by the company through its link' },
} as const;

/** A figure of a return in words ("120 吨" / "120 t"), null when not given. */
function figure(key: string, v: unknown, lang: AuditLang): string | null {
  const n = num(v, lang);
  if (key === 'markedTonnes' || key === 'outputTonnes') return n === null ? null : lang === 'zh' ? `${n} 吨` : `${n} t`;
  if (key === 'marksPrinted') return n === null ? null : lang === 'zh' ? `${n} 枚` : n;
  if (key === 'channels') return Array.isArray(v) && v.length ? cut(v.map(String).join(WORDS[lang].list)) : null;
  if (key === 'returnStatus') return STATUS[v as keyof typeof STATUS]?.[lang] ?? null;
  return typeof v === 'string' && v !== '' ? cut(v) : null;
}

/** "用标 120 吨，产量 150 吨，印制标志 20,000 枚，渠道：线上、商超" / "120 t marked, output 150 t, …". */
function facts(r: Rec, lang: AuditLang): string {
  const zh = lang === 'zh';
  const parts = [
    figure('markedTonnes', r.markedTonnes, lang) && (zh ? `用标 ${figure('markedTonnes', r.markedTonnes, lang)}` : `${figure('markedTonnes', r.markedTonnes, lang)} marked`),
    figure('outputTonnes', r.outputTonnes, lang) && (zh ? `产量 ${figure('outputTonnes', r.outputTonnes, lang)}` : `output ${figure('outputTonnes', r.outputTonnes, lang)}`),
    figure('marksPrinted', r.marksPrinted, lang) && (zh ? `印制标志 ${figure('marksPrinted', r.marksPrinted, lang)}` : `${figure('marksPrinted', r.marksPrinted, lang)} marks printed`),
    figure('channels', r.channels, lang) && (zh ? `渠道：${figure('channels', r.channels, lang)}` : `channels: ${figure('channels', r.channels, lang)}`),
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return zh ? '未填写数量' : 'no figures given';
  return parts.join(zh ? '，' : ', ');
}

/** The summary of a return or link event. */
function summary(event: AuditEvent, lang: AuditLang): string {
  const zh = lang === 'zh';
  const b = asRec(event.before);
  const a = asRec(event.after);
  const name = String(a.name ?? b.name ?? `#${event.entityId}`);
  const year = String(a.year ?? b.year ?? '');
  if (event.action === 'return_link_issue') {
    const until = typeof a.expiresAt === 'string' ? todayInShanghai(new Date(a.expiresAt)) : '—';
    return zh ? `为 ${name} 发放 ${year} 年度用标报告填报链接，有效至 ${until}` : `Issued ${name} a link for its ${year} usage return, valid until ${until}`;
  }
  const head = zh ? `${name} ${year} 年度用标报告：${facts(a, lang)}` : `${name}, usage return for ${year}: ${facts(a, lang)}`;
  const status = STATUS[a.returnStatus as keyof typeof STATUS]?.[lang] ?? String(a.returnStatus ?? '');
  const via = VIA[a.via as keyof typeof VIA]?.[lang];
  const sep = zh ? '，' : '; ';
  if (event.action === 'usage_return_review' && a.returnStatus === 'returned') {
    const note = typeof a.reviewNote === 'string' && a.reviewNote ? cut(a.reviewNote) : '';
    return `${head}${sep}${status}${note ? (zh ? `（${note}）` : ` (${note})`) : ''}`;
  }
  if (event.action === 'usage_return_review' || !via) return `${head}${sep}${status}`;
  return `${head}${sep}${status}${zh ? `（${via}）` : ` (${via})`}`;
}

/** One sentence per field that differs between the return before and after (none for a new return or a link). */
function changes(event: AuditEvent, lang: AuditLang): string[] {
  if (event.action === 'return_link_issue' || event.before === null || event.before === undefined) return [];
  const w = WORDS[lang];
  const b = asRec(event.before);
  const a = asRec(event.after);
  return Object.keys(NAMES)
    .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
    .map((key) => `${NAMES[key][lang]}${w.colon}${figure(key, b[key], lang) ?? w.none}${w.arrow}${figure(key, a[key], lang) ?? w.none}`);
}

/** A return or link event as its summary and change sentences in one language. */
export function describeUsageReturnEvent(event: AuditEvent, lang: AuditLang): { summary: string; changes: string[] } {
  return { summary: summary(event, lang), changes: changes(event, lang) };
}
