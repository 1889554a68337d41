/**
 * The counties as the pages know them: read once from GET /api/counties (a static copy's
 * `api/counties.json`) and kept. The set of counties is data — every county ever loaded, with the days
 * division changes began and ended it — so no page lists codes or names: a county's name comes from
 * here in the viewer's language, and pickers offer the counties that exist today.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { County } from '../../db/model';
import { countyExistsOn } from '../../db/model/geography-rules';
import { todayInShanghai } from '../../db/model/partial-date';
import { lang } from '../i18n';
import { api } from './api';

let known: readonly County[] = [];
let byCode = new Map<string, County>();
let loading: Promise<readonly County[]> | null = null;
let readCount = 0;
const listeners = new Set<() => void>();

/** Reads the counties once (a failed read is tried again on the next call); every controller's host re-renders when they arrive. */
export function loadCounties(): Promise<readonly County[]> {
  loading ??= api.counties().then((list) => {
    known = list;
    byCode = new Map(list.map((c) => [c.code, c]));
    readCount++;
    for (const listener of listeners) listener();
    return list;
  }, (error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** How many times the counties have arrived: something drawn with their names is redrawn when it moves. */
export function countiesRead(): number {
  return readCount;
}

/** Every county read so far (those a change ended too), in code order; empty until they arrive. */
export function allCounties(): readonly County[] {
  return known;
}

/** The counties that exist on `day` (today by default), in code order: what a picker offers. */
export function currentCounties(day: string = todayInShanghai()): County[] {
  return known.filter((c) => countyExistsOn(c, day));
}

/** The county with this code, once read. */
export function countyOf(code: string | null | undefined): County | undefined {
  return code ? byCode.get(code) : undefined;
}

/** Whether a code is a county that exists today. */
export function isCurrentCounty(code: string | null | undefined): boolean {
  const c = countyOf(code);
  return c !== undefined && countyExistsOn(c, todayInShanghai());
}

/** A county's name in the viewer's language; its code until the counties have arrived (or when none has it). */
export function countyName(code: string): string {
  const c = byCode.get(code);
  return c ? (lang() === 'en' ? c.nameEn : c.nameZh) : code;
}

/** The county whose Chinese name is `label` (a county-level place is labelled so), if any; a current one before one a change ended. */
export function countyNamedZh(label: string): County | undefined {
  const name = label.trim();
  const named = known.filter((c) => c.nameZh === name);
  return named.find((c) => isCurrentCounty(c.code)) ?? named[0];
}

/** Starts reading the counties when its host connects, and re-renders the host when they arrive. */
export class CountiesController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    listeners.add(this.onChange);
    // A page still works with codes for names if the counties cannot be read.
    loadCounties().catch(() => undefined);
  }
  hostDisconnected(): void {
    listeners.delete(this.onChange);
  }
}
