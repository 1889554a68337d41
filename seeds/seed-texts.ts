/**
 * The words the seed writes: Chinese notes for the facts files' English ones (seeds/notes-zh.csv),
 * the facts files' sources as links with titles (seeds/sources.csv, else the rules of sourceFromText),
 * and the notes each seeded designation and status move carry.
 */
import { sourceFromText, sourceKey, sourceText, type SourceValue } from '../db/model';
import { parseCsvRecords } from './csv';

/** The plan, cited by every candidate. */
export const PLAN_SOURCE: SourceValue = { title: '晋城市“十四五”知识产权保护和运用规划（晋市政发〔2022〕32号）', url: null };

/** Reading the seed's texts. */
export interface SeedTexts {
  /** A note in Chinese: Chinese text as it is, English by its translation (an error when there is none). */
  zh(note: string): string;
  /** A cell of sources (`a ; b`) as links with titles. */
  sources(cell: string): SourceValue[];
  /** What makes two sources the same. */
  key(source: SourceValue): string;
}

/** The seed's texts from the contents of notes-zh.csv and sources.csv. */
export function readSeedTexts(notesCsv: string, sourcesCsv: string): SeedTexts {
  const notes = new Map(parseCsvRecords(notesCsv).map((r) => [r.en, r.zh]));
  const links = new Map(parseCsvRecords(sourcesCsv).map((r) => [r.cited, { title: r.title || null, url: r.url || null }]));
  return {
    zh(note) {
      if (!/[A-Za-z]{3,}/.test(note.replace(/DB ?\d+\/T|AGI[\d-]+/g, ''))) return note;
      const zh = notes.get(note);
      if (zh === undefined) throw new Error(`seeds/notes-zh.csv has no translation of ${JSON.stringify(note)}`);
      return zh;
    },
    sources(cell) {
      const pieces = cell.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
      const out: SourceValue[] = [];
      for (const piece of pieces) {
        const source = links.get(piece) ?? sourceFromText(piece);
        if (!out.some((s) => sourceKey(s) === sourceKey(source))) out.push(source);
      }
      return out;
    },
    key: sourceKey,
  };
}

/** How sure a fact is, in words: good = two or more agreeing sources; medium = one. */
function confidenceZh(confidence: string): string {
  return confidence === 'good' ? '较高' : '一般';
}

/**
 * A seeded fact's notes: its note in Chinese, how sure it is, and that the cultivation and filing
 * moves share the fact's date (the sources give no other). The date's precision needs no words.
 */
export function factNotes(f: { note: string; confidence: string }, texts: SeedTexts): string {
  return [
    texts.zh(f.note),
    `来源可信度：${f.confidence === 'good' ? '较高（两个以上来源一致）' : '一般（单一来源）'}。`,
    '申报日期不详：培育、申报记录与此日期相同。',
  ].filter(Boolean).join(' ');
}

/** The note of a seeded fact's status moves: where the fact came from and how sure it is. */
export function factMoveNote(sources: SourceValue[], confidence: string): string {
  return `来源：${sources.map(sourceText).join('；') || '未注明'}（可信度：${confidenceZh(confidence)}）`;
}
