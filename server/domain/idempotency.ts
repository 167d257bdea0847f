import { setTimeout as sleep } from 'node:timers/promises';
import type { ErrorCode } from '../../shared/errors.js';
import type { EphemeralStore } from '../store/store.js';
import { CabinetError } from './errors.js';

type Outcome<T> = { state: 'running' } | { state: 'done'; result: T } | { state: 'failed'; code: ErrorCode; message: string };

const RUNNING_TTL_SECONDS = 120;
const OUTCOME_TTL_SECONDS = 24 * 60 * 60;
const WAIT_STEP_MS = 100;
/** Failures that happened before anything reached the billing: a retry may run again. */
const RETRYABLE: readonly ErrorCode[] = ['BAD_USER_INPUT', 'RATE_LIMITED', 'UNAUTHENTICATED'];

/**
 * Runs a money or service action at most once per key. A repeated request (double tap, retry
 * after a timeout) waits for the first and gets its outcome, success or failure, without a second
 * upstream call. Keys are scoped by the caller (subscriber and operation), so one subscriber's key
 * can never replay another's result.
 */
export async function runOnce<T>(store: EphemeralStore, key: string | null, action: () => Promise<T>): Promise<T> {
  if (key === null) return action();
  const storeKey = `idempotency:${key}`;
  if (await store.setIfAbsent(storeKey, { state: 'running' }, RUNNING_TTL_SECONDS)) {
    try {
      const result = await action();
      await store.set(storeKey, { state: 'done', result }, OUTCOME_TTL_SECONDS);
      return result;
    } catch (error) {
      if (error instanceof CabinetError && RETRYABLE.includes(error.code)) await store.delete(storeKey);
      else {
        const failure = error instanceof CabinetError ? error : new CabinetError('UPSTREAM_ERROR', 'The action could not be completed.');
        await store.set(storeKey, { state: 'failed', code: failure.code, message: failure.message }, OUTCOME_TTL_SECONDS);
      }
      throw error;
    }
  }
  for (let waited = 0; waited < RUNNING_TTL_SECONDS * 1000; waited += WAIT_STEP_MS) {
    const outcome = await store.get<Outcome<T>>(storeKey);
    if (outcome === null) return runOnce(store, key, action);
    if (outcome.state === 'done') return outcome.result;
    if (outcome.state === 'failed') throw new CabinetError(outcome.code, outcome.message);
    await sleep(WAIT_STEP_MS);
  }
  throw new CabinetError('UPSTREAM_UNAVAILABLE', 'The earlier request with this key is still running. Please try again later.');
}
