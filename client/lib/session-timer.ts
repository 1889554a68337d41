/**
 * The workspace's idea of when the session ends: it learns the idle and absolute ends from each session
 * answer (sign-in, GET and keep-alive), keeps the session alive while the official types or clicks (a
 * keep-alive at most once a minute), warns `warnBeforeSeconds` before either end, and at the end signs out
 * and says why. A 401 `session_timeout` from any call ends it at once (client/lib/session-events.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onSessionEnd, type SessionEndReason } from './session-events';

/** The session part of the session answers (POST and GET /api/session, POST /api/session/keep-alive). */
export interface SessionClock {
  idleTimeoutSeconds: number;
  /** When the session ends if nothing more happens (ISO). */
  idleExpiresAt: string;
  /** When it ends however busy the official is (ISO). */
  expiresAt: string;
  warnBeforeSeconds: number;
}

/** The warning on screen: before the idle end (can be put off) or before the absolute end (cannot). */
export type SessionWarning =
  | { kind: 'idle'; secondsLeft: number; idleMinutes: number }
  | { kind: 'end'; secondsLeft: number };

/** What the timer needs from the outside world. */
export interface SessionTimerOptions {
  /** POST /api/session/keep-alive: the session's new ends. */
  keepAlive: () => Promise<SessionClock>;
  /** Ends the session on the server (best effort). */
  signOut: () => Promise<void>;
  /** The session is over: show the sign-in page with the reason; `idleMinutes` for the message. */
  onEnd: (reason: SessionEndReason, idleMinutes: number) => void;
  /** Where typing and clicking count as activity (the workspace element). */
  activityTarget: EventTarget;
}

/** Activity sends a keep-alive at most this often. */
export const KEEP_ALIVE_EVERY_MS = 60_000;
/** The absolute end is announced at least this early (there is no putting it off: time to save). */
const END_WARNING_MIN_MS = 5 * 60_000;
/** The client signs out this long after its deadline, so a server with the same clock has already timed the session out. */
const GRACE_MS = 1_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'input'] as const;

/** The session's ends in this browser's clock. */
interface Deadlines { idle: number; end: number; idleMs: number; warnMs: number }

/**
 * Converts a session answer to this browser's clock without trusting it to agree with the server's: a
 * session answer is itself activity, so the server's "now" was `idleExpiresAt − idleTimeoutSeconds`.
 */
export function deadlinesOf(clock: SessionClock, receivedAt: number): Deadlines {
  const idleMs = clock.idleTimeoutSeconds * 1000;
  const idleEnd = Date.parse(clock.idleExpiresAt);
  const serverNow = idleEnd - idleMs;
  return {
    idle: receivedAt + idleMs,
    end: receivedAt + (Date.parse(clock.expiresAt) - serverNow),
    idleMs,
    warnMs: clock.warnBeforeSeconds * 1000,
  };
}

/** The session timer of the workspace, as a Lit controller: `warning` re-renders the host when it changes. */
export class SessionTimer implements ReactiveController {
  /** The warning to show, or null. */
  warning: SessionWarning | null = null;

  private deadlines: Deadlines | null = null;
  private lastKeepAlive = 0;
  private lastActivity = 0;
  private keepingAlive: Promise<void> | null = null;
  /** When the last keep-alive failed (network): no second automatic try before the official acts again. */
  private failedAt = 0;
  /** The absolute-end warning was read ("OK"): it stays closed until the end. */
  private endAcknowledged = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopListening: (() => void) | null = null;
  private readonly onActivity = () => this.activity();

