/**
 * A compacting garbage collection once the server falls quiet after a busy spell. Under load V8 grows the
 * event loop's heap (to 90–160 MB at national scale, about 50 MB of it live) and hands the rest back only when
 * its memory reducer gets to it, 20–30 s after the load stops; collecting as soon as requests have stopped for
 * a moment gives that memory back then. It never runs while requests come in, and only when the heap has
 * grown well past what the last collection left.
 */
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { mallocTrim } from './malloc-trim';

/**
 * A full collection that also moves the live objects together, so the pages they leave are given back: a
 * plain `gc()` frees the garbage but keeps the pages (a heap of 164 MB with 35 MB live stays at 137 MB
 * committed; compacted, 45 MB, in about 0.1 s). The flag is read when a collection starts and is set back at
 * once, so the collections V8 runs under load stay as they were. Needs `--expose-gc`; undefined without it.
 */
function compactingGc(): (() => void) | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const trim = mallocTrim();
  return () => {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
    // What the collection freed outside the heap (buffers, their native parts) goes back to the system too.
    trim?.();
  };
}

/** What the collector watches and does (the real heap and `gc` by default; tests pass their own). */
export interface QuietCollectOptions {
  /** A full collection: by default a compacting one through the `gc` of `--expose-gc` (null or none: nothing is ever collected). */
  gc?: (() => void) | null;
  /** The heap's committed size in bytes now. */
  heapBytes?: () => number;
  /** How much the heap must have grown since the last collection (bytes) for another to be worth it. */
  growthBytes?: number;
  /** Lets go of what can be made again (kept views), just before each collection, so the collection frees it too. */
  release?: () => void;
  /** Hears each collection: the heap's bytes before and after, and how long it took (ms). */
  onCollect?: (collected: { beforeBytes: number; afterBytes: number; ms: number }) => void;
}

/** The collector's state: count requests as they arrive, and `tick()` once per quiet interval. */
export interface QuietCollector {
  /** A request arrived. */
  request(): void;
  /** Called every interval: collects when no request came since the last tick, after some did, on a grown heap. */
  tick(): boolean;
}

/** Creates a collector (see the module's comment). */
export function quietCollector({
  gc = compactingGc(),
  heapBytes = () => getHeapStatistics().total_heap_size,
  growthBytes = 32 * 1024 * 1024,
  release,
  onCollect,
}: QuietCollectOptions = {}): QuietCollector {
  let requests = 0;
  let seen = 0;
  let after = heapBytes();
  return {
    request: () => { requests++; },
    tick() {
      const busy = requests !== seen;
      seen = requests;
      // Still busy, or quiet since the last collection: nothing to hand back.
      if (busy || requests === 0 || !gc) return false;
      requests = seen = 0;
      const before = heapBytes();
      if (before < after + growthBytes) return false;
      const t0 = performance.now();
      release?.();
      gc();
      after = heapBytes();
      onCollect?.({ beforeBytes: before, afterBytes: after, ms: performance.now() - t0 });
      return true;
    },
  };
}

/** Watches a server's requests and collects when it has been quiet for `quietMs` after a busy spell. */
export function collectWhenQuiet(server: Server, quietMs = 2_000, options: QuietCollectOptions = {}): QuietCollector {
  const collector = quietCollector(options);
  server.on('request', collector.request);
  setInterval(() => collector.tick(), quietMs).unref();
  return collector;
}
