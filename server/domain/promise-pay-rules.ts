import { toMinorUnits } from '../../shared/money.js';
import type { PromisePay, Subscriber } from './types.js';

/**
 * The offers as the subscriber may take them: none, with the reason, when the billing would certainly
 * refuse. Every billing refuses a service paused or switched off and a balance above zero; the adapter knows the rest
 * of its billing's rules (a debt over the limit, once a month) where the billing tells them.
 */
export function promisePayToOffer(promisePay: PromisePay, subscriber: Pick<Subscriber, 'status' | 'balance'>): PromisePay {
  if (promisePay.active) return { ...promisePay, refusal: null };
  const refusal =
    subscriber.status === 'FROZEN' || subscriber.status === 'DISABLED' ? 'PAUSED' : (toMinorUnits(subscriber.balance.amount) ?? 0n) > 0n ? 'NO_DEBT' : promisePay.refusal;
  return refusal ? { ...promisePay, offers: [], refusal } : promisePay;
}
