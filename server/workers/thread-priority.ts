/**
 * Task workers run below the event loop's priority. Their work (rebuilding shared answers after writes,
 * the tally index, exports, imports) can wait a little; the event loop's cannot: it answers every
 * request. On two cores a worker's rebuild otherwise takes the CPU the answers from memory need, and the
 * readers' p99 pays for it. Linux's nice value is per thread, so a worker lowers its own thread only.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/** The nice value of a task worker's thread (0 is the event loop's; 19 the lowest). */
export const WORKER_NICE = constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Sets the calling thread's nice value to WORKER_NICE; false where a thread has no id of its own to name
 * (not Linux) or the process may not change it.
 */
export function lowerThisThread(): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, WORKER_NICE);
    return true;
  } catch {
    return false;
  }
}
