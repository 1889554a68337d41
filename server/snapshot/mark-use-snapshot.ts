/**
 * A product's public mark-use aggregates as the bytes to send (GET /api/products/:id/mark-use): kept
 * as a ready body per registry version by the live server, written as a file by the static copy.
 */
import type { Db } from '../../db/open';
import { productMarkUse } from '../domain/marks/mark-use';
import type { Viewer } from '../domain/access/viewer';
import type { SnapshotText } from './public-snapshot';

/** The aggregates of one product in the viewer's view (404 when the viewer may not read the product). */
export function markUseSnapshot(db: Db, productId: number, viewer: Viewer): SnapshotText {
  return { type: 'application/json; charset=utf-8', text: JSON.stringify(productMarkUse(db, productId, viewer)) };
}
