/** The collection once the server falls quiet: only after a busy spell, never while requests come in, only on a grown heap. */
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
