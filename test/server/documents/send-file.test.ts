/**
 * writeSlices on its own: the file is read in slices of at most the slice size, each only after the sink
 * took the one before; a sink that takes nothing is cut after the drain timeout; a file deleted while it is
 * sent is cut short, never padded with other bytes.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { writeSlices, type SliceSink } from '../../../server/documents/send-file';

/** A sink that takes `accepts` writes and then reports itself full until `drain()` is called. */
class FakeSink extends EventEmitter implements SliceSink {
  written: Buffer[] = [];
  ended = false;
  destroyed = false;
  constructor(private accepts = Infinity) { super(); }
  write(chunk: Buffer): boolean { this.written.push(chunk); return this.written.length < this.accepts; }
  end(): void { this.ended = true; }
  destroy(): void { this.destroyed = true; this.emit('close'); }
  drain(): void { this.accepts = Infinity; this.emit('drain'); }
}

const reader = (bytes: Buffer, reads: [number, number][]) => (offset: number, length: number) => {
  reads.push([offset, length]);
  return bytes.subarray(offset, offset + length);
};

describe('writeSlices', () => {
  it('reads the file slice by slice, never more than a slice at a time, and ends', async () => {
    const bytes = Buffer.from(Array.from({ length: 2_500 }, (_, i) => i % 256));
    const reads: [number, number][] = [];
    const sink = new FakeSink();
    await writeSlices(sink, bytes.length, reader(bytes, reads), { sliceBytes: 1_000 });
    expect(reads).toEqual([[0, 1_000], [1_000, 1_000], [2_000, 500]]);
    expect(Buffer.concat(sink.written).equals(bytes)).toBe(true);
    expect(sink.ended).toBe(true);
  });

  it('reads the next slice only once the sink has taken the last one', async () => {
    const bytes = Buffer.alloc(3_000, 1);
    const reads: [number, number][] = [];
    const sink = new FakeSink(1);
    const done = writeSlices(sink, bytes.length, reader(bytes, reads), { sliceBytes: 1_000, drainMs: 5_000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toHaveLength(1);
    sink.drain();
    await done;
    expect(reads).toHaveLength(3);
    expect(sink.ended).toBe(true);
  });

  it('cuts a sink that takes nothing for the drain timeout, having read one slice', async () => {
    const reads: [number, number][] = [];
    const sink = new FakeSink(1);
    const started = performance.now();
    await writeSlices(sink, 10_000, reader(Buffer.alloc(10_000), reads), { sliceBytes: 1_000, drainMs: 100 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(sink.destroyed).toBe(true);
    expect(sink.ended).toBe(false);
    expect(reads).toHaveLength(1);
  });

  it('stops at once when the client goes away', async () => {
    const reads: [number, number][] = [];
    const sink = new FakeSink(1);
    const done = writeSlices(sink, 10_000, reader(Buffer.alloc(10_000), reads), { sliceBytes: 1_000, drainMs: 60_000 });
    sink.destroy();
    await done;
    expect(reads).toHaveLength(1);
  });

  it('cuts the answer short when the file is gone midway (deleted while sent)', async () => {
    const sink = new FakeSink();
    let calls = 0;
    await writeSlices(sink, 3_000, (_o, length) => (++calls === 2 ? null : Buffer.alloc(length)), { sliceBytes: 1_000 });
    expect(sink.written).toHaveLength(1);
    expect(sink.destroyed).toBe(true);
    expect(sink.ended).toBe(false);
  });
});
