/**
 * The send state every workspace form keeps — busy, errors beside fields, a failure line, and the version
 * of what it loaded — as a Lit controller, so each form states only what it checks and what it sends.
 * A save refused because someone else changed the same thing meanwhile (412, server/versions.ts) is
 * not a failure line but a notice (`<gi-stale-notice>`): what is there now, and a button that takes it
 * while keeping what the official typed, so the next save is a knowing one.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ABSENT_VERSION } from '../../db/model';
import { isStale } from '../lib/api';
import { refusalOf, type FieldErrors } from './field-errors';
import type { StaleChange } from './gi-stale-notice';
import { changedFields, isRecord, keepTyped, shortText } from './stale-draft';
import './gi-stale-notice';

/** After a 412: the thing as it is now (null when it is not there any more). */
export interface Stale { current: unknown }

/** How a form with fields takes what is there now: its draft of a resource, its labels, and where the rebased draft goes. */
export interface DraftRebase<D> {
  /** The form's draft of the resource as the server shows it (null: not there). */
  draftOf: (resource: any) => D;
  /** The draft the form holds now (with what the official typed). */
  draft: D;
  /** Takes the rebased draft: typed fields as typed, the others as they are now. */
  apply: (draft: D) => void;
  /** A field's label in the notice's list of what changed (null: not listed). */
  label: (key: string) => string | null;
  /** A field's value as the notice shows it (default: text and numbers as they are; other values named only, null). */
  show?: (key: string, value: unknown) => string | null;
  /** The version in the resource as the server shows it (default: its `version`, `absent` when there is none). */
  versionOf?: (resource: any) => string | undefined;
}

/** How a form without a draft of its own (a button: archive, review, remove; a move) takes what is there now: it reloads. */
export interface PlainReload {
  reload: () => void;
  /** What is there now, when it is cheap to say. */
  changes?: StaleChange[];
  /** Whether what was typed stays across the reload (the form keeps its fields itself): the button says so. */
  keeps?: boolean;
}

/** Busy flag, field errors, failure line and loaded version of one form; any change re-renders the form. */
export class FormSender implements ReactiveController {
  private state = { busy: false, errors: {} as FieldErrors, failure: '', stale: null as Stale | null };
  /** The version the form's draft is based on, and the draft as loaded (to tell typed fields from untouched ones). */
  private footing: { version: string | undefined; loaded: unknown } = { version: undefined, loaded: undefined };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a send is under way (the submit button is disabled meanwhile). */
  get busy(): boolean { return this.state.busy; }
  /** Field path → the message shown beside that field. */
  get errors(): FieldErrors { return this.state.errors; }
  set errors(errors: FieldErrors) { this.set({ errors }); }
  /** The line shown above the form when the server refused. */
  get failure(): string { return this.state.failure; }
  set failure(failure: string) { this.set({ failure }); }
  /** After a 412, until the official reloads or sends again: what is there now. */
  get stale(): Stale | null { return this.state.stale; }
  /** The version the form's changes are based on (sent as If-Match; undefined before `load`). */
  get version(): string | undefined { return this.footing.version; }

  /** The form (re)loaded its resource: the version its changes are now based on, and its draft as loaded. */
  load(version: string | undefined, loaded?: unknown): void {
    this.footing = { version, loaded };
    if (this.state.stale) this.set({ stale: null });
  }

  /** Runs `action` while busy; a refusal shows the server's field errors and its message, a 412 the notice. Returns success. */
  async send(action: () => Promise<void>): Promise<boolean> {
    this.set({ busy: true, failure: '', stale: null });
    try {
      await action();
      return true;
    } catch (err) {
      if (isStale(err)) {
        this.set({ stale: { current: err.current ?? null } });
        return false;
      }
      const refusal = refusalOf(err);
      this.set({ errors: refusal.errors ?? this.state.errors, failure: refusal.failure });
      return false;
    } finally {
      this.set({ busy: false });
    }
  }

  /**
   * The notice after a 412, or nothing: for a form with fields (`DraftRebase`), what changed and the button
   * that rebases the draft on what is there now and takes its version; for a button (`PlainReload`), a reload.
   */
  renderStale<D>(how: DraftRebase<D> | PlainReload): TemplateResult | typeof nothing {
    const stale = this.state.stale;
    if (!stale) return nothing;
    if ('reload' in how) {
      return html`<gi-stale-notice .keeps=${how.keeps ?? false} ?gone=${stale.current === null} .changes=${how.changes ?? []}
        @gi-stale-reload=${() => { this.set({ stale: null }); how.reload(); }}></gi-stale-notice>`;
    }
    const current = how.draftOf(stale.current);
    const loaded = this.footing.loaded as D;
    const show = how.show ?? ((_key: string, value: unknown) => shortText(value));
    const changes = changedFields(loaded, current).flatMap((key) => {
      const label = how.label(key);
      return label === null ? [] : [{ label, value: show(key, isRecord(current) ? current[key] : current) }];
    });
    const rebase = () => {
      const versionOf = how.versionOf ?? ((r: any) => (r === null ? ABSENT_VERSION : r?.version));
      how.apply(keepTyped(how.draft, loaded, current));
      this.load(versionOf(stale.current), current);
    };
    return html`<gi-stale-notice ?gone=${stale.current === null} .changes=${changes} @gi-stale-reload=${rebase}></gi-stale-notice>`;
  }

  private set(patch: Partial<FormSender['state']>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }
}
