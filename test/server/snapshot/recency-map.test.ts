import { describe, expect, it } from 'vitest';
import { RecencyMap } from '../../../server/snapshot/recency-map';

const keys = <K, V>(map: RecencyMap<K, V>) => [...map].map(([k]) => k);

describe('RecencyMap', () => {
  it('iterates least recently used first: a get moves an old entry to the recent end, a peek does not', () => {
    const map = new RecencyMap<string, number>();
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) map.set(k, i);
    expect(map.peek('a')).toBe(0);
    expect(keys(map)).toEqual(['a', 'b', 'c', 'd']);
    expect(map.get('a')).toBe(0);
    expect(keys(map)).toEqual(['b', 'c', 'd', 'a']);
    map.set('b', 10); // a set is a use
    expect(keys(map)).toEqual(['c', 'd', 'a', 'b']);
    expect(map.get('b')).toBe(10);
    expect(map.delete('c')).toBe(true);
    expect(map.get('c')).toBeUndefined();
    expect([...map]).toEqual([['d', 3], ['a', 0], ['b', 10]]);
    expect(map.size).toBe(3);
  });

  it('leaves an entry in the recent half where it is, so a hot key is not re-inserted on every hit', () => {
    const map = new RecencyMap<number, number>();
    for (let i = 0; i < 100; i++) map.set(i, i);
    for (let hit = 0; hit < 1000; hit++) map.get(99); // the newest: never moves
    expect(keys(map).slice(-2)).toEqual([98, 99]);
    map.get(60); // in the recent half: stays
    expect(keys(map).at(-1)).toBe(99);
    map.get(10); // in the old half: moves to the recent end
    expect(keys(map).at(-1)).toBe(10);
    expect(keys(map)[0]).toBe(0);
  });

  it('a hot key hit among other traffic still goes to the recent end before it is among the oldest', () => {
    const map = new RecencyMap<string, number>();
    for (let i = 0; i < 10; i++) map.set(`k${i}`, i);
    // k0 is read after every insertion of a new key, with the oldest dropped to keep ten: it must never be dropped.
    for (let i = 10; i < 200; i++) {
      expect(map.get('k0')).toBe(0);
      map.set(`k${i}`, i);
      const [oldest] = [...map][0];
      map.delete(oldest);
      expect(map.size).toBe(10);
    }
    expect(map.peek('k0')).toBe(0);
  });
});
