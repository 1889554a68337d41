/**
 * The QR code of a product's public page (`<base>/products/:id`), as SVG for stalls, packaging and the
 * printable card. Drawn by `qrcode` (the well-kept QR encoder on npm), error correction M, the standard
 * four-module quiet zone; the page's address is also the SVG's `<title>`, so the card can print it
 * beside the code and a reader opening the image sees where it leads.
 */
import QRCode from 'qrcode';

/** The public page of a product on a site whose address is `base` (no trailing slash needed). */
export function productPageUrl(base: string, productId: number): string {
  return `${base.replace(/\/+$/, '')}/products/${productId}`;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An SVG QR code of `url`, titled with it (dark modules on white, scalable: the reader sets its size). */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg.replace(/^<svg /, '<svg role="img" ').replace(/(<svg[^>]*>)/, `$1<title>${escapeXml(url)}</title>`);
}
