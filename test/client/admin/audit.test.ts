import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../db/model';
import { auditText, mergeEvents } from '../../../client/admin/audit';
import { shanghaiTime } from '../../../client/admin/labels';
import { loadSeededCounties } from '../seeded-counties';

// County names come from GET /api/counties, as on a page.
beforeAll(loadSeededCounties);

describe('auditText', () => {
  const event = { id: 1, at: '2026-01-01T00:00:00Z', user: 'u', action: 'update', entity: 'product', entityId: 1,
    before: { counties: ['140521'], nameZh: 'a' }, after: { counties: ['140521', '140522'], nameZh: '<img src=x>' } } as AuditEvent;
  it('tells an event in sentences with the workspace’s county names, markup as text', () => {
    expect(auditText(event)).toEqual({
      summary: '修改产品 <img src=x>',
      changes: ['所在县：沁水县 → 沁水县、阳城县', '中文名称：a → <img src=x>'],
    });
  });
});

describe('mergeEvents', () => {
  const e = (id: number, at: string) => ({ id, at, user: 'u', action: 'update', entity: 'product', entityId: 1, before: null, after: null }) as AuditEvent;
  it('merges newest first without duplicates', () => {
    expect(mergeEvents([e(1, '2026-01-01T00:00:00Z'), e(3, '2026-01-03T00:00:00Z')], [e(2, '2026-01-02T00:00:00Z'), e(3, '2026-01-03T00:00:00Z')])
      .map((x) => x.id)).toEqual([3, 2, 1]);
  });
});

describe('shanghaiTime', () => {
  it.each([
    ['2026-11-24T20:47:04.000Z', '2026-11-25 04:47'],
    ['2026-11-24 01:00:00', '2026-11-24 09:00'],
    ['garbage', 'garbage'],
  ])('%s → %s', (iso, shown) => {
    expect(shanghaiTime(iso)).toBe(shown);
  });
});
