/**
 * The large-text, high-contrast display (适老化): a choice remembered in localStorage and applied as
 * `data-display="large"` on the root element, which client/global.css reads to scale the type and
 * switch to a high-contrast palette.
 */

const STORAGE_KEY = 'gi.display';
/** The root attribute the style sheet reads. */
export const DISPLAY_ATTRIBUTE = 'data-display';

/** Whether the large-text display is on (the remembered choice; off when storage cannot be read). */
export function isLargeText(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'large';
  } catch {
    return false;
  }
}

/** Applies the remembered choice to `root` (the document's element). */
export function applyDisplayMode(root: HTMLElement = document.documentElement): void {
  if (isLargeText()) root.setAttribute(DISPLAY_ATTRIBUTE, 'large');
  else root.removeAttribute(DISPLAY_ATTRIBUTE);
}

/** Turns the large-text display on or off, remembers it, and applies it. */
export function setLargeText(on: boolean, root: HTMLElement = document.documentElement): void {
  try {
    if (on) window.localStorage.setItem(STORAGE_KEY, 'large');
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  if (on) root.setAttribute(DISPLAY_ATTRIBUTE, 'large');
  else root.removeAttribute(DISPLAY_ATTRIBUTE);
}
