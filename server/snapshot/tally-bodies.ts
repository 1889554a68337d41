/**
 * Tally answers from the tally index as bytes. The body of a period on a date is its head (the
 * period), the date's own few bytes (`asOf`, `periodEnded`), what the date's interval counts, and its
 * renewals list. Each part but the date's is deflated once and kept — the head per period, the counts
 * per run of intervals counting the same, the renewals per run of intervals listing the same (made of
 * runs of candidates, kept too, so a list that changes by one entry deflates one run again) — and the
 * gzip body is put together from them per request (gzip-splice.ts): a new date costs a stored block and
 * a CRC. The bytes decoded are exactly `JSON.stringify(tallyAnswer(…))`.
 */
import { randomBytes } from 'node:crypto';
import type { Period } from '../../db/model';
import { periodEndedOn, shownPeriod } from '../domain/tally/tally';
import type { TallyIndex } from '../domain/tally/tally-index';
import { grantedIn, intervalCounts, intervalOf, tallyFromIndex } from '../domain/tally/tally-index-read';
import { deflatedBytes, deflatePiece, gzipMember, joinPieces, storedPiece, type Piece } from './gzip-splice';
import type { SplicedBody } from './spliced-body';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Renewal candidates per run: a run's bytes are kept per set of its candidates listed (and lapsed). */
const RUN = 64;
/** Runs per block: a block's runs are kept copied together, so a body is a dozen buffers, not a hundred. */
const BLOCK = 8;

/** The end of every body. */
const CLOSE = deflatePiece(Buffer.from(']}'));

/** A kept piece, and its bytes while it is still stored as they are (deflated when asked for again). */
interface Entry { piece: Piece; stored: Buffer | null }

/** A map of pieces that forgets its least recently used entries past a byte budget. */
class Kept<K> {
  private readonly entries = new Map<K, Entry>();
  private used = 0;
  /** `storedFirst`: a piece is first kept as it is (no time spent compressing), and deflated the second time it is asked for. */
  constructor(private readonly maxBytes: number, private readonly storedFirst = false) {}

  get(key: K, make: () => Buffer | Piece): Piece {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (entry.stored) {
        this.used -= deflatedBytes(entry.piece);
        entry.piece = deflatePiece(entry.stored);
        entry.stored = null;
        this.used += deflatedBytes(entry.piece);
      }
      return entry.piece;
    }
    const made = make();
    if (!Buffer.isBuffer(made)) entry = { piece: made, stored: null };
    else entry = this.storedFirst ? { piece: storedPiece(made), stored: made } : { piece: deflatePiece(made), stored: null };
    this.entries.set(key, entry);
    this.used += deflatedBytes(entry.piece);
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes || this.entries.size === 1) break;
      this.entries.delete(k);
      this.used -= deflatedBytes(v.piece);
    }
    return entry.piece;
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
  /** Counts (about 1 KB each, 5 KB before they are deflated). */
  countsBytes?: number;
}

/** The tally answers of one index, with the deflated parts made so far. */
export class TallyBodies {
  /** Names this index's answers in their ETags: an ETag is its index's, period's, date's and `periodEnded`'s. */
  private readonly tag = randomBytes(9).toString('base64url');
  private readonly heads = new Map<number, Piece>();
  private readonly counts: Kept<string>;
  private readonly renewals: Kept<number>;
  private readonly blocks: Kept<string>;
  private readonly runs: Kept<string>;
  /** Each renewal candidate's entry as JSON, not lapsed and lapsed (made when first needed). */
  private readonly entries: (string | undefined)[];

  constructor(readonly index: TallyIndex, options: TallyBodiesOptions = {}) {
    const { renewalsBytes = 8 << 20, blockBytes = 4 << 20, runBytes = 2 << 20, countsBytes = 2 << 20 } = options;
    this.renewals = new Kept(renewalsBytes);
    this.blocks = new Kept(blockBytes);
    this.runs = new Kept(runBytes);
    this.entries = new Array(2 * index.candidates.length);
    // Counts change with nearly every event day and are mostly asked for once or twice: their first
    // answer sends them as they are (about 4 KB more) rather than spend 50 µs deflating them.
    this.counts = new Kept(countsBytes, true);
  }

