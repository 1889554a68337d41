import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../db/model';
import { auditChanges, mergeEvents, MAX_VALUE_CHARS, shortValue } from '../../../client/admin/audit';
import { shanghaiTime } from '../../../client/admin/labels';

describe('auditChanges', () => {
  it.each([
    ['a creation lists the filled fields', { before: null, after: { id: 3, nameZh: '蜂蜜', nameEn: null, description: '', sources: [], counties: ['140521'] } },
      [{ key: 'nameZh', before: '—', after: '蜂蜜' }, { key: 'counties', before: '—', after: '["140521"]' }]],
    ['an update lists only changed fields', { before: { nameZh: 'a', quality: 'q' }, after: { nameZh: 'b', quality: 'q' } },
      [{ key: 'nameZh', before: 'a', after: 'b' }]],
    ['an array value (participants) is one field', { before: [], after: [{ role: 'farmers' }] },
      [{ key: 'value', before: '—', after: '[{"role":"farmers"}]' }]],
    ['markup stays text', { before: null, after: { nameZh: '<img src=x>' } }, [{ key: 'nameZh', before: '—', after: '<img src=x>' }]],
  ])('%s', (_, event, changes) => {
    expect(auditChanges(event)).toEqual(changes);
  });

  it('cuts long values', () => {
    const value = shortValue('x'.repeat(500));
    expect(value).toHaveLength(MAX_VALUE_CHARS);
    expect(value.endsWith('…')).toBe(true);
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
