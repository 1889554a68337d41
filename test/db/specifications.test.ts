/**
 * The specification's rules in the model: which version is current (dates, then the order recorded,
 * undated ones older), what a version may hold (http(s) links only, dates not after today), and the
 * history's sentences about versions.
 */
import { describe, expect, it } from 'vitest';
import { describeAuditEvent, newestFirst, SpecificationInput, todayInShanghai, type AuditEvent } from '../../db/model';

const v = (id: number, issuedOn: string | null) => ({ id, issuedOn });

describe('newestFirst', () => {
  it.each([
    ['dates decide, not the order recorded', [v(1, '2023-03-01'), v(2, '2016'), v(3, '2020-06')], [1, 3, 2]],
    ['where dates cannot tell, the later recorded is newer', [v(1, '2021-11-22'), v(2, '2021')], [2, 1]],
    ['…and a later-recorded version certainly older stays older', [v(1, '2021'), v(2, '2020-05-01')], [1, 2]],
    ['undated versions count as older than dated ones, the later recorded first', [v(1, null), v(2, '2010'), v(3, null)], [2, 3, 1]],
    ['only undated: the later recorded first', [v(5, null), v(4, null)], [5, 4]],
  ])('%s', (_, versions, ids) => {
    expect(newestFirst(versions).map((x) => x.id)).toEqual(ids);
  });
});

describe('SpecificationInput', () => {
  const base = { title: '地理标志产品 测试梨' };
  it('needs only a title; the rest default to none', () => {
    expect(SpecificationInput.parse(base)).toEqual({ ...base, number: null, version: null, issuedOn: null, url: null, documentId: null, note: '' });
  });

  it.each([
    ['javascript:alert(1)'], ['data:text/html,<b>x</b>'], ['ftp://example.gov.cn/a.pdf'], ['//example.gov.cn/a.pdf'], ['example.gov.cn/a.pdf'],
  ])('refuses the link %s, saying what a link must be', (url) => {
    const result = SpecificationInput.safeParse({ ...base, url });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['url'], message: expect.stringContaining('https://') });
  });

  it('refuses a date after today and a date that is no date', () => {
    const next = String(Number(todayInShanghai().slice(0, 4)) + 1);
    expect(SpecificationInput.safeParse({ ...base, issuedOn: next }).success).toBe(false);
    expect(SpecificationInput.safeParse({ ...base, issuedOn: '2021-13' }).success).toBe(false);
    expect(SpecificationInput.safeParse({ ...base, issuedOn: '2021-11' }).success).toBe(true);
  });
});

describe('the history’s sentences', () => {
  const event = (action: string, before: unknown, after: unknown): AuditEvent => ({
    id: 1, at: '2026-01-01T00:00:00.000Z', user: 'qinshui', action: action as AuditEvent['action'], entity: 'designation', entityId: 7, before, after,
    subject: { name: '高平大黄梨', nameEn: 'Gaoping pear', productId: 3, giType: 'protected_product', counties: ['140581'] },
  });
  const version = { number: 'DB14/T 2361-2021', title: '地理标志产品 高平大黄梨', version: null, issuedOn: '2021-11-22', url: null, document: null, note: '' };

  it('tells a new version by its number, with its fields', () => {
    const zh = describeAuditEvent(event('specification_add', null, version), 'zh', { counties: {} });
    expect(zh.summary).toBe('高平大黄梨 的 地理标志保护产品的质量技术要求新增版本 DB14/T 2361-2021');
    expect(zh.changes).toEqual(['编号：DB14/T 2361-2021', '名称：地理标志产品 高平大黄梨', '发布日期：2021-11-22']);
    expect(describeAuditEvent(event('specification_add', null, version), 'en', { counties: {} }).summary)
      .toBe('Added version DB14/T 2361-2021 to the specification of the GI protected product of Gaoping pear');
  });

  it('tells an edit field by field, and a version without a number by its title', () => {
    const after = { ...version, number: null, issuedOn: '2021-11', url: 'https://example.gov.cn/a.pdf' };
    const told = describeAuditEvent(event('specification_update', { ...version, number: null }, after), 'en', { counties: {} });
    expect(told.summary).toBe('Changed the specification 《地理标志产品 高平大黄梨》 of the GI protected product of Gaoping pear');
    expect(told.changes).toEqual(['Issued on: 2021-11-22 → November 2021', 'Link: — → https://example.gov.cn/a.pdf']);
    expect(describeAuditEvent(event('specification_delete', version, null), 'zh', { counties: {} }))
      .toEqual({ summary: '删除 高平大黄梨 的 地理标志保护产品的质量技术要求版本 DB14/T 2361-2021', changes: [] });
  });
});
