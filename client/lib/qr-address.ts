/**
 * What a product's QR code leads to. The server titles the SVG with the address it encodes
 * (PUBLIC_BASE_URL or the address it was asked on), so the card prints exactly what a phone will open.
 */
import { appHref } from './base-path';

/** The QR code's address (on the live server, and as a file in a static copy built with --base-url), under the base path. */
export const qrPath = (productId: number) => appHref(`/api/products/${productId}/qr.svg`);

/** The address a product's QR code encodes, or null when there is no code (a static copy without --base-url). */
export async function qrAddress(productId: number, signal?: AbortSignal): Promise<string | null> {
  const res = await fetch(qrPath(productId), { signal, headers: { accept: 'image/svg+xml' } });
  if (!res.ok) return null;
  const doc = new DOMParser().parseFromString(await res.text(), 'image/svg+xml');
  return doc.querySelector('svg > title')?.textContent?.trim() || null;
}
