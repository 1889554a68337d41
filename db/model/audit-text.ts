/**
 * The audit log as sentences people can read, in Chinese or English: a summary ("新建产品 沁水黄小米",
 * "将 沁水黄小米 的 地理标志商标 推进到 已获批") and one sentence per change ("状态：已申报 → 已获批（2024-05-01）").
 * Codes become their labels; nothing is ever shown as JSON. Shared by the pages and the XLSX export.
 */
import type { AuditEvent } from './accounts';
import { checklistName, conversionRefText, conversionSummary } from './audit-conversion';
import { decisionSummary } from './audit-decisions';
import { describeUsageReturnEvent, isUsageReturnAction } from './audit-returns';
import { scopeChanges } from './audit-scope';
import { SPECIFICATION_ACTIONS, specificationChanges, specificationSummary } from './audit-specification';
import { ACCOUNT_ROLE_NAMES, ACTION_NAMES, ENTITY_NAMES, FIELD_NAMES, WORDS, type AuditLang } from './audit-words';
import { LABELS, type Vocabulary } from './labels';
import { formatPartialDate } from './partial-date';
import { sourceKey, sourceText, type SourceValue } from './source-text';

export { ACTION_NAMES, ENTITY_NAMES, type AuditLang } from './audit-words';

/** Names the sentences need that the event does not carry. */
export interface AuditNames { counties: Record<string, { nameZh: string; nameEn: string }> }

/** An event told as a summary and its change sentences. */
export interface AuditText { summary: string; changes: string[] }

type Rec = Record<string, unknown>;
type Words = (typeof WORDS)[AuditLang];

