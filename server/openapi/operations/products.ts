/**
 * The operations on products (tag `products`): the public registry’s reads, and officials’ writes.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { IF_MATCH, MEDIA, WRITE, read, ok200, ok201, type Operation } from '../operation';

/** A page of the product list. */
export const Page = z.object({ items: z.array(m.ProductSummary), total: z.number().int() });

/** The public reads of products. */
export const PRODUCT_READS: Operation[] = [
  { operationId: 'listProducts', ...read('/api/products'), tag: 'products', optionalSession: true, etag: true,
    summary: 'Products matching the filters',
    description: 'The public sees public, current products. `q` is words, each found in the Chinese name (沁水 蜂蜜), its toneless pinyin (qinshui fengmi) or initials (qsfm), or the English name, case aside. Ordered by name: by the pinyin of the Chinese name (`lang=zh`, the default), or alphabetically by the English name, else that pinyin (`lang=en`); each item carries its `namePinyin`. Signed in, `mine=1` lists the products of the viewer\u2019s county (every product for an admin), drafts included, and `archived=1` the archived ones.',
    query: m.ProductQuery, ok: ok200(Page), errors: [400, 401], why: { 401: '`mine` or `archived` without a session.' } },
  { operationId: 'getProduct', ...read('/api/products/{id}'), tag: 'products', optionalSession: true, etag: true,
    summary: 'One product in full', description: 'Drafts and archived products are visible only to the officials of their county and to admins. Each designation carries its specification\u2019s versions (`specifications`, newest first, the current one flagged `current`; `documentId` only when the viewer may read that file) and its public contacts (`managingBody`, `managingContact`, `testingBody`).',
    ok: ok200(m.Product), errors: [400, 404] },
];

/** The writes on products (and the QR code of a product’s page). */
export const PRODUCT_WRITES: Operation[] = [
  { operationId: 'createProduct', method: 'post', path: '/api/products', tag: 'products', who: 'official',
    summary: 'Create a product', description: 'A draft unless `visibility` says `public`. Officials may only name their own county.',
    body: m.ProductCreate, ok: ok201(m.Product), errors: [...WRITE, 401, 409],
    why: { 409: 'A current product you may see has a look-alike name (same after NFKC, invisible characters and spaces removed: `duplicate_name`).' } },
  { operationId: 'updateProduct', ifMatch: IF_MATCH.product, method: 'patch', path: '/api/products/{id}', tag: 'products', who: 'official',
    summary: 'Change a product', description: 'Any subset of the editable fields.',
    body: m.ProductUpdate, ok: ok200(m.Product), errors: [...WRITE, 401, 404, 409],
    why: { 403: 'Not your county, or taking another county off a shared product (an admin’s decision).', 409: 'The product is archived: restore it first (`archived`), or the new name is a look-alike of another product’s (`duplicate_name`).' } },
  { operationId: 'archiveProduct', ifMatch: IF_MATCH.product, method: 'delete', path: '/api/products/{id}', tag: 'products', who: 'official',
    summary: 'Archive a product', description: 'Never deleted: the product leaves the public registry and can be restored. Answers with the archived product.',
    ok: ok200(m.Product, 'The archived product'), errors: [...WRITE, 401, 404, 409],
    why: { 403: 'Not your county, or a product shared with another county (an admin archives it).', 409: 'The product is archived already (`archived`).' } },
  { operationId: 'restoreProduct', ifMatch: IF_MATCH.product, method: 'post', path: '/api/products/{id}/restore', tag: 'products', who: 'admin',
    summary: 'Restore an archived product', ok: ok200(m.Product, 'The restored product'), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'The product is not archived (`not_archived`), or its name has been taken meanwhile (`duplicate_name`).' } },
  { operationId: 'replaceParticipants', ifMatch: IF_MATCH.participants, method: 'put', path: '/api/products/{id}/participants', tag: 'products', who: 'official',
    summary: 'Replace the cooperative-farmer model', body: m.Participants, ok: ok200(z.array(m.Participant)), errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'replaceFigures', ifMatch: IF_MATCH.figures, method: 'put', path: '/api/products/{id}/figures', tag: 'products', who: 'official',
    summary: 'Replace the industry figures by year',
    description: 'The whole series: each year (1949 to this year, once) with households, area (亩), yield per mu (`yieldKgPerMu`, 亩产 in kg, at most 100,000), output (吨), value (万元), a note and sources; a figure not known is null. Area \u00d7 yield per mu is the ceiling the signals hold declared marked volumes against (`GET /api/signals`). Officials of the product\u2019s county and admins; audited. The tally sums each product\u2019s latest year.',
    body: m.ProductFigures, ok: ok200(z.array(m.ProductFigure), 'The series as kept, oldest year first'), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A year outside 1949 to this year or listed twice, a negative or too large figure (a yield above 100,000 kg per mu), or more than 100 years.', 403: 'Not your county, or a write from another site\u2019s page.', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'getProductQr', ...read('/api/products/{id}/qr.svg'), tag: 'products', etag: true,
    summary: 'The QR code of a product\u2019s public page (SVG)',
    description: 'Encodes `<base>/products/{id}`, where the base is the server\u2019s `PUBLIC_BASE_URL` (never the Host a request names). Only public, current products have one, and only when the server knows its public address.',
    ok: [{ status: 200, description: 'An SVG image; its `<title>` is the address it encodes', media: MEDIA.svg }], errors: [400, 404],
    why: { 404: 'No such product, or one that is a draft or archived (it has no public page), or `PUBLIC_BASE_URL` is not set (`no_public_address`).' } },
];
