/**
 * What the browser tests read off the public map: the numbers it shows (cluster bubbles, single markers,
 * county badges, the several-counties count), the boxes of the county labels on screen, and its zoom.
 */
import type { Page } from 'playwright-core';

/** The numbers the registry map shows; `total` is what they add up to (products, when each has one place). */
export interface MapNumbers { clusters: number[]; markers: number; badges: number[]; multi: number; total: number }

/** Reads the numbers of the page's registry map (the `<gi-map>` of the map page). */
export async function mapNumbers(page: Page): Promise<MapNumbers> {
  const map = page.locator('gi-map-page gi-map');
  const clusters = await map.locator('.gi-cluster').evaluateAll((els) => els.map((e) => Number(e.textContent)));
  const markers = await map.locator('.gi-marker').count();
  // A badge counts only while its label shows (a hidden label's badge is not on the map).
  const badges = await map.locator('.county-label:not([hidden]) .county-badge').evaluateAll((els) => els.map((e) => Number(e.textContent)));
  const multiEl = map.locator('gi-map-multi summary .county-badge');
  const multi = (await multiEl.count()) ? Number(await multiEl.textContent()) : 0;
  const total = clusters.reduce((a, b) => a + b, 0) + markers + badges.reduce((a, b) => a + b, 0) + multi;
  return { clusters, markers, badges, multi, total };
}

/** A county label's box on screen. */
export interface LabelBox { code: string; x: number; y: number; width: number; height: number }

/** The boxes of the county labels shown on the page's registry map. */
export function labelBoxes(page: Page): Promise<LabelBox[]> {
  return page.locator('gi-map-page gi-map .county-label:not([hidden])').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { code: e.getAttribute('data-code') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
  }));
}

/** The pairs of boxes that overlap (by more than a rounding pixel), as "code×code". */
export function overlapping(boxes: readonly LabelBox[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (x > 0.5 && y > 0.5) pairs.push(`${a.code}×${b.code}`);
    }
  }
  return pairs;
}

/**
 * The registry map's zoom once it has settled (Leaflet's own, read from the element as the bench does), or
 * null while a zoom animation runs: Leaflet sets the new zoom when the animation starts and ignores zoom
 * clicks until it ends, so a test clicks again only when this is a number.
 */
export function mapZoom(page: Page): Promise<number | null> {
  return page.locator('gi-map-page gi-map').evaluate((el) => {
    const map = (el as unknown as { map: { getZoom(): number; _animatingZoom?: boolean } }).map;
    return map._animatingZoom ? null : map.getZoom();
  });
}
