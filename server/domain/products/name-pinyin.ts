/**
 * The toneless pinyin of a product's Chinese name (`namePinyin` of db/model/product-search.ts), made with
 * pinyin-pro the way township names are (seeds/divisions/names.ts) and kept per name, so a name is
 * converted once per process (and worker) whatever the number of requests: answers are rebuilt per
 * registry version and each rebuild only looks names up.
 */
import { pinyinKey } from '../../../seeds/divisions/names';

/** Names kept; past this many the memo starts again rather than grow without end. */
const MAX_KEPT = 100_000;
const kept = new Map<string, string>();

/** Toneless pinyin of a Chinese name: lower case, syllables joined by one space, ü written v ("lv cha"). */
export function namePinyin(nameZh: string): string {
  let found = kept.get(nameZh);
  if (found === undefined) {
    if (kept.size >= MAX_KEPT) kept.clear();
    // Spaces inside a Latin run ("Q 酒") would read as syllable breaks: one run, one syllable.
    found = pinyinKey(nameZh.normalize('NFKC').replace(/\s+/g, '')).replace(/ü/g, 'v');
    kept.set(nameZh, found);
  }
  return found;
}
