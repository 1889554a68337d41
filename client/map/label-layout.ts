/**
 * Where county labels go at a zoom, decided in screen pixels without Leaflet: each label is tried in its
 * forms from the fullest to the shortest and, for each form, centred on its anchor, then above, then below
 * it; it takes the first box that overlaps no label placed before it (and, if it can, no obstacle such as a
 * county seat or a map control), or is hidden. Labels are placed in priority order, so the labels that
 * matter most keep their fullest form.
 */

/** A rectangle in container pixels: left, top, width, height. */
export interface Box { x: number; y: number; width: number; height: number }

/** Where a box sits against its anchor. */
export type LabelPosition = 'center' | 'above' | 'below';

/** The positions tried for each form, in order. */
export const LABEL_POSITIONS: readonly LabelPosition[] = ['center', 'above', 'below'];

/** A label to place: its anchor, its priority (higher first) and its forms, fullest first, with their sizes. */
export interface LabelRequest<F extends string = string> {
  id: string;
  anchor: { x: number; y: number };
  priority: number;
  forms: readonly { form: F; width: number; height: number }[];
}

/** Where a label went; `dx` is how far it was pushed sideways to stay in view. */
export interface PlacedLabel<F extends string = string> { form: F; position: LabelPosition; box: Box; dx: number }

/** Options of the layout. */
export interface LayoutOptions {
  /** Pixels kept free between two labels. */
  gap?: number;
  /** Boxes a label avoids when it can (it may still cover one rather than vanish). */
  obstacles?: readonly Box[];
  /** Pixels between the anchor and a box above or below it. */
  offset?: number;
  /** The map's width: a label is pushed sideways to stay within it, as long as it still spans its anchor. */
  width?: number;
}

/** Whether two boxes, each grown by `gap` / 2 on every side, overlap. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The box of a label of this size at this position against its anchor. */
export function boxAt(anchor: { x: number; y: number }, size: { width: number; height: number }, position: LabelPosition, offset = 4): Box {
  const x = anchor.x - size.width / 2;
  const y = position === 'center' ? anchor.y - size.height / 2
    : position === 'above' ? anchor.y - offset - size.height
    : anchor.y + offset;
  return { x, y, width: size.width, height: size.height };
}

/** Places the labels; a label that fits nowhere maps to null (hidden). */
export function layoutLabels<F extends string>(labels: readonly LabelRequest<F>[], options: LayoutOptions = {}): Map<string, PlacedLabel<F> | null> {
  const { gap = 2, obstacles = [], offset = 4, width } = options;
  const placed: Box[] = [];
  const result = new Map<string, PlacedLabel<F> | null>();
  // Stable: equal priorities keep their given order.
  const order = labels.map((label, i) => ({ label, i })).sort((a, b) => b.label.priority - a.label.priority || a.i - b.i);
  for (const { label } of order) {
    let free: PlacedLabel<F> | null = null;
    let covering: PlacedLabel<F> | null = null;
    search: for (const size of label.forms) {
      for (const position of LABEL_POSITIONS) {
        const box = boxAt(label.anchor, size, position, offset);
        const dx = width === undefined ? 0 : Math.min(Math.max(box.x, gap), width - gap - box.width) - box.x;
        box.x += dx;
        // Pushed so far that it no longer spans its anchor (or the anchor is out of view): not here.
        if (label.anchor.x < box.x || label.anchor.x > box.x + box.width) continue;
        if (placed.some((other) => boxesOverlap(box, other, gap))) continue;
        const candidate = { form: size.form, position, box, dx };
        if (!obstacles.some((o) => boxesOverlap(box, o))) { free = candidate; break search; }
        covering ??= candidate;
      }
    }
    const chosen = free ?? covering;
    if (chosen) placed.push(chosen.box);
    result.set(label.id, chosen);
  }
  return result;
}

/** A county's name without its level word, for a label short of room: 沁水县 → 沁水, Qinshui County → Qinshui (城区 stays). */
export function shortCountyName(name: string): string {
  const zh = /^(.{2,})[县市区]$/u.exec(name);
  if (zh) return zh[1];
  return name.replace(/\s+(County|City|District)$/u, '');
}
