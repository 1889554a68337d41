/**
 * Sources written as text, as spreadsheets and older records have them: `sqrdapp.com/news/2020/11/576065.html`,
 * `https://… 标题`, `标题 https://…`, `标题 <https://…>` or a citation with no address. Migration 0004
 * reads stored texts by the same rules in SQL (db/migrations/0004_dates_sources_figures.sql).
 */

/** A source as stored and answered: a title, a web address (http or https), or both. */
export interface SourceValue { title: string | null; url: string | null }

/** The longest web address a source keeps. */
export const MAX_URL_LENGTH = 2000;

/** Characters a bare address (`host.tld/path`) may have: the path's are those of a plain URL. */
const BARE_ADDRESS = /^([a-z0-9.-]+)(\/[a-z0-9./_%?=&#:~+-]*)?$/i;
/** A host of a bare address: dot-separated, no empty label, ending in a 2–24 letter top-level domain. */
const BARE_HOST = /^(?![.-])(?!.*\.\.)[a-z0-9.-]*\.[a-z]{2,24}$/i;

/** Whether a text is a whole http(s) address a browser can open (no spaces, a host). */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text) || text.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A word read as an address: a whole http(s) address as it is, a bare `host.tld/path` with `https://`; else null. */
export function addressOf(word: string): string | null {
  if (isWebAddress(word)) return word;
  const bare = BARE_ADDRESS.exec(word);
  if (!bare || !BARE_HOST.test(bare[1])) return null;
  const url = `https://${word}`;
  return isWebAddress(url) ? url : null;
}

/** A title without one pair of brackets around it (`(2024-06-04)` → `2024-06-04`); null when nothing is left. */
function titleOf(text: string): string | null {
  const t = text.trim();
  const inner = /^\((.*)\)$/s.exec(t) ?? /^（(.*)）$/s.exec(t);
  const title = (inner ? inner[1] : t).trim();
  return title === '' ? null : title;
}

/**
 * Reads one source written as text: an address first (`host/path 标题`) or last (`标题 https://…`,
 * `标题 <https://…>`) becomes the link and the rest its title; anything else is a title alone.
 */
export function sourceFromText(text: string): SourceValue {
  const s = text.trim();
  // Words are separated by ASCII spaces only, as migration 0004's SQL separates them.
  const first = s.split(' ', 1)[0];
  const firstUrl = addressOf(first);
  if (firstUrl) return { title: titleOf(s.slice(first.length)), url: firstUrl };
  const lastSpace = s.lastIndexOf(' ');
  if (lastSpace > 0) {
    const last = s.slice(lastSpace + 1);
    const url = /^<(.*)>$/.exec(last)?.[1] ?? last;
    if (isWebAddress(url)) return { title: titleOf(s.slice(0, lastSpace)), url };
  }
  const bracketed = /^<(.*)>$/.exec(s)?.[1];
  if (bracketed && isWebAddress(bracketed)) return { title: null, url: bracketed };
  return { title: s, url: null };
}

/** Reads a cell that may hold several sources separated by semicolons (`a ; b`, `a；b`). */
export function sourcesFromText(text: string): SourceValue[] {
  return text.split(/[;；]/).map((s) => s.trim()).filter((s) => s !== '').map(sourceFromText);
}

/** A source as one line of text that sourceFromText reads back: `标题 <https://…>`, the address, or the title. */
export function sourceText(s: SourceValue): string {
  if (s.title && s.url) return `${s.title} <${s.url}>`;
  return s.url ?? s.title ?? '';
}

/** What makes two sources the same source: the address when there is one, else the title. */
export function sourceKey(s: SourceValue): string {
  return s.url ? `url:${s.url}` : `title:${s.title ?? ''}`;
}

/** The host of a source's address (`sqrdapp.com`), shown when it has no title; null without an address. */
export function sourceHost(s: SourceValue): string | null {
  if (!s.url) return null;
  try {
    return new URL(s.url).hostname;
  } catch {
    return null;
  }
}
