/** The collection once the server falls quiet: only after a busy spell, never while requests come in, only on a grown heap. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quietCollector } from '../../server/quiet-collect';

const MB = 1024 * 1024;

/** A heap the test grows by hand, and a gc that shrinks it to what is live. */
function fakeHeap(start = 40 * MB) {
  const heap = { bytes: start, live: start, collections: 0 };
  return {
    heap,
    options: {
      gc: () => { heap.collections++; heap.bytes = heap.live; },
      heapBytes: () => heap.bytes,
      growthBytes: 32 * MB,
    },
  };
}

describe('quietCollector', () => {
  it('collects on the first quiet tick after a busy spell that grew the heap, and once only', () => {
    const { heap, options } = fakeHeap();
    const heard: object[] = [];
    const c = quietCollector({ ...options, onCollect: ({ beforeBytes, afterBytes }) => heard.push({ beforeBytes, afterBytes }) });
    for (let i = 0; i < 100; i++) c.request();
    heap.bytes = 150 * MB;
    expect(c.tick()).toBe(false); // requests came in during this interval
    expect(c.tick()).toBe(true);
    expect(heap.collections).toBe(1);
    expect(heard).toEqual([{ beforeBytes: 150 * MB, afterBytes: 40 * MB }]);
    expect(c.tick()).toBe(false);
    expect(c.tick()).toBe(false);
    expect(heap.collections).toBe(1);
  });

  it('lets go of what can be made again just before each collection, and only then', () => {
    const { heap, options } = fakeHeap();
    const order: string[] = [];
    const c = quietCollector({ ...options, release: () => order.push(`release at ${heap.bytes / MB} MB`), gc: () => { order.push('gc'); options.gc(); } });
    c.request();
    expect(c.tick()).toBe(false); // busy
    expect(c.tick()).toBe(false); // quiet, but the heap has not grown: nothing let go
    c.request();
    heap.bytes = 120 * MB;
    c.tick();
    expect(c.tick()).toBe(true);
    expect(order).toEqual(['release at 120 MB', 'gc']);
    expect(c.tick()).toBe(false);
    expect(order).toHaveLength(2);
  });

  it('never collects while requests keep arriving', () => {
    const { heap, options } = fakeHeap();
    const c = quietCollector(options);
    heap.bytes = 200 * MB;
    for (let t = 0; t < 10; t++) {
      c.request();
      expect(c.tick()).toBe(false);
    }
    expect(heap.collections).toBe(0);
  });

  it('leaves a heap that has not grown much since the last collection', () => {
    const { heap, options } = fakeHeap();
    const c = quietCollector(options);
    c.request();
    heap.bytes = 60 * MB; // 20 MB above the start: under the 32 MB of growth it waits for
    c.tick();
    expect(c.tick()).toBe(false);
    expect(heap.collections).toBe(0);
  });

  it('measures growth from what the last collection left', () => {
    const { heap, options } = fakeHeap();
    const c = quietCollector(options);
    c.request();
    heap.bytes = 150 * MB;
    heap.live = 50 * MB;
    c.tick();
    expect(c.tick()).toBe(true);
    c.request();
    heap.bytes = 70 * MB; // 20 MB above the 50 left
    c.tick();
    expect(c.tick()).toBe(false);
    c.request();
    heap.bytes = 90 * MB;
    c.tick();
    expect(c.tick()).toBe(true);
    expect(heap.collections).toBe(2);
  });

  it('does nothing without a gc (a server started without --expose-gc)', () => {
    const { heap, options } = fakeHeap();
    const c = quietCollector({ ...options, gc: null });
    c.request();
    heap.bytes = 500 * MB;
    c.tick();
    expect(c.tick()).toBe(false);
  });
});

describe('the default collection (a server started with --expose-gc)', () => {
  it('compacts: a heap grown under load, most of it garbage, gives its pages back', () => {
    // In a child with gc exposed: about 160 MB of heap, a fifth of it kept, scattered over every page.
    const script = `
      import { getHeapStatistics } from 'node:v8';
      import { quietCollector } from ${JSON.stringify(new URL('../../server/quiet-collect.ts', import.meta.url).href)};
      const c = quietCollector();
      let all = [];
      for (let i = 0; i < 3e6; i++) all.push({ a: i, b: 'x' + i });
      globalThis.kept = all.filter((_, i) => i % 5 === 0);
      all = null;
      const before = getHeapStatistics().total_heap_size;
      c.request();
      c.tick();
      const collected = c.tick();
      console.log(JSON.stringify({ collected, before, after: getHeapStatistics().total_heap_size, kept: globalThis.kept.length }));
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '--max-semi-space-size=4', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const { collected, before, after, kept } = JSON.parse(out) as { collected: boolean; before: number; after: number; kept: number };
    expect(collected).toBe(true);
    expect(kept).toBe(600_000);
    expect(before).toBeGreaterThan(120 * MB);
    expect(after).toBeLessThan(before / 2);
  });
});
