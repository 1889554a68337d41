/**
 * The memory all uploads may hold at once. An upload is kept whole in memory until it is checked and
 * stored (it is at most 20 MiB), so without a cap a handful of slow or stalled uploads could hold any
 * amount: each upload takes room from one budget as its bytes arrive and gives it all back when its
 * answer ends (stored, refused or dropped). Past the cap an upload is refused with a 503 at once.
 */
import { HttpError } from '../errors';

/** The bytes all uploads in flight may hold together (three files at the size limit, and some). */
export const UPLOADS_IN_FLIGHT_BYTES = 64 * 1024 * 1024;

/** How long an upload whose body has stopped arriving is kept before it is dropped (and its room freed). */
export const UPLOAD_STALL_MS = 30_000;

/** 503: the uploads in flight hold all the room there is; retry when one of them has ended. */
export function uploadsBusy(): HttpError {
  const seconds = UPLOAD_STALL_MS / 1000;
  return new HttpError(503, 'uploads_busy',
    `服务器正在接收其他文件，请 ${seconds} 秒后再上传 / The server is taking in other uploads; upload again in ${seconds} s`,
    undefined, { 'Retry-After': String(seconds) });
}

/** What one upload holds of the budget: it takes room as bytes arrive and gives it all back once. */
export interface UploadHold {
  /** Takes `bytes` more; false (taking nothing) when the budget has no room for them. */
  take(bytes: number): boolean;
}

/** One budget for every upload of an app (see the module comment). */
export class UploadBudget {
  #left: number;

  constructor(readonly capacity: number = UPLOADS_IN_FLIGHT_BYTES) {
    this.#left = capacity;
  }

  /** The bytes not held by any upload now. */
  get left(): number {
    return this.#left;
  }

  /**
   * A hold for the upload answered by `res`, given back when the answer ends or the connection closes;
   * a 503 at once when the upload declares more bytes than are left.
   */
  holdFor(res: { once(event: 'close', listener: () => void): unknown }, declared: number): UploadHold {
    if (Number.isFinite(declared) && declared > this.#left) throw uploadsBusy();
    let held = 0;
    let closed = false;
    res.once('close', () => {
      closed = true;
      this.#left += held;
      held = 0;
    });
    return {
      take: (bytes) => {
        if (closed || bytes > this.#left) return false;
        this.#left -= bytes;
        held += bytes;
        return true;
      },
    };
  }
}
