/**
 * The public changes as an Atom 1.0 feed (RFC 4287): products made public, status moves of public
 * products, conversions of their GIs (one entry each: the grant it records is told by it) and new
 * authorised users of their marks, newest first, read from the audit log and told with the registry's names as they
 * are now. A product that is public with no recorded change making it so (loaded by the seeds, which
 * write no history) was made public when it entered the registry, and is an entry from that time.
 * Only products that are public and not archived appear; account names never do.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { formatPartialDate, LABELS, precisionOf, type AuthorizationBasis, type GiType, type Status } from '../../../db/model';
import * as t from '../../../db/schema';
import { publishedProducts } from '../../domain/access/permissions';

/** How many entries the feed carries. */
export const FEED_ENTRIES = 100;

/** The feed's media type. */
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** Where the feed is and where product pages are, relative to the site's root. */
export const FEED_PATH = '/api/feed.atom';

/** One change in the feed, before it is written as XML. */
export interface FeedEntry {
  /** The audit entry it comes from (null: a product public since it entered the registry, with no entry). */
  auditId: number | null;
  /** When it was recorded (RFC 3339, UTC). */
  at: string;
  kind: 'published' | 'status' | 'authorized_user' | 'conversion';
  productId: number;
  nameZh: string;
  nameEn: string | null;
  counties: { nameZh: string; nameEn: string }[];
  /** For a status move: the designation's type, the new status and the day it took effect (as recorded). */
  giType?: GiType;
  status?: Status;
  on?: string | null;
  /** For a new authorised user: the enterprise, its basis and the day it may start using the mark. */
  user?: { name: string; basis: AuthorizationBasis; from: string };
  /** For a conversion (`giType` and `on` are the converted designation's and the day): the type it became and its announcement. */
  into?: { giType: GiType; announcement: string | null };
}

const e = t.auditEvents;
/** Public and not archived: the one rule of what the public sees (permissions.ts). */
const published = publishedProducts();
/** An audit entry that made a product public: created public, or changed from draft to public. */
const makesPublic = and(eq(e.entity, 'product'), sql`json_extract(${e.after}, '$.visibility') = 'public'`, or(
  eq(e.action, 'create'),
  and(eq(e.action, 'update'), sql`coalesce(json_extract(${e.before}, '$.visibility'), '') <> 'public'`),
));

