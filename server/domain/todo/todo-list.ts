/**
 * The workspace's to-do list (GET /api/todo): dossier items overdue or due soon, drafts not published,
 * trademarks due for renewal (the tally's rule), authorised users whose term ends soon and those whose
 * yearly returns are missing (the signals' rules) and, for admins, the next plan period once the last has
 * ended (the tally's `periodEnded`). An official sees their county's, an admin the city's.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  authorizedUserAnchor, designationAnchor, dossierAnchor, DOSSIER_OPEN_STATUSES, TODO_DUE_DAYS, TODO_KINDS, usageReturnsAnchor,
  type CountyCode, type SilentUser, type TermEnding, type TodoItem, type TodoList,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { dossierStates, isOverdue } from '../designations/dossiers';
import { usersToRemind } from '../marks/signals';
import { listPeriods } from '../tally/periods';
import { periodEndedOn, renewalsDue, resolvePeriod } from '../tally/tally';
import { addDays } from '../tally/tally-replay';
import { loadReplayIndex } from '../tally/replay-store';
import type { SignedIn } from '../access/viewer';

/** The most items a group lists (its count says how many there are). */
export const TODO_GROUP_MAX = 50;

/** What a source of to-dos is given: the database, today, and the county (null: the whole city, for an admin). */
interface Scope { db: Db; today: string; county: CountyCode | null; admin: boolean }

/** A source of to-do items. The list is the sources' items grouped by kind: a new kind of reminder is one more source here and one more kind in TODO_KINDS. */
type TodoSource = (scope: Scope) => TodoItem[];

const productLink = (productId: number, anchor: string) => `/admin/products/${productId}#${anchor}`;
const nameEn = (p: { nameZh: string; nameEn: string | null }) => p.nameEn || p.nameZh;

/** The ids of the current (unarchived) products in the county, with their names (every county's when null). */
function currentProducts(db: Db, county: CountyCode | null) {
  const rows = db.select({ id: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn, visibility: t.products.visibility })
    .from(t.products).where(isNull(t.products.archivedAt)).orderBy(asc(t.products.nameZh), asc(t.products.id)).all();
  if (!county) return rows;
  const mine = new Set(db.select({ id: t.productCounties.productId }).from(t.productCounties)
    .where(eq(t.productCounties.countyCode, county)).all().map((r) => r.id));
  return rows.filter((r) => mine.has(r.id));
}

/** Open dossiers' items that are overdue, or due within TODO_DUE_DAYS and not ready. */
const dossierTodos: TodoSource = ({ db, today, county }) => {
  const products = new Map(currentProducts(db, county).map((p) => [p.id, p]));
  if (products.size === 0) return [];
  const rows = db.select({ id: t.designations.id, productId: t.designations.productId, giType: t.designations.giType,
    convertedFromId: t.designations.convertedFromId }).from(t.designations)
    .where(and(inArray(t.designations.productId, [...products.keys()]), inArray(t.designations.status, [...DOSSIER_OPEN_STATUSES])))
    .orderBy(asc(t.designations.id)).all();
  const states = dossierStates(db, rows);
  const soon = addDays(today, TODO_DUE_DAYS);
  return rows.flatMap((d) => states.get(d.id)!.items.flatMap((item): TodoItem[] => {
    const overdue = isOverdue(item, today);
    const dueSoon = !overdue && item.dueOn !== null && item.dueOn <= soon && item.status !== 'ready' && item.status !== 'not_needed';
    if (!overdue && !dueSoon) return [];
    const p = products.get(d.productId)!;
    return [{
      kind: overdue ? 'dossier_overdue' : 'dossier_due', productId: p.id, designationId: d.id, giType: d.giType,
      title: `${p.nameZh}：${item.titleZh}`, titleEn: `${nameEn(p)}: ${item.titleEn || item.titleZh}`, dueOn: item.dueOn!,
      link: productLink(p.id, dossierAnchor(d.id, item.key)),
    }];
  }));
};

/** Products still drafts: seen only in the workspace until someone publishes them. */
const draftTodos: TodoSource = ({ db, county }) => currentProducts(db, county).filter((p) => p.visibility === 'draft')
  .map((p) => ({ kind: 'draft', productId: p.id, title: p.nameZh, titleEn: nameEn(p), link: productLink(p.id, 'summary') }));

/** Trademarks in force whose term ends within the tally's window (or has lapsed), by the tally's own rule. */
const renewalTodos: TodoSource = ({ db, today, county }) => {
  const index = loadReplayIndex(db);
  return renewalsDue(index.designations, index.statusesOn(today), today)
    .filter((r) => !county || (index.countiesOf.get(r.productId) ?? []).includes(county))
    .map((r) => ({
      kind: 'renewal', productId: r.productId, designationId: r.designationId, title: r.nameZh, titleEn: r.nameEn || r.nameZh,
      dueOn: r.validUntil, link: productLink(r.productId, designationAnchor(r.designationId)),
    }));
};

/** What a user's item says of its GI: the product and its type, in both languages. */
const aboutGi = (u: SilentUser | TermEnding) => ({
  productId: u.productId, designationId: u.designationId, giType: u.giType, title: u.productZh, titleEn: u.productEn || u.productZh,
  authorizedUserId: u.authorizedUserId, company: u.name,
});

/** Authorised users whose term ends within TERM_SIGNAL_DAYS, and those with no return for two years: the signals' own lists. */
const userTodos: TodoSource = ({ db, today, county }) => {
  const { termsEnding, silent } = usersToRemind(db, county, today);
  return [
    ...termsEnding.map((u): TodoItem => ({
      kind: 'term_ending', ...aboutGi(u), dueOn: u.until, link: productLink(u.productId, authorizedUserAnchor(u.authorizedUserId)),
    })),
    ...silent.map((u): TodoItem => ({
      kind: 'return_missing', ...aboutGi(u), years: u.yearsChecked, link: productLink(u.productId, usageReturnsAnchor(u.authorizedUserId)),
    })),
  ];
};

/** For admins: the last plan period has ended and no next one is set (what the tally calls `periodEnded`). */
const periodTodos: TodoSource = ({ db, today, admin }) => {
  if (!admin) return [];
  const last = listPeriods(db).at(-1);
  const shown = resolvePeriod(db, undefined, today);
  if (!last || !shown || shown.id !== last.id || !periodEndedOn(shown, today)) return [];
  return [{ kind: 'period', productId: null, title: last.name, titleEn: last.nameEn || last.name, dueOn: last.endsOn, link: '/admin#next-period' }];
};

const SOURCES: TodoSource[] = [dossierTodos, draftTodos, renewalTodos, userTodos, periodTodos];

/** GET /api/todo for `viewer` on `today`: the counted groups, soonest first in each, empty groups left out. */
export function todoList(db: Db, viewer: SignedIn, today: string): TodoList {
  const county = viewer.role === 'admin' ? null : viewer.county;
  const items = SOURCES.flatMap((source) => source({ db, today, county, admin: viewer.role === 'admin' }));
  const groups = TODO_KINDS.map((kind) => {
    const mine = items.filter((i) => i.kind === kind)
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
    return { kind, count: mine.length, items: mine.slice(0, TODO_GROUP_MAX) };
  }).filter((g) => g.count > 0);
  return { asOf: today, county, groups };
}
