import { randomUUID } from 'node:crypto';
import type { ShortLivedState } from './store.js';

/** The three atomic steps a lock needs; each store does them its own way. */
export interface LockKeeper {
  /** Takes the lock when it is free or lapsed; true when taken. */
  acquire(key: string, token: string, ttlSeconds: number): Promise<boolean>;
  /** Extends the lock if `token` still holds it; false when it does not. */
  renew(key: string, token: string, ttlSeconds: number): Promise<boolean>;
  /** Frees the lock if `token` still holds it, and only then. */
  release(key: string, token: string): Promise<void>;
}

/**
 * `withLock` over a keeper. Each holding gets a random token, so a holder whose lock lapsed and
 * was taken by another can neither renew nor free the other's. Renewal runs at a third of the time
 * to live: two missed renewals still leave the lock held.
 */
export function lockRunner(keeper: LockKeeper): ShortLivedState['withLock'] {
  return async (name, ttlSeconds, fn) => {
    const key = `lock:${name}`;
    const token = randomUUID();
    if (!(await keeper.acquire(key, token, ttlSeconds))) return { ran: false };
    const lost = new AbortController();
    const renewal = setInterval(() => {
      keeper.renew(key, token, ttlSeconds).then(
        (held) => {
          if (!held) lost.abort(new Error(`the lock ${name} lapsed and may be held by another`));
        },
        // A renewal the store did not answer may have failed: stop rather than risk running twice.
        (error: unknown) => lost.abort(error),
      );
    }, (ttlSeconds * 1000) / 3);
    renewal.unref();
    try {
      return { ran: true, value: await fn(lost.signal) };
    } finally {
      clearInterval(renewal);
      // A release the store did not answer is not an error for the caller: the lock lapses by itself.
      await keeper.release(key, token).catch(() => undefined);
    }
  };
}
