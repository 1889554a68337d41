/**
 * The workspace's calls for documents and photos: the upload (multipart, through XMLHttpRequest so
 * its progress can be shown), and the JSON PATCH and DELETE.
 */
import type { Document, DocumentUpdate } from '../../db/model';
import { ApiRequestError, apiSend } from '../lib/api';
import { t } from '../i18n';
import { appHref } from '../lib/base-path';

/** The error an upload answer carries, as the API's other calls report it. */
function refusal(xhr: XMLHttpRequest): ApiRequestError {
  let error: { code?: string; message?: string; issues?: ApiRequestError['issues'] } | undefined;
  try { error = (JSON.parse(xhr.responseText) as { error?: typeof error }).error; } catch { /* not JSON */ }
  return new ApiRequestError(xhr.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${xhr.status}`, error?.issues ?? []);
}

/** Uploads a file with its metadata to a product; `onProgress` hears the share sent so far (0–1). */
export function uploadDocument(productId: number, form: FormData, onProgress: (share: number) => void): Promise<Document> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', appHref(`/api/products/${productId}/documents`));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as Document);
      else reject(refusal(xhr));
    });
    xhr.addEventListener('error', () => reject(new ApiRequestError(0, 'network', t('docs.networkError'))));
    xhr.send(form);
  });
}

/** The document calls of the workspace. */
export const documentApi = {
  upload: uploadDocument,
  /** Changes a document's details; `version` is its version as shown (server/versions.ts). */
  update: (id: number, patch: DocumentUpdate, version: string | undefined) => apiSend<Document>('PATCH', `/api/documents/${id}`, patch, version),
  remove: (id: number, version: string | undefined) => apiSend<void>('DELETE', `/api/documents/${id}`, undefined, version),
};
