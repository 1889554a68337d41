/**
 * The two languages: the current one (URL `?lang=en` > remembered choice > Chinese), `t()` to
 * translate, and a controller that re-renders an element when the language changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { admin } from './admin';
import { common } from './common';
import { conversion } from './conversion';
import { cultivation } from './cultivation';
import { documents } from './documents';
import { formatMessage } from './format';
import { figures } from './figures';
import { guide } from './guide';
import { history as historyCatalog } from './history';
import { importCatalog } from './import';
import { map } from './map';
import { marks } from './marks';
import { places } from './places';
import { product } from './product';
import { report } from './report';
import { returns } from './returns';
import { scope } from './scope';
import { security } from './security';
import { signals } from './signals';
import { specifications } from './specifications';
import { tally } from './tally';
import { verifyAct } from './verify-act';
import { workspace } from './workspace';

const catalogs = [
  common, map, product, tally, admin, importCatalog, historyCatalog, cultivation, documents, marks, figures, report, places, scope,
  specifications, conversion, returns, signals, verifyAct, guide, workspace, security,
];
/** Every message key of every catalog. */
export type MessageKey = keyof typeof common.zh | keyof typeof map.zh | keyof typeof product.zh
  | keyof typeof tally.zh | keyof typeof admin.zh | keyof typeof importCatalog.zh | keyof typeof historyCatalog.zh
  | keyof typeof cultivation.zh | keyof typeof documents.zh | keyof typeof marks.zh | keyof typeof figures.zh
  | keyof typeof report.zh | keyof typeof places.zh | keyof typeof scope.zh | keyof typeof specifications.zh
  | keyof typeof conversion.zh | keyof typeof returns.zh | keyof typeof signals.zh | keyof typeof verifyAct.zh
  | keyof typeof guide.zh | keyof typeof workspace.zh | keyof typeof security.zh;
const zh = Object.assign({}, ...catalogs.map((c) => c.zh)) as Record<MessageKey, string>;
const en = Object.assign({}, ...catalogs.map((c) => c.en)) as Record<MessageKey, string>;

/** A supported language. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'gi.lang';
const listeners = new Set<() => void>();
let current: Lang = initialLang();

function initialLang(): Lang {
  if (typeof window === 'undefined') return 'zh';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The current language. */
export function lang(): Lang {
  return current;
}

/** The BCP 47 tag for `<html lang>`. */
export function htmlLang(l: Lang = current): string {
  return l === 'en' ? 'en' : 'zh-CN';
}

/** Switches language, remembers it, updates `<html lang>` and re-renders every subscribed element. */
export function setLang(next: Lang): void {
  current = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = htmlLang(next);
  for (const listener of listeners) listener();
}

/** Translates a key, filling `{name}` placeholders from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return formatMessage((current === 'en' ? en : zh)[key] ?? key, vars, current);
}

/** Picks the name in the current language, falling back to Chinese. */
export function localName(item: { nameZh: string; nameEn?: string | null }): string {
  return current === 'en' && item.nameEn ? item.nameEn : item.nameZh;
}

/** Re-renders its host whenever the language changes. */
export class LocaleController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    listeners.add(this.onChange);
  }
  hostDisconnected(): void {
    listeners.delete(this.onChange);
  }
}
