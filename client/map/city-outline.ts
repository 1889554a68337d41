/**
 * The city's outline from its counties' boundaries, without Leaflet: the edges that only one county has.
 * Neighbouring counties of one boundary file share their border vertex for vertex (the seeded file does:
 * its 1,312 edges are 508 shared and 804 outer, one closed ring), so what is left when the shared edges
 * go is the city's edge, 城区's enclave included in it. A file whose neighbours do not share vertices keeps
 * those borders too: the outline is then drawn over them, never invented.
 */
import type { CountyGeometry } from '../../db/model';

/** A line of [lng, lat] positions. */
export type Line = [number, number][];

const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

/** The outer edges of the counties, joined into lines (closed rings where they close), as MultiLineString coordinates. */
export function cityOutline(geometries: readonly CountyGeometry[]): Line[] {
  const uses = new Map<string, number>();
  const edges: [readonly number[], readonly number[]][] = [];
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const ring of polygons.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1], ring[i]];
        const k = edgeKey(a, b);
        if (!uses.has(k)) edges.push([a, b]);
        uses.set(k, (uses.get(k) ?? 0) + 1);
      }
    }
  }
  // The edges one county alone has, as a graph from each vertex to its neighbours.
  const next = new Map<string, { to: readonly number[]; edge: string }[]>();
  for (const [a, b] of edges) {
    const k = edgeKey(a, b);
    if (uses.get(k) !== 1) continue;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const list = next.get(key(from));
      if (list) list.push({ to, edge: k });
      else next.set(key(from), [{ to, edge: k }]);
    }
  }
  const walked = new Set<string>();
  const lines: Line[] = [];
  for (const [a, b] of edges) {
    const first = edgeKey(a, b);
    if (uses.get(first) !== 1 || walked.has(first)) continue;
    walked.add(first);
    const line: Line = [[a[0], a[1]], [b[0], b[1]]];
    // Walk on from the end until the line closes or no unwalked edge goes on.
    for (let at = b; ;) {
      const step = next.get(key(at))?.find((s) => !walked.has(s.edge));
      if (!step) break;
      walked.add(step.edge);
      line.push([step.to[0], step.to[1]]);
      at = step.to;
    }
    lines.push(line);
  }
  return lines;
}

/** The same key for an edge whichever way a ring runs along it. */
function edgeKey(a: readonly number[], b: readonly number[]): string {
  const [ka, kb] = [key(a), key(b)];
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}