  /** The answer of `period` (one of the index's periods) on `asOf`, `today` deciding whether the period has ended. */
  answer(period: Period, asOf: string, today: string): SplicedBody {
    const k = intervalOf(this.index, asOf);
    const ended = periodEndedOn(period, today);
    const gzip = gzipMember(this.head(period), Buffer.from(`"asOf":${JSON.stringify(asOf)},"periodEnded":${JSON.stringify(ended)},`), [
      this.counts.get(`${period.id}|${this.index.countsFrom[k]}`, () => {
        const text = JSON.stringify(intervalCounts(this.index, period, k));
        return Buffer.from(`${text.slice(1, -1)},"renewalsDue":[`);
      }),
      this.renewals.get(this.index.renewalsFrom[k], () => this.renewalsOf(k)),
    ]);
    return {
      type: JSON_TYPE,
      etag: `"${this.tag}.${period.id}.${asOf}.${ended ? 1 : 0}"`,
      gzip: gzip.parts,
      gzipLength: gzip.length,
      raw: () => Buffer.from(JSON.stringify(tallyFromIndex(this.index, period, asOf, today))),
    };
  }

  /** `{"period":{…},` */
  private head(period: Period): Piece {
    let head = this.heads.get(period.id);
    if (!head) this.heads.set(period.id, head = deflatePiece(Buffer.from(`{"period":${JSON.stringify(shownPeriod(period))},`)));
    return head;
  }

  /** The entries of the renewals list of interval `k` (comma-separated) and `]}`, in blocks of runs of candidates. */
  private renewalsOf(k: number): Piece {
    const horizon = this.index.horizon[k];
    const pieces: Piece[] = [];
    let first = true;
    for (let block = 0; block * BLOCK * RUN < horizon; block++) {
      const runs: { key: string; make: () => Buffer }[] = [];
      for (let r = block * BLOCK; r < (block + 1) * BLOCK && r * RUN < horizon; r++) {
        const run = this.run(k, r, first);
        if (run) {
          runs.push(run);
          first = false;
        }
      }
      if (runs.length === 0) continue;
      pieces.push(this.blocks.get(runs.map((x) => x.key).join(';'), () => joinPieces(runs.map((x) => this.runs.get(x.key, x.make)), { copy: true })));
    }
    return joinPieces([...pieces, CLOSE]);
  }

  /** Renewal candidate `c`'s entry in the list. */
  private entry(c: number, lapsed: boolean): string {
    const at = 2 * c + (lapsed ? 1 : 0);
    return (this.entries[at] ??= JSON.stringify({ ...this.index.candidates[c], lapsed }));
  }

  /** Run `r` of interval `k`: its key (which candidates are listed, which lapsed) and how to make its text; null when it lists none. */
  private run(k: number, r: number, first: boolean): { key: string; make: () => Buffer } | null {
    const { index } = this;
    const start = r * RUN;
    const end = Math.min(start + RUN, index.horizon[k]);
    let low = 0;
    let high = 0;
    for (let c = start; c < end; c++) {
      if (!grantedIn(index, c, k)) continue;
      if (c - start < 32) low |= 1 << (c - start);
      else high |= 1 << (c - start - 32);
    }
    if (low === 0 && high === 0) return null;
    const lapsed = index.lapsed[k];
    const cut = Math.min(Math.max(lapsed - start, 0), end - start);
    return {
      key: `${r}|${low}|${high}|${cut}|${first ? 1 : 0}`,
      make: () => {
        const entries: string[] = [];
        for (let c = start; c < end; c++) {
          const bit = c - start < 32 ? low & (1 << (c - start)) : high & (1 << (c - start - 32));
          if (bit) entries.push(this.entry(c, c < lapsed));
        }
        return Buffer.from(`${first ? '' : ','}${entries.join(',')}`);
      },
    };
  }
}
