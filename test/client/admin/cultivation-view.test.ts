import { describe, expect, it } from 'vitest';
import type { CultivationItem } from '../../../db/model';
import {
  ariaSortOf, boardApiQuery, boardSearch, boardStateFromSearch, DEFAULT_BOARD, nextSort, sortRows,
} from '../../../client/admin/cultivation-view';

describe('the board’s URL', () => {
  it('reads filters and order, dropping what the API would refuse', () => {
    expect(boardStateFromSearch('?county=140521&type=trademark&status=filed&overdue=1&sort=due&dir=desc')).toEqual({
      filters: { county: '140521', type: 'trademark', status: 'filed', overdue: true }, sort: { key: 'due', dir: 'desc' },
    });
    expect(boardStateFromSearch('?county=999&type=silk&status=granted&overdue=yes&sort=owner')).toEqual(DEFAULT_BOARD);
  });

  it('writes back what it read, the default order left out', () => {
    for (const search of ['', '?type=protected_product&overdue=1', '?county=140522&sort=product', '?status=cultivating&sort=readiness&dir=desc']) {
      expect(boardSearch(boardStateFromSearch(search))).toBe(search);
    }
  });

  it('sends the county only for an admin (an official’s is their own)', () => {
    const { filters } = boardStateFromSearch('?county=140521&overdue=1');
    expect(boardApiQuery(filters, true)).toEqual({ county: '140521', overdue: '1' });
    expect(boardApiQuery(filters, false)).toEqual({ overdue: '1' });
  });
});

describe('sorting', () => {
  it('flips the sorted column and starts another ascending; only the sorted header has aria-sort', () => {
    const sort = nextSort(DEFAULT_BOARD.sort, 'readiness');
    expect(sort).toEqual({ key: 'readiness', dir: 'desc' });
    expect(nextSort(sort, 'due')).toEqual({ key: 'due', dir: 'asc' });
    expect(ariaSortOf(sort, 'readiness')).toBe('descending');
    expect(ariaSortOf(sort, 'due')).toBeUndefined();
  });

  const row = (designationId: number, productZh: string, readiness: number | null, nextDueOn: string | null) =>
    ({ designationId, productZh, productEn: null, readiness, nextDueOn }) as CultivationItem;
  const rows = [
    row(1, '阳城桑蚕', 0.5, '2026-05-01'),
    row(2, '高平生猪', null, null),
    row(3, '晋城药茶', 0.5, '2026-02-01'),
    row(4, '陵川中药材', 1, null),
    row(5, '沁水黄小米', 0, '2026-03-01'),
  ];
  const ids = (list: CultivationItem[]) => list.map((r) => r.designationId);
  const name = (r: CultivationItem) => r.productZh;

  it('by readiness: least ready first, no checklist last, ties by due date', () => {
    expect(ids(sortRows(rows, { key: 'readiness', dir: 'asc' }, name))).toEqual([5, 3, 1, 4, 2]);
    expect(ids(sortRows(rows, { key: 'readiness', dir: 'desc' }, name))).toEqual([4, 3, 1, 5, 2]);
  });

  it('by due date: soonest first, none last in either direction', () => {
    expect(ids(sortRows(rows, { key: 'due', dir: 'asc' }, name))).toEqual([3, 5, 1, 4, 2]);
    expect(ids(sortRows(rows, { key: 'due', dir: 'desc' }, name))).toEqual([1, 5, 3, 4, 2]);
  });

  it('by product: in the page’s collation (pinyin for Chinese)', () => {
    expect(sortRows(rows, { key: 'product', dir: 'asc' }, name).map(name)).toEqual(['高平生猪', '晋城药茶', '陵川中药材', '沁水黄小米', '阳城桑蚕']);
    expect(ids(sortRows(rows, { key: 'product', dir: 'desc' }, name))).toEqual([1, 5, 4, 3, 2]);
  });

  it('leaves the rows it was given alone', () => {
    const before = ids(rows);
    sortRows(rows, { key: 'product', dir: 'asc' }, name);
    expect(ids(rows)).toEqual(before);
  });
});
