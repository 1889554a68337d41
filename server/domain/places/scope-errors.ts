/**
 * The scope's input errors as HTTP answers, worded in Chinese and English: a text or list over its limits
 * (413, with the limit and what came), and a code list with bad items (400 `bad_scope_codes`, one issue
 * per item on its path `codes.<i>`). Nothing is kept when one of these is thrown.
 */
import type { Db } from '../../../db/open';
import type { CountyCode } from '../../../db/model';
import { HttpError, type Issue } from '../../errors';
import { countyNames } from '../access/permissions';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import type { ScopeCodeError } from './scope-codes';
import type { ScopeInputError } from './scope-text';

/** The 413 of a scope text over a limit (too long, or too many names). */
export function scopeTooLarge(e: ScopeInputError): HttpError {
  const message = e.code === 'scope_too_long'
    ? `保护范围文字过长：${e.actual} 字，最多 ${e.limit} 字 / The scope text is too long: ${e.actual} characters, at most ${e.limit}`
    : `保护范围列出的地名过多：超过 ${e.limit} 个 / The scope lists too many names: more than ${e.limit}`;
  return new HttpError(413, e.code, message, [{ path: ['text'], message }]);
}

/** What is wrong with one code, in both languages. */
function describe(db: Db, e: Exclude<ScopeCodeError, { kind: 'too_many_codes' }>, own: { zh: string; en: string }): string {
  const n = e.index + 1;
  switch (e.kind) {
    case 'bad_code': return `第 ${n} 个代码不是 12 位数字 / Code ${n} is not 12 digits`;
    case 'unknown_code': return `第 ${n} 个代码 ${e.code} 不在 2023 年的乡镇、村代码中 / Code ${n}, ${e.code}, is not a township or village in the 2023 codes`;
    case 'duplicate_code':
      return `第 ${n} 个代码 ${e.code} 与第 ${e.firstIndex + 1} 个重复 / Code ${n}, ${e.code}, repeats code ${e.firstIndex + 1}`;
    case 'outside_counties': {
      const name = divisionIndex().byCode.get(e.code)?.name ?? e.code;
      const there = countyNames(db, [e.countyCode as CountyCode]);
      return `第 ${n} 个代码 ${e.code}（${name}）在${there.zh}，不在本产品所属的${own.zh} / ` +
        `Code ${n}, ${e.code} (${name}), is in ${there.en}, not in this product's counties (${own.en})`;
    }
  }
}

/** The answer to a code list that failed checkScopeCodes: 413 over the limit, else 400 naming each bad item. */
export function badScopeCodes(db: Db, errors: readonly ScopeCodeError[], productCounties: readonly CountyCode[]): HttpError {
  const over = errors.find((e) => e.kind === 'too_many_codes');
  if (over) {
    const message = `保护范围的代码过多：${over.actual} 个，最多 ${over.limit} 个 / Too many codes: ${over.actual}, at most ${over.limit}`;
    return new HttpError(413, 'scope_too_many_codes', message, [{ path: ['codes'], message }]);
  }
  const own = countyNames(db, productCounties);
  const issues: Issue[] = errors.map((e) => ({
    path: ['codes', (e as { index: number }).index], message: describe(db, e as Exclude<ScopeCodeError, { kind: 'too_many_codes' }>, own),
  }));
  const halves = issues.map((i) => i.message.split(' / '));
  const message = `${halves.map(([zh]) => zh).join('；')} / ${halves.map(([, en]) => en).join('; ')}`;
  return new HttpError(400, 'bad_scope_codes', message, issues);
}
