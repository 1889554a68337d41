/**
 * The files of a static copy's documents: each public document of each public product, and its
 * thumbnail, under the name client/lib/static-api.ts asks for (`api/documents/12.pdf`,
 * `api/documents/12/thumbnail.webp`), since a static web server knows a file's type by its extension.
 */
import { staticDocumentFile } from '../../db/model';
import type { Db } from '../../db/open';
import { documentBytes, productDocuments } from '../domain/products/documents-read';

/** Writes the public documents of these (public) products through `write`; returns how many files it wrote. */
export function writeStaticDocuments(db: Db, products: readonly { id: number }[],
  write: (file: string, content: Uint8Array) => void): number {
  let written = 0;
  for (const product of products) {
    for (const d of productDocuments(db, product.id, [], null)) {
      const original = documentBytes(db, d.id, 'original');
      if (original) { write(staticDocumentFile(d.url, d.mime).slice(1), original.content); written++; }
      const thumbnail = d.thumbnailUrl ? documentBytes(db, d.id, 'thumbnail') : null;
      if (thumbnail && d.thumbnailUrl) { write(staticDocumentFile(d.thumbnailUrl, thumbnail.mime).slice(1), thumbnail.content); written++; }
    }
  }
  return written;
}
