/**
 * The API page (GET /api/docs) in the viewer's language, over HTTP: in Chinese, no English prose outside
 * code (every text of the document shown in its Chinese, none left marked `lang="en"`), and every group of
 * operations named, in Chinese and in English, in its heading and in the contents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZH } from '../../server/openapi/zh';
import { call, startServer, type TestServer } from '../support/server';

let server: TestServer;
let doc: { tags: { name: string }[]; paths: Record<string, Record<string, { tags: string[] }>> };
const pages: Record<'zh' | 'en', string> = { zh: '', en: '' };

beforeAll(async () => {
  server = await startServer({ seed: false });
  doc = (await call(`${server.url}/api/openapi.json`)).body;
  pages.zh = await (await fetch(`${server.url}/api/docs`)).text();
  pages.en = await (await fetch(`${server.url}/api/docs?lang=en`)).text();
});
afterAll(() => server.close());

/** The link to the page in the other language, written in that language on purpose. */
const LANGUAGE_LINK = /<a class="lang"[^>]*>[^<]*<\/a>/;

/** The text a reader reads in the page's body: no code (identifiers, paths, media types), no link to the other language. */
function readText(html: string): string {
  const body = html.slice(html.indexOf('<body>'), html.indexOf('</body>'));
  return body.replace(LANGUAGE_LINK, ' ').replace(/<code>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

/** English in a text: a lower-case word (technical names are capitalised: GeoJSON, Excel), or two words in a row. */
function englishIn(text: string): string[] {
  const found = [...text.matchAll(/\b[a-z]{2,}\b|\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/g)].map((m) => {
    const at = m.index!;
    return text.slice(Math.max(0, at - 20), at + m[0].length + 20).replace(/\s+/g, ' ');
  });
  return [...new Set(found)];
}

/** The tags that have operations, as the page groups them. */
const usedTags = () => doc.tags.map((t) => t.name).filter((name) =>
  Object.values(doc.paths).some((item) => Object.values(item).some((op) => op.tags[0] === name)));

describe('GET /api/docs in Chinese', () => {
  it('reads in Chinese: nothing marked English but the link to the English page, no English outside code', () => {
    const marked = [...pages.zh.replace(LANGUAGE_LINK, '').matchAll(/<(\w+)[^>]* lang="en"[^>]*>([^<]{0,80})/g)].map((m) => `<${m[1]}> ${m[2]}`);
    expect(marked, 'texts of the document with no Chinese in server/openapi/zh.ts').toEqual([]);
    expect(englishIn(readText(pages.zh))).toEqual([]);
    expect(pages.zh).toMatch(LANGUAGE_LINK);
  });

  it('has Chinese only for texts the document still carries', () => {
    const carried = JSON.stringify(doc);
    const stale = Object.keys(ZH).filter((english) => !carried.includes(JSON.stringify(english).slice(1, -1)));
    expect(stale).toEqual([]);
  });

  it('still tells English from Chinese: the English page reads in English', () => {
    expect(englishIn(readText(pages.en)).length).toBeGreaterThan(100);
  });
});

describe.each(['zh', 'en'] as const)('the groups of operations (%s)', (lang) => {
  it('are each named, in the heading and in the contents, in the page’s language', () => {
    const names = usedTags();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const heading = new RegExp(`<h2 id="h-${name}">([^<]*) <small>`).exec(pages[lang])?.[1];
      const contents = new RegExp(`<a href="#tag-${name}">([^<]*)</a>`).exec(pages[lang])?.[1];
      expect(heading, name).toBeDefined();
      expect(contents, name).toBe(heading);
      expect(heading, `the title of ${name}`).not.toBe(name);
      if (lang === 'zh') expect(heading, name).toMatch(/^\p{Script=Han}/u);
      else expect(heading, name).toMatch(/^[A-Z][a-z]/);
    }
  });
});
