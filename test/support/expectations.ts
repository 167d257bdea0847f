import { setTimeout as sleep } from 'node:timers/promises';
import { CabinetError } from '../../server/domain/errors.js';

/** The CabinetError a promise rejects with; anything else (or no failure) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<CabinetError> {
  try {
    await promise;
  } catch (error) {
    return cabinetError(error);
  }
  throw new Error('expected the call to fail');
}

/** The CabinetError `action` throws, for what fails without waiting (a parser); anything else fails the test. */
export function thrown(action: () => unknown): CabinetError {
  try {
    action();
  } catch (error) {
    return cabinetError(error);
  }
  throw new Error('expected the call to throw');
}

function cabinetError(error: unknown): CabinetError {
  if (error instanceof CabinetError) return error;
  throw error;
}

/** Tries until `attempt` succeeds, for what becomes true a moment later (a queued write, a reconnect). */
export async function eventually<T>(attempt: () => Promise<T>, { timeoutMs = 10_000, everyMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(everyMs);
    }
  }
}
