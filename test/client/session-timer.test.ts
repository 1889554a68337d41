import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deadlinesOf, KEEP_ALIVE_EVERY_MS, SessionTimer, type SessionClock } from '../../client/lib/session-timer';
import { reportUnauthorized } from '../../client/lib/session-events';

const MINUTE = 60_000;
/** The server's clock is a day ahead of the browser's: the timer must not care. */
const SERVER_AHEAD = 24 * 60 * MINUTE;

/** A session answer as the server would give it now: 15 idle minutes, a fixed end (by the server's clock), a 2-minute warning. */
function answer(endsAt: number): SessionClock {
  const serverNow = Date.now() + SERVER_AHEAD;
  return {
    idleTimeoutSeconds: 15 * 60,
    idleExpiresAt: new Date(serverNow + 15 * MINUTE).toISOString(),
    expiresAt: new Date(endsAt).toISOString(),
    warnBeforeSeconds: 120,
  };
}

/** A timer started now, for a session whose absolute end is `lifetimeLeftMs` away. */
function setup(lifetimeLeftMs = 8 * 60 * MINUTE) {
  const endsAt = Date.now() + SERVER_AHEAD + lifetimeLeftMs;
  const controllers: ReactiveController[] = [];
  const host = { addController: (c: ReactiveController) => controllers.push(c), requestUpdate: vi.fn() } as unknown as ReactiveControllerHost;
  const target = new EventTarget();
  const keepAlive = vi.fn(async () => answer(endsAt));
  const signOut = vi.fn(async () => undefined);
  const onEnd = vi.fn();
  const timer = new SessionTimer(host, { keepAlive, signOut, onEnd, activityTarget: target });
  for (const c of controllers) c.hostConnected?.();
  timer.start(answer(endsAt));
  const act = () => target.dispatchEvent(new Event('keydown'));
  return { timer, keepAlive, signOut, onEnd, act, disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()) };
}

beforeEach(() => { vi.useFakeTimers({ now: new Date('2026-12-06T02:00:00Z') }); });
afterEach(() => { vi.useRealTimers(); });

describe('deadlinesOf', () => {
  it('counts from when the answer came, whatever the server’s clock says', () => {
    const d = deadlinesOf(answer(Date.now() + SERVER_AHEAD + 60 * MINUTE), 1_000);
    expect(d).toEqual({ idle: 1_000 + 15 * MINUTE, end: 1_000 + 60 * MINUTE, idleMs: 15 * MINUTE, warnMs: 120_000 });
  });
});

describe('SessionTimer', () => {
  it('warns two minutes before the idle end, counts down, then signs out and says why', async () => {
    const { timer, signOut, onEnd, disconnect } = setup();
    await vi.advanceTimersByTimeAsync(13 * MINUTE - 1);
    expect(timer.warning).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(timer.warning).toEqual({ kind: 'idle', secondsLeft: 120, idleMinutes: 13 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(timer.warning).toMatchObject({ kind: 'idle', secondsLeft: 90 });
    expect(signOut).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(92_000);
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(onEnd).toHaveBeenCalledWith('timeout', 15);
    expect(timer.warning).toBeNull();
    disconnect();
  });

  it('keeps the session alive while the official works: at most one keep-alive a minute', async () => {
    const { keepAlive, act, onEnd, timer, disconnect } = setup();
    for (let s = 0; s < 20 * 60; s += 5) {
      act();
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(keepAlive.mock.calls.length).toBeLessThanOrEqual(20 * 60_000 / KEEP_ALIVE_EVERY_MS + 1);
    expect(keepAlive.mock.calls.length).toBeGreaterThanOrEqual(19);
    expect(onEnd).not.toHaveBeenCalled();
    expect(timer.warning).toBeNull();
    disconnect();
  });

  it('sends the keep-alive the throttle held back instead of warning', async () => {
    const { keepAlive, act, timer, disconnect } = setup();
    await vi.advanceTimersByTimeAsync(30_000);
    act(); // within the first minute: no keep-alive yet
    expect(keepAlive).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(13 * MINUTE - 30_000);
    expect(keepAlive).toHaveBeenCalledTimes(1);
    expect(timer.warning).toBeNull();
    disconnect();
  });

  it('"Stay signed in" closes the warning and starts the idle time again', async () => {
    const { timer, keepAlive, onEnd, disconnect } = setup();
    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    expect(timer.warning?.kind).toBe('idle');
    await timer.stayActive();
    expect(keepAlive).toHaveBeenCalledTimes(1);
    expect(timer.warning).toBeNull();
    await vi.advanceTimersByTimeAsync(12 * MINUTE);
    expect(onEnd).not.toHaveBeenCalled();
    disconnect();
  });

  it('warns five minutes before the absolute end, which no keep-alive moves', async () => {
    const { timer, act, onEnd, disconnect } = setup(10 * MINUTE);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(timer.warning).toEqual({ kind: 'end', secondsLeft: 300 });
    act();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(timer.warning?.kind).toBe('end');
    timer.acknowledgeEnd();
    expect(timer.warning).toBeNull();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(onEnd).toHaveBeenCalledWith('expired', 15);
    disconnect();
  });

  it('ends at once when any call hears session_timeout, and not for other refusals', () => {
    const { onEnd, signOut, disconnect } = setup();
    reportUnauthorized(403, 'session_timeout');
    reportUnauthorized(400, 'unauthorized');
    expect(onEnd).not.toHaveBeenCalled();
    reportUnauthorized(401, 'session_timeout');
    expect(onEnd).toHaveBeenCalledWith('timeout', 15);
    expect(signOut).not.toHaveBeenCalled(); // the server has ended it already
    disconnect();
  });

  it('takes a plain 401 as the end of a session it knows of, and as nothing before one', () => {
    const { timer, onEnd, disconnect } = setup();
    reportUnauthorized(401, 'unauthorized');
    expect(onEnd).toHaveBeenCalledWith('ended', 15);
    timer.stop();
    onEnd.mockClear();
    reportUnauthorized(401, 'unauthorized');
    expect(onEnd).not.toHaveBeenCalled();
    disconnect();
  });
});
