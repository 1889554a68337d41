/**
 * The public's rebuild budget: costly builds spend it and it refills at `percent` of a core. While it lasts, a
 * stale answer is rebuilt at the next request (an occasional write is seen at once); once a burst has spent
 * it, a costly answer is given to the public as it was (never older than MAX_GAP_MS) until it refills. Cheap
 * answers, signed-in readers, and every answer at 100 % are always rebuilt at once.
 */
import { describe, expect, it } from 'vitest';
import { identityBytes, makeReadyBody } from '../../../server/snapshot/ready-body';
import { ReadyCache } from '../../../server/snapshot/ready-cache';
import { ALLOWANCE_MS, CHEAP_MS, MAX_GAP_MS, RebuildPace } from '../../../server/snapshot/rebuild-pace';
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
  /** A public read of `key` after a write, with a build of `ms`: the body's text. */
  const readAfterWrite = async (key: string, ms: number, allowStale = true) => {
    version++;
    return identityBytes(await cache.get(key, build(ms), { allowStale })).toString();
  };
  return { cache, pace, build, readAfterWrite, advance: (ms: number) => { now += ms; }, builds: () => builds };
}

describe('rebuild pace', () => {
  it('rebuilds at every write while the budget lasts, then gives the public the answer as it was until it refills', async () => {
    const t = setup(20);
    // 400 ms builds: the allowance of 1,000 ms lets the first ones through at once.
    expect(await t.readAfterWrite('geo', 400)).toBe('body 1');
    expect(await t.readAfterWrite('geo', 400)).toBe('body 2');
    expect(await t.readAfterWrite('geo', 400)).toBe('body 3');
    // 1,200 ms spent, 240 refilled meanwhile: over the allowance.
    expect(await t.readAfterWrite('geo', 400)).toBe('body 3');
    expect(t.builds()).toBe(3);
    // At 20 % of a core, 200 ms more spent needs 1 s to refill.
    t.advance(1000);
    expect(await t.readAfterWrite('geo', 400)).toBe('body 4');
  });

  it('rebuilds at once for a signed-in reader, for a cheap answer, and at 100 %', async () => {
    const t = setup(20);
    t.pace.spent(ALLOWANCE_MS * 3);
    await t.cache.get('geo', t.build(100), { allowStale: true });
    expect(await t.readAfterWrite('geo', 100, false)).toBe('body 2');
    await t.cache.get('list', t.build(CHEAP_MS - 1), { allowStale: true });
    expect(await t.readAfterWrite('list', CHEAP_MS - 1)).toBe('body 4');

    const full = setup(100);
    full.pace.spent(ALLOWANCE_MS * 3);
    await full.cache.get('geo', full.build(1000), { allowStale: true });
    expect(await full.readAfterWrite('geo', 1000)).toBe('body 2');
  });

  it('never gives the public an answer older than MAX_GAP_MS', async () => {
    const t = setup(1);
    await t.cache.get('series', t.build(2000), { allowStale: true });
    t.pace.spent(ALLOWANCE_MS * 100);
    t.advance(MAX_GAP_MS - 1);
    expect(await t.readAfterWrite('series', 2000)).toBe('body 1');
    t.advance(2);
    expect(await t.readAfterWrite('series', 2000)).toBe('body 2');
  });

  it('answers a URL seen before with the answer as it was on the fast path while the budget is spent, and with nothing after', async () => {
    const t = setup(20);
    await t.cache.get('geo', t.build(100), { allowStale: true });
    t.cache.rememberUrl('/api/products.geojson', 'geo');
    t.pace.spent(ALLOWANCE_MS + 100);
    await t.readAfterWrite('other', 1); // a write: the version moves
    expect(identityBytes(t.cache.peekUrl('/api/products.geojson')!).toString()).toBe('body 1');
    t.advance(1000); // 200 ms refilled: within the allowance again
    expect(t.cache.peekUrl('/api/products.geojson')).toBeUndefined();
  });

  it('gives the fast path the previous body while another request rebuilds it, whatever the budget', async () => {
    let version = 1;
    const cache = new ReadyCache(() => version);
    await cache.get('list', async () => makeReadyBody('text/plain', 'old'));
    cache.rememberUrl('/api/products', 'list');
    version++;
    expect(cache.peekUrl('/api/products')).toBeUndefined();
    let finish!: () => void;
    const rebuilding = cache.get('list', () => new Promise((resolve) => { finish = () => resolve(makeReadyBody('text/plain', 'new')); }));
    expect(identityBytes(cache.peekUrl('/api/products')!).toString()).toBe('old');
    finish();
    await rebuilding;
    expect(identityBytes(cache.peekUrl('/api/products')!).toString()).toBe('new');
  });

  it('paces the tally index the same way', async () => {
    let now = 0;
    let version = 1;
    let builds = 0;
    const pace = new RebuildPace(20, () => now);
    const index = new TallyIndexCache(() => version, async () => {
      builds++;
      now += 800;
      return { version, built: null };
    }, {}, pace);
    await index.current();
    version++;
    await index.current();
    version++;
    // 1,600 ms spent, 160 refilled between the builds: the public gets the previous index.
    expect(index.peek()?.version).toBe(2);
    now += 3000; // 600 more refilled: 840 spent, within the allowance
    expect(index.peek()).toBeUndefined();
    await index.current();
    expect(builds).toBe(3);
  });
});
