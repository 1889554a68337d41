/** The workspace's calls for authorised users: add one to a designation, change one (status, dates, details). */
import type { AuthorizedUser, AuthorizedUserCreate, AuthorizedUserUpdate } from '../../db/model';
import { apiSend } from '../lib/api';

/** Authorised-user writes. */
export const authorizedUserApi = {
  add: (designationId: number, body: AuthorizedUserCreate) =>
    apiSend<AuthorizedUser>('POST', `/api/designations/${designationId}/authorized-users`, body),
  update: (id: number, body: AuthorizedUserUpdate) => apiSend<AuthorizedUser>('PATCH', `/api/authorized-users/${id}`, body),
};
