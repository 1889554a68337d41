import { describe, expect, it } from 'vitest';
import type { GiType, Status } from '../../db/model';
import { GI_SHAPES, iconSize, markerSpec } from '../../client/map/marker-icon';

const d = (giType: GiType, status: Status) => ({ giType, status });

describe('markerSpec', () => {
  it.each([
    ['no designation at all', [], 'candidate'],
    ['only cultivating', [d('trademark', 'cultivating')], 'candidate'],
    ['withdrawn and rejected', [d('trademark', 'withdrawn'), d('protected_product', 'rejected')], 'candidate'],
    ['revoked and expired', [d('trademark', 'revoked'), d('agricultural_product', 'expired')], 'candidate'],
    ['a granted trademark', [d('trademark', 'granted')], 'trademark:in_force'],
    ['a filed protected product', [d('protected_product', 'filed')], 'protected_product:in_progress'],
    ['a published agricultural GI', [d('agricultural_product', 'published')], 'agricultural_product:in_progress'],
    ['granted beats filed for the same type', [d('trademark', 'filed'), d('trademark', 'granted')], 'trademark:in_force'],
    ['two types (高平大黄梨)', [d('protected_product', 'granted'), d('trademark', 'granted')],
      'trademark:in_force+protected_product:in_force'],
    ['granted plus a cultivating second type (沁水蜂蜜)', [d('trademark', 'granted'), d('protected_product', 'cultivating')],
      'trademark:in_force'],
    ['all three, mixed', [d('agricultural_product', 'granted'), d('trademark', 'published'), d('protected_product', 'filed')],
      'trademark:in_progress+protected_product:in_progress+agricultural_product:in_force'],
  ])('%s → %s', (_name, designations, key) => {
    expect(markerSpec(designations as { giType: GiType; status: Status }[]).key).toBe(key);
  });

  it('draws a candidate as one grey diamond', () => {
    const spec = markerSpec([d('trademark', 'cultivating')]);
    expect(spec.candidate).toBe(true);
    expect(spec.glyphs).toEqual([{ giType: null, shape: 'diamond', colour: '--gi-candidate', state: 'candidate' }]);
  });

  it('gives every GI type its own shape and colour, none of them the candidate’s', () => {
    const glyphs = markerSpec([d('trademark', 'granted'), d('protected_product', 'granted'), d('agricultural_product', 'granted')]).glyphs;
    expect(new Set(glyphs.map((g) => g.shape)).size).toBe(3);
    expect(new Set(glyphs.map((g) => g.colour)).size).toBe(3);
    expect(glyphs.map((g) => g.shape)).not.toContain('diamond');
    expect(glyphs.map((g) => g.colour)).not.toContain('--gi-candidate');
    for (const g of glyphs) expect(g.shape).toBe(GI_SHAPES[g.giType!]);
  });

  it.each([
    [[d('trademark', 'granted')], [22, 22]],
    [[d('trademark', 'granted'), d('protected_product', 'filed')], [42, 22]],
    [[], [22, 22]],
  ])('sizes the icon to its glyphs (%#)', (designations, size) => {
    expect(iconSize(markerSpec(designations as { giType: GiType; status: Status }[]))).toEqual(size);
  });
});
