/**
 * Whether this browser may have a session: remembered when someone signs in here and forgotten when
 * they sign out or the server says there is none. The session cookie is HttpOnly (rightly unreadable),
 * so without this hint a public page that adapts to officials asked `/api/session` for every visitor
 * and every visitor's console logged a 401. A stale hint costs one such question, which then clears it.
 */
const KEY = 'gi.signedIn';

/** Whether it is worth asking the server who is signed in. */
export function maySignedIn(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return true; // storage refused: ask, as before
  }
}

/** Records what the server said: a session (true) or none (false). */
export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(KEY, '1');
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): pages simply ask the server.
  }
}
