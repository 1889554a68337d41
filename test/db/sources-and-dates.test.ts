/** Sources as `{title, url}` (and as text, read back), and partial dates shown and ordered as known. */
import { describe, expect, it } from 'vitest';
import {
  DesignationUpdate, ProductCreate, Source, Sources, formatPartialDate, inDateOrder, isBefore, sourceFromText, sourceHost,
  sourceText, sourcesFromText,
} from '../../db/model';

describe('a source read from text', () => {
  it.each([
    ['sqrdapp.com/news/2020/11/576065.html', { title: null, url: 'https://sqrdapp.com/news/2020/11/576065.html' }],
    ['sx.news.163.com (2024-06-04)', { title: '2024-06-04', url: 'https://sx.news.163.com' }],
    ['https://a.cn/x 县里的公告', { title: '县里的公告', url: 'https://a.cn/x' }],
    ['县里的公告 http://a.cn/x', { title: '县里的公告', url: 'http://a.cn/x' }],
    ['县里的 公告 <https://a.cn/x?a=1&b=2>', { title: '县里的 公告', url: 'https://a.cn/x?a=1&b=2' }],
    ['<https://a.cn>', { title: null, url: 'https://a.cn' }],
    ['晋城市“十四五”知识产权保护和运用规划', { title: '晋城市“十四五”知识产权保护和运用规划', url: null }],
    ['DB14/T 2361-2021', { title: 'DB14/T 2361-2021', url: null }],
    ['javascript:alert(1)', { title: 'javascript:alert(1)', url: null }],
    ['ftp://a.cn/f', { title: 'ftp://a.cn/f', url: null }],
    ['e.g. 见附件', { title: 'e.g. 见附件', url: null }],
    ['a.com/路径', { title: 'a.com/路径', url: null }],
  ])('%j → %j', (text, source) => {
    expect(sourceFromText(text)).toEqual(source);
    expect(Source.parse(text)).toEqual(source);
  });

  it('splits a cell of several sources at semicolons, half- or full-width', () => {
    expect(sourcesFromText('a.com/x ; 县志；https://b.cn 标题')).toEqual([
      { title: null, url: 'https://a.com/x' }, { title: '县志', url: null }, { title: '标题', url: 'https://b.cn' },
    ]);
  });

  it('is written as one line that reads back the same', () => {
    for (const s of [{ title: '标题 有空格', url: 'https://a.cn/x' }, { title: null, url: 'http://a.cn' }, { title: '县志', url: null }]) {
      expect(sourceFromText(sourceText(s))).toEqual(s);
    }
    expect(sourceText({ title: '标题', url: 'https://a.cn' })).toBe('标题 <https://a.cn>');
    expect(sourceHost({ title: null, url: 'https://sx.news.163.com/24/0604.html' })).toBe('sx.news.163.com');
  });
});

describe('the Source schema', () => {
  it('always answers the object, with both keys', () => {
    expect(Sources.parse(['县志', { url: 'https://a.cn' }, { title: '公告', url: null }])).toEqual([
      { title: '县志', url: null }, { title: null, url: 'https://a.cn' }, { title: '公告', url: null },
    ]);
    expect(ProductCreate.parse({ nameZh: '某', category: 'food', counties: ['140521'], sources: ['a.cn/x 标题'] }).sources)
      .toEqual([{ title: '标题', url: 'https://a.cn/x' }]);
  });

  it.each([
    ['no title and no link', {}],
    ['a javascript: link', { url: 'javascript:alert(1)' }],
    ['a data: link', { url: 'data:text/html,<script>' }],
    ['a link without a host', { url: 'https://' }],
    ['a link with a space', { url: 'https://a.cn/a b' }],
    ['a link with a bidi override', { url: 'https://a.cn/\u202egpj' }],
    ['a link with a control character', { url: 'https://a.cn/\u0007' }],
    ['a link with a zero-width space', { url: 'https://a\u200b.cn' }],
    ['a link of 2,001 characters', { url: `https://a.cn/${'x'.repeat(1990)}` }],
    ['a title of 501 characters', { title: '字'.repeat(501) }],
    ['an unknown key', { title: '县志', href: 'https://a.cn' }],
    ['an empty text', ''],
    ['a text with a control character', '县志\u0000'],
  ])('refuses %s', (_, value) => {
    expect(Source.safeParse(value).success).toBe(false);
    expect(DesignationUpdate.safeParse({ sources: [value] }).success).toBe(false);
  });

  it('names the field of a bad source in its issue path', () => {
    const issues = ProductCreate.safeParse({ nameZh: '某', category: 'food', counties: ['140521'], sources: ['县志', { url: 'ftp://a.cn' }] })
      .error!.issues;
    expect(issues[0].path).toEqual(['sources', 1, 'url']);
    expect(issues[0].message).toMatch(/http:\/\/ 或 https:\/\/ .* \/ A link/);
  });
});

describe('dates shown as known', () => {
  it.each([
    ['2013', '2013年', '2013'],
    ['2013-07', '2013年7月', 'July 2013'],
    ['2013-12', '2013年12月', 'December 2013'],
    ['2013-07-03', '2013-07-03', '2013-07-03'],
    ['not a date', 'not a date', 'not a date'],
  ])('%s is %s in Chinese and %s in English', (d, zh, en) => {
    expect(formatPartialDate(d, 'zh')).toBe(zh);
    expect(formatPartialDate(d, 'en')).toBe(en);
  });
});

describe('dates in order', () => {
  it.each([
    ['2019', '2020', true], ['2020', '2020-05-01', false], ['2020-04', '2020-05-01', true], ['2020-04-30', '2020-05', true],
    ['2020-05', '2020-05-31', false], ['2020-12-31', '2021', true],
  ])('%s is certainly before %s: %s', (a, b, before) => {
    expect(isBefore(a, b)).toBe(before);
  });

  it('orders by date, and as recorded where the dates cannot tell', () => {
    const on = (m: { on: string }) => m.on;
    // Recorded in order: nothing moves, though "2020" may have been any day of the year.
    const consistent = [{ on: '2020-05-01', n: 1 }, { on: '2020', n: 2 }, { on: '2020-05', n: 3 }, { on: '2021', n: 4 }];
    expect(inDateOrder(consistent, on)).toEqual(consistent);
    // A move recorded late that is certainly earlier goes back before the ones certainly after it.
    const late = [{ on: '2019', n: 1 }, { on: '2021-03', n: 2 }, { on: '2021', n: 3 }, { on: '2020-06-01', n: 4 }];
    expect(inDateOrder(late, on).map((m) => m.n)).toEqual([1, 4, 2, 3]);
  });
});
