import { describe, expect, it } from 'vitest';
import type { Document, DossierItem } from '../../../db/model';
import {
  checkItem, documentsFor, draftOf, isDirty, itemBody, offerText, toggleDocument,
} from '../../../client/admin/dossier-draft';
import '../../support/all-catalogs';

const item: DossierItem = {
  key: 'mark_design', titleZh: '商标图样', titleEn: 'The mark’s design', status: 'in_progress', owner: '县市场监管局',
  dueOn: '2026-03-01', note: '待定稿', documentIds: [7, 3], overdue: false,
};

describe('an item’s form', () => {
  it('starts from the saved item and sends it back unchanged', () => {
    const draft = draftOf(item);
    expect(draft).toEqual({ status: 'in_progress', owner: '县市场监管局', dueOn: '2026-03-01', note: '待定稿', documentIds: [7, 3] });
    expect(isDirty(draft, item)).toBe(false);
    expect(checkItem(draft)).toEqual({ ok: true, body: { status: 'in_progress', owner: '县市场监管局', dueOn: '2026-03-01', note: '待定稿', documentIds: [3, 7] } });
  });

  it('sends an empty owner and date as null and trims text', () => {
    expect(itemBody({ status: 'ready', owner: '  ', dueOn: '', note: ' 已齐 ', documentIds: [] }))
      .toEqual({ status: 'ready', owner: null, dueOn: null, note: '已齐', documentIds: [] });
  });

  it('is dirty after a change, not after ticking documents in another order', () => {
    expect(isDirty({ ...draftOf(item), status: 'ready' }, item)).toBe(true);
    expect(isDirty({ ...draftOf(item), owner: '县市场监管局 ' }, item)).toBe(false);
    expect(isDirty({ ...draftOf(item), documentIds: [3, 7] }, item)).toBe(false);
  });

  it('ticks and unticks documents without repeating them', () => {
    const draft = draftOf(item);
    expect(toggleDocument(draft, 9, true).documentIds).toEqual([7, 3, 9]);
    expect(toggleDocument(draft, 7, true).documentIds).toEqual([3, 7]);
    expect(toggleDocument(draft, 7, false).documentIds).toEqual([3]);
  });

  it.each([
    ['a bad date', { dueOn: '2026-02-30' }, 'dueOn'],
    ['an owner with a control character', { owner: 'a\u0007b' }, 'owner'],
    ['a very long note', { note: '长'.repeat(2001) }, 'note'],
  ])('refuses %s beside its field', (_, patch, field) => {
    const check = checkItem({ ...draftOf(item), ...patch });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toEqual([field]);
  });
});

describe('documentsFor', () => {
  const doc = (id: number, designationId: number | null) => ({ id, designationId }) as Document;
  it('offers the product’s own documents and this designation’s, not another designation’s', () => {
    expect(documentsFor([doc(1, null), doc(2, 5), doc(3, 6)], 5).map((d) => d.id)).toEqual([1, 2]);
  });
});

describe('offerText', () => {
  const a = { key: 'a', titleZh: '产品实物照片', titleEn: 'Photos' };
  const b = { key: 'b', titleZh: '历史渊源材料', titleEn: 'History' };
  it('tells what was added, removed and renamed', () => {
    expect(offerText({ version: 3, add: [a], remove: [b], retitle: [] })).toBe('清单已更新：新增 “产品实物照片”；移除 “历史渊源材料”');
    expect(offerText({ version: 3, add: [a, b], remove: [], retitle: [a] })).toBe('清单已更新：新增 “产品实物照片”、“历史渊源材料”；改名 “产品实物照片”');
  });

  it('says the order changed when nothing else did', () => {
    expect(offerText({ version: 3, add: [], remove: [], retitle: [] })).toBe('清单已更新：调整了顺序');
  });
});
