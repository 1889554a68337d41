/**
 * The operations of open-data downloads and the feed (tag `export`).
 */
import * as m from '../../../db/model';
import { MEDIA, read, file, type Operation } from '../operation';

/** Every download of the public registry, and the feed. */
export const EXPORT_OPERATIONS: Operation[] = [
  { operationId: 'exportProductsCsv', ...read('/api/export/products.csv'), tag: 'export',
    summary: 'The public registry as CSV', query: m.ProductFilter,
    ok: file(MEDIA.csv, 'UTF-8 with a byte-order mark (so Excel reads the Chinese), one row per designation, streamed'), errors: [400] },
  { operationId: 'exportProductsXlsx', ...read('/api/export/products.xlsx'), tag: 'export', optionalSession: true,
    summary: 'The public registry as XLSX',
    description: 'Sheets of GIs, status moves, participants and authorised users. Signed in, an official\u2019s copy adds a sheet of the yearly usage returns of the products they manage (用标报告; every county\u2019s for an admin), and is never cached.',
    query: m.ProductFilter, ok: file(MEDIA.xlsx, 'An Excel workbook, streamed'), errors: [400] },
  { operationId: 'getFeed', ...read('/api/feed.atom'), tag: 'export', etag: true,
    summary: 'Recent changes to the public registry as an Atom feed',
    ok: [{ status: 200, description: 'An Atom 1.0 feed (RFC 4287)', media: MEDIA.atom }], errors: [] },
];
