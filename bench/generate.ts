/**
 * Synthetic registry data for the bench: products in random counties with farm households, and
 * designations with plausible dated histories (some revoked, expired, withdrawn and restarted).
 */
import { COUNTY_CODES, GI_TYPES, type Status } from '../db/model';
import type { Db } from '../db/open';

/** A small seeded PRNG (mulberry32), so every run measures the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A random history: where it started and how far it got. */
function history(rand: () => number): [Status, string][] {
  let at = Date.UTC(2005, 0, 1) + Math.floor(rand() * 20 * 365) * DAY;
  const step = () => { at += Math.floor(1 + rand() * 400) * DAY; return iso(at); };
  const moves: [Status, string][] = [['cultivating', iso(at)]];
  const r = rand();
  if (r < 0.15) return moves;
  if (r < 0.22) return [...moves, ['filed', step()], ['withdrawn', step()], ['cultivating', step()]];
  moves.push(['filed', step()]);
  if (r < 0.3) return moves;
  if (r < 0.4) return [...moves, ['published', step()]];
  moves.push(['granted', step()]);
  const end = rand();
  if (end < 0.05) moves.push(['revoked', step()]);
  else if (end < 0.1) moves.push(['expired', step()]);
  return moves;
}

/** Inserts `products` products and `designations` designations spread over them, in one transaction. */
export function generate(db: Db, { products, designations, seed = 42 }: { products: number; designations: number; seed?: number }) {
  const rand = prng(seed);
  const sqlite = db.$client;
  const insProduct = sqlite.prepare("INSERT INTO products (name_zh, category, visibility) VALUES (?, 'food', ?)");
  const insCounty = sqlite.prepare('INSERT INTO product_counties (product_id, county_code) VALUES (?, ?)');
  const insFarmers = sqlite.prepare("INSERT INTO participants (product_id, position, role, households) VALUES (?, 0, 'farmers', ?)");
  const insDesignation = sqlite.prepare('INSERT INTO designations (product_id, gi_type, mark_kind, status, valid_until) VALUES (?, ?, ?, ?, ?)');
  const insMove = sqlite.prepare('INSERT INTO transitions (designation_id, from_status, to_status, "on") VALUES (?, ?, ?, ?)');
  let moves = 0;
  sqlite.transaction(() => {
    const ids: number[] = [];
    for (let i = 0; i < products; i++) {
      const id = Number(insProduct.run(`基准产品${i}`, rand() < 0.9 ? 'public' : 'draft').lastInsertRowid);
      ids.push(id);
      const first = Math.floor(rand() * COUNTY_CODES.length);
      insCounty.run(id, COUNTY_CODES[first]);
      if (rand() < 0.2) insCounty.run(id, COUNTY_CODES[(first + 1) % COUNTY_CODES.length]);
      if (rand() < 0.7) insFarmers.run(id, Math.floor(rand() * 2000));
    }
    for (let i = 0; i < designations; i++) {
      const giType = GI_TYPES[Math.floor(rand() * GI_TYPES.length)];
      const h = history(rand);
      const grantedOn = h.find(([s]) => s === 'granted')?.[1];
      const validUntil = giType === 'trademark' && grantedOn ? iso(Date.parse(grantedOn) + 3652 * DAY) : null;
      const id = Number(insDesignation.run(ids[i % ids.length], giType, giType === 'trademark' ? 'collective' : null, h.at(-1)![0], validUntil).lastInsertRowid);
      h.forEach(([to, on], k) => insMove.run(id, k === 0 ? null : h[k - 1][0], to, on));
      moves += h.length;
    }
  })();
  return { products, designations, transitions: moves };
}
