import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ErrorCode } from '../../shared/errors.js';
import type { EphemeralStore } from '../store/store.js';
import { CabinetError, INTERNAL_ERROR_MESSAGE, knownFailure } from './errors.js';

type Outcome<T> = { fingerprint: string } & ({ state: 'running' } | { state: 'done'; result: T } | { state: 'failed'; code: ErrorCode; message: string });

const RUNNING_TTL_SECONDS = 120;
const OUTCOME_TTL_SECONDS = 24 * 60 * 60;
const WAIT_STEP_MS = 100;
/** Failures that happened before anything reached the billing: a retry may run again. */
const RETRYABLE: readonly ErrorCode[] = ['BAD_USER_INPUT', 'RATE_LIMITED', 'UNAUTHENTICATED'];

/** What a key is bound to: the operation and every argument that shapes it. */
export function requestFingerprint(operation: string, args: Readonly<Record<string, string>>): string {
  const canonical = JSON.stringify([operation, Object.entries(args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  return createHash('sha256').update(canonical).digest('hex');
}

const keyReused = () => new CabinetError('BAD_USER_INPUT', 'This idempotency key was already used for a different request. Send a new key for a new request.');

/**
 * Runs a money or service action at most once per key. A repeated request (double tap, retry
 * after a timeout) waits for the first and gets its outcome, success or failure, without a second
 * upstream call. The key is bound to the request's fingerprint: the same key with another
 * operation or other arguments is refused, never answered with the first request's result. Keys
 * are scoped by the caller (the subscriber), so one subscriber's key can never replay another's.
 */
export async function runOnce<T>(store: EphemeralStore, key: string | null, fingerprint: string, action: () => Promise<T>): Promise<T> {
  if (key === null) return action();
  const storeKey = `idempotency:${key}`;
  if (await store.setIfAbsent(storeKey, { state: 'running', fingerprint } satisfies Outcome<T>, RUNNING_TTL_SECONDS)) {
    try {
      const result = await action();
      await store.set(storeKey, { state: 'done', result, fingerprint } satisfies Outcome<T>, OUTCOME_TTL_SECONDS);
      return result;
    } catch (error) {
      const known = knownFailure(error);
      if (known && RETRYABLE.includes(known.code)) await store.delete(storeKey);
      else {
        const failure = known ?? new CabinetError('INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE);
        await store.set(storeKey, { state: 'failed', code: failure.code, message: failure.message, fingerprint } satisfies Outcome<T>, OUTCOME_TTL_SECONDS);
      }
      throw error;
    }
  }
  for (let waited = 0; waited < RUNNING_TTL_SECONDS * 1000; waited += WAIT_STEP_MS) {
    const outcome = await store.get<Outcome<T>>(storeKey);
    if (outcome === null) return runOnce(store, key, fingerprint, action);
    if (outcome.fingerprint !== fingerprint) throw keyReused();
    if (outcome.state === 'done') return outcome.result;
    if (outcome.state === 'failed') throw new CabinetError(outcome.code, outcome.message);
    await sleep(WAIT_STEP_MS);
  }
  throw new CabinetError('UPSTREAM_UNAVAILABLE', 'The earlier request with this key is still running. Please try again later.');
}
