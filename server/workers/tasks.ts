/**
 * The work the task pool runs off the event loop, by name: snapshot builds (one ready body each)
 * and exports (streams of chunks). The same functions run inline for an in-memory database.
 */
import type { Db } from '../../db/open';
import { HttpError } from '../errors';
import type { Cultivation, ProductFilter } from '../../db/model';
import { cultivationXlsx } from '../exchange/export/cultivation-xlsx';
import { csvChunks, exportSheets, iterateExportRows, officialExportSheets, xlsxChunks } from '../exchange/export/export';
import type { ReplayIndex } from '../domain/tally/tally-replay';
import { ReplayStore } from '../domain/tally/replay-store';
import { buildTallyIndex } from '../domain/tally/tally-index';
import { NotADay } from '../domain/tally/tally-index-days';
import { listPeriods } from '../domain/tally/periods';
import type { BuiltTallyIndex } from '../snapshot/tally-index-cache';
import { layoutOf } from '../snapshot/tally-layout';
import type { SignedIn, Viewer } from '../domain/access/viewer';
import { compactReadyBody, makeReadyBody, type Encoding, type ReadyBody } from '../snapshot/ready-body';
import {
  GEOJSON_TYPE, productSnapshot, seriesSnapshot, tallySnapshot, type SeriesRequest, type SnapshotText,
  type TallyRequest,
} from '../snapshot/public-snapshot';
import { registryVersionReader } from '../snapshot/ready-cache';
import { RegistryChanges } from '../snapshot/registry-changes';
import type { ReadPlaces } from '../snapshot/cluster-index-cache';
import { PointFragments, productPoints } from '../domain/products/product-places';
import { importFile, type ImportFileInput } from '../exchange/import/import-file';
import { importReportXlsx, type ImportReportInput } from '../exchange/import/import-report-xlsx';
import { annualReportFile, annualReportSnapshot, type AnnualReportRequest, type ReportFormat } from '../snapshot/report-snapshot';

/** What a task sees: its database, and the replay index of the registry version it last read. */
export interface TaskContext {
  /** The read-only connection. */
  db: Db;
  /** A connection that may write (opened on first use: only imports write). */
  writableDb(): Db;
  /** The replay index of the current registry version (patched when a write since the last one can have moved the tally). */
  replayIndex(): ReplayIndex;
  /** The registry version as the connection reads it now. */
  registryVersion(): number;
  /** The map's features of each product, kept as text until a write touches the product. */
  pointFragments: PointFragments;
  /** Reports how the running task is getting on (set per task). */
  progress(value: unknown): void;
}

/** A task context over a read-only connection, a way to open a writable one, and the replay index kept per registry version. */
export function taskContext(db: Db, openWritable: () => Db): TaskContext {
  const version = registryVersionReader(db.$client);
  const changes = new RegistryChanges(db.$client, version, { prune: false });
  // The replay index holds until a write that can move the tally (not at every registry write); then the
  // products changed since are read again (every product changed, so it equals a whole load), or everything
  // after a change of everything. One read transaction: the version kept is at or before every row read.
  let kept: { version: number; store: ReplayStore } | null = null;
  const replayIndex = db.$client.transaction((): ReplayIndex => {
    if (kept && changes.lastChanged('tally') <= kept.version) return kept.store.index();
    const at = version();
    const since = kept ? changes.changedSince(kept.version) : 'all';
    if (since === 'all' || !kept) kept = { version: at, store: ReplayStore.load(db) };
    else {
      kept.store.patch(db, since);
      kept.version = at;
    }
    return kept.store.index();
  });
  let writable: Db | null = null;
  return {
    db,
    pointFragments: new PointFragments(changes, version),
    writableDb: () => (writable ??= openWritable()),
    progress: () => {},
    registryVersion: version,
    replayIndex: () => replayIndex(),
  };
}

/** A body built as bytes (the map's GeoJSON, put together from kept fragments). */
type SnapshotBytes = { type: string; text: Buffer };

