/**
 * The cultivation board's state: filters and sort kept in the page's URL (under the API's own filter
 * names), the query the API and the XLSX export get, and the rows sorted as the viewer asked.
 */
import { CountyCode, DOSSIER_OPEN_STATUSES, GI_TYPES, type CultivationItem } from '../../db/model';

/** The board's filters, as the URL and the API name them. */
export interface BoardFilters { county: string; type: string; status: string; overdue: boolean }
/** The columns the board sorts by. */
export const BOARD_SORT_KEYS = ['readiness', 'due', 'product'] as const;
/** A sortable column. */
export type BoardSortKey = (typeof BOARD_SORT_KEYS)[number];
/** The board's order: a column and a direction. */
export interface BoardSort { key: BoardSortKey; dir: 'asc' | 'desc' }
/** Everything the board's URL keeps. */
export interface BoardState { filters: BoardFilters; sort: BoardSort }

/** No filter, least ready first (the API's own order). */
export const DEFAULT_BOARD: BoardState = { filters: { county: '', type: '', status: '', overdue: false }, sort: { key: 'readiness', dir: 'asc' } };

const oneOf = (list: readonly string[], v: string | null) => (v !== null && list.includes(v) ? v : '');

/** Reads the board's state from a query string; values the API would refuse are dropped. */
export function boardStateFromSearch(search: string): BoardState {
  const q = new URLSearchParams(search);
  const key = oneOf(BOARD_SORT_KEYS, q.get('sort')) as BoardSortKey | '';
  return {
    filters: {
      county: CountyCode.safeParse(q.get('county')).success ? q.get('county')! : '',
      type: oneOf(GI_TYPES, q.get('type')),
      status: oneOf(DOSSIER_OPEN_STATUSES, q.get('status')),
      overdue: q.get('overdue') === '1',
    },
    sort: { key: key || DEFAULT_BOARD.sort.key, dir: q.get('dir') === 'desc' ? 'desc' : 'asc' },
  };
}

/** The filters the API (and its XLSX) get: set ones only; an official's county is implied by their account. */
export function boardApiQuery(filters: BoardFilters, isAdmin: boolean): Record<string, string> {
  const query: Record<string, string> = {};
  if (isAdmin && filters.county) query.county = filters.county;
  if (filters.type) query.type = filters.type;
  if (filters.status) query.status = filters.status;
  if (filters.overdue) query.overdue = '1';
  return query;
}

/** The board page's query string for a state (the default order left out), e.g. `?type=trademark&sort=due`. */
export function boardSearch(state: BoardState): string {
  const q = new URLSearchParams(boardApiQuery(state.filters, true));
  if (state.sort.key !== DEFAULT_BOARD.sort.key || state.sort.dir !== DEFAULT_BOARD.sort.dir) {
    q.set('sort', state.sort.key);
    if (state.sort.dir === 'desc') q.set('dir', 'desc');
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The order after a click on a column's header: the same column flips, another starts ascending. */
export function nextSort(sort: BoardSort, key: BoardSortKey): BoardSort {
  return sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** The header's aria-sort: set on the sorted column only. */
export function ariaSortOf(sort: BoardSort, key: BoardSortKey): 'ascending' | 'descending' | undefined {
  if (sort.key !== key) return undefined;
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

/** Compares two values that may be missing: missing ones go last whatever the direction. */
function missingLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * compare(a, b);
}

/**
 * The rows in the asked order. Readiness: a dossier with no checklist last; ties by next due date.
 * Due date: none last; ties least ready first. Product: by the shown name in the page's collation.
 */
export function sortRows(
  rows: readonly CultivationItem[], sort: BoardSort, nameOf: (row: CultivationItem) => string, locale = 'zh-CN',
): CultivationItem[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale);
  const byNumber = (x: number, y: number) => x - y;
  const byText = (x: string, y: string) => x.localeCompare(y);
  const byReadiness = (a: CultivationItem, b: CultivationItem, s = 1) => missingLast(a.readiness, b.readiness, byNumber, s);
  const byDue = (a: CultivationItem, b: CultivationItem, s = 1) => missingLast(a.nextDueOn, b.nextDueOn, byText, s);
  const compare = (a: CultivationItem, b: CultivationItem): number => {
    switch (sort.key) {
      case 'readiness': return byReadiness(a, b, sign) || byDue(a, b);
      case 'due': return byDue(a, b, sign) || byReadiness(a, b);
      case 'product': return sign * collator.compare(nameOf(a), nameOf(b));
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || a.designationId - b.designationId);
}
