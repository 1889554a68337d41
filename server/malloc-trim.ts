/**
 * Gives the C allocator's free pages back to the system: glibc's `malloc_trim(0)`, called through koffi (a
 * foreign-function library whose npm package ships its compiled binary, so nothing is built on install).
 *
 * Why: what the server's threads allocate outside V8's heap (SQLite's page caches, brotli's and zlib's
 * tables, V8's compiler zones, a task worker's whole native side) comes from glibc's arenas, and freeing it
 * leaves the pages inside them as holes that glibc returns only from an arena's top. After the bench's reads
 * and write mix, with the workers stopped and the heap compacted, 67 MB of the server's 254 MB were such
 * holes; `malloc_trim(0)` returned them in 10 ms (RSS 254 → 187 MB). It is called when that memory has just
 * been freed (a worker stopped, the server fell quiet), never per request.
 */
import { createRequire } from 'node:module';

/** Returns the allocator's free pages to the system (blocking, about 10 ms after a busy spell). */
export type TrimMemory = () => void;

let trim: TrimMemory | null | undefined;

/**
 * glibc's `malloc_trim(0)`, or null where it cannot be had (another C library such as musl, another
 * system, or koffi missing): memory is then given back only as the allocator itself decides.
 */
export function mallocTrim(): TrimMemory | null {
  if (trim !== undefined) return trim;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    const native = koffi.load('libc.so.6').func('int malloc_trim(size_t)') as (pad: number) => number;
    trim = () => { native(0); };
  } catch {
    trim = null;
  }
  return trim;
}
