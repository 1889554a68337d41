/**
 * Display names of the domain's codes in the current language, and the choices of the workspace's
 * selects, each fed from the enum in db/model.ts (the counties from the data: client/lib/counties.ts).
 */
import {
  CATEGORIES, GI_TYPES, markKindsOf, PARTICIPANT_ROLES, PRECISIONS, ROLES, VISIBILITIES, type GiType,
} from '../../db/model';
import { lang, localName, t } from '../i18n';
import { countyName as nameOfCounty, currentCounties } from '../lib/counties';
import type { Choice } from './fields';

/** A county's name in the viewer's language (client/lib/counties.ts), or a dash for none. */
export function countyName(code: string | null | undefined): string {
  return code ? nameOfCounty(code) : '—';
}

/** Joins items the way the current language lists them (、 in Chinese, commas in English). */
export function joinList(items: readonly string[], strong = false): string {
  return items.join(lang() === 'en' ? (strong ? '; ' : ', ') : (strong ? '；' : '、'));
}

/** Choices of the enums the forms use. */
export const choices = {
  categories: (): Choice[] => CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
  /** The counties that exist today (a county a division change ended is no longer offered). */
  counties: (): Choice[] => currentCounties().map((c) => ({ value: c.code, label: localName(c) })),
  giTypes: (): Choice[] => GI_TYPES.map((g) => ({ value: g, label: t(`giType.${g}`) })),
  markKinds: (giType: GiType): Choice[] => markKindsOf(giType).map((m) => ({ value: m, label: t(`markKind.${m}`) })),
  precisions: (): Choice[] => PRECISIONS.map((p) => ({ value: p, label: t(`precision.${p}`) })),
  roles: (): Choice[] => PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
  visibilities: (): Choice[] => VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) })),
  accountRoles: (): Choice[] => ROLES.map((r) => ({ value: r, label: t(`accountRole.${r}`) })),
};

/** A timestamp shown in Asia/Shanghai time, e.g. 2026-11-03 14:05. */
export function shanghaiTime(iso: string): string {
  const d = new Date(iso.includes('T') || iso.endsWith('Z') ? iso : `${iso.replace(' ', 'T')}Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
