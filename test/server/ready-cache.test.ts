/** The ready cache: kept per registry version, one build for concurrent misses, bounded in bytes. */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { compactReadyBody, encodedBytes, identityBytes, makeReadyBody, matchesEtag, pickEncoding, type ReadyBody } from '../../server/snapshot/ready-body';
import { ReadyCache, rememberedVersion } from '../../server/snapshot/ready-cache';

const body = (text: string): ReadyBody => makeReadyBody('text/plain', text);

describe('ReadyCache', () => {
  it('keeps a body while the version stands and drops everything when it moves', async () => {
    let version = 1;
    let builds = 0;
    const cache = new ReadyCache(() => version);
    const get = async (key: string) => identityBytes(await cache.get(key, async () => body(`${key}${++builds}`))).toString();
    expect([await get('a'), await get('a'), await get('b')]).toEqual(['a1', 'a1', 'b2']);
    version = 2;
    expect(await get('a')).toBe('a3');
    expect(cache.stats).toMatchObject({ hits: 1, builds: 3 });
  });

  it('builds once for concurrent misses of one key', async () => {
    let builds = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const cache = new ReadyCache(() => 7);
    const build = async () => { builds++; await gate; return body('x'); };
    const waiting = [cache.get('k', build), cache.get('k', build), cache.get('k', build)];
    release();
    const bodies = await Promise.all(waiting);
    expect(builds).toBe(1);
    expect(new Set(bodies).size).toBe(1);
  });

  it('never answers a newer version with a body built for an older one', async () => {
    let version = 1;
    const cache = new ReadyCache(() => version);
    await cache.get('k', async () => { version = 2; return body('old'); });
    expect(cache.peek('k')).toBeUndefined();
    expect(identityBytes(await cache.get('k', async () => body('new'))).toString()).toBe('new');
  });

  it('while one caller rebuilds, gives callers that allow it the previous body, the others the new one', async () => {
    let version = 1;
    const cache = new ReadyCache(() => version);
    await cache.get('k', async () => body('v1'));
    version = 2;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const first = cache.get('k', async () => { await gate; return body('v2'); }, { allowStale: true });
    expect(first).toBeInstanceOf(Promise); // the caller that starts the build waits for it
    const publicReader = cache.get('k', async () => body('unused'), { allowStale: true });
    const signedInReader = cache.get('k', async () => body('unused'));
    expect(identityBytes(publicReader as ReadyBody).toString()).toBe('v1');
    release();
    expect(identityBytes(await first).toString()).toBe('v2');
    expect(identityBytes(await signedInReader).toString()).toBe('v2');
    expect(cache.stats).toMatchObject({ builds: 2, stale: 1 });
  });

  it('under a burst of writes, builds a key once at a time for the public, serving the last body meanwhile', async () => {
    let version = 1;
    let builds = 0;
    const cache = new ReadyCache(() => version);
    await cache.get('k', async () => body('v1'));
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    version = 2;
    const slow = cache.get('k', async () => { builds++; await gate; return body('v2'); }, { allowStale: true });
    version = 3; // another write while v2 builds
    const during = cache.get('k', async () => { builds++; return body('v3'); }, { allowStale: true });
    expect(identityBytes(during as ReadyBody).toString()).toBe('v1');
    expect(builds).toBe(1);
    release();
    await slow;
    expect(identityBytes(await cache.get('k', async () => { builds++; return body('v3'); }, { allowStale: true })).toString()).toBe('v3');
    expect(builds).toBe(2);
  });

  it('stays within its byte budget, dropping the least recently used first', async () => {
    const cache = new ReadyCache(() => 1, { maxBytes: 2500 });
    for (const key of ['a', 'b']) await cache.get(key, async () => body(key.repeat(1000).slice(0, 900)));
    cache.peek('a'); // a is now the most recently used
    await cache.get('c', async () => body('c'.repeat(900)));
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('a')).toBeDefined();
    expect(cache.peek('c')).toBeDefined();
  });
});

describe('ready bodies', () => {
  const big = makeReadyBody('application/json', JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i }))));

  it('compresses what is worth compressing, and leaves small bodies alone', () => {
    expect(big.gzip!.length).toBeLessThan(big.length / 3);
    expect(big.br!.length).toBeLessThan(big.length / 3);
    expect(makeReadyBody('application/json', '{"ok":true}').gzip).toBeNull();
    const lazy = makeReadyBody('application/json', identityBytes(big), ['br']);
    expect(lazy.gzip).toBeNull(); // made when a gzip-only client first asks
    expect(gunzipSync(encodedBytes(lazy, 'gzip')).equals(identityBytes(big))).toBe(true);
    expect(lazy.gzip).not.toBeNull();
  });

  it('keeps only the compressed form of a kept body, and gives back the same bytes in every encoding', async () => {
    const text = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i })));
    const cache = new ReadyCache(() => 1);
    const kept = await cache.get('big', async () => makeReadyBody('application/json', text, ['br']));
    expect(kept.raw).toBeNull();
    expect(kept.length).toBe(Buffer.byteLength(text));
    expect(identityBytes(kept).toString()).toBe(text);
    expect(gunzipSync(encodedBytes(kept, 'gzip')).toString()).toBe(text);
    expect(kept.raw).toBeNull(); // unpacked for the gzip form, not kept
    // A small body is sent as it is, so it keeps its bytes.
    const small = makeReadyBody('application/json', '{"ok":true}');
    compactReadyBody(small);
    expect(small.raw?.toString()).toBe('{"ok":true}');
  });

  it('picks brotli, then gzip, honouring q=0', () => {
    expect(pickEncoding('gzip, deflate, br', big)).toBe('br');
    expect(pickEncoding('gzip', big)).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip', big)).toBe('gzip');
    expect(pickEncoding('identity', big)).toBeNull();
    expect(pickEncoding('*', big)).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0.0', big)).toBe('gzip');
    expect(pickEncoding(undefined, big)).toBeNull();
  });

  it('matches If-None-Match in any encoding variant, weak or strong, or *', () => {
    const bare = big.etag.slice(1, -1);
    expect(matchesEtag(big.etag, big.etag)).toBe(true);
    expect(matchesEtag(`W/"${bare}-br"`, big.etag)).toBe(true);
    expect(matchesEtag(`"other", "${bare}-gzip"`, big.etag)).toBe(true);
    expect(matchesEtag('*', big.etag)).toBe(true);
    expect(matchesEtag('"other"', big.etag)).toBe(false);
  });
});

describe('rememberedVersion', () => {
  it('asks the database at most once per window, and again at once after forget()', async () => {
    let reads = 0;
    let stored = 1;
    const version = rememberedVersion(() => { reads++; return stored; }, 50);
    expect([version(), version(), version()]).toEqual([1, 1, 1]);
    expect(reads).toBe(1);
    stored = 2;
    expect(version()).toBe(1); // within the window: an out-of-band write is not seen yet
    version.forget();
    expect(version()).toBe(2);
    stored = 3;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(version()).toBe(3);
    expect(reads).toBe(3);
  });
});
