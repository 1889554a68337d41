/**
 * The replay index's rows kept per product, so that after a write only the products it touched are read
 * again (issue 24: the index patched per product, not reloaded). A whole load reads every counted
 * product's designations, moves, counties, households, readiness, authorised users and industry
 * figures in one read transaction; a patch reads the same for a list of products and puts them in
 * place of what was kept, and the index it gives is the one a whole load of the same state gives
 * (test/server/domain/replay-store.test.ts holds that after random writes).
 */
import { and, asc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { lastPossibleDay, type AuthorizationStatus, type Status } from '../../../db/model';
import * as t from '../../../db/schema';
import { readyToFile } from '../designations/dossiers';
import { readableProducts } from '../access/permissions';
import { loadCountyHistory, type CountyHistory } from '../places/county-history';
import type { CountedDesignation, Move, ReplayIndex } from './tally-replay';

/**
 * Which products the tally counts: public and unarchived, for every viewer, so the published figure
 * is one number whoever looks (officials' drafts are work in progress, not results).
 */
export function countedProducts(db: Db) {
  return readableProducts(db, null);
}

/** Loads the replay index of the counted products (one consistent read). */
export function loadReplayIndex(db: Db): ReplayIndex {
  return ReplayStore.load(db).index();
}

/** An authorised user of a counted designation, as the index keeps it. */
type UserRow = { id: number; designationId: number; from: string; until: string | null; status: AuthorizationStatus };

/** What the index keeps of one counted product. */
interface ProductRows {
  designations: CountedDesignation[];
  counties: string[];
  households: number | undefined;
  figures: { year: number; households: number }[] | undefined;
}

/** Rows read for some products (or every counted one). */
interface ReadRows {
  products: Map<number, ProductRows>;
  /** Moves in recorded order. */
  moves: Move[];
  ready: Set<number>;
  users: UserRow[];
}

/** Moves of one designation as the replay reads them: the days they count from and their statuses, as recorded. */
interface History { day: string[]; to: Status[] }

/** Compares moves as the sweep orders them: by day, then as recorded. */
const byDayThenId = (a: Move, b: Move) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id - b.id);

/** The replay index of a registry, kept as rows per product and patched when products change. */
export class ReplayStore {
  private products = new Map<number, ProductRows>();
  /** Every move of a counted designation, by day then as recorded (the sweep). */
  private sweep: Move[] = [];
  private histories = new Map<number, History>();
  private ready = new Set<number>();
  /** Authorised users of counted designations, by id. */
  private users: UserRow[] = [];
  private countyHistory!: CountyHistory;
  private built: ReplayIndex | null = null;
  /** Each date's last possible day, worked out once (moves share a few thousand dates). */
  private readonly days = new Map<string, string>();

  /** Loads every counted product's rows (one read transaction). */
  static load(db: Db): ReplayStore {
    const store = new ReplayStore();
    db.transaction(() => {
      const rows = store.read(db, countedProducts(db));
      store.products = rows.products;
      store.sweep = byDay(rows.moves);
      store.histories = historiesOf(rows.moves);
      store.ready = rows.ready;
      store.users = rows.users;
      store.countyHistory = loadCountyHistory(db);
    });
    return store;
  }

