/**
 * Versions of editable resources, so that no edit silently overwrites another (optimistic concurrency).
 *
 * A resource's version is a short hash of exactly the state a write to it replaces (a product's own
 * fields, one dossier item, a product's figures…; server/domain/access/resource-versions.ts says what
 * each covers), so two officials editing different sections of one product never conflict, while a save
 * based on an older state is refused. Answers carry it as a `version` field (and single resources also
 * as an `ETag`); every PATCH, PUT, DELETE and move must send it back in `If-Match`:
 * - no `If-Match`: 428 `version_required`;
 * - a version that is no longer current: 412 `stale_version`, with the current state in `error.current`
 *   (null when the resource is gone), so the client can show what changed and keep what was typed;
 * - `If-Match: *` says "whatever is there now" (RFC 9110), for scripts that mean to overwrite.
 * A resource that does not exist at all (deleted, or never there) is a 404 as before, If-Match or not:
 * RFC 9110 §13.2.1 has the server ignore preconditions when the answer without them would be an error.
 *
 * The check and the write must run in the same synchronous turn (no `await` between them): the server
 * is one process and better-sqlite3 is synchronous, so nothing can slip in between. Domain writes take a
 * `VersionCheck` and call it inside their transaction, after their permission checks, right before writing.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { ABSENT_VERSION } from '../db/model';
import { HttpError } from './errors';

export { ABSENT_VERSION } from '../db/model';

/** A resource's version: 16 base64url characters of the SHA-256 of its state as canonical JSON. */
export function versionOf(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('base64url').slice(0, 16);
}

/** JSON with object keys sorted, so the same state always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  }) ?? 'null';
}

/** The versions an `If-Match` header names ('*' for any; null when there is no header). */
export function ifMatchOf(req: Request): string[] | '*' | null {
  const header = req.headers['if-match'];
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return '*';
  return value.split(',').map((v) => v.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')).filter(Boolean);
}

/** 428: the write did not say which version it was based on. */
export const versionRequired = () => new HttpError(428, 'version_required',
  '请求须在 If-Match 中带上所修改内容的版本 / Send the version you are changing in If-Match');

/** 412: someone else changed (or removed) the resource since this version was read; `current` is what is there now. */
export const staleVersion = (current: unknown) => new HttpError(412, 'stale_version',
  '此内容在您打开后已被他人修改 / This was changed by someone else since you opened it', undefined, {}, { current: current ?? null });

/**
 * Refuses a write not based on `version`, the resource's current one: 428 without `If-Match`, 412 with
 * `current` (the resource as its answer shows it, or null when absent) when `If-Match` names another.
 */
export function assertVersion(req: Request, version: string, current: unknown): void {
  const wanted = ifMatchOf(req);
  if (wanted === null) throw versionRequired();
  if (wanted === '*') return;
  if (!wanted.includes(version)) throw staleVersion(current);
}

/**
 * Refuses a write not based on the current version: 428 without `If-Match`, 412 with the current state
 * when stale. `current` is the resource as its answer shows it (with its `version`), or null when absent
 * (then only `absent` or `*` matches).
 * Call it right before the write, in the same synchronous turn.
 */
export function assertFresh(req: Request, current: { version: string } | null): void {
  assertVersion(req, current?.version ?? ABSENT_VERSION, current);
}

/**
 * What a domain write calls right before it writes: the resource's current version and the resource as
 * its answer shows it (null when absent). It throws to refuse; the write's transaction then changes nothing.
 */
export type VersionCheck = (version: string, current: unknown) => void;

/** The check of a request's `If-Match`, for a domain write (see VersionCheck). */
export const ifMatches = (req: Request): VersionCheck => (version, current) => assertVersion(req, version, current);

/** Sets a single resource's `ETag` from its version (strong, quoted). */
export function setETag(res: Response, resource: { version?: string | number }): void {
  if (resource.version !== undefined) res.set('ETag', `"${resource.version}"`);
}