/** Bodies this large are compressed here in both encodings, so the event loop never has to. */
const BOTH_ENCODINGS_BYTES = 256 * 1024;

/**
 * One read transaction per build, so a build never mixes two versions of the registry; compressed
 * ahead in the encodings the requesting client takes (large bodies in both), and sent without the
 * identity bytes once compressed (`readyToSend`).
 */
const ready = (ctx: TaskContext, encodings: Encoding[], build: () => SnapshotText | SnapshotBytes): ReadyBody => {
  const { type, text } = ctx.db.transaction(build);
  return readyToSend(makeReadyBody(type, text, text.length > BOTH_ENCODINGS_BYTES ? ['br', 'gzip'] : encodings));
};

/**
 * A body as it crosses to the event loop: without its identity bytes when it holds a compressed form
 * (the ready cache keeps it so anyway). A message is a copy, so the national GeoJSON would cross as 8 MB
 * of text beside its 1 MB compressed, and the event loop would allocate and collect the 8 MB after every
 * rebuild.
 */
function readyToSend(body: ReadyBody): ReadyBody {
  compactReadyBody(body);
  return body;
}

/** Public product pages built together, with the registry version their one read saw. */
export interface BuiltProductPages { version: number; pages: { id: number; body: ReadyBody }[] }

/**
 * The public's page of each product in `ids` (product-pages.ts keeps them ready), in one read
 * transaction; a product the public may not see (any more) is left out.
 */
function productPages(ctx: TaskContext, { ids, today, encodings }: { ids: number[]; today: string } & Ahead): BuiltProductPages {
  return ctx.db.transaction(() => {
    const version = ctx.registryVersion();
    const pages: BuiltProductPages['pages'] = [];
    for (const id of ids) {
      let text: SnapshotText;
      try {
        text = productSnapshot(ctx.db, id, null, today);
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) continue; // not public: the route answers it when asked
        throw error;
      }
      pages.push({ id, body: readyToSend(makeReadyBody(text.type, text.text, encodings)) });
    }
    return { version, pages };
  });
}

/** What every snapshot task is told besides its own input: the encodings to make ahead. */
type Ahead = { encodings: Encoding[] };

const runners = {
  // Readiness: a worker starts, opens the database and reads it (its schema version).
  ping: (ctx: TaskContext, _input: null) => ctx.db.$client.pragma('user_version', { simple: true }) as number,
  productsGeoJson: (ctx: TaskContext, input: { filter: ProductFilter; viewer: Viewer } & Ahead) =>
    ready(ctx, input.encodings, () => ({ type: GEOJSON_TYPE, text: ctx.pointFragments.bytes(ctx.db, input.filter, input.viewer) })),
  productPages: (ctx: TaskContext, input: { ids: number[]; today: string } & Ahead) => productPages(ctx, input),
  // The same places as plain data, with their version, for the map's cluster index (kept on the event loop).
  productPlaces: (ctx: TaskContext, input: { filter: ProductFilter; viewer: Viewer }): ReadPlaces =>
    ctx.db.transaction(() => ({ version: ctx.registryVersion(), places: productPoints(ctx.db, input.filter, input.viewer) })),
  tally: (ctx: TaskContext, input: TallyRequest & Ahead) => ready(ctx, input.encodings, () => tallySnapshot(ctx.db, ctx.replayIndex(), input)),
  tallyIndex: (ctx: TaskContext, _input: Record<string, never>) => tallyIndex(ctx),
  series: (ctx: TaskContext, input: SeriesRequest & Ahead) => ready(ctx, input.encodings, () => seriesSnapshot(ctx.db, ctx.replayIndex(), input)),
  importFile: (ctx: TaskContext, input: ImportFileInput) => importFile(ctx.writableDb(), input, ctx.progress),
  // A check writes inside a transaction it always rolls back, so it needs the writable connection too.
  importReportXlsx: (ctx: TaskContext, input: ImportReportInput) => importReportXlsx(ctx.writableDb(), input),
  annualReport: (ctx: TaskContext, input: AnnualReportRequest & Ahead) =>
    ready(ctx, input.encodings, () => annualReportSnapshot(ctx.db, ctx.replayIndex(), input)),
  annualReportFile: (ctx: TaskContext, input: AnnualReportRequest & { format: ReportFormat; lang: 'zh' | 'en' }) =>
    annualReportFile(ctx.db, () => ctx.replayIndex(), input),
  cultivationXlsx: (_ctx: TaskContext, input: { board: Cultivation; lang: 'zh' | 'en'; names: Record<string, { zh: string; en: string }> }) =>
    cultivationXlsx(input.board, input.lang, input.names),
};

