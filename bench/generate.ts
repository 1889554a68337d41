/**
 * Synthetic registry data for the bench, deterministic (seeded PRNG): products in random counties with
 * 1–2 locations inside Jincheng, a cooperative-farmer model each (enterprise or association,
 * cooperatives, farmer households), and designations with plausible dated histories (some revoked,
 * expired, withdrawn and restarted). Written with prepared statements in one transaction.
 */
import { CATEGORIES, GI_TYPES, creditCodeCheckChar, termEnd, type Status } from '../db/model';
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

/** How much to generate; `seed` fixes the data. */
export interface GenerateOptions { products: number; designations: number; seed?: number }

/** What was inserted. */
export interface Generated { products: number; designations: number; transitions: number; participants: number; locations: number }

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

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

/** A valid unified social credit code (GB 32100-2015) for a company registered in Jincheng. */
function creditCode(rand: () => number): string {
  let body = '91140500';
  for (let i = 0; i < 9; i++) body += CODE_CHARS[Math.floor(rand() * CODE_CHARS.length)];
  return body + creditCodeCheckChar(body);
}

/**
 * Inserts `products` products (each with counties, 1–2 locations and about four participants) and
 * `designations` designations spread over them (at most one per GI type and product while
 * designations ≤ 3 × products), in one transaction.
 */
export function generate(db: Db, { products, designations, seed = 42 }: GenerateOptions): Generated {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const sqlite = db.$client;
  const insProduct = sqlite.prepare(
    'INSERT INTO products (name_zh, name_en, category, description, quality, visibility) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insCounty = sqlite.prepare('INSERT INTO product_counties (product_id, county_code) VALUES (?, ?)');
  // The counties the seeds loaded (the set of counties is data).
  const countyCodes = sqlite.prepare('SELECT code FROM counties ORDER BY code').pluck().all() as string[];
  const insLocation = sqlite.prepare(
    'INSERT INTO locations (product_id, position, lat, lng, label, precision) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insParticipant = sqlite.prepare(
    'INSERT INTO participants (product_id, position, role, name, credit_code, households, area_mu, output_tonnes, value_wan_yuan) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insDesignation = sqlite.prepare(
    'INSERT INTO designations (product_id, gi_type, mark_kind, status, holder, number, valid_until, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insMove = sqlite.prepare('INSERT INTO transitions (designation_id, from_status, to_status, "on", note) VALUES (?, ?, ?, ?, ?)');
  const made: Generated = { products, designations, transitions: 0, participants: 0, locations: 0 };

  sqlite.transaction(() => {
    const ids: number[] = [];
    const holders: string[] = [];
    const firstType: number[] = [];
    for (let i = 0; i < products; i++) {
      const id = Number(insProduct.run(
        `基准产品${i}`, `Bench product ${i}`, pick(CATEGORIES),
        `基准测试生成的产品${i}：产地环境、生产方式与历史沿革的说明文字。`, '感官特征与理化指标（生成数据）。',
        rand() < 0.9 ? 'public' : 'draft',
      ).lastInsertRowid);
      ids.push(id);
      firstType.push(Math.floor(rand() * GI_TYPES.length));
      const first = Math.floor(rand() * countyCodes.length);
      insCounty.run(id, countyCodes[first]);
      if (rand() < 0.2) insCounty.run(id, countyCodes[(first + 1) % countyCodes.length]);
      const points = rand() < 0.5 ? 1 : 2;
      for (let k = 0; k < points; k++) {
        const township = rand() < 0.7;
        insLocation.run(id, k, 35.2 + rand() * 0.8, 112.0 + rand() * 1.2, township ? `基准镇${i}-${k}` : '', township ? 'township' : 'county');
      }
      made.locations += points;
      // 企业（协会）+ 合作社 + 农户: a lead (sometimes both an enterprise and an association), 1–3 cooperatives, farmers.
      let position = 0;
      const lead = rand() < 0.55 ? 'enterprise' : 'association';
      const leadName = lead === 'enterprise' ? `晋城基准${i}农业开发有限公司` : `基准产品${i}产业协会`;
      holders.push(leadName);
      insParticipant.run(id, position++, lead, leadName, lead === 'enterprise' ? creditCode(rand) : null, null, null, null, null);
      if (rand() < 0.03) insParticipant.run(id, position++, 'association', `基准产品${i}行业协会`, null, null, null, null, null);
      const coops = 1 + Math.floor(rand() * 3);
      for (let c = 0; c < coops; c++) {
        insParticipant.run(id, position++, 'cooperative', `基准${i}第${c + 1}专业合作社`, null, null,
          Math.round(rand() * 5000), Math.round(rand() * 2000), Math.round(rand() * 3000));
      }
      const households = 20 + Math.floor(rand() * 3000);
      insParticipant.run(id, position++, 'farmers', null, null, households,
        Math.round(households * (2 + rand() * 8)), Math.round(households * rand() * 3), Math.round(households * rand() * 2));
      made.participants += position;
    }
    for (let i = 0; i < designations; i++) {
      const p = i % ids.length;
      const round = Math.floor(i / ids.length);
      const giType = GI_TYPES[(firstType[p] + round) % GI_TYPES.length];
      const h = history(rand);
      const grantedOn = h.find(([s]) => s === 'granted')?.[1];
      const trademark = giType === 'trademark';
      const validUntil = trademark && grantedOn ? termEnd(grantedOn, 10) : null;
      const id = Number(insDesignation.run(
        ids[p], giType, trademark ? (rand() < 0.7 ? 'collective' : 'certification') : null, h.at(-1)![0],
        grantedOn ? holders[p] : null, grantedOn ? `JC${String(i).padStart(8, '0')}` : null, validUntil, '',
      ).lastInsertRowid);
      h.forEach(([to, on], k) => insMove.run(id, k === 0 ? null : h[k - 1][0], to, on, ''));
      made.transitions += h.length;
    }
  })();
  return made;
}