/** Snapshot fields that say nothing about the change (or are told elsewhere in the sentence). */
const NOISE = new Set([
  'id', 'productId', 'createdAt', 'updatedAt', 'transitions', 'designations', 'participants', 'on', 'note', 'passwordChanged',
  'key', 'item', 'itemEn', 'into', 'conversionOf',
]);
/** Values a new record starts with that need no sentence. */
const DEFAULTS_ON_CREATE: Rec = { archived: false, active: true };
/** Longest free text quoted in a sentence. */
const MAX_TEXT = 80;
/** Statuses a designation is moved forward to (other moves are "changed to"). */
const FORWARD = new Set(['filed', 'published', 'granted']);

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const asRec = (v: unknown): Rec => (isRec(v) ? v : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const cut = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** A code's label in a vocabulary, or the code itself when it is truly unknown. */
function label(vocabulary: Vocabulary, code: unknown, lang: AuditLang): string {
  const entry = (LABELS[vocabulary] as Record<string, { zh: string; en: string }>)[String(code)];
  return entry ? entry[lang] : String(code);
}

/** Tells events in one language. */
class Teller {
  readonly w: Words;
  constructor(readonly lang: AuditLang, readonly names: AuditNames) { this.w = WORDS[lang]; }

  field(key: string): string { return FIELD_NAMES[key]?.[this.lang] ?? key; }
  list(items: string[]): string { return items.join(this.w.list); }
  num(n: unknown): string { return typeof n === 'number' ? n.toLocaleString(this.lang === 'en' ? 'en-US' : 'zh-CN') : String(n); }
  county(code: unknown): string {
    const c = this.names.counties[String(code)];
    return c ? (this.lang === 'en' ? c.nameEn : c.nameZh) : String(code);
  }
  line(key: string, before: string, after: string): string { return `${this.field(key)}${this.w.colon}${before}${this.w.arrow}${after}`; }

  /** A field's value as words ('—' when empty). */
  value(key: string, v: unknown): string {
    if (isEmpty(v)) return this.w.none;
    const w = this.w;
    switch (key) {
      case 'category': return label('category', v, this.lang);
      case 'visibility': return label(v === 'internal' ? 'documentVisibility' : 'visibility', v, this.lang);
      case 'kind': return label('documentKind', v, this.lang);
      case 'giType': return label('giType', v, this.lang);
      case 'markKind': return label('markKind', v, this.lang);
      case 'status': return label('status', v, this.lang);
      case 'dossierStatus': return label('dossierStatus', v, this.lang);
      case 'basis': return label('basis', v, this.lang);
      case 'authorizationStatus': return label('authorizationStatus', v, this.lang);
      case 'convertedFrom': case 'convertedTo': return conversionRefText(v, this.lang);
      case 'documents': return Array.isArray(v) ? this.w.items(v.length) : this.generic(v);
      case 'readiness': return typeof v === 'number' ? `${Math.round(v * 100)}%` : this.generic(v);
      case 'producerShare': case 'outputShare': return typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : this.generic(v);
      case 'counties': return Array.isArray(v) ? this.list(v.map((c) => this.county(c))) : this.county(v);
      case 'county': return this.county(v);
      case 'role': return (ACCOUNT_ROLE_NAMES as Record<string, { zh: string; en: string }>)[String(v)]?.[this.lang] ?? String(v);
      case 'active': return v === true ? w.active : w.inactive;
      case 'locations': return this.locations(v);
      case 'protectedArea': return this.area(v);
      case 'sources': return Array.isArray(v) ? w.items(v.length) : this.generic(v);
      default: return this.generic(v);
    }
  }

  generic(v: unknown): string {
    if (typeof v === 'string') return cut(v);
    if (typeof v === 'number') return this.num(v);
    if (typeof v === 'boolean') return v ? this.w.yes : this.w.no;
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string' || typeof x === 'number') ? cut(this.list(v.map(String))) : this.w.items(v.length);
    return '…';
  }

  locations(v: unknown): string {
    if (!Array.isArray(v)) return this.generic(v);
    const labels = v.map((l) => str(asRec(l).label)).filter((l): l is string => l !== null);
    return this.w.places(v.length) + (labels.length ? `${this.w.open}${cut(this.list(labels))}${this.w.close}` : '');
  }

  area(v: unknown): string {
    const a = asRec(v);
    const text = str(a.text);
    const geometry = asRec(a.geometry);
    const count = (c: unknown): number => (Array.isArray(c) ? (typeof c[0] === 'number' ? 1 : c.reduce((n: number, x) => n + count(x), 0)) : 0);
    const parts = [text ? cut(text) : null, a.geometry ? this.w.polygon(count(geometry.coordinates)) : null].filter(Boolean);
    return parts.length ? parts.join(this.lang === 'en' ? ', ' : '，') : this.w.none;
  }

  /** Sentences for the fields that differ between two snapshots (every filled field of a creation). */
  fields(before: Rec, after: Rec, creating: boolean): string[] {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOISE.has(k));
    const out: string[] = [];
    for (const key of keys) {
      if (creating && (isEmpty(after[key]) || DEFAULTS_ON_CREATE[key] === after[key])) continue;
      if (key === 'targets') { out.push(...this.targets(before.targets, after.targets)); continue; }
      if (key === 'checklist') { out.push(...this.checklist(before.checklist, after.checklist)); continue; }
      let b = this.value(key, before[key]);
      let a = this.value(key, after[key]);
      if (key === 'sources') ({ b, a } = this.sources(before.sources, after.sources, b, a));
      if (key === 'status') {
        const on = str(after.on) ?? str(asRec(Array.isArray(after.transitions) ? after.transitions.at(-1) : null).on);
        if (on) a += `${this.w.open}${formatPartialDate(on, this.lang)}${this.w.close}`;
      }
      if (b !== a || JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push(this.line(key, b, a));
    }
    if (str(after.note)) out.push(`${this.field('note')}${this.w.colon}${cut(after.note as string)}`);
    if (after.passwordChanged === true) out.push(`${this.field('passwordChanged')}${this.w.colon}${this.w.passwordReset}`);
    return out;
  }

  /** The sources added, as `标题 <https://…>` (older events hold sources as plain texts). */
  sources(before: unknown, after: unknown, b: string, a: string) {
    const asSource = (s: unknown): SourceValue => (typeof s === 'string' ? { title: s, url: null }
      : { title: str(asRec(s).title), url: str(asRec(s).url) });
    const old = new Set((Array.isArray(before) ? before : []).map((s) => sourceKey(asSource(s))));
    const added = (Array.isArray(after) ? after : []).map(asSource).filter((s) => !old.has(sourceKey(s))).map(sourceText);
    return { b, a: added.length && b !== this.w.none ? `${a}${this.w.open}${this.w.added}${this.w.colon}${cut(this.list(added))}${this.w.close}` : a };
  }

  targets(before: unknown, after: unknown): string[] {
    const byType = (v: unknown) => new Map((Array.isArray(v) ? v : []).map((x) => [String(asRec(x).giType), asRec(x)]));
    const b = byType(before);
    const a = byType(after);
    const show = (x: Rec | undefined) => (x ? this.w.target(Number(x.baseline), Number(x.target)) : this.w.none);
    return [...new Set([...b.keys(), ...a.keys()])]
      .filter((type) => show(b.get(type)) !== show(a.get(type)))
      .map((type) => `${this.field('targets')}${this.w.open}${label('giType', type, this.lang)}${this.w.close}${this.w.colon}${show(b.get(type))}${this.w.arrow}${show(a.get(type))}`);
  }

  /** Items added to, removed from or renamed in a dossier checklist. */
  checklist(before: unknown, after: unknown): string[] {
    const byKey = (v: unknown) => new Map((Array.isArray(v) ? v : []).map((x) => [String(asRec(x).key), asRec(x)]));
    const b = byKey(before);
    const a = byKey(after);
    const title = (x: Rec) => String((this.lang === 'en' && str(x.titleEn)) || x.titleZh);
    const head = `${this.field('checklist')}${this.w.colon}`;
    const out: string[] = [];
    for (const [k, x] of a) {
      const old = b.get(k);
      if (!old) out.push(`${head}${this.w.added} ${title(x)}`);
      else if (title(old) !== title(x)) out.push(`${head}${this.w.changed} ${title(old)}${this.w.arrow}${title(x)}`);
    }
    for (const [k, x] of b) if (!a.has(k)) out.push(`${head}${this.w.removed} ${title(x)}`);
    if (out.length === 0 && JSON.stringify([...b.keys()]) !== JSON.stringify([...a.keys()])) out.push(`${head}${this.w.reordered}`);
    return out;
  }

  /** Who joined, left or changed in the cooperative-farmer model. */
  participants(before: unknown, after: unknown): string[] {
    const b = (Array.isArray(before) ? before : []).map(asRec);
    const a = (Array.isArray(after) ? after : []).map(asRec);
    const key = (p: Rec) => `${String(p.role)}|${str(p.name) ?? ''}`;
    const unmatched = [...b];
    const out: string[] = [];
    const head = `${this.field('participants')}${this.w.colon}`;
    for (const p of a) {
      const i = unmatched.findIndex((q) => key(q) === key(p));
      if (i < 0) { out.push(`${head}${this.w.added} ${this.who(p)}${this.details(p, true)}`); continue; }
      const [old] = unmatched.splice(i, 1);
      const diffs = DETAIL_KEYS.filter((k) => old[k] !== p[k])
        .map((k) => `${this.detail(k, old[k]) ?? this.w.none}${this.w.arrow}${this.detail(k, p[k]) ?? this.w.none}`);
      if (diffs.length) out.push(`${head}${this.w.changed} ${this.who(p)}${this.w.open}${diffs.join(this.w.semi)}${this.w.close}`);
    }
    for (const p of unmatched) out.push(`${head}${this.w.removed} ${this.who(p)}${this.details(p, false)}`);
    if (out.length === 0 && JSON.stringify(b) !== JSON.stringify(a)) out.push(`${head}${this.w.reordered}`);
    return out;
  }

  /** The years of the industry figures added, removed or changed (a figure, the note, the number of sources). */
  figures(before: unknown, after: unknown): string[] {
    const byYear = (v: unknown) => new Map((Array.isArray(v) ? v : []).map(asRec).map((f) => [Number(f.year), f]));
    const b = byYear(before);
    const a = byYear(after);
    const head = `${this.field('figures')}${this.w.colon}`;
    const year = (y: number) => this.w.year(String(y));
    const sources = (f: Rec) => (Array.isArray(f.sources) ? f.sources.length : 0);
    const out: string[] = [];
    for (const [y, f] of [...a].sort(([x], [z]) => x - z)) {
      const old = b.get(y);
      if (!old) {
        const known = FIGURE_KEYS.map((k) => this.detail(k, f[k])).filter((x): x is string => x !== null);
        out.push(`${head}${this.w.added} ${year(y)}${known.length ? `${this.w.open}${known.join(this.lang === 'en' ? ', ' : '，')}${this.w.close}` : ''}`);
        continue;
      }
      const diffs = FIGURE_KEYS.filter((k) => (old[k] ?? null) !== (f[k] ?? null))
        .map((k) => `${this.detail(k, old[k]) ?? this.w.none}${this.w.arrow}${this.detail(k, f[k]) ?? this.w.none}`);
      if ((old.note ?? '') !== (f.note ?? '')) diffs.push(this.w.noteChanged);
      if (JSON.stringify(old.sources ?? []) !== JSON.stringify(f.sources ?? [])) {
        diffs.push(`${this.w.sourceCount(sources(old))}${this.w.arrow}${this.w.sourceCount(sources(f))}`);
      }
      if (diffs.length) out.push(`${head}${this.w.changed} ${year(y)}${this.w.open}${diffs.join(this.w.semi)}${this.w.close}`);
    }
    for (const y of [...b.keys()].filter((y) => !a.has(y)).sort((x, z) => x - z)) out.push(`${head}${this.w.removed} ${year(y)}`);
    return out;
  }

  who(p: Rec): string { return str(p.name) ?? label('role', p.role, this.lang); }

  detail(k: (typeof DETAIL_KEYS)[number] | (typeof FIGURE_KEYS)[number], v: unknown): string | null {
    if (v === null || v === undefined || v === '') return null;
    if (k === 'creditCode') return this.w.creditCode(String(v));
    const n = this.num(v);
    if (k === 'yieldKgPerMu') return this.w.yield(n);
    return k === 'households' ? this.w.households(n) : k === 'areaMu' ? this.w.area(n) : k === 'outputTonnes' ? this.w.output(n) : this.w.value(n);
  }

  details(p: Rec, full: boolean): string {
    const parts = [str(p.name) ? label('role', p.role, this.lang) : null, ...(full ? DETAIL_KEYS.map((k) => this.detail(k, p[k])) : [])]
      .filter((x): x is string => x !== null);
    return parts.length ? `${this.w.open}${parts.join(this.lang === 'en' ? ', ' : '，')}${this.w.close}` : '';
  }
}

const DETAIL_KEYS = ['households', 'areaMu', 'outputTonnes', 'valueWanYuan', 'creditCode'] as const;
const FIGURE_KEYS = ['households', 'areaMu', 'yieldKgPerMu', 'outputTonnes', 'valueWanYuan'] as const;

/** The name an event is about: its subject's, else the snapshot's, else "#id". */
function nameOf(event: AuditEvent, lang: AuditLang, key: 'nameZh' | 'name' | 'username'): string {
  const before = asRec(event.before);
  const after = asRec(event.after);
  const subject = event.subject;
  if (subject?.name) return (lang === 'en' && subject.nameEn) || subject.name;
  if (key === 'nameZh') {
    const en = lang === 'en' ? str(after.nameEn) ?? str(before.nameEn) : null;
    const zh = str(after.nameZh) ?? str(before.nameZh);
    if (en || zh) return (en ?? zh)!;
  } else {
    // A period's snapshot holds its English name beside its Chinese one.
    const en = lang === 'en' && key === 'name' ? str(after.nameEn) ?? str(before.nameEn) : null;
    const n = en ?? str(after[key]) ?? str(before[key]);
    if (n) return n;
  }
  return `#${event.entityId}`;
}

function summaryOf(event: AuditEvent, lang: AuditLang, tell: Teller): string {
  const zh = lang === 'zh';
  const after = asRec(event.after);
  const action = event.action;
  if (event.entity === 'designation') {
    const giType = event.subject?.giType ?? str(after.giType);
    const type = giType ? label('giType', giType, lang) : zh ? '地理标志' : 'designation';
    const product = event.subject?.name ? nameOf(event, lang, 'nameZh') : null;
    const of = () => (zh ? (product ? `${product} 的 ${type}` : type) : product ? `the ${type} of ${product}` : giType ? `the ${type}` : 'a designation');
    if (action === 'create') return zh ? `${product ? `为 ${product} ` : ''}新建 ${type}` : `Started ${type}${product ? ` for ${product}` : ''}`;
    if (action === 'transition') {
      const to = tell.value('status', after.status);
      return zh ? `将 ${of()} ${FORWARD.has(String(after.status)) ? '推进到' : '变更为'} ${to}` : `Moved ${of()} to ${to}`;
    }
    if (action === 'update') return zh ? `修改 ${of()}` : `Changed ${of()}`;
    if (action === 'dossier_item') {
      const item = (zh ? str(after.item) : str(after.itemEn) ?? str(after.item)) ?? '';
      return zh ? `更新 ${of()} 的申报材料「${item}」` : `Updated the dossier item “${item}” of ${of()}`;
    }
    if (action === 'authorized_user_add' || action === 'authorized_user_update') {
      const who = str(after.name) ?? '';
      const decided = action === 'authorized_user_update' ? decisionSummary(asRec(event.before), after, who, of(), lang) : null;
      if (decided) return decided;
      return action === 'authorized_user_add'
        ? (zh ? `为 ${of()} 添加用标企业 ${who}` : `Added ${who} as an authorised user of ${of()}`)
        : (zh ? `修改 ${of()} 的用标企业 ${who}` : `Changed the authorised user ${who} of ${of()}`);
    }
    if (action === 'dossier_template_accept') return zh ? `${of()} 的申报材料采用新版清单` : `The dossier of ${of()} took the new checklist`;
    if (action === 'scope_replace') return zh ? `更新 ${of()} 的保护范围` : `Updated the protected area of ${of()}`;
    if (action === 'scope_delete') return zh ? `删除 ${of()} 的保护范围` : `Removed the protected area of ${of()}`;
    if (SPECIFICATION_ACTIONS.has(action)) return specificationSummary(action, of(), event.before, event.after, lang);
    if (action === 'conversion') return conversionSummary(of(), event.after, lang);
  }
  if (event.entity === 'dossier_template') {
    const type = checklistName(str(after.giType) ?? str(asRec(event.before).giType), lang);
    return zh ? `修改 ${type} 的申报材料清单` : `Changed the dossier checklist of the ${type}`;
  }
  if (event.entity === 'report_settings') return zh ? '修改年度报告发布单位' : 'Changed the issuer of the annual report';
  if (event.entity === 'readiness_settings') return zh ? '修改地理标志保护示范区条件门槛' : 'Changed the demonstration-zone thresholds';
  const entity = ENTITY_NAMES[event.entity][lang];
  const name = nameOf(event, lang, event.entity === 'product' ? 'nameZh' : event.entity === 'user' ? 'username' : 'name');
  if (action === 'replace_participants') return zh ? `更新 ${name} 的产业化经营模式` : `Updated the cooperative-farmer model of ${name}`;
  if (action === 'replace_figures') return zh ? `更新 ${name} 的产业数据（年度）` : `Updated the yearly industry figures of ${name}`;
  if (DOCUMENT_ACTIONS.has(action)) return documentSummary(event, name, lang);
  const verb = (ACTION_NAMES as Record<string, { zh: string; en: string }>)[action]?.[lang] ?? action;
  return zh ? `${verb}${entity} ${name}` : `${verb} ${entity} ${name}`;
}

/** The actions on a product's files (documents and photos). */
const DOCUMENT_ACTIONS = new Set(['document_add', 'document_update', 'document_delete']);

/** "为 沁水蜂蜜 添加文件：质量技术要求/管理规则《…》" / "Added a file to …: Specification / rules of use “…”". */
function documentSummary(event: AuditEvent, product: string, lang: AuditLang): string {
  const file = asRec(event.action === 'document_delete' ? event.before : event.after);
  const kind = label('documentKind', file.kind, lang);
  const title = cut(str(file.title) ?? '');
  const zh = { document_add: `为 ${product} 添加文件`, document_update: `修改 ${product} 的文件`, document_delete: `删除 ${product} 的文件` };
  const en = { document_add: `Added a file to ${product}`, document_update: `Changed a file of ${product}`, document_delete: `Deleted a file of ${product}` };
  const action = event.action as keyof typeof zh;
  return lang === 'zh' ? `${zh[action]}：${kind}《${title}》` : `${en[action]}: ${kind} “${title}”`;
}

/** An audit event as a summary and change sentences in one language; never JSON, never a known code. */
export function describeAuditEvent(event: AuditEvent, lang: AuditLang, names: AuditNames): AuditText {
  if (isUsageReturnAction(event.action)) return describeUsageReturnEvent(event, lang);
  const tell = new Teller(lang, names);
  const summary = summaryOf(event, lang, tell);
  if (event.action === 'archive' || event.action === 'restore' || event.action === 'document_delete') return { summary, changes: [] };
  if (event.action === 'replace_participants') return { summary, changes: tell.participants(event.before, event.after) };
  if (event.action === 'replace_figures') return { summary, changes: tell.figures(event.before, event.after) };
  if (event.action === 'scope_replace' || event.action === 'scope_delete') return { summary, changes: scopeChanges(event.before, event.after, lang) };
  if (SPECIFICATION_ACTIONS.has(event.action)) return { summary, changes: specificationChanges(event.before, event.after, lang) };
  return { summary, changes: tell.fields(asRec(event.before), asRec(event.after), event.before === null || event.before === undefined) };
}