  /**
   * Reads `ids` again (one read transaction) and puts their rows in place of the kept ones: a product no
   * longer counted (made a draft, archived, deleted) leaves the index. The county history is global, so
   * a change to it needs a whole load.
   */
  patch(db: Db, ids: readonly number[]): void {
    if (ids.length === 0) return;
    const changed = new Set(ids);
    db.transaction(() => {
      const rows = this.read(db, and(countedProducts(db), sql`${t.products.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)!);
      // The designations whose rows are replaced: those kept and those read, of the products changed.
      const replaced = new Set<number>();
      for (const id of changed) for (const d of this.products.get(id)?.designations ?? []) replaced.add(d.id);
      for (const p of rows.products.values()) for (const d of p.designations) replaced.add(d.id);
      // The maps of rows are the store's own (an index copies what it shows out of them); the set and the
      // lists an index shows are made anew, so an index already handed out does not change.
      for (const id of changed) {
        const read = rows.products.get(id);
        if (read) this.products.set(id, read);
        else this.products.delete(id);
      }
      this.sweep = mergeSorted(this.sweep.filter((m) => !replaced.has(m.designationId)), byDay(rows.moves), byDayThenId);
      for (const id of replaced) this.histories.delete(id);
      for (const [id, h] of historiesOf(rows.moves)) this.histories.set(id, h);
      const ready = new Set([...this.ready].filter((id) => !replaced.has(id)));
      for (const id of rows.ready) ready.add(id);
      this.ready = ready;
      this.users = mergeSorted(this.users.filter((u) => !replaced.has(u.designationId)), rows.users, (a, b) => a.id - b.id);
    });
    this.built = null;
  }

  /** The index of the rows kept now (the same object until the next patch). */
  index(): ReplayIndex {
    return (this.built ??= this.assemble());
  }

  private assemble(): ReplayIndex {
    const designations: CountedDesignation[] = [];
    const countiesOf = new Map<number, string[]>();
    const households = new Map<number, number>();
    const figureHouseholds = new Map<number, { year: number; households: number }[]>();
    for (const [id, p] of [...this.products].sort((a, b) => a[0] - b[0])) {
      for (const d of p.designations) designations.push(d);
      if (p.counties.length > 0) countiesOf.set(id, p.counties);
      if (p.households !== undefined) households.set(id, p.households);
      if (p.figures) figureHouseholds.set(id, p.figures);
    }
    designations.sort((a, b) => a.id - b.id);
    const histories = designations.map((d) => this.histories.get(d.id));
    const replay = (asOf: string): (Status | null)[] => histories.map((h) => {
      if (!h) return null;
      for (let i = h.day.length - 1; i >= 0; i--) if (h.day[i] <= asOf) return h.to[i];
      return null;
    });
    // The eve of a period is asked for by every tally of it: keep the last few dates replayed.
    const replayed = new Map<string, (Status | null)[]>();
    const sweep = this.sweep;
    return {
      designations,
      statusesOn: (asOf) => {
        let found = replayed.get(asOf);
        if (!found) {
          if (replayed.size >= 4) replayed.delete(replayed.keys().next().value!);
          replayed.set(asOf, found = replay(asOf));
        }
        return found;
      },
      readyToFile: this.ready,
      authorizedUsers: this.users,
      figureHouseholds,
      countiesOfDesignation: designations.map((d) => countiesOf.get(d.productId) ?? []),
      movesUntil: (until) => {
        let end = sweep.length;
        while (end > 0 && sweep[end - 1].day > until) end--;
        return sweep.slice(0, end);
      },
      countiesOf,
      households,
      countyHistory: this.countyHistory,
    };
  }

  /** Reads the rows of the counted products `scope` selects (inside the caller's transaction). */
  private read(db: Db, scope: SQL | undefined): ReadRows {
    const products = new Map<number, ProductRows>();
    const rowsOf = (id: number) => {
      let p = products.get(id);
      if (!p) products.set(id, p = { designations: [], counties: [], households: undefined, figures: undefined });
      return p;
    };
    const designations = db.select({
      id: t.designations.id, productId: t.designations.productId, giType: t.designations.giType,
      validUntil: t.designations.validUntil, nameZh: t.products.nameZh, nameEn: t.products.nameEn,
      convertedFromId: t.designations.convertedFromId, status: t.designations.status,
    }).from(t.designations)
      .innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(scope)
      .orderBy(asc(t.designations.id))
      .all();
    for (const { status: _status, ...d } of designations) rowsOf(d.productId).designations.push(d);
    const moves: Move[] = db.select({
      id: t.transitions.id, designationId: t.transitions.designationId, giType: t.designations.giType,
      to: t.transitions.toStatus, on: t.transitions.on,
    }).from(t.transitions)
      .innerJoin(t.designations, eq(t.designations.id, t.transitions.designationId))
      .innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(scope)
      .orderBy(asc(t.transitions.id))
      .all()
      .map(({ id, designationId, giType, to, on }) => ({ id, designationId, giType, to, day: this.dayOf(on) }));
    for (const r of db.select({ productId: t.productCounties.productId, code: t.productCounties.countyCode })
      .from(t.productCounties).innerJoin(t.products, eq(t.products.id, t.productCounties.productId))
      .where(scope).orderBy(asc(t.productCounties.productId), asc(t.productCounties.countyCode)).all()) {
      rowsOf(r.productId).counties.push(r.code);
    }
    // Households: the sum of the `farmers` rows (ReplayIndex.households says why only those).
    for (const r of db.select({ productId: t.participants.productId, n: sql<number>`coalesce(sum(${t.participants.households}), 0)` })
      .from(t.participants)
      .innerJoin(t.products, eq(t.products.id, t.participants.productId))
      .where(and(scope, eq(t.participants.role, 'farmers')))
      .groupBy(t.participants.productId)
      .all()) rowsOf(r.productId).households = r.n;
    const users = db.select({
      id: t.authorizedUsers.id, designationId: t.authorizedUsers.designationId, from: t.authorizedUsers.from,
      until: t.authorizedUsers.until, status: t.authorizedUsers.status,
    }).from(t.authorizedUsers)
      .innerJoin(t.designations, eq(t.designations.id, t.authorizedUsers.designationId))
      .innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(scope).orderBy(asc(t.authorizedUsers.id)).all();
    for (const f of db.select({ productId: t.productFigures.productId, year: t.productFigures.year, households: t.productFigures.households })
      .from(t.productFigures).innerJoin(t.products, eq(t.products.id, t.productFigures.productId))
      .where(and(scope, isNotNull(t.productFigures.households)))
      .orderBy(asc(t.productFigures.productId), asc(t.productFigures.year)).all()) {
      (rowsOf(f.productId).figures ??= []).push({ year: f.year, households: f.households! });
    }
    // Only products with some row get an entry; a patch drops a changed product that has none (`patch`).
    return { products, moves, ready: readyToFile(db, designations.filter((d) => d.status === 'cultivating')), users };
  }

  private dayOf(on: string): string {
    let day = this.days.get(on);
    if (day === undefined) this.days.set(on, day = lastPossibleDay(on));
    return day;
  }
}

/** Moves of each designation as recorded (moves given in recorded order). */
function historiesOf(moves: readonly Move[]): Map<number, History> {
  const histories = new Map<number, History>();
  for (const m of moves) {
    let h = histories.get(m.designationId);
    if (!h) histories.set(m.designationId, h = { day: [], to: [] });
    h.day.push(m.day);
    h.to.push(m.to);
  }
  return histories;
}

/**
 * Moves in recorded order (`id` ascending) sorted by day, those of a day staying as recorded: grouped by
 * day and the few thousand days sorted, rather than every move compared (a fifth of the time at national scale).
 */
function byDay(moves: readonly Move[]): Move[] {
  const groups = new Map<string, Move[]>();
  for (const m of moves) {
    const group = groups.get(m.day);
    if (group) group.push(m);
    else groups.set(m.day, [m]);
  }
  const sorted: Move[] = [];
  for (const day of [...groups.keys()].sort()) for (const m of groups.get(day)!) sorted.push(m);
  return sorted;
}

/** Two sorted lists merged into one, in order (`a`'s first on ties). */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a.slice();
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
