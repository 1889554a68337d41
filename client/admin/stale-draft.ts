/**
 * Taking what is there now into a form after a 412 (someone changed the same thing meanwhile), keeping what the
 * official typed: plain functions over drafts, for client/admin/form-sender.ts.
 */

/** Whether a draft value is a plain object (its fields rebased one by one). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether two draft values are the same (drafts hold text, numbers, booleans, lists and plain objects). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The draft rebased on what is there now: each field the official left as it was loaded takes its value
 * now; each field they typed in keeps what they typed. A draft that is not a plain object (a list of
 * rows) is one field.
 */
export function keepTyped<D>(draft: D, loaded: D, current: D): D {
  if (!isRecord(draft) || !isRecord(loaded) || !isRecord(current)) return same(draft, loaded) ? current : draft;
  const out: Record<string, unknown> = { ...current };
  for (const key of Object.keys(draft)) {
    if (!same(draft[key], loaded[key])) out[key] = draft[key];
  }
  return out as D;
}

/** The fields someone else changed: those where what is there now differs from what was loaded. */
export function changedFields<D>(loaded: D, current: D): string[] {
  if (!isRecord(loaded) || !isRecord(current)) return same(loaded, current) ? [] : [''];
  return [...new Set([...Object.keys(loaded), ...Object.keys(current)])].filter((k) => !same(loaded[k], current[k]));
}

/** A value as the notice lists it: text shortened to a line or two. */
export const shortText = (value: unknown): string | null => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};
