/**
 * Who is asking: nobody (the public), a county official, or a city admin.
 */
import type { CountyCode, Role } from '../../../db/model';

/** A signed-in user as the domain functions see them. */
export interface SignedIn { id: number; username: string; role: Role; county: CountyCode | null }

/** The viewer of a request: a signed-in user, or null for the public. */
export type Viewer = SignedIn | null;
