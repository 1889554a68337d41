/**
 * Tally answers from the tally index as bytes. The body of a period on a date is its head (the
 * period), the date's own few bytes (`asOf`, `periodEnded`), what the date's interval counts, and its
 * renewals list. Each part but the date's is made once and kept — the head per period, the counts per
 * run of intervals counting the same, the renewals list per run of intervals listing the same, made of
 * blocks of runs of candidates kept by version (tally-layout.ts), so a list that changes by one entry
 * makes one run again — and the gzip body is put together from them per request (gzip-splice.ts): a
 * new date costs a stored block and a CRC. The bytes decoded are exactly `JSON.stringify(tallyAnswer(…))`.
 */
import { randomBytes } from 'node:crypto';
import type { Period } from '../../db/model';
import { defaultAsOf, periodEndedOn, shownPeriod } from '../domain/tally/tally';
import type { TallyIndex } from '../domain/tally/tally-index';
import { grantedIn, intervalCounts, intervalOf, tallyFromIndex } from '../domain/tally/tally-index-read';
import { deflatedBytes, deflatePiece, gzipMember, joinPieces, storedPiece, type Piece } from './gzip-splice';
import type { SplicedBody } from './spliced-body';
import { RecencyMap } from './recency-map';
import { BLOCK, RUN, shortVersion, versionOf, type TallyLayout } from './tally-layout';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The end of every body. */
const CLOSE = deflatePiece(Buffer.from(']}'));

/** A map of pieces that forgets its least recently used entries past a byte budget (the pieces', and the keys' by `keyBytes`). */
class Kept<K> {
  private readonly entries = new RecencyMap<K, Piece>();
  private used = 0;
  constructor(private readonly maxBytes: number, private readonly keyBytes: (key: K) => number = () => 0) {}

  get(key: K, make: () => Piece): Piece {
    let piece = this.entries.get(key);
    if (piece) return piece;
    piece = make();
    this.entries.set(key, piece);
    this.used += deflatedBytes(piece) + this.keyBytes(key);
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes || this.entries.size === 1) break;
      this.entries.delete(k);
      this.used -= deflatedBytes(v) + this.keyBytes(k);
    }
    return piece;
  }
}

/**
 * Deflated pieces by their text, shared by the answers of successive indexes. A write makes a new index,
 * whose parts are all made again; most of them read as before (a write moves a few products' entries and
 * counts), so their deflate is found here rather than done again. Deflate is a function of the text alone,
 * so a piece found is the bytes a new one would be.
 */
export class DeflatedTexts {
  private readonly kept: Kept<string>;
  /** Pieces deflated here, and pieces found made (tests read them). */
  readonly stats = { made: 0, found: 0 };
  /** `maxBytes`: deflated bytes and their texts (two bytes a character). */
  constructor(maxBytes = 8 << 20) {
    this.kept = new Kept(maxBytes, (text) => 2 * text.length);
  }

  /** `text` deflated (gzip-splice.ts), found or made now. */
  piece(text: string): Piece {
    let made = false;
    const piece = this.kept.get(text, () => {
      made = true;
      return deflatePiece(Buffer.from(text));
    });
    this.stats[made ? 'made' : 'found']++;
    return piece;
  }
}

/** Limits of the parts kept (bytes of deflate). */
export interface TallyBodiesOptions {
  /** Renewals lists (their blocks' bytes; a national list is up to about 90 KB). */
  renewalsBytes?: number;
  /** Blocks of runs of renewal candidates (about 10 KB each). */
  blockBytes?: number;
  /** Runs of renewal candidates (about 1.3 KB each). */
  runBytes?: number;
  /** Counts (about 1 KB each). */
  countsBytes?: number;
}

/** The tally answers of one index, with the parts made so far. */
export class TallyBodies {
  /** Names this index's answers in their ETags: an ETag is its index's, period's, date's and `periodEnded`'s. */
  private readonly tag = randomBytes(9).toString('base64url');
  private readonly heads = new Map<number, Piece>();
  private readonly counts: Kept<string>;
  private readonly renewals: Kept<number>;
  private readonly blocks: Kept<number>;
  private readonly runs: Kept<number>;
  /** Each renewal candidate's entry as JSON, not lapsed and lapsed (made when first needed). */
  private readonly entries: (string | undefined)[];

  /** `texts`: deflated pieces shared with the answers of the indexes before and after this one. */
  constructor(
    readonly index: TallyIndex, private readonly layout: TallyLayout, options: TallyBodiesOptions = {},
    private readonly texts = new DeflatedTexts(),
  ) {
    const { renewalsBytes = 4 << 20, blockBytes = 4 << 20, runBytes = 1 << 20, countsBytes = 1 << 20 } = options;
    this.renewals = new Kept(renewalsBytes);
    this.blocks = new Kept(blockBytes);
    this.runs = new Kept(runBytes);
    this.counts = new Kept(countsBytes);
    this.entries = new Array(2 * index.candidates.length);
  }

