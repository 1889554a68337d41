/**
 * Who is asking: nobody (the public), or a signed-in account. Of the accounts, city admins and county
 * officials work on the registry's content (a `SignedIn` viewer); security admins and auditors do not
 * (三员分立): to every content route they are the public, and a route that needs a viewer refuses them 403.
 */
import { CONTENT_ROLES, type ContentRole, type CountyCode, type Role } from '../../../db/model';

/** A signed-in account, whatever its role. */
export interface Account { id: number; username: string; role: Role; county: CountyCode | null }

/** A signed-in user as the content's domain functions see them: a city admin or a county official. */
export interface SignedIn extends Account { role: ContentRole }

/** The viewer of a request: a signed-in user, or null for the public. */
export type Viewer = SignedIn | null;

/** Who did something, as a log names them (null: the command line or the server itself). */
export type Actor = Pick<Account, 'id' | 'username'> | null;

/** Whether an account works on content (and so is a viewer of content routes). */
export function isContentViewer(account: Account): account is SignedIn {
  return (CONTENT_ROLES as readonly Role[]).includes(account.role);
}

/** Whose view an answer is: the public's, an admin's, or one county's officials' (kept answers are keyed by it). */
export function scopeOf(viewer: Viewer): string {
  if (!viewer) return 'public';
  return viewer.role === 'admin' ? 'admin' : `county:${viewer.county}`;
}
