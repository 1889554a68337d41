import { describe, expect, it } from 'vitest';
import type { Specification } from '../../../db/model';
import {
  checkSpecification, checkSpecificationChange, draftOfSpecification, emptySpecificationDraft,
} from '../../../client/admin/specification-draft';

const saved: Specification = {
  id: 4, designationId: 2, number: 'DB14/T 2361-2021', title: '地理标志产品 高平大黄梨', version: null, issuedOn: '2021-11-22',
  url: null, documentId: 9, note: '', current: true,
};

describe('checking a specification version before it is sent', () => {
  it('sends trimmed fields, blanks as null, the chosen file as its id', () => {
    const draft = { ...emptySpecificationDraft(), number: ' DB14/T 1-2020 ', title: ' 地理标志产品 测试 ', issuedOn: '2020-06', documentId: '12' };
    expect(checkSpecification(draft)).toEqual({
      ok: true, body: { number: 'DB14/T 1-2020', title: '地理标志产品 测试', version: null, issuedOn: '2020-06', url: null, documentId: 12, note: '' },
    });
  });

  it.each([
    ['no title', { title: ' ' }, 'title'],
    ['a javascript: link', { url: 'javascript:alert(1)' }, 'url'],
    ['a date that is no date', { issuedOn: '2021-13' }, 'issuedOn'],
  ])('refuses %s beside its field', (_, change, field) => {
    const check = checkSpecification({ ...emptySpecificationDraft(), title: '测试', ...change });
    expect(check.ok).toBe(false);
    expect(Object.keys(check.ok ? {} : check.errors)).toEqual([field]);
  });

  it('a change sends only what differs, and nothing when nothing does', () => {
    const draft = draftOfSpecification(saved);
    expect(checkSpecificationChange(draft, saved)).toEqual({ ok: true, body: {} });
    expect(checkSpecificationChange({ ...draft, version: '2021版', documentId: '' }, saved)).toEqual({ ok: true, body: { version: '2021版', documentId: null } });
  });
});
