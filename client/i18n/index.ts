/**
 * The two languages: the current one (URL `?lang=en` > remembered choice > Chinese), `t()` to
 * translate, and a controller that re-renders an element when the language changes. `t()` reads the
 * catalogs loaded so far (catalog.ts): the first page loads the shell's and the map's, each page loaded
 * later its own, with its module.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { admin } from './admin';
import { loadedMessage } from './catalog';
import type { common } from './common';
import type { conversion } from './conversion';
import type { cultivation } from './cultivation';
import type { documents } from './documents';
import { formatMessage } from './format';
import type { figures } from './figures';
import type { guide } from './guide';
import type { history as historyCatalog } from './history';
import type { importCatalog } from './import';
import type { map } from './map';
import type { marks } from './marks';
import type { places } from './places';
import type { product } from './product';
import type { report } from './report';
import type { returns } from './returns';
import type { scope } from './scope';
import type { security } from './security';
import type { signals } from './signals';
import type { specifications } from './specifications';
import type { tally } from './tally';
import type { verifyAct } from './verify-act';
import type { workspace } from './workspace';

/** Every message key of every catalog (checked when compiled, whichever catalogs a page loads). */
export type MessageKey = keyof typeof common.zh | keyof typeof map.zh | keyof typeof product.zh
  | keyof typeof tally.zh | keyof typeof admin.zh | keyof typeof importCatalog.zh | keyof typeof historyCatalog.zh
  | keyof typeof cultivation.zh | keyof typeof documents.zh | keyof typeof marks.zh | keyof typeof figures.zh
  | keyof typeof report.zh | keyof typeof places.zh | keyof typeof scope.zh | keyof typeof specifications.zh
  | keyof typeof conversion.zh | keyof typeof returns.zh | keyof typeof signals.zh | keyof typeof verifyAct.zh
  | keyof typeof guide.zh | keyof typeof workspace.zh | keyof typeof security.zh;

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

/** The keys already reported missing (each is reported once). */
const reportedMissing = new Set<string>();

/**
 * Translates a key, filling `{name}` placeholders from `vars`. A key whose catalog the page has not
 * loaded shows as itself and is reported on the console as an error (the browser tests fail on one).
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const message = loadedMessage(current, key);
  if (message === undefined && !reportedMissing.has(`${current}:${key}`)) {
    reportedMissing.add(`${current}:${key}`);
    console.error(`No message for "${key}" (${current}): the page has not loaded its catalog (client/i18n/catalog.ts)`);
  }
  return formatMessage(message ?? key, vars, current);
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
