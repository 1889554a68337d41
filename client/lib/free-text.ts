/**
 * Text typed by people (notes, descriptions, holders, labels, source titles) is written in Chinese.
 * On an English page it is marked as Chinese (`lang="zh-CN"`, so screen readers and fonts treat it
 * right), and long texts get a small "(中文)" so a reader knows the language is not a mistake.
 */
import { html } from 'lit';
import { lang, t, type MessageKey } from '../i18n';

/** Free text in its language: marked `zh-CN` on an English page, with "(中文)" after it when `marker`. */
export function freeText(text: string, { marker = false } = {}) {
  if (lang() !== 'en') return text;
  return html`<span lang="zh-CN">${text}</span>${marker && /\p{Script=Han}/u.test(text)
    ? html` <span class="lang-marker" lang="zh-CN">(中文)</span>` : ''}`;
}

/** The `lang` attribute for an element holding free text: `zh-CN` on an English page, else none. */
export function freeTextLang(): string | undefined {
  return lang() === 'en' ? 'zh-CN' : undefined;
}

/**
 * A message with one of its placeholders filled by a template (Chinese names in a `lang` span, a link),
 * wherever the language puts it: "原文列在{township}下" and "listed under {township}" alike.
 */
export function messageWith(key: MessageKey, slot: string, part: unknown, vars: Record<string, string | number> = {}) {
  const mark = '\u0000';
  const [before, after = ''] = t(key, { ...vars, [slot]: mark }).split(mark);
  return html`${before}${part}${after}`;
}

/** Chinese text (names as the codes have them) in a span marked `zh-CN` on an English page. */
export function zhText(text: string) {
  return lang() === 'en' ? html`<span lang="zh-CN">${text}</span>` : text;
}

/** A run of Chinese: Han characters and CJK punctuation, with the digits and spaces between them (质检总局2015年第143号公告). */
const CHINESE_RUN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]+(?:[\d\s.\-·/]*[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]+)*/gu;

/** A text cut into its runs of Chinese and the rest, in order. */
export function chineseRuns(text: string): { text: string; zh: boolean }[] {
  const runs: { text: string; zh: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(CHINESE_RUN)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index), zh: false });
    runs.push({ text: m[0], zh: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), zh: false });
  return runs;
}

/**
 * A text with its runs of Chinese marked `zh-CN` on an English page: a Chinese term glossed in an English
 * sentence, a name or an announcement number inside a message. On a Chinese page, the text as it is.
 */
export function markChinese(text: string) {
  if (lang() !== 'en') return text;
  return chineseRuns(text).map((r) => (r.zh ? html`<span lang="zh-CN">${r.text}</span>` : r.text));
}

