import { neverSent } from '../billing/upstream.js';
import type { Money } from '../../shared/money.js';

export interface CreditedAccount {
  accountId: string;
  login: string;
}

/**
 * The one billing call a top-up makes: book `amount` on the account as a payment, with `orderId`
 * in the payment's note so an operator finds it in the billing. It is called at most once per
 * top-up (the ledger's claim sees to that) and must not retry by itself.
 *
 * Errors say what is known: CreditNotSent when the request certainly never reached the billing
 * (nothing booked, safe to try again later), CreditRefused when the billing answered that it did
 * not book it; anything else means the outcome is unknown, and the top-up goes to an operator.
 */
export interface BillingCreditor {
  creditTopUp(account: CreditedAccount, amount: Money, orderId: string): Promise<CreditReceipt>;
}

export interface CreditReceipt {
  /** The billing's id for the booked payment, when it gives one. */
  reference: string | null;
  /** The billing's whole answer, logged with the crediting, where the billing documents none. */
  answer?: unknown;
}

export class CreditNotSent extends Error {
  override name = 'CreditNotSent';
}

export class CreditRefused extends Error {
  override name = 'CreditRefused';
}

/**
 * What a failed crediting call means for the ledger: CreditNotSent when the request certainly
 * never left (nothing was booked), otherwise the error as it is, an unknown outcome.
 */
export function creditCallFailure(error: unknown): unknown {
  return neverSent(error) ? new CreditNotSent(error instanceof Error ? error.message : 'not sent', { cause: error }) : error;
}
