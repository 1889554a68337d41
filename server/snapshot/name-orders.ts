/**
 * Product lists' orders by name, kept between reads. A list answer reads the names of every product that
 * matches its filters and orders them before it takes its page: at national scale about 40 ms on the event
 * loop, and every write made every list stale. A kept order is brought up to date instead: the products
 * written since it was made (registry-changes.ts) are taken out and those of them that still match are
 * read and put back in place; every match is read again only after a change of everything or of many
 * products. A product's place in a list depends on its own rows alone (its names, counties,
 * designations, visibility), which is what a change names.
 */
import { compareByName, sortByName, type NameOrderLang } from '../../db/model';
import type { NameOrderKeeper, NamedProduct } from '../domain/products/products-read';
import { RecencyMap } from './recency-map';
import type { RegistryChanges } from './registry-changes';

/** Orders kept at once (each up to every product: about 1 MB at national scale). */
const KEPT_ORDERS = 16;

/** More products written than this since an order was made: read every match again (one query either way). */
const FEW_CHANGED = 500;

interface KeptOrder { version: number; names: NamedProduct[] }

/** Lists' name orders by scope, filters and language, each kept at the registry version it shows. */
export class NameOrders implements NameOrderKeeper {
  private readonly kept = new RecencyMap<string, KeptOrder>();
  /** Orders read whole, brought up to date, and given as kept (tests read them). */
  readonly stats = { read: 0, updated: 0, kept: 0 };

  constructor(private readonly changes: RegistryChanges, private readonly currentVersion: () => number, private readonly maxOrders = KEPT_ORDERS) {}

  /** The matches of `key` in `lang`'s order at the current registry version. */
  ordered(key: string, lang: NameOrderLang, read: (only?: readonly number[]) => NamedProduct[]): readonly NamedProduct[] {
    const version = this.currentVersion();
    const name = `${lang}|${key}`;
    const found = this.kept.get(name);
    if (found?.version === version) {
      this.stats.kept++;
      return found.names;
    }
    const written = found ? this.changes.changedSince(found.version) : 'all';
    let names: NamedProduct[];
    if (written === 'all' || written.length > FEW_CHANGED) {
      names = sortByName(read(), lang);
      this.stats.read++;
    } else {
      names = withWritten(found!.names, written, written.length ? read(written) : [], lang);
      this.stats.updated++;
    }
    this.kept.set(name, { version, names });
    for (const [k] of this.kept) {
      if (this.kept.size <= this.maxOrders) break;
      this.kept.delete(k);
    }
    return names;
  }
}

/** `names` without the `written` products, and with those of them that match now (`matching`) in their places. */
function withWritten(names: readonly NamedProduct[], written: readonly number[], matching: readonly NamedProduct[], lang: NameOrderLang): NamedProduct[] {
  const gone = new Set(written);
  const out = names.filter((n) => !gone.has(n.id));
  const compare = compareByName<NamedProduct>(lang);
  for (const name of matching) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(out[mid]!, name) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, name);
  }
  return out;
}