/** The newest public changes (at most `limit`), newest first. */
export function feedEntries(db: Db, limit = FEED_ENTRIES): FeedEntry[] {
  // A product became public: created public, or changed from draft to public.
  const becamePublic = db.select({ auditId: e.id, at: e.at, productId: t.products.id })
    .from(e).innerJoin(t.products, eq(t.products.id, e.entityId))
    .where(and(makesPublic, published))
    .orderBy(desc(e.id)).limit(limit).all();
  // A designation of a public product started (cultivating) or moved to another status.
  const moved = db.select({
    auditId: e.id, at: e.at, action: e.action, after: e.after, productId: t.products.id, giType: t.designations.giType,
  })
    .from(e).innerJoin(t.designations, eq(t.designations.id, e.entityId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(eq(e.entity, 'designation'), inArray(e.action, ['create', 'transition']), published,
      // The grant a conversion records is told by the conversion's own entry.
      sql`json_extract(${e.after}, '$.conversionOf') IS NULL`))
    .orderBy(desc(e.id)).limit(limit).all();

  // A designation of a public product was converted into another type (统一认定).
  const conversions = db.select({ auditId: e.id, at: e.at, after: e.after, productId: t.products.id, giType: t.designations.giType })
    .from(e).innerJoin(t.designations, eq(t.designations.id, e.entityId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(eq(e.entity, 'designation'), eq(e.action, 'conversion'), published))
    .orderBy(desc(e.id)).limit(limit).all();

  // An authorised user was added to a designation of a public product.
  const users = db.select({ auditId: e.id, at: e.at, after: e.after, productId: t.products.id, giType: t.designations.giType })
    .from(e).innerJoin(t.designations, eq(t.designations.id, e.entityId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(eq(e.entity, 'designation'), eq(e.action, 'authorized_user_add'), published))
    .orderBy(desc(e.id)).limit(limit).all();

  const recorded = [
    ...becamePublic.map((r) => ({ ...r, kind: 'published' as const })),
    ...moved.map((r) => ({ ...r, kind: 'status' as const })),
    ...users.map((r) => ({ ...r, action: 'authorized_user_add', kind: 'authorized_user' as const })),
    ...conversions.map((r) => ({ ...r, action: 'conversion', kind: 'conversion' as const })),
  ].sort((a, b) => b.auditId - a.auditId).slice(0, limit);
  const picked = newestFirst(recorded, publicSinceEntry(db, limit), limit);
  if (picked.length === 0) return [];

  const ids = [...new Set(picked.map((r) => r.productId))];
  const products = new Map(db.select({ id: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn })
    .from(t.products).where(inArray(t.products.id, ids)).all().map((p) => [p.id, p]));
  const counties = new Map<number, { nameZh: string; nameEn: string }[]>();
  for (const c of db.select({ productId: t.productCounties.productId, nameZh: t.counties.nameZh, nameEn: t.counties.nameEn })
    .from(t.productCounties).innerJoin(t.counties, eq(t.counties.code, t.productCounties.countyCode))
    .where(inArray(t.productCounties.productId, ids)).orderBy(t.productCounties.countyCode).all()) {
    counties.set(c.productId, [...(counties.get(c.productId) ?? []), { nameZh: c.nameZh, nameEn: c.nameEn }]);
  }

  return picked.map((r): FeedEntry => {
    const p = products.get(r.productId)!;
    const base = {
      auditId: r.auditId, at: r.at, kind: r.kind, productId: r.productId, nameZh: p.nameZh, nameEn: p.nameEn,
      counties: counties.get(r.productId) ?? [],
    };
    if (r.kind === 'published') return base;
    if (r.kind === 'conversion') {
      const after = (r.after ?? {}) as { on?: string; into?: { giType: GiType; announcement: string | null } };
      return { ...base, giType: r.giType, status: 'converted', on: after.on ?? null, into: after.into && { giType: after.into.giType, announcement: after.into.announcement } };
    }
    if (r.kind === 'authorized_user') {
      const user = (r.after ?? {}) as { name: string; basis: AuthorizationBasis; from: string };
      return { ...base, giType: r.giType, user: { name: user.name, basis: user.basis, from: user.from } };
    }
    const after = (r.after ?? {}) as { status?: Status; on?: string; transitions?: { to?: Status; on?: string }[] };
    // A started designation records the whole designation; a move records the new status and its day.
    const first = r.action === 'create' ? after.transitions?.at(-1) : undefined;
    return {
      ...base, giType: r.giType,
      status: r.action === 'create' ? first?.to ?? after.status ?? 'cultivating' : after.status,
      on: r.action === 'create' ? first?.on ?? null : after.on ?? null,
    };
  });
}

/** Public products with no recorded change that made them public (the seeds'), newest first, as entries at their creation. */
function publicSinceEntry(db: Db, limit: number) {
  const recorded = db.select({ id: e.id }).from(e).where(and(makesPublic, eq(e.entityId, t.products.id)));
  return db.select({ at: t.products.createdAt, productId: t.products.id }).from(t.products)
    .where(and(published, notExists(recorded)))
    .orderBy(desc(t.products.createdAt), desc(t.products.id)).limit(limit).all()
    .map((r) => ({ ...r, auditId: null, kind: 'published' as const }));
}

/** Two lists, each newest first, merged newest first (recorded changes before unrecorded ones of the same time) and cut at `limit`. */
function newestFirst<A extends { at: string }, B extends { at: string }>(recorded: A[], unrecorded: B[], limit: number): (A | B)[] {
  const out: (A | B)[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < recorded.length || j < unrecorded.length)) {
    const takeRecorded = j >= unrecorded.length || (i < recorded.length && timeOf(recorded[i].at) >= timeOf(unrecorded[j].at));
    out.push(takeRecorded ? recorded[i++] : unrecorded[j++]);
  }
  return out;
}

/** A stored timestamp as milliseconds (audit rows older than the ISO form may use a space), for ordering. */
const timeOf = (at: string) => Date.parse(at.includes('T') ? at : `${at.replace(' ', 'T')}Z`) || 0;

/** A name-based UUID (SHA-1, RFC 9562 version 5 layout) as a `urn:uuid:` IRI: the same name gives the same id. */
export function uuidUrn(name: string): string {
  const h = createHash('sha1').update(`jincheng-gi-registry:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Text made safe for XML character data and attribute values (and without characters XML forbids). */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** An audit timestamp as RFC 3339 (they are stored as `YYYY-MM-DDTHH:MM:SS.sssZ`; older rows may use a space). */
function rfc3339(at: string): string {
  const d = new Date(at.includes('T') ? at : `${at.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? '1970-01-01T00:00:00Z' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const joinZh = (names: { nameZh: string }[]) => names.map((c) => c.nameZh).join('、');
const joinEn = (names: { nameEn: string }[]) => names.map((c) => c.nameEn).join(', ');

/** The entry's title and summary: Chinese first, then an English line. */
export function describeEntry(entry: FeedEntry): { title: string; summary: string } {
  const en = entry.nameEn ?? entry.nameZh;
  const where = entry.counties.length ? `（${joinZh(entry.counties)}）` : '';
  const whereEn = entry.counties.length ? ` (${joinEn(entry.counties)})` : '';
  if (entry.kind === 'published') {
    return {
      title: `新公开：${entry.nameZh}`,
      summary: `${entry.nameZh}${where}已在晋城市地理标志登记中公开。\n${en}${whereEn} is now public in the Jincheng GI registry.`,
    };
  }
  const type = LABELS.giType[entry.giType!];
  if (entry.kind === 'authorized_user' && entry.user) {
    const basis = LABELS.basis[entry.user.basis] ?? { zh: entry.user.basis, en: entry.user.basis };
    return {
      title: `${entry.nameZh}：新增用标企业 ${entry.user.name}`,
      summary: `${entry.user.name}获准使用${entry.nameZh}${where}的${type.zh}专用标志（${basis.zh}，自 ${entry.user.from} 起）。\n` +
        `${entry.user.name} may now use the official mark of the ${type.en} ${en}${whereEn} (${basis.en.toLowerCase()}, from ${entry.user.from}).`,
    };
  }
  const status = entry.status ? LABELS.status[entry.status] : { zh: '状态变更', en: 'Status changed' };
  // Dates as known: "（2020年）", " in 2020", " in July 2013", " on 2013-07-03".
  const on = entry.on ? `（${formatPartialDate(entry.on, 'zh')}）` : '';
  const onEn = entry.on ? ` ${precisionOf(entry.on) === 'day' ? 'on' : 'in'} ${formatPartialDate(entry.on, 'en')}` : '';
  if (entry.kind === 'conversion' && entry.into) {
    const into = LABELS.giType[entry.into.giType];
    const announcement = entry.into.announcement;
    return {
      title: `${entry.nameZh}：${type.zh}转换为${into.zh}`,
      summary: `${entry.nameZh}${where}的${type.zh}已转换为${into.zh}${announcement ? `（公告 ${announcement}）` : ''}${on}。\n` +
        `${en}${whereEn}: the ${type.en} was converted into a ${into.en}${announcement ? ` (announcement ${announcement})` : ''}${onEn}.`,
    };
  }
  return {
    title: `${entry.nameZh}：${type.zh}${status.zh}`,
    summary: `${entry.nameZh}${where}的${type.zh}状态变为“${status.zh}”${on}。\n` +
      `${en}${whereEn}: ${type.en} is now ${status.en.toLowerCase()}${onEn}.`,
  };
}

/** Where the feed's links point: relative to the site (the default) or under an absolute base such as `https://gi.example.cn`. */
export interface FeedOptions { baseUrl?: string; limit?: number }

/**
 * The Atom document. Links are root-relative unless `baseUrl` is given (then absolute, with
 * `xml:base`); ids are `urn:uuid:` names that never depend on the host. `updated` is the newest
 * entry's time (or, with none, the newest change of a public product), so the same registry gives the same bytes.
 */
export function atomFeed(db: Db, { baseUrl = '', limit }: FeedOptions = {}): string {
  const base = baseUrl.replace(/\/+$/, '');
  const entries = feedEntries(db, limit);
  const latestProduct = db.select({ at: sql<string | null>`max(${t.products.updatedAt})` }).from(t.products).where(published).get()?.at;
  const updated = rfc3339(entries[0]?.at ?? latestProduct ?? '1970-01-01T00:00:00Z');
  const x = xmlEscape;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"${base ? ` xml:base="${x(`${base}/`)}"` : ''}>`,
    `  <id>${uuidUrn('feed')}</id>`,
    '  <title>晋城市地理标志登记：公开变更 / Jincheng GI registry: public changes</title>',
    '  <subtitle>新公开的产品、公开产品的状态变更与新增用标企业 / Products made public, status changes of public products and new authorised users</subtitle>',
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(`${base}${FEED_PATH}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(`${base}/`)}"/>`,
    '  <author><name>晋城市地理标志登记 / Jincheng GI registry</name></author>',
    '  <generator>jincheng-gi-registry</generator>',
  ];
  for (const entry of entries) {
    const { title, summary } = describeEntry(entry);
    const at = rfc3339(entry.at);
    lines.push(
      '  <entry>',
      `    <id>${uuidUrn(entry.auditId === null ? `public:${entry.productId}` : `audit:${entry.auditId}`)}</id>`,
      `    <title>${x(title)}</title>`,
      `    <updated>${at}</updated>`,
      `    <published>${at}</published>`,
      `    <link rel="alternate" type="text/html" href="${x(`${base}/products/${entry.productId}`)}"/>`,
      `    <category term="${entry.kind}"/>`,
      `    <summary type="text">${x(summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