  constructor(private readonly host: ReactiveControllerHost, private readonly options: SessionTimerOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY_EVENTS) this.options.activityTarget.addEventListener(type, this.onActivity, { capture: true });
    // A plain 401 ends only a session this page knows of (before sign-in it is simply the answer for nobody).
    this.stopListening = onSessionEnd((reason) => { if (reason !== 'ended' || this.deadlines) this.end(reason, false); });
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY_EVENTS) this.options.activityTarget.removeEventListener(type, this.onActivity, { capture: true });
    this.stopListening?.();
    this.stop();
  }

  /** Starts or moves the timer from a session answer just received. */
  start(clock: SessionClock): void {
    const now = Date.now();
    const first = this.deadlines === null;
    this.deadlines = deadlinesOf(clock, now);
    this.lastKeepAlive = now;
    if (first) this.endAcknowledged = false;
    this.setWarning(this.warning?.kind === 'end' ? this.warning : null);
    this.schedule();
  }

  /** Stops without ending anything (signed out by hand, or the workspace left). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.deadlines = null;
    this.setWarning(null);
  }

  /** "Stay signed in": a keep-alive now, whatever the last one was. */
  stayActive(): Promise<void> {
    this.lastActivity = Date.now();
    return this.sendKeepAlive();
  }

  /** "OK" on the warning before the absolute end. */
  acknowledgeEnd(): void {
    this.endAcknowledged = true;
    this.setWarning(null);
    this.schedule();
  }

  /** "Sign out now" from the warning. */
  async signOutNow(): Promise<void> {
    this.stop();
    await this.options.signOut().catch(() => undefined);
  }

  /** Typing or clicking in the workspace: keeps the session alive, at most one keep-alive a minute. */
  private activity(): void {
    if (!this.deadlines) return;
    const now = Date.now();
    this.lastActivity = now;
    if (this.warning?.kind === 'idle' || now - this.lastKeepAlive >= KEEP_ALIVE_EVERY_MS) void this.sendKeepAlive();
  }

  private sendKeepAlive(): Promise<void> {
    this.keepingAlive ??= this.options.keepAlive()
      .then((clock) => { if (this.deadlines) this.start(clock); })
      .catch(() => {
        // A 401 has already ended the session (session-events); after a network failure the warning shows as planned.
        this.failedAt = Date.now();
        this.schedule();
      })
      .finally(() => { this.keepingAlive = null; });
    return this.keepingAlive;
  }

  /** Sets the timer for the next thing to happen: a warning, a second of its countdown, or the end. */
  private schedule(): void {
    clearTimeout(this.timer);
    const d = this.deadlines;
    if (!d) return;
    const now = Date.now();
    // The absolute end first when it comes before the idle end: then the idle end does not matter.
    if (d.end <= d.idle) {
      if (now >= d.end + GRACE_MS) return this.end('expired', true);
      const warnAt = d.end - Math.max(d.warnMs, END_WARNING_MIN_MS);
      if (this.endAcknowledged || now < warnAt) return this.wakeAt(this.endAcknowledged ? d.end + GRACE_MS : warnAt);
      this.setWarning({ kind: 'end', secondsLeft: secondsUntil(d.end, now) });
      return this.wakeAt(now + 1000);
    }
    if (now >= d.idle + GRACE_MS) return this.end('timeout', true);
    const warnAt = d.idle - d.warnMs;
    if (now < warnAt) {
      if (this.warning) this.setWarning(null);
      return this.wakeAt(warnAt);
    }
    // Typed or clicked since the last keep-alive (it waits up to a minute): the server has only not heard yet.
    if (this.lastActivity > this.lastKeepAlive && this.failedAt < this.lastActivity && !this.warning) return void this.sendKeepAlive();
    const idleMinutes = Math.max(1, Math.floor((now - Math.max(this.lastActivity, this.lastKeepAlive)) / 60_000));
    this.setWarning({ kind: 'idle', secondsLeft: secondsUntil(d.idle, now), idleMinutes });
    this.wakeAt(now + 1000);
  }

  private wakeAt(at: number): void {
    this.timer = setTimeout(() => this.schedule(), Math.max(0, at - Date.now()));
  }

  /** The session is over: sign out on the server when this browser noticed first, then tell the page. */
  private end(reason: SessionEndReason, noticedHere: boolean): void {
    const idleMinutes = this.deadlines ? Math.round(this.deadlines.idleMs / 60_000) : 0;
    this.stop();
    if (noticedHere) void this.options.signOut().catch(() => undefined);
    this.options.onEnd(reason, idleMinutes);
  }

  private setWarning(warning: SessionWarning | null): void {
    if (JSON.stringify(warning) === JSON.stringify(this.warning)) return;
    this.warning = warning;
    this.host.requestUpdate();
  }
}

/** Whole seconds from `now` to `at`, never below 0. */
function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
