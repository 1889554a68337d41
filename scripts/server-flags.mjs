/**
 * How the server process is started: the node flags (`npm start` passes them on its command line; the bench
 * spawns the server with them; the systemd unit and the Containerfile name them; tests check they agree) and
 * the environment of its C allocator, which must be set before the process starts (glibc reads it once).
 *
 * A 4 MB young generation instead of V8's 16 MB keeps a busy server's memory about 100 MB lower (306 → 196 MB
 * settled after the bench's reads) for a few per cent of throughput: each request allocates little, so
 * scavenges stay short. `--expose-gc` lets the server collect once it falls quiet after a busy spell
 * (server/quiet-collect.ts) instead of waiting 20–30 s for V8's memory reducer.
 *
 * One V8 helper thread, not four: the collector's parallel and concurrent work (of the event loop's heap and
 * the task workers') runs there, and on a two-core machine four helpers contend with the event loop, the
 * workers and the load, so a scavenge waits for helpers that are not running. With writes under way they took
 * 0.3–0.5 of a core (per-thread /proc readings). In `BENCH_ONLY=writes` runs on the same machine, three with
 * one helper against six with four (README, the gaps): the read mix during writes 0.49–0.51 of the bare server
 * (four: 0.27–0.47, median 0.43), during an import 0.42–0.56 (0.30–0.42), the writes' p99 111–115 ms
 * (145–208 ms), settled RSS 175–179 MB (186–213 MB).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--expose-gc', '--v8-pool-size=1'];

/**
 * glibc's malloc, told to give freed memory back. By default it keeps an arena per thread (up to 8 per core:
 * the event loop, each task worker, libuv's and V8's helper threads) and raises its mmap threshold up to 32 MB
 * as large blocks are freed, so a body of megabytes built and dropped stays inside an arena for good, and a
 * stopped worker's arena keeps what it held. Measured at national scale after the bench's reads and write mix
 * (60 s after, when V8 had handed its heap back): 257 MB by default, of which malloc_trim(0) would free 78 MB;
 * with the arenas at 2 and the mmap threshold fixed at 128 KB, 199–222 MB, of which 39–57 MB. But a threshold
 * that low (or any below 4 MB, or the default trim threshold with it) made each brotli answer built on the
 * event loop 5× slower (68 → 370 µs for a 6 KB product: the encoder's 1–4 MB of tables were mapped, or the
 * heap's top trimmed and faulted in again, on every call; product /:id fell from 1,017 to 576 req/s). So:
 * blocks of 4 MB and more (the national GeoJSON, exports) are mapped on their own and unmapped when freed;
 * an arena's free top is given back past 4 MB; two arenas are shared by all threads.
 */
export const SERVER_MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '4194304', MALLOC_TRIM_THRESHOLD_: '4194304' };
