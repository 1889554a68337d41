/**
 * Versions of editable resources (optimistic concurrency, server/versions.ts): the wire side every
 * answer and the workspace share. A version covers exactly the state one write replaces, so editing
 * different parts of one product never conflicts; a write based on an older version is refused (412).
 */
import { z } from 'zod';
import { ApiError } from './exchange';

/**
 * A resource's version, as answers to those who may change it carry it: sent back in `If-Match` by a
 * write based on it. Public answers carry none.
 */
export const ResourceVersion = z.string().min(1).max(64);
export type ResourceVersion = z.infer<typeof ResourceVersion>;

/** The version of what does not exist yet (a dossier item never filled in, a return not made, no scope kept). */
export const ABSENT_VERSION = 'absent';

/** A version field that only answers to a signed-in official who may change the resource carry. */
export const versionField = () => ResourceVersion.optional();

/** The error of a 412 `stale_version`: `current` is the resource as it is now (with its version), or null when it is gone. */
export const StaleVersionError = z.object({
  error: ApiError.shape.error.extend({ current: z.unknown() }),
});
export type StaleVersionError = z.infer<typeof StaleVersionError>;
