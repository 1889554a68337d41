/**
 * A browser context signed in without the form: the session cookie from the API, and the mark the
 * form leaves (client/lib/signed-in-hint.ts) so public pages ask who is signed in, as they would here.
 */
import type { BrowserContext } from 'playwright-core';

/** Gives a context the session of `cookie` (`name=value` from test/server/fixtures signIn). */
export async function useSession(context: BrowserContext, baseUrl: string, cookie: string): Promise<void> {
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  await context.addInitScript(() => window.localStorage.setItem('gi.signedIn', '1'));
}
