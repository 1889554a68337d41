/** The workspace's calls for yearly usage returns: read a designation's, enter one, review one, issue a link. */
import type { ReturnLinkCreate, ReturnLinkIssued, UsageReturn, UsageReturnInput, UsageReturnList, UsageReturnReview } from '../../db/model';
import { apiGet, apiSend } from '../lib/api';

/** Usage-return reads and writes (officials of the GI's county, admins). */
export const usageReturnApi = {
  ofDesignation: (designationId: number, signal?: AbortSignal) =>
    apiGet<UsageReturnList>(`/api/designations/${designationId}/usage-returns`, signal),
  /** Enters (or replaces) a year's return; `version` is that year's return's as shown (`absent` when there was none). */
  enter: (userId: number, year: number, body: UsageReturnInput, version: string | undefined) =>
    apiSend<UsageReturn>('PUT', `/api/authorized-users/${userId}/usage-returns/${year}`, body, version),
  /** Accepts or returns a company's return; `version` is the return's as shown. */
  review: (returnId: number, body: UsageReturnReview, version: string | undefined) =>
    apiSend<UsageReturn>('POST', `/api/usage-returns/${returnId}/review`, body, version),
  issueLink: (userId: number, body: ReturnLinkCreate) => apiSend<ReturnLinkIssued>('POST', `/api/authorized-users/${userId}/return-links`, body),
};
