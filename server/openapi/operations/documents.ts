/**
 * The operations on documents and photos of products (tag `documents`).
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { IF_MATCH, WRITE, read, ok200, ok201, type Operation } from '../operation';

/** POST /api/products/{id}/documents: the file and its metadata as multipart/form-data fields. */
export const DocumentUpload = m.DocumentCreate.extend({
  file: z.file().max(m.MAX_DOCUMENT_BYTES).meta({ description: 'PDF, JPEG, PNG, WebP, DOCX or XLSX (recognised from the bytes), at most 20 MB' }),
}).meta({ description: 'The form fields of an upload: the file and its metadata (an empty field counts as not sent).' });

/** Every operation on documents. */
export const DOCUMENT_OPERATIONS: Operation[] = [
  { operationId: 'uploadDocument', method: 'post', path: '/api/products/{id}/documents', tag: 'documents', who: 'official',
    summary: 'Attach a document or photo to a product', bodyMedia: 'multipart/form-data', body: DocumentUpload,
    description: 'One file (20 MiB at most, checked while it arrives) and its metadata. The type is recognised from the bytes; pictures are stored upright without their metadata (EXIF, GPS) and get a 320-pixel WebP thumbnail; Word and Excel files lose the names and picture metadata they carry; a PDF is kept byte for byte. Officials attach files to products of their own county.',
    ok: ok201(m.Document), errors: [...WRITE, 401, 404, 408, 409, 503, 507],
    why: { 400: 'Wrong or missing fields, no file, a `photo` that is not a picture, a picture that cannot be decoded, a Word or Excel file that cannot be read, a PDF carrying a photo\u2019s GPS position (`pdf_has_location`), or a designation of another product.',
      408: 'The body stopped arriving for 30 s (`upload_stalled`).',
      503: 'Uploads in flight hold all their room (`uploads_busy`), photos queued hold the pixel budget (`photos_busy`), or the server is stopping.',
      507: 'The server\u2019s storage is full (`storage_full`): nothing was kept.',
      403: 'Not your county, or a write from another site\u2019s page.', 409: 'The product is archived: restore it first (`archived`).',
      413: 'The file is over 20 MiB (20,971,520 bytes; that size itself is taken), a picture over 100 megapixels, a Word or Excel file that unpacks to too much, more than one file, or too many or too long fields.',
      415: 'Not `multipart/form-data`, or a file whose bytes are not a PDF, JPEG, PNG, WebP, DOCX or XLSX (`unsupported_file_type`), whatever its name.' } },
  { operationId: 'getDocument', ...read('/api/documents/{id}'), tag: 'documents', optionalSession: true, etag: true,
    summary: 'A document\u2019s file', description: 'Its real type, `X-Content-Type-Options: nosniff`, a sandboxing `Content-Security-Policy`, and `Content-Disposition` inline for pictures and PDF, as a download for Word and Excel (the title as the file name). Public files are open to every origin and may be cached (revalidated by ETag); internal ones are never kept.',
    ok: [{ status: 200, description: 'The file', mediaTypes: Object.keys(m.DOCUMENT_TYPES), attachment: true }], errors: [400, 404, 429],
    why: { 429: 'This address already has 6 files larger than 512 KiB downloading (`too_many_downloads`).', 404: 'No such document, or one the viewer may not read: an internal file answers 404 to the public and to officials of other counties, as if it did not exist.' } },
  { operationId: 'getDocumentThumbnail', ...read('/api/documents/{id}/thumbnail'), tag: 'documents', optionalSession: true, etag: true,
    summary: 'A picture\u2019s thumbnail (WebP, 320 pixels wide at most)',
    ok: [{ status: 200, description: 'The thumbnail', media: m.THUMBNAIL_MIME, attachment: true }], errors: [400, 404],
    why: { 404: 'No such document, one the viewer may not read, or a file that is not a picture (no thumbnail).' } },
  { operationId: 'updateDocument', ifMatch: IF_MATCH.version, method: 'patch', path: '/api/documents/{id}', tag: 'documents', who: 'official',
    summary: 'Change a document\u2019s title, kind, date, source or visibility', body: m.DocumentUpdate, ok: ok200(m.Document),
    errors: [...WRITE, 401, 404, 409], why: { 400: 'A field is wrong, or there is nothing to change (`{}`).', 409: 'The product is archived: restore it first (`archived`).' } },
  { operationId: 'deleteDocument', ifMatch: IF_MATCH.version, method: 'delete', path: '/api/documents/{id}', tag: 'documents', who: 'official',
    summary: 'Delete a document and its file', description: 'For good; the history keeps what it was.',
    ok: [{ status: 204, description: 'Deleted' }], errors: [...WRITE, 401, 404, 409], why: { 409: 'The product is archived: restore it first (`archived`).' } },
];
