/** The workspace's calls for authorised users: add one to a designation, change one (status, dates, details). */
import type { AuthorizedUser, AuthorizedUserCreate, AuthorizedUserUpdate } from '../../db/model';
import { apiSend } from '../lib/api';

/** Authorised-user writes. */
export const authorizedUserApi = {
  add: (designationId: number, body: AuthorizedUserCreate) =>
    apiSend<AuthorizedUser>('POST', `/api/designations/${designationId}/authorized-users`, body),
  /** Changes a user; `version` is its version as shown (server/versions.ts). */
  update: (id: number, body: AuthorizedUserUpdate, version: string | undefined) =>
    apiSend<AuthorizedUser>('PATCH', `/api/authorized-users/${id}`, body, version),
};
