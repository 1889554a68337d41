import { describe, expect, it } from 'vitest';
import { addRow, checkTemplate, freshKey, moveRow, removeRow, templateBody } from '../../../client/admin/template-draft';
import '../../support/all-catalogs';

const rows = [
  { key: 'a', titleZh: '甲', titleEn: 'A' },
  { key: 'b', titleZh: '乙', titleEn: 'B' },
  { key: 'c', titleZh: '丙', titleEn: 'C' },
];
const keys = (r: { key: string }[]) => r.map((x) => x.key);

describe('editing a checklist', () => {
  it('moves a row up or down, and not past either end', () => {
    expect(keys(moveRow(rows, 1, -1))).toEqual(['b', 'a', 'c']);
    expect(keys(moveRow(rows, 1, 1))).toEqual(['a', 'c', 'b']);
    expect(keys(moveRow(rows, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(keys(moveRow(rows, 2, 1))).toEqual(['a', 'b', 'c']);
  });

  it('removes a row and adds one with a key no row uses', () => {
    expect(keys(removeRow(rows, 1))).toEqual(['a', 'c']);
    expect(addRow(rows).at(-1)).toEqual({ key: 'item_4', titleZh: '', titleEn: '' });
    expect(freshKey([{ key: 'item_2', titleZh: '', titleEn: '' }, { key: 'item_3', titleZh: '', titleEn: '' }])).toBe('item_4');
  });

  it('sends the rows trimmed, in order', () => {
    expect(templateBody([{ key: ' a ', titleZh: ' 甲 ', titleEn: '' }])).toEqual({ items: [{ key: 'a', titleZh: '甲', titleEn: '' }] });
    expect(checkTemplate(rows)).toEqual({ ok: true, body: { items: rows } });
  });

  it('marks a bad key (in the model’s words) and missing titles beside their rows', () => {
    const check = checkTemplate([{ key: 'Bad Key', titleZh: '甲', titleEn: 'A' }, { key: 'b', titleZh: ' ', titleEn: '' }]);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors['items.0.key']).toBe('编号须为小写字母开头的小写字母、数字或下划线（最多 40 个）');
      expect(Object.keys(check.errors).sort()).toEqual(['items.0.key', 'items.1.titleEn', 'items.1.titleZh']);
    }
  });

  it('marks a repeated key on the later row, naming the first', () => {
    const check = checkTemplate([...rows, { key: 'b', titleZh: '丁', titleEn: 'D' }]);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors).toEqual({ 'items.3.key': '编号与第 2 项重复' });
  });
});
