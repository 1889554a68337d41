/**
 * Shading of the county polygons by how many GIs are in force there (a five-class sequential
 * scale), independent of Leaflet so it can be tested in node.
 */

/** Lower bounds of the shading classes: 0, 1, 2, 3–4, 5 and more. */
export const SHADE_BREAKS = [0, 1, 2, 3, 5] as const;

/** Fill colours of the classes, light to dark (ColorBrewer Greens, readable under dark text up to class 3). */
export const SHADE_COLOURS = ['#f7fcf5', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d'] as const;

/** The class (0–4) of a count; negative or non-finite counts are treated as zero. */
export function shadeClass(count: number): number {
  const n = Number.isFinite(count) && count > 0 ? count : 0;
  let cls = 0;
  SHADE_BREAKS.forEach((lower, i) => { if (n >= lower) cls = i; });
  return cls;
}

/** The legend: one entry per class with its colour and range (`to` null for the open top class). */
export function shadeLegend(): { from: number; to: number | null; colour: string }[] {
  return SHADE_BREAKS.map((from, i) => ({
    from,
    to: i + 1 < SHADE_BREAKS.length ? SHADE_BREAKS[i + 1] - 1 : null,
    colour: SHADE_COLOURS[i],
  }));
}

/** Leaflet path options for a county (a plain object, so Leaflet is not needed here). */
export interface CountyPathStyle {
  fillColor: string; fillOpacity: number; color: string; weight: number; opacity: number; dashArray?: string;
}

/** Options that change how a county is drawn. */
export interface CountyStyleOptions {
  /** The county is the one filtered on. */
  selected?: boolean;
  /** Another county is selected, so this one steps back. */
  dimmed?: boolean;
  /** Tiles are drawn underneath, so the fill must let them show through. */
  basemap?: boolean;
}

/** Fill of a county that steps back (another is chosen, or it is not the subject's): a neutral grey, no shading. */
const NEUTRAL_FILL = '#e4e8ec';

/** The style of a county with `count` GIs in force (or whatever the filters measure). */
export function countyStyle(count: number, { selected = false, dimmed = false, basemap = false }: CountyStyleOptions = {}): CountyPathStyle {
  const base = basemap ? 0.35 : 0.85;
  return {
    // A county other than the chosen one keeps no shading: its count is not what the view is about.
    fillColor: dimmed ? NEUTRAL_FILL : SHADE_COLOURS[shadeClass(count)],
    fillOpacity: dimmed ? base * 0.5 : base,
    color: selected ? '#1f2328' : dimmed ? '#8c959f' : '#4d5966',
    weight: selected ? 3.5 : 1.2,
    opacity: 1,
    ...(dimmed ? { dashArray: '4 3' } : {}),
  };
}

/** Fill of a county a product is known in (its product map), warm so it reads as "here" against the grey. */
export const FOCUS_FILL = '#ffcf87';

/** The style of a county on a product's map: its own counties filled and outlined, the rest plain. */
export function focusStyle(own: boolean, { basemap = false }: { basemap?: boolean } = {}): CountyPathStyle {
  return own
    ? { fillColor: FOCUS_FILL, fillOpacity: basemap ? 0.45 : 0.9, color: '#8a4b00', weight: 2.5, opacity: 1 }
    : { fillColor: NEUTRAL_FILL, fillOpacity: basemap ? 0.2 : 0.8, color: '#8c959f', weight: 1, opacity: 1 };
}