const streams = {
  exportCsv: (ctx: TaskContext, input: { filter: ProductFilter; viewer: Viewer }) =>
    toAsync(csvChunks(iterateExportRows(ctx.db, input.filter, input.viewer))),
  exportXlsx: (ctx: TaskContext, input: { filter: ProductFilter; viewer: Viewer }) => xlsxChunks(exportSheets(ctx.db, input.filter, input.viewer)),
  exportXlsxForOfficial: (ctx: TaskContext, input: { filter: ProductFilter; viewer: SignedIn }) =>
    xlsxChunks(officialExportSheets(ctx.db, input.filter, input.viewer)),
};

/**
 * The tally index of the registry version read, in one read transaction, and its answers' layout: built
 * here beside the replay index it is drawn from (kept per version by this worker for the other
 * tallies), off the event loop (about a third of a second at national scale), and sent to the event
 * loop as plain arrays. A registry with a date the index cannot turn on gets none: its tallies are
 * replayed as before.
 */
function tallyIndex(ctx: TaskContext): BuiltTallyIndex {
  return ctx.db.transaction(() => {
    const version = ctx.registryVersion();
    try {
      const index = buildTallyIndex(ctx.replayIndex(), listPeriods(ctx.db));
      return { version, built: { index, layout: layoutOf(index) } };
    } catch (error) {
      if (error instanceof NotADay) return { version, built: null };
      throw error;
    }
  });
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** The names of the tasks that return one result. */
export type TaskName = keyof typeof runners;

/** What a task keeps in its worker between runs: the replay index (TaskContext.replayIndex), or the map's point fragments. */
export type KeptState = 'replay' | 'points';

/**
 * The tasks that read what a worker keeps: the pool runs each kind on one worker of its own, so that after a
 * write the state is brought up to date in one place, not built again from nothing in another worker (the
 * national GeoJSON from cold fragments took 2.4 s of CPU, against about 0.2 s warm).
 */
export const TASK_KEEPS: Readonly<Partial<Record<TaskName, KeptState>>> = {
  tally: 'replay', tallyIndex: 'replay', series: 'replay', annualReport: 'replay', annualReportFile: 'replay', productsGeoJson: 'points',
};
/** A task's input. */
export type TaskInput<N extends TaskName> = Parameters<(typeof runners)[N]>[1];
/** A task's result. */
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof runners)[N]>>;
/** The names of the streaming tasks. */
export type StreamName = keyof typeof streams;
/** A streaming task's input. */
export type StreamInput<N extends StreamName> = Parameters<(typeof streams)[N]>[1];

/** Runs a task by name. */
export function runTask<N extends TaskName>(ctx: TaskContext, name: N, input: TaskInput<N>): TaskOutput<N> | Promise<TaskOutput<N>> {
  const run = runners[name] as (ctx: TaskContext, input: TaskInput<N>) => TaskOutput<N>;
  if (!run) throw new Error(`No task named ${String(name)}`);
  return run(ctx, input);
}

/** Starts a streaming task by name. */
export function streamTask<N extends StreamName>(ctx: TaskContext, name: N, input: StreamInput<N>): AsyncIterable<string | Uint8Array> {
  const stream = streams[name] as (ctx: TaskContext, input: StreamInput<N>) => AsyncIterable<string | Uint8Array>;
  if (!stream) throw new Error(`No stream named ${String(name)}`);
  return stream(ctx, input);
}
