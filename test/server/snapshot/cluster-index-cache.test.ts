/** The map's kept views: one build per key and registry version, shared by concurrent callers, and let go of on release. */
import { describe, expect, it } from 'vitest';
import type { ProductPoints } from '../../../db/model';
import { ClusterIndexCache, type ReadPlaces } from '../../../server/snapshot/cluster-index-cache';

const NO_PLACES: ProductPoints = { type: 'FeatureCollection', features: [] } as unknown as ProductPoints;

/** A read that counts its calls and resolves when told. */
function countedRead(version: () => number) {
  const calls = { n: 0 };
  const read = () => { calls.n++; return Promise.resolve<ReadPlaces>({ version: version(), places: NO_PLACES }); };
  return { calls, read };
}

describe('ClusterIndexCache', () => {
  it('builds a view once per version, and again after a write', async () => {
    let version = 1;
    const cache = new ClusterIndexCache(() => version);
    const { calls, read } = countedRead(() => version);
    const [a, b] = await Promise.all([cache.view('public|', read, {}), cache.view('public|', read, {})]);
    expect(a).toBe(b);
    expect(calls.n).toBe(1);
    await cache.view('public|', read, {});
    expect(calls.n).toBe(1);
    version = 2;
    await cache.view('public|', read, {});
    expect(calls.n).toBe(2);
  });

  it('lets go of every view on release: the next ask builds again, and a build in progress still answers', async () => {
    const cache = new ClusterIndexCache(() => 1);
    const { calls, read } = countedRead(() => 1);
    const first = await cache.view('public|', read, {});
    await cache.view('public|type=trademark', read, { type: 'trademark' });
    expect(calls.n).toBe(2);
    const inProgress = cache.view('public|county=140521', read, { county: '140521' });
    cache.release();
    expect((await inProgress).lists.head.total).toBe(0);
    const again = await cache.view('public|', read, {});
    expect(again).not.toBe(first);
    expect(calls.n).toBe(4);
    expect(cache.stats.builds).toBe(4);
  });
});
