import type { Money } from '../../shared/money.js';
import type { TopUp, TopUpMethod } from './ledger.js';

/**
 * What an acquirer says about an order, from a verified webhook or from its status call.
 * `paid`: the money was taken; `declined`: it was not and will not be; `reversed`: it was taken
 * and given back; `pending`: not decided yet; `not-found`: the acquirer has no such order (the
 * subscriber never reached the checkout).
 */
export type AcquirerOutcome = 'paid' | 'declined' | 'reversed' | 'pending' | 'not-found';

export interface AcquirerReport {
  orderId: string;
  outcome: AcquirerOutcome;
  /** The amount and currency the acquirer names; null only for `not-found`. */
  amount: Money | null;
  /** The acquirer's own id for the payment. */
  reference: string | null;
  /** The acquirer's status word, for the ledger and the log. */
  status: string;
}

export interface Checkout {
  /** Where the subscriber's browser goes to pay. */
  url: string;
  /** The acquirer's id for the checkout, when it gives one at once (monobank's invoiceId). */
  reference: string | null;
}

export interface CheckoutAddresses {
  /** Where the acquirer sends the subscriber back. */
  returnUrl: string;
  /** Where the acquirer posts its confirmation. */
  callbackUrl: string;
}

/** One card acquirer: start a checkout for a top-up, and ask what became of it. */
export interface Acquirer {
  readonly method: TopUpMethod;
  startCheckout(topUp: TopUp, addresses: CheckoutAddresses): Promise<Checkout>;
  status(topUp: TopUp): Promise<AcquirerReport>;
}

/** The acquirer did not answer, or answered something we cannot read. The message names no key. */
export class AcquirerUnavailable extends Error {
  override name = 'AcquirerUnavailable';
}

export const ACQUIRER_TIMEOUT_MS = 10_000;
