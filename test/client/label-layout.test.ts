import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxAt, boxesOverlap, layoutLabels, shortCountyName, type LabelRequest } from '../../client/map/label-layout';

const forms = (w: number) => [{ form: 'full', width: w, height: 30 }, { form: 'short', width: w / 2, height: 16 }];

describe('layoutLabels', () => {
  it('keeps a lone label full and centred on its anchor', () => {
    const placed = layoutLabels([{ id: 'a', anchor: { x: 100, y: 100 }, priority: 1, forms: forms(60) }]);
    expect(placed.get('a')).toEqual({ form: 'full', position: 'center', box: { x: 70, y: 85, width: 60, height: 30 }, dx: 0 });
  });

  it('pushes a label at the edge back into view while it still spans its anchor, and hides it when it cannot', () => {
    const edge = layoutLabels([{ id: 'a', anchor: { x: 380, y: 100 }, priority: 1, forms: forms(60) }], { width: 390 });
    expect(edge.get('a')).toMatchObject({ form: 'full', dx: -22, box: { x: 328, width: 60 } });
    expect(layoutLabels([{ id: 'a', anchor: { x: 395, y: 100 }, priority: 1, forms: forms(60) }], { width: 390 }).get('a')).toBeNull();
  });

  it('moves, then shortens, then hides a label that would cover one of higher priority', () => {
    const labels: LabelRequest[] = [
      { id: 'big', anchor: { x: 100, y: 100 }, priority: 2, forms: forms(60) },
      { id: 'near', anchor: { x: 110, y: 125 }, priority: 1, forms: forms(60) },
    ];
    const placed = layoutLabels(labels);
    expect(placed.get('big')?.position).toBe('center');
    expect(placed.get('near')).toMatchObject({ form: 'full', position: 'below' });
    // On top of each other with no room above or below: the lesser label goes.
    const crowded = layoutLabels([
      ...labels.slice(0, 1),
      { id: 'up', anchor: { x: 100, y: 60 }, priority: 1.5, forms: forms(60) },
      { id: 'down', anchor: { x: 100, y: 140 }, priority: 1.5, forms: forms(60) },
      { id: 'same', anchor: { x: 100, y: 100 }, priority: 1, forms: forms(60) },
    ]);
    expect(crowded.get('same')).toBeNull();
  });

  it('avoids an obstacle when it can, and covers it rather than vanish when it cannot', () => {
    const seat = { x: 97, y: 97, width: 6, height: 6 };
    expect(layoutLabels([{ id: 'a', anchor: { x: 100, y: 100 }, priority: 1, forms: forms(60) }], { obstacles: [seat] }).get('a')?.position).toBe('above');
    const walls = [seat, { x: 0, y: 0, width: 200, height: 96 }, { x: 0, y: 104, width: 200, height: 100 }];
    expect(layoutLabels([{ id: 'a', anchor: { x: 100, y: 100 }, priority: 1, forms: forms(60) }], { obstacles: walls }).get('a'))
      .toMatchObject({ form: 'full', position: 'center' });
  });

  it('never places two labels that overlap, whatever the anchors', () => {
    const label = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 400 }), w: fc.integer({ min: 10, max: 120 }), p: fc.integer({ min: 0, max: 5 }) });
    fc.assert(fc.property(fc.array(label, { maxLength: 12 }), (specs) => {
      const placed = [...layoutLabels(specs.map((s, i) => ({ id: String(i), anchor: { x: s.x, y: s.y }, priority: s.p, forms: forms(s.w) })), { width: 420 }).values()]
        .filter((p) => p !== null);
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!.box, placed[j]!.box)).toBe(false);
      }
      // The first label in priority order always shows when every anchor is well inside the view (one at the very
      // edge is hidden when no form of it can span its anchor in view: the edge test above).
      const wellInside = specs.every((s) => s.x >= 60 && s.x <= 360 && s.y >= 40);
      if (specs.length > 0 && wellInside) expect(placed.length).toBeGreaterThan(0);
    }), { numRuns: 1000 });
  });

  it('puts a box above or below its anchor clear of it', () => {
    expect(boxAt({ x: 0, y: 0 }, { width: 10, height: 10 }, 'above', 4)).toEqual({ x: -5, y: -14, width: 10, height: 10 });
    expect(boxAt({ x: 0, y: 0 }, { width: 10, height: 10 }, 'below', 4)).toEqual({ x: -5, y: 4, width: 10, height: 10 });
  });
});

describe('shortCountyName', () => {
  it.each([
    ['沁水县', '沁水'], ['高平市', '高平'], ['城区', '城区'], ['泽州县', '泽州'],
    ['Qinshui County', 'Qinshui'], ['Gaoping City', 'Gaoping'], ['Chengqu District', 'Chengqu'], ['Chengqu', 'Chengqu'],
  ])('%s → %s', (name, short) => {
    expect(shortCountyName(name)).toBe(short);
  });
});