  /** The answer of `period` (one of the index's periods) on `asOf`, `today` deciding whether the period has ended. */
  answer(period: Period, asOf: string, today: string): SplicedBody {
    const { index } = this;
    const k = intervalOf(index, asOf);
    const ended = periodEndedOn(period, today);
    // The interval of the date a tally without `asOf` shows is asked for by every such tally: its parts
    // are kept and deflated however short it is.
    const hot = k === intervalOf(index, defaultAsOf(period, today));
    const countsShort = !hot && this.layout.countsShort[k] === 1;
    const gzip = gzipMember(this.head(period), Buffer.from(`"asOf":${JSON.stringify(asOf)},"periodEnded":${JSON.stringify(ended)},`), [
      this.kept(this.counts, `${period.id}|${index.countsFrom[k]}`, countsShort, () => {
        const text = JSON.stringify(intervalCounts(index, period, k));
        return this.piece(`${text.slice(1, -1)},"renewalsDue":[`, countsShort);
      }),
      this.kept(this.renewals, index.renewalsFrom[k], !hot && this.layout.renewalsShort[k] === 1, () => this.renewalsOf(k, hot)),
    ]);
    return {
      type: JSON_TYPE,
      etag: `"${this.tag}.${period.id}.${asOf}.${ended ? 1 : 0}"`,
      gzip: gzip.parts,
      gzipLength: gzip.length,
      raw: () => Buffer.from(JSON.stringify(tallyFromIndex(index, period, asOf, today))),
    };
  }

  /** The piece kept under `key`, made now if it is not; a short-lived one is made and not kept. */
  private kept<K>(kept: Kept<K>, key: K, short: boolean, make: () => Piece): Piece {
    return short ? make() : kept.get(key, make);
  }

  /** `text` as a piece: stored when short-lived, else deflated (or found deflated by an earlier index's answers). */
  private piece(text: string, short: boolean): Piece {
    return short ? storedPiece(Buffer.from(text)) : this.texts.piece(text);
  }

  /** `{"period":{…},` */
  private head(period: Period): Piece {
    let head = this.heads.get(period.id);
    if (!head) this.heads.set(period.id, head = this.texts.piece(`{"period":${JSON.stringify(shownPeriod(period))},`));
    return head;
  }

  /**
   * The entries of the renewals list of interval `k` and `]}`, in blocks of runs. Every entry but the
   * first of the list is written after a comma, so the block and run holding the first are kept apart.
   * `hot`: every part is kept, short-lived or not.
   */
  private renewalsOf(k: number, hot: boolean): Piece {
    const { index } = this;
    const horizon = index.horizon[k];
    let first = 0;
    while (first < horizon && !grantedIn(index, first, k)) first++;
    const pieces: Piece[] = [];
    const blockSize = RUN * BLOCK;
    for (let b = Math.floor(first / blockSize); b * blockSize < horizon; b++) {
      const v = versionOf(this.layout.blocks, b, k);
      const holdsFirst = Math.floor(first / blockSize) === b;
      const short = !hot && shortVersion(this.layout.blocks, this.layout.dayNumbers, b, v);
      const block = this.kept(this.blocks, 2 * (this.layout.blocks.at[b] + v) + (holdsFirst ? 1 : 0), short, () => {
        const runs: Piece[] = [];
        for (let r = b * BLOCK; r < (b + 1) * BLOCK && r * RUN < horizon; r++) {
          const run = this.run(k, r, first, hot);
          if (run.length > 0) runs.push(run);
        }
        return joinPieces(runs, { copy: true });
      });
      if (block.length > 0) pieces.push(block);
    }
    return joinPieces([...pieces, CLOSE]);
  }

  /** Run `r` of interval `k`'s renewals list, `first` being the list's first entry (written without a comma); `hot` as in renewalsOf. */
  private run(k: number, r: number, first: number, hot: boolean): Piece {
    const v = versionOf(this.layout.runs, r, k);
    const start = r * RUN;
    const holdsFirst = first >= start && first < start + RUN;
    const { index } = this;
    const short = !hot && shortVersion(this.layout.runs, this.layout.dayNumbers, r, v);
    return this.kept(this.runs, 2 * (this.layout.runs.at[r] + v) + (holdsFirst ? 1 : 0), short, () => {
      const end = Math.min(start + RUN, index.horizon[k]);
      let text = '';
      for (let c = start; c < end; c++) {
        if (grantedIn(index, c, k)) text += `${c === first ? '' : ','}${this.entry(c, c < index.lapsed[k])}`;
      }
      return text === '' ? joinPieces([]) : this.piece(text, short);
    });
  }

  /** Renewal candidate `c`'s entry in the list. */
  private entry(c: number, lapsed: boolean): string {
    const at = 2 * c + (lapsed ? 1 : 0);
    return (this.entries[at] ??= JSON.stringify({ ...this.index.candidates[c], lapsed }));
  }
}
