/** Numbers as officials type them in the workspace's forms. */

/** A typed number: empty → null, anything unreadable → NaN (which the schema then refuses). */
export function parseNumber(value: string): number | null {
  const s = value.trim().replace(/,/g, '');
  if (s === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : Number.NaN;
}
