/**
 * News that the server ended the session (idle timeout, lifetime over, account changed), heard by
 * whoever shows the workspace: any API call can be the first to learn it, and the workspace must then
 * leave the screen at once, whichever page asked.
 */

/** Why a session ended: idle too long, its longest lifetime reached, or gone (ended by the server otherwise, or never there). */
export type SessionEndReason = 'timeout' | 'expired' | 'ended';

type Listener = (reason: SessionEndReason) => void;
const listeners = new Set<Listener>();

/**
 * What a 401's code says: the session ran out (`session_timeout`), or there is no session (`unauthorized`:
 * for a workspace that had one, it was ended, e.g. by a password reset or a change of role).
 */
const REASONS: Record<string, SessionEndReason> = { session_timeout: 'timeout', session_expired: 'expired', unauthorized: 'ended' };

/** Tells the listeners what a 401 says about the session; other answers are ignored. */
export function reportUnauthorized(status: number, code: string): void {
  if (status !== 401) return;
  const reason = REASONS[code];
  if (reason) announceSessionEnd(reason);
}

/** Tells every listener that the session is over. */
export function announceSessionEnd(reason: SessionEndReason): void {
  for (const listener of [...listeners]) listener(reason);
}

/** Listens for the end of the session; returns the function that stops listening. */
export function onSessionEnd(listener: Listener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
