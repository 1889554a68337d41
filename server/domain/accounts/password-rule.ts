/**
 * What a password must be, in one place for every way one is set (`npm run user:add`, POST /api/users,
 * PATCH /api/users/:id): at least 10 characters; at least 6 different ones, and not a run such as
 * `1234567890` or `abcdefghij`; not one of the 49,233 most common passwords (nor one with digits or
 * symbols added at its ends: `monkey1234`, `password!`); and not the username with a little added
 * (what is left once the username is taken out must pass on its own). No rule on kinds of character:
 * a phrase of words (`terraced tea garden`) or of Chinese characters is a good password.
 *
 * The common passwords are zxcvbn-ts's list (@zxcvbn-ts/language-common, MIT: the password dictionary
 * the zxcvbn estimator ranks by frequency in leaked password sets), loaded on the first check.
 */
import { MIN_PASSWORD_LENGTH } from '../../../db/model';
import { badRequest } from '../../errors';
/** The fewest different characters a password may have. */
export const MIN_DISTINCT_CHARACTERS = 6;

/** Why a password is refused, in both languages. */
const PROBLEMS = {
  short: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符 / A password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  narrow: `密码中不同的字符太少（至少 ${MIN_DISTINCT_CHARACTERS} 个不同字符），或是连续的字符（如 1234567890） / ` +
    `The password has too few different characters (at least ${MIN_DISTINCT_CHARACTERS}), or is a run such as 1234567890`,
  common: '这是常用密码（或常用密码加上数字、符号），很容易被猜中 / This is a commonly used password (or one with digits or symbols added), easy to guess',
  ownName: '密码不能只是用户名加上少许变化 / The password may not be the username with a little added',
} as const;

let common: Promise<Set<string>> | undefined;
/** The common passwords, lower-cased (loaded once, about 50 ms). */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) =>
    new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));
  return common;
}

/** The step from one character to the next: digits wrap (`9` → `0` is +1, as on a keyboard's row). */
function step(a: string, b: string): number {
  const d = b.codePointAt(0)! - a.codePointAt(0)!;
  return /\d/.test(a) && /\d/.test(b) && Math.abs(d) === 9 ? -Math.sign(d) : d;
}

/** Whether the characters run up or down one at a time all along (`1234567890`, `0987654321`, `abcdefghij`). */
function isRun(chars: string[]): boolean {
  const steps = new Set(chars.slice(1).map((c, i) => step(chars[i], c)));
  return steps.size === 1 && [1, -1].includes([...steps][0]);
}

/** What is wrong with `password` on its own (no username): a message, or null. */
function problemOf(password: string, list: Set<string>): string | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return PROBLEMS.short;
  if (new Set(chars).size < MIN_DISTINCT_CHARACTERS || isRun(chars)) return PROBLEMS.narrow;
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, '');
  if (list.has(lower) || list.has(lower.trim()) || (core.length >= 4 && list.has(core))) return PROBLEMS.common;
  return null;
}

/** What is wrong with `password` for the account `username`: a message in both languages, or null when it is good. */
export async function passwordProblem(password: string, username: string): Promise<string | null> {
  const list = await commonPasswords();
  const own = problemOf(password, list);
  if (own) return own;
  const name = username.toLowerCase();
  if (name.length > 0 && password.toLowerCase().includes(name)) {
    const rest = password.toLowerCase().split(name).join('');
    if (problemOf(rest, list)) return PROBLEMS.ownName;
  }
  return null;
}

/** Throws a 400 naming the password field (its message says what is wrong) unless `password` is good for `username`. */
export async function assertGoodPassword(password: string, username: string): Promise<void> {
  const problem = await passwordProblem(password, username);
  if (problem) throw badRequest(problem, [{ path: ['password'], message: problem }]);
}
