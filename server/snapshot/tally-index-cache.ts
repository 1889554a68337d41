/**
 * The tally index of the current registry version (tally-index.ts) with its answers' kept pieces
 * (tally-bodies.ts), built once per version by whoever builds it (a task worker) and kept on the event
 * loop, where a tally for a new date then costs microseconds. Like the ready cache: one build per
 * version, and while one runs the public is answered from the previous index, while whoever asked for
 * the build waits for it (so a writer sees its write).
 */
import type { TallyIndex } from '../domain/tally/tally-index';
import { DeflatedTexts, TallyBodies, type TallyBodiesOptions } from './tally-bodies';
import type { TallyLayout } from './tally-layout';
import type { RebuildPace } from './rebuild-pace';

/**
 * What a build gives: the index of a version and its answers' layout, or null when this registry
 * cannot have one (its tallies are replayed).
 */
export interface BuiltTallyIndex { version: number; built: { index: TallyIndex; layout: TallyLayout } | null }

/**
 * The index kept for a version, ready to answer from (`bodies` null: replay the tally instead), with when
 * (by the pace's clock) and in how long it was built.
 */
export interface KeptTallyIndex { version: number; bodies: TallyBodies | null; builtAt: number; buildMs: number }

/** The tally index of the current registry version, built on demand and kept until the version moves. */
export class TallyIndexCache {
  private kept: KeptTallyIndex | null = null;
  private building: { version: number; promise: Promise<KeptTallyIndex> } | null = null;
  /** Deflated parts of answers, kept across versions: a new index's answers find most of theirs here. */
  private readonly texts = new DeflatedTexts();
  /** Builds started and stale answers given (tests and the bench read them). */
  readonly stats = { builds: 0, stale: 0 };

  constructor(
    private readonly currentVersion: () => number,
    private readonly build: () => Promise<BuiltTallyIndex>,
    private readonly options: TallyBodiesOptions = {},
    private readonly pace?: RebuildPace,
  ) {}

  /** The index of the current version, built now if no build of it is under way (the caller waits). */
  current(): KeptTallyIndex | Promise<KeptTallyIndex> {
    const version = this.currentVersion();
    if (this.kept && this.kept.version >= version) return this.kept;
    if (this.building && this.building.version >= version) return this.building.promise;
    this.stats.builds++;
    const started = this.clock();
    const promise = this.build().then(({ version: at, built }) => {
      const builtAt = this.clock();
      this.pace?.spent(builtAt - started);
      const kept = { version: at, bodies: built ? new TallyBodies(built.index, built.layout, this.options, this.texts) : null, builtAt, buildMs: builtAt - started };
      if (!this.kept || this.kept.version <= at) this.kept = kept;
      return kept;
    }).finally(() => {
      if (this.building?.promise === promise) this.building = null;
    });
    this.building = { version, promise };
    return promise;
  }

  /**
   * The index to answer the public from at once: the current version's, or the previous one while the
   * current one is being built or while the public's rebuild budget is spent (rebuild-pace.ts);
   * undefined when none (the caller then asks `current()` and waits).
   */
  peek(): KeptTallyIndex | undefined {
    if (!this.kept) return undefined;
    if (this.kept.version >= this.currentVersion()) return this.kept;
    if (!this.building && !this.pace?.mayServeStale(this.kept.builtAt, this.kept.buildMs)) return undefined;
    this.stats.stale++;
    return this.kept;
  }

  private clock(): number {
    return this.pace ? this.pace.now() : 0;
  }
}
