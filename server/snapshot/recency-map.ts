/**
 * A map that iterates least recently used first, for caches that forget their oldest entries.
 *
 * The obvious way — `delete(key); set(key, value)` on every hit — is slow in V8 when the same keys are
 * hit again and again: each delete leaves a dead entry in the key's hash chain until the table is next
 * rebuilt, so a lookup of a hot key walks all its dead copies (23 µs per hit for 3 hot keys in a map of
 * 20,000; the cached fixed-URL reads of the bench fell to a third of a bare server). Here a hit moves
 * an entry to the recent end only when it is in the older half of the order (by moves since its own), so a hot key moves once
 * per half a map of other moves: eviction order stays least recently used within half the map.
 */
export class RecencyMap<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();
  /** Moves and insertions so far: an entry's `at` is this count when it last went to the recent end. */
  private moves = 0;

  /** Entries kept. */
  get size(): number {
    return this.entries.size;
  }

  /** The value of `key` without counting it as used. */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** The value of `key`, counted as used (moved towards the recent end). */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.moves - entry.at >= this.entries.size / 2) {
      this.entries.delete(key);
      entry.at = ++this.moves;
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  /** Keeps `value` under `key` as the most recently used. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: ++this.moves });
  }

  /** Forgets `key`. */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
  }

  /** Entries, least recently used first (deleting while iterating is allowed, as with a Map). */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const [key, entry] of this.entries) yield [key, entry.value];
  }
}
