/**
 * A scope check's answer in words, in the page's language: each name's flag (已匹配, 更名为 X, 疑似错字：应为 X,
 * 多处同名：请选择, 属其他县, 2023 年区划中已无, 无法识别) and the box against the product's counties
 * ("坐标范围在沁水县以外（东侧 283 km）"). Unit names stay Chinese, as the codes have them.
 */
import type { DivisionUnit, ScopeBoxCheck, ScopeCheckAnswer, ScopeNameResult } from '../../db/model';
import { t, type MessageKey } from '../i18n';
import { countyName } from '../lib/counties';
import { joinList } from './labels';

/** A unit by its code: its name, with its township for a village (柳庄社区居委会（龙港镇）); the code when unknown. */
export function unitLabel(code: string, units: ReadonlyMap<string, DivisionUnit>): string {
  const u = units.get(code);
  if (!u) return code;
  const township = u.townshipCode ? units.get(u.townshipCode)?.name : undefined;
  return township ? `${u.name}（${township}）` : u.name;
}

/** A county's name in the page's language (its code when it is not one of Jincheng's). */
export function countyWord(code: string): string {
  return countyName(code);
}

/** A flag as a message: its key, the words filled in, and the Chinese unit name of its `name` slot (to be marked zh-CN). */
export interface FlagMessage { key: MessageKey; vars: Record<string, string>; zhName?: string }

/** The flag of one name as a message. */
export function flagMessage(name: ScopeNameResult, units: ReadonlyMap<string, DivisionUnit>): FlagMessage {
  switch (name.kind) {
    case 'matched': {
      if (!name.outsideTownship) return { key: 'scope.kind.matched', vars: {} };
      const township = units.get(name.code)?.townshipCode;
      return { key: 'scope.outsideTownship', vars: {}, zhName: township ? unitLabel(township, units) : '' };
    }
    case 'renamed': return { key: 'scope.kind.renamed', vars: {}, zhName: unitLabel(name.code, units) };
    case 'misspelt': return { key: 'scope.kind.misspelt', vars: {}, zhName: unitLabel(name.code, units) };
    case 'ambiguous': return { key: 'scope.kind.ambiguous', vars: {} };
    case 'other_county': return { key: 'scope.kind.other_county', vars: { counties: joinList(name.countyCodes.map(countyWord)) } };
    case 'vanished': return { key: 'scope.kind.vanished', vars: {} };
    case 'unknown': return { key: 'scope.kind.unknown', vars: {} };
  }
}

/** The flag of one name in words, as plain text. */
export function flagWords(name: ScopeNameResult, units: ReadonlyMap<string, DivisionUnit>): string {
  const m = flagMessage(name, units);
  return t(m.key, { ...m.vars, name: m.zhName ?? '' });
}

/** The sides a box runs past the counties' bounds by a kilometre or more, in words, farthest first ("东侧 283 km"). */
export function sidesWords(beyond: ScopeBoxCheck['beyondKm']): string {
  const sides = (['west', 'east', 'south', 'north'] as const).filter((s) => Math.round(beyond[s]) >= 1).sort((a, b) => beyond[b] - beyond[a]);
  return joinList(sides.map((s) => t(`scope.side.${s}`, { km: Math.round(beyond[s]) })));
}

/** The box check in words against the product's counties (or why there is none). */
export function boxWords(answer: Pick<ScopeCheckAnswer, 'box' | 'boxIssue'>, productCounties: readonly string[]): string {
  if (!answer.box) return answer.boxIssue ? t(`scope.box.${answer.boxIssue}`) : t('scope.box.none');
  const { check } = answer.box;
  const counties = joinList(productCounties.map(countyWord));
  return t(`scope.box.${check.relation}`, { counties, sides: sidesWords(check.beyondKm) });
}

/** The box as written, in degrees (two decimals). */
export function givenBoxWords(given: { west: number; east: number; south: number; north: number }): string {
  const d = (n: number) => n.toFixed(2);
  return t('scope.box.given', { west: d(given.west), east: d(given.east), south: d(given.south), north: d(given.north) });
}
