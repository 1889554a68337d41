/**
 * The pace of the public's rebuilds: a costly answer made stale by a write is given to the public as it was
 * until its gap (its build time × (100 / percent − 1), at most MAX_GAP_MS) has passed, then rebuilt; a cheap
 * one, a signed-in reader's, and every answer at 100 % are rebuilt at once.
 */
import { describe, expect, it } from 'vitest';
import { makeReadyBody } from '../../../server/snapshot/ready-body';
import { ReadyCache } from '../../../server/snapshot/ready-cache';
import { CHEAP_MS, MAX_GAP_MS, RebuildPace } from '../../../server/snapshot/rebuild-pace';
import { TallyIndexCache } from '../../../server/snapshot/tally-index-cache';

/** A clock the test moves, a registry version the test moves, and a cache paced by them. */
function setup(percent = 20) {
  let now = 1000;
  let version = 1;
  const pace = new RebuildPace(percent, () => now);
  const cache = new ReadyCache(() => version, { pace });
  let builds = 0;
  /** A build that takes `ms` by the test's clock. */
  const build = (ms: number) => async () => {
    builds++;
    now += ms;
    return makeReadyBody('text/plain', `body ${builds}`);
  };
  const text = async (found: ReturnType<ReadyCache['get']>) => (await found).raw.toString();
  return {
    cache, build, text,
    advance: (ms: number) => { now += ms; },
    write: () => { version++; },
    builds: () => builds,
  };
}

describe('rebuild pace', () => {
  it('gives the public a costly answer as it was for four times its build time at 20 %, then rebuilds it', async () => {
    const t = setup(20);
    expect(await t.text(t.cache.get('geo', t.build(100), { allowStale: true }))).toBe('body 1');
    t.write();
    t.advance(300);
    expect(await t.text(t.cache.get('geo', t.build(100), { allowStale: true }))).toBe('body 1');
    expect(t.builds()).toBe(1);
    t.advance(101);
    expect(await t.text(t.cache.get('geo', t.build(100), { allowStale: true }))).toBe('body 2');
  });

  it('rebuilds at once for a signed-in reader, for a cheap answer, and at 100 %', async () => {
    const t = setup(20);
    await t.cache.get('geo', t.build(100), { allowStale: true });
    t.write();
    expect(await t.text(t.cache.get('geo', t.build(100)))).toBe('body 2');

    await t.cache.get('list', t.build(CHEAP_MS - 1), { allowStale: true });
    t.write();
    expect(await t.text(t.cache.get('list', t.build(CHEAP_MS - 1), { allowStale: true }))).toBe('body 4');

    const full = setup(100);
    await full.cache.get('geo', full.build(1000), { allowStale: true });
    full.write();
    expect(await full.text(full.cache.get('geo', full.build(1000), { allowStale: true }))).toBe('body 2');
  });

  it('never holds the public back longer than MAX_GAP_MS', async () => {
    const t = setup(1);
    await t.cache.get('series', t.build(2000), { allowStale: true });
    t.write();
    t.advance(MAX_GAP_MS - 1);
    expect(await t.text(t.cache.get('series', t.build(2000), { allowStale: true }))).toBe('body 1');
    t.advance(2);
    expect(await t.text(t.cache.get('series', t.build(2000), { allowStale: true }))).toBe('body 2');
  });

  it('answers a URL seen before with the paced body on the fast path, and with nothing once the gap has passed', async () => {
    const t = setup(20);
    await t.cache.get('geo', t.build(100), { allowStale: true });
    t.cache.rememberUrl('/api/products.geojson', 'geo');
    t.write();
    expect(t.cache.peekUrl('/api/products.geojson')?.raw.toString()).toBe('body 1');
    t.advance(401);
    expect(t.cache.peekUrl('/api/products.geojson')).toBeUndefined();
  });

  it('paces the tally index the same way', async () => {
    let now = 0;
    let version = 1;
    let builds = 0;
    const index = new TallyIndexCache(() => version, async () => {
      builds++;
      now += 500;
      return { version, built: null };
    }, {}, new RebuildPace(20, () => now));
    await index.current();
    version++;
    now += 1000;
    expect(index.peek()?.version).toBe(1);
    now += 1001;
    expect(index.peek()).toBeUndefined();
    await index.current();
    expect(builds).toBe(2);
  });
});
