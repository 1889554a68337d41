/**
 * A security event's `detail` in words of the page's language: the account acted on by its name, roles
 * and counties by their names, a change as "before → after", the reason of a timeout; keys the page does
 * not know are shown as they are (the log must hide nothing).
 */
import { ROLES, type Role } from '../../db/model';
import { t, type MessageKey } from '../i18n';
import { countyName, shanghaiTime } from './labels';

/** One line of a detail: what, and its value. */
export interface DetailLine { label: string; value: string }

const KEYS: Record<string, MessageKey> = {
  target: 'security.detailKey.target', role: 'security.detailKey.role', county: 'security.detailKey.county',
  active: 'security.detailKey.active', reason: 'security.detailKey.reason', until: 'security.detailKey.until',
  attempts: 'security.detailKey.attempts', minutes: 'security.detailKey.minutes', path: 'security.detailKey.path',
  file: 'security.detailKey.file', count: 'security.detailKey.count', via: 'security.detailKey.via', note: 'security.detailKey.note',
  passwordExpired: 'security.detailKey.passwordExpired', locks: 'security.detailKey.locks', setting: 'security.detailKey.setting',
};

const WORDS: Record<string, MessageKey> = {
  idle: 'security.word.idle', lifetime: 'security.word.lifetime', 'command line': 'security.word.commandLine',
  'county change': 'security.word.countyChange',
};

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v);

/** A value in words, knowing which key it is under. */
function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return key === 'active' ? t(value ? 'accounts.active' : 'accounts.inactive') : t(value ? 'security.word.yes' : 'security.word.no');
  if (key === 'county' && typeof value === 'string') return countyName(value);
  if (isRole(value)) return t(`accountRole.${value}`);
  if (typeof value === 'string') return WORDS[value] ? t(WORDS[value]) : isIso(value) ? shanghaiTime(value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(key, v)).join(', ');
  const o = value as Record<string, unknown>;
  if (typeof o.username === 'string') return o.username; // an account: { id, username }
  if ('from' in o && 'to' in o) return `${valueText(key, o.from)} → ${valueText(key, o.to)}`;
  return JSON.stringify(value);
}

/** The lines of a detail, in its own order; a top-level `from`/`to` pair (a role change) is one line. */
export function detailLines(detail: Record<string, unknown> | null): DetailLine[] {
  if (!detail) return [];
  const pair = 'from' in detail && 'to' in detail;
  return Object.entries(detail).flatMap(([key, value]): DetailLine[] => {
    if (pair && key === 'to') return [];
    if (pair && key === 'from') return [{ label: label('role'), value: valueText('role', { from: detail.from, to: detail.to }) }];
    return [{ label: label(key), value: valueText(key, value) }];
  });
}

function label(key: string): string {
  return KEYS[key] ? t(KEYS[key]) : key;
}
