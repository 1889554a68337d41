/**
 * Documents and photos: POST /api/products/:id/documents (multipart/form-data, the API's only
 * non-JSON write), GET /api/documents/:id and …/thumbnail (the bytes, served safely), PATCH and
 * DELETE /api/documents/:id.
 */
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { DocumentCreate, DocumentUpdate } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { viewerOf, type AppContext } from '../context';
import { readableDocument, storedFile, storedFileSlice } from '../domain/products/documents-read';
import { addDocument, assertMayAttach, deleteDocument, updateDocument } from '../domain/products/documents-write';
import { prepareFile } from '../documents/prepare-file';
import { assertMultipart, readUpload } from '../documents/read-upload';
import { UploadBudget } from '../documents/upload-budget';
import { DOWNLOADS_PER_ADDRESS, isLargeFile, sendFile, tooManyDownloads } from '../documents/send-file';
import { addressOf, ConcurrencyLimiter } from '../rate-limit';
import { badRequest, notFound } from '../errors';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

/** The form fields with the empty ones left out (an empty date or source box means "none"). */
function filledFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
}

/** Document routes: uploads and changes by the product's officials and admins, files for whoever may read them. */
export function documentRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const uploads = new UploadBudget();

  const downloads = new ConcurrencyLimiter(DOWNLOADS_PER_ADDRESS);
  const serve = (variant: 'original' | 'thumbnail') => async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store'); // a refusal is not kept either
    const id = idParam(req.params.id);
    const viewer = viewerOf(res);
    const found = readableDocument(db, id, viewer);
    const stored = found && storedFile(db, id, variant);
    if (!found || !stored) throw notFound(variant === 'original' ? 'document' : 'thumbnail');
    if (req.method === 'GET' && isLargeFile(stored.size)) {
      const leave = downloads.enter(addressOf(req));
      if (!leave) throw tooManyDownloads();
      res.once('close', leave);
    }
    await sendFile(req, res, {
      id, title: found.row.title, mime: stored.mime, size: stored.size,
      read: (offset, length) => storedFileSlice(db, id, variant, offset, length),
      // A thumbnail is made once from its original: the original's hash names it too.
      sha256: variant === 'original' ? found.row.sha256 : createHash('sha256').update(`thumbnail:${found.row.sha256}`).digest('hex'),
      cache: found.row.visibility === 'internal' ? 'secret' : viewer ? 'private' : 'public',
    });
  };

  return Router()
    .post('/api/products/:id/documents', requireSignedIn, async (req, res) => {
      const productId = idParam(req.params.id);
      const viewer = signedInViewer(res);
      assertMultipart(req);
      // Who may attach is settled before a byte of the file is read.
      assertMayAttach(db, viewer, productId);
      const hold = uploads.holdFor(res, Number(req.get('content-length')));
      const upload = await readUpload(req, { hold });
      const meta = validate(DocumentCreate, filledFields(upload.fields), 'body');
      if (!upload.file || upload.file.length === 0) {
        throw badRequest('请选择要上传的文件 / Choose a file to upload', [{ path: ['file'], message: '请选择文件 / a file is required' }]);
      }
      const file = await prepareFile(upload.file, meta.kind);
      // Reading and thumbnailing took time: an import may hold the database now, so wait for it as writes do.
      await ctx.writeGate.idle();
      res.status(201).json(addDocument(db, viewer, productId, meta, file));
    })
    .get('/api/documents/:id', serve('original'))
    .get('/api/documents/:id/thumbnail', serve('thumbnail'))
    .patch('/api/documents/:id', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const patch = validate(DocumentUpdate, req.body, 'body');
      const document = updateDocument(db, signedInViewer(res), id, patch, ifMatches(req));
      setETag(res, document);
      res.json(document);
    })
    .delete('/api/documents/:id', requireSignedIn, ...jsonBody, (req, res) => {
      deleteDocument(db, signedInViewer(res), idParam(req.params.id), ifMatches(req));
      res.status(204).end();
    });
}
