/**
 * The workspace's calls about the signed-in session and accounts (等保 level 2): the session with its
 * timer, keep-alive, changing one's own password, account changes with their version, unlocking, and the
 * auditor's security events.
 */
import type { KeepAliveAnswer, PasswordChange, SecurityEventPage, SecurityEventQuery, SessionAnswer, SessionState, User, UserUpdate } from '../../db/model';
import { ApiRequestError, apiGet, apiSend, toQuery } from '../lib/api';
import { rememberSignedIn } from '../lib/signed-in-hint';
import type { SessionUser } from './admin-api';

/** The signed-in account with its session's clock (the answer of POST and GET /api/session). */
export type SignedInAnswer = SessionUser & { session?: SessionState };

/** The filters of the security-event page, as the API names them (strings from the URL). */
export type SecurityEventFilters = Partial<Record<keyof SecurityEventQuery, string | number>>;

/** Calls about the session and accounts. */
export const accountApi = {
  /** Who is signed in with the session's clock, or null (401: nobody, or a session that just timed out). */
  session: async (signal?: AbortSignal): Promise<SignedInAnswer | null> => {
    try {
      const answer = await apiGet<SignedInAnswer>('/api/session', signal);
      rememberSignedIn(true);
      return answer;
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 401) {
        rememberSignedIn(false);
        return null;
      }
      throw e;
    }
  },
  /** Keeps the session alive: its new ends. */
  keepAlive: async (): Promise<SessionState> => (await apiSend<KeepAliveAnswer>('POST', '/api/session/keep-alive', {})).session,
  /** Changes the signed-in account's own password: its session stays (others of the account end); the account and session now. */
  changePassword: (body: PasswordChange) => apiSend<SessionAnswer>('POST', '/api/session/password', body),
  /** Changes an account, based on the version the page showed (412 when someone changed it since). */
  updateUser: (user: Pick<User, 'id' | 'version'>, body: UserUpdate) => apiSend<User>('PATCH', `/api/users/${user.id}`, body, user.version),
  /** Lifts the lock of an account that too many wrong passwords locked (based on the version shown). */
  unlockUser: (user: Pick<User, 'id' | 'version'>) => apiSend<User>('POST', `/api/users/${user.id}/unlock`, {}, user.version),
  /** One page of the security events, newest first. */
  securityEvents: (query: SecurityEventFilters, signal?: AbortSignal) =>
    apiGet<SecurityEventPage>(`/api/security-events${toQuery(query)}`, signal),
};
