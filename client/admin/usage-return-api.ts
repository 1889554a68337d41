/** The workspace's calls for yearly usage returns: read a designation's, enter one, review one, issue a link. */
import type { ReturnLinkCreate, ReturnLinkIssued, UsageReturn, UsageReturnInput, UsageReturnList, UsageReturnReview } from '../../db/model';
import { apiGet, apiSend } from '../lib/api';

/** Usage-return reads and writes (officials of the GI's county, admins). */
export const usageReturnApi = {
  ofDesignation: (designationId: number, signal?: AbortSignal) =>
    apiGet<UsageReturnList>(`/api/designations/${designationId}/usage-returns`, signal),
  enter: (userId: number, year: number, body: UsageReturnInput) =>
    apiSend<UsageReturn>('PUT', `/api/authorized-users/${userId}/usage-returns/${year}`, body),
  review: (returnId: number, body: UsageReturnReview) => apiSend<UsageReturn>('POST', `/api/usage-returns/${returnId}/review`, body),
  issueLink: (userId: number, body: ReturnLinkCreate) => apiSend<ReturnLinkIssued>('POST', `/api/authorized-users/${userId}/return-links`, body),
};
