/**
 * The workspace's calls for a designation's protected area: check a pasted text against the codes, keep
 * the resolved codes with the text, remove them.
 */
import type { DesignationScope, ScopeCheckAnswer, ScopeInput } from '../../db/model';
import { apiSend } from '../lib/api';

/** The scope calls. */
export const scopeApi = {
  /** Reconciles a text with the current codes; nothing is kept. */
  check: (designationId: number, text: string) => apiSend<ScopeCheckAnswer>('POST', `/api/designations/${designationId}/scope/check`, { text }),
  /** Keeps the text verbatim with the codes the official resolved it to (`version`: the scope's as shown, `absent` for none). */
  save: (designationId: number, body: ScopeInput, version: string | undefined) =>
    apiSend<DesignationScope>('PUT', `/api/designations/${designationId}/scope`, body, version),
  /** Removes the designation's scope (`version`: as shown). */
  remove: (designationId: number, version: string | undefined) => apiSend<void>('DELETE', `/api/designations/${designationId}/scope`, undefined, version),
};
