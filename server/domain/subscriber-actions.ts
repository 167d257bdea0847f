import { setTimeout as sleep } from 'node:timers/promises';
import type { ShortLivedState } from '../store/store.js';
import { CabinetError } from './errors.js';
import { requestFingerprint, runOnce } from './idempotency.js';

export type SubscriberOperation =
  | 'takePromisePay'
  | 'connectService'
  | 'disconnectService'
  | 'startTopUp'
  | 'startPause'
  | 'endPause'
  | 'changeTariff'
  | 'cancelTariffChange'
  | 'changePassword'
  | 'updateContacts'
  | 'createTicket';

/** Long enough for the slowest billing call; the lock is renewed while the action runs. */
const LOCK_TTL_SECONDS = 60;
/** A second action of one subscriber waits this long for the first before it is turned away. */
const LOCK_WAIT_MS = 5_000;
const LOCK_POLL_MS = 50;

/**
 * The one way a money or service action runs: at most once per idempotency key (bound to the
 * operation and its arguments), and under a lock per subscriber shared by every instance, so a
 * billing's check-then-act (is a credit allowed? is the month used?) is never raced by a parallel
 * request of the same subscriber, whatever its key.
 */
export function runSubscriberAction<T>(
  state: ShortLivedState,
  action: { accountId: string; operation: SubscriberOperation; args: Record<string, string>; idempotencyKey: string | null },
  run: () => Promise<T>,
): Promise<T> {
  const { accountId, operation, args, idempotencyKey } = action;
  const key = idempotencyKey === null ? null : `${accountId}:${idempotencyKey}`;
  return runOnce(state.ephemeral, key, requestFingerprint(operation, args), () => underSubscriberLock(state, accountId, run));
}

async function underSubscriberLock<T>(state: ShortLivedState, accountId: string, run: () => Promise<T>): Promise<T> {
  for (let waited = 0; ; waited += LOCK_POLL_MS) {
    const outcome = await state.withLock(`subscriber:${accountId}`, LOCK_TTL_SECONDS, () => run());
    if (outcome.ran) return outcome.value;
    if (waited >= LOCK_WAIT_MS) {
      throw new CabinetError('RATE_LIMITED', 'Another change to your account is still in progress. Please try again in a few seconds.', { retryAfter: 5 });
    }
    await sleep(LOCK_POLL_MS);
  }
}
