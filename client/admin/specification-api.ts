/** The workspace's calls for a designation's specification: add a version, change one, remove one. */
import type { Specification, SpecificationInput, SpecificationUpdate } from '../../db/model';
import { apiSend } from '../lib/api';

/** Specification writes. */
export const specificationApi = {
  add: (designationId: number, body: SpecificationInput) =>
    apiSend<Specification>('POST', `/api/designations/${designationId}/specifications`, body),
  update: (id: number, body: SpecificationUpdate) => apiSend<Specification>('PATCH', `/api/specifications/${id}`, body),
  remove: (id: number) => apiSend<void>('DELETE', `/api/specifications/${id}`),
};
