import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CountyGeometry } from '../../db/model';
import { cityOutline } from '../../client/map/city-outline';

const seeded = JSON.parse(readFileSync(new URL('../../seeds/counties.geojson', import.meta.url), 'utf8')) as { features: { geometry: CountyGeometry }[] };

describe('cityOutline', () => {
  it('joins the edges only one county has into the city’s closed ring (the seeded boundaries)', () => {
    const lines = cityOutline(seeded.features.map((f) => f.geometry));
    expect(lines).toHaveLength(1);
    const [ring] = lines;
    expect(ring).toHaveLength(805); // 804 outer edges, closed
    expect(ring[0]).toEqual(ring.at(-1));
    // Every vertex of the outline is a vertex of some county: nothing is invented.
    const vertices = new Set(seeded.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2).map((p) => p.join())));
    expect(ring.every((p) => vertices.has(p.join()))).toBe(true);
  });

  it('drops a shared border whichever way each ring runs along it', () => {
    const left: CountyGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const right: CountyGeometry = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] };
    const [ring] = cityOutline([left, right]);
    expect(ring).toHaveLength(7);
    expect(ring.some((p, i) => i > 0 && ((p[0] === 1 && ring[i - 1][0] === 1)))).toBe(false);
  });

  it('draws nothing for nothing', () => {
    expect(cityOutline([])).toEqual([]);
  });
});
