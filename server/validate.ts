/**
 * Validation at the edge: a zod schema applied to a request part, failing as a 400 that names the fields.
 */
import type { z } from 'zod';
import { badRequest, issuesOf } from './errors';

/** Where an input came from, named in the error message. */
export type InputPart = 'body' | 'query' | 'params';

/** Parses `value` with `schema` or throws a 400 listing every issue and the offending parameters. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, part: InputPart): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  const names = [...new Set(result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [String(i.path[0] ?? part)]))];
  const label = part === 'query' ? 'query parameter' : part === 'params' ? 'path parameter' : 'body field';
  throw badRequest(`Invalid ${label}${names.length > 1 ? 's' : ''}: ${names.join(', ')}`, issues);
}

/** Parses a numeric id from the path, or throws a 400. */
export function idParam(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || String(n) !== value) throw badRequest(`Invalid id: ${String(value)}`, [{ path: ['id'], message: 'must be a positive integer' }]);
  return n;
}
