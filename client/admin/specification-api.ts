/** The workspace's calls for a designation's specification: add a version, change one, remove one. */
import type { Specification, SpecificationInput, SpecificationUpdate } from '../../db/model';
import { apiSend } from '../lib/api';

/** Specification writes. */
export const specificationApi = {
  add: (designationId: number, body: SpecificationInput) =>
    apiSend<Specification>('POST', `/api/designations/${designationId}/specifications`, body),
  /** Corrects a record; `etag` is its version as shown (server/versions.ts). */
  update: (id: number, body: SpecificationUpdate, etag: string | undefined) => apiSend<Specification>('PATCH', `/api/specifications/${id}`, body, etag),
  remove: (id: number, etag: string | undefined) => apiSend<void>('DELETE', `/api/specifications/${id}`, undefined, etag),
};
