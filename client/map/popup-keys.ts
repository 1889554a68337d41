/**
 * The keyboard around a marker's popup. Leaflet puts popups in a pane after every marker, so Tab from an
 * open popup's marker reached the next marker, and its Escape works only while the map itself has focus.
 * Here: a popup opened from the keyboard takes focus (its link, else its close button), Tab and Shift+Tab
 * cycle within it, and Escape closes it and gives focus back to its marker.
 */
import L from 'leaflet';

/** Wires a map's popups for the keyboard; returns the function that unwires them. */
export function keyboardPopups(map: L.Map, options: { closeLabel: () => string }): () => void {
  const container = map.getContainer();
  const root = container.getRootNode() as Document | ShadowRoot;
  // Whether the last input was a key (not a pointer): only then does an opening popup take focus.
  let byKeyboard = false;

  const focusables = (popup: L.Popup) => [...(popup.getElement()?.querySelectorAll<HTMLElement>('a[href], button, [tabindex="0"]') ?? [])];
  const sourceElement = (popup: L.Popup) => ((popup as unknown as { _source?: L.Layer })._source as L.Marker | undefined)?.getElement();

  const onOpen = (e: L.PopupEvent) => {
    const close = e.popup.getElement()?.querySelector<HTMLElement>('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', options.closeLabel());
    close?.setAttribute('title', options.closeLabel());
    if (!byKeyboard) return;
    const [first] = focusables(e.popup).sort((a, b) => Number(b.matches('.popup a')) - Number(a.matches('.popup a')));
    first?.focus({ preventScroll: true });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    byKeyboard = true;
    const popup = (map as unknown as { _popup?: L.Popup })._popup;
    if (!popup || !map.hasLayer(popup)) return;
    const element = popup.getElement();
    const active = root.activeElement as HTMLElement | null;
    const inside = !!active && !!element?.contains(active);
    if (e.key === 'Escape' && (inside || active === sourceElement(popup))) {
      e.preventDefault();
      e.stopPropagation();
      const marker = sourceElement(popup);
      map.closePopup(popup);
      marker?.focus({ preventScroll: true });
    } else if (e.key === 'Tab' && inside) {
      const items = focusables(popup);
      const at = items.indexOf(active!);
      const next = items[(at + (e.shiftKey ? -1 : 1) + items.length) % items.length];
      if (!next) return;
      e.preventDefault();
      next.focus({ preventScroll: true });
    }
  };
  const onPointer = () => { byKeyboard = false; };

  map.on('popupopen', onOpen);
  container.addEventListener('keydown', onKeyDown, true);
  container.addEventListener('pointerdown', onPointer, true);
  return () => {
    map.off('popupopen', onOpen);
    container.removeEventListener('keydown', onKeyDown, true);
    container.removeEventListener('pointerdown', onPointer, true);
  };
}
