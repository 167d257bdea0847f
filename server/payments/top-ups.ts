import { randomUUID } from 'node:crypto';
import { fromMinorUnits, toDecimal, toMinorUnits, type Money } from '../../shared/money.js';
import { CabinetError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { topUpTransitions } from '../observability/metrics.js';
import { AcquirerUnavailable, type Acquirer, type AcquirerReport } from './acquirer.js';
import { CreditNotSent, CreditRefused, type BillingCreditor, type CreditedAccount } from './creditor.js';
import type { TopUp, TopUpLedger, TopUpMethod } from './ledger.js';

export interface TopUpLimits {
  currency: string;
  minAmountMinor: bigint;
  maxAmountMinor: bigint;
}

/** Why a confirmation was refused; the acquirer gets a 400 and the log says which. */
export type Refusal = 'unknown-order' | 'amount-mismatch';

export type ConfirmationResult = { accepted: true; topUp: TopUp } | { accepted: false; reason: Refusal };

/**
 * Top-ups from start to the billing: start a checkout, take the acquirer's word (a verified
 * webhook or a status call) and credit the billing exactly once.
 */
export class TopUps {
  readonly ledger: TopUpLedger;

  constructor(
    private readonly deps: {
      ledger: TopUpLedger;
      acquirers: Partial<Record<TopUpMethod, Acquirer>>;
      creditor: BillingCreditor;
      limits: TopUpLimits;
      /** The cabinet's public address: the acquirer returns the subscriber and posts its confirmation here. */
      publicUrl: string | (() => string);
      logger: Logger;
      /** Called once per top-up when the ledger records CREDITED (the "Payment received" push); it must not throw or wait. */
      onCredited?: (topUp: TopUp) => void;
    },
  ) {
    this.ledger = countingTransitions(deps.ledger);
  }

  methods(): TopUpMethod[] {
    return Object.keys(this.deps.acquirers) as TopUpMethod[];
  }

  /**
   * Records the top-up, then opens the acquirer's checkout for it: the ledger knows the order
   * before the acquirer can confirm it. The amount comes from the subscriber, so it is checked
   * against the bounds; the account comes from the session, never from the browser.
   */
  async start(account: CreditedAccount, amount: string, method: TopUpMethod): Promise<{ topUp: TopUp; checkoutUrl: string }> {
    const acquirer = this.deps.acquirers[method];
    if (!acquirer) throw new CabinetError('NOT_SUPPORTED', 'This way of paying is not available.');
    const { currency, minAmountMinor, maxAmountMinor } = this.deps.limits;
    const minor = /^\d{1,9}(?:[.,]\d{1,2})?$/.test(amount.trim()) ? toMinorUnits(amount) : null;
    if (minor === null || minor < minAmountMinor || minor > maxAmountMinor) {
      throw new CabinetError('BAD_USER_INPUT', `Enter an amount from ${fromMinorUnits(minAmountMinor)} to ${fromMinorUnits(maxAmountMinor)} ${currency}.`, {
        reason: 'AMOUNT_OUT_OF_RANGE',
      });
    }
    const publicUrl = (typeof this.deps.publicUrl === 'string' ? this.deps.publicUrl : this.deps.publicUrl()).replace(/\/+$/, '');
    const topUp = await this.ledger.create({ id: randomUUID(), accountId: account.accountId, login: account.login, amount: { amount: toDecimal(amount)!, currency }, method });
    try {
      const checkout = await acquirer.startCheckout(topUp, {
        returnUrl: `${publicUrl}/top-up/${topUp.id}`,
        callbackUrl: `${publicUrl}/payments/${method}`,
      });
      if (checkout.reference) await this.ledger.noteAcquirerReference(topUp.id, checkout.reference);
      return { topUp: { ...topUp, acquirerReference: checkout.reference }, checkoutUrl: checkout.url };
    } catch (error) {
      await this.ledger.transition(topUp.id, ['CREATED'], 'FAILED', { note: 'the acquirer did not open a checkout' });
      this.deps.logger.warn({ err: error, orderId: topUp.id, method }, 'top-up checkout failed');
      throw new CabinetError('UPSTREAM_UNAVAILABLE', 'The payment service is not answering right now. Please try again in a few minutes.', {
        detail: error instanceof AcquirerUnavailable ? error.message : 'checkout failed',
        cause: error,
      });
    }
  }

  /**
   * The acquirer's word about an order, from a verified webhook or a status call. Anything that
   * does not match the order we recorded is refused; a payment that is real but does not match
   * (another amount) goes to an operator rather than being lost or credited.
   */
  async confirm(method: TopUpMethod, report: AcquirerReport): Promise<ConfirmationResult> {
    const topUp = await this.ledger.get(report.orderId);
    if (!topUp || topUp.method !== method || (topUp.acquirerReference && report.reference && method === 'monobank' && topUp.acquirerReference !== report.reference)) {
      return { accepted: false, reason: 'unknown-order' };
    }
    const matches = report.amount !== null && report.amount.currency === topUp.amount.currency && toMinorUnits(report.amount.amount) === toMinorUnits(topUp.amount.amount);
    const note = `${method}: ${report.status}`;
    const reference = report.reference ?? undefined;
    switch (report.outcome) {
      case 'paid': {
        if (!matches) {
          this.deps.logger.error({ orderId: topUp.id, method, expected: topUp.amount, paid: report.amount }, 'paid top-up does not match its order: handed to an operator');
          await this.ledger.transition(topUp.id, ['CREATED', 'EXPIRED', 'FAILED'], 'NEEDS_REVIEW', { note: `${note}, but ${describe(report.amount)} instead of ${describe(topUp.amount)}`, acquirerReference: reference });
          return { accepted: false, reason: 'amount-mismatch' };
        }
        const paid = await this.ledger.transition(topUp.id, ['CREATED', 'EXPIRED'], 'PAID', { note, acquirerReference: reference });
        if (!paid) {
          // Declined before and paid now: an acquirer that changed its mind is for a person to look at.
          await this.ledger.transition(topUp.id, ['FAILED'], 'NEEDS_REVIEW', { note: `${note} after it was declined`, acquirerReference: reference });
        }
        await this.creditOnce(topUp.id);
        return { accepted: true, topUp: (await this.ledger.get(topUp.id))! };
      }
      case 'declined':
      case 'reversed': {
        if (!matches && report.amount !== null) return { accepted: false, reason: 'amount-mismatch' };
        const failed = await this.ledger.transition(topUp.id, ['CREATED'], 'FAILED', { note, acquirerReference: reference });
        if (!failed && report.outcome === 'reversed' && ['PAID', 'CREDITING', 'CREDITED', 'NEEDS_REVIEW'].includes(topUp.state)) {
          // The acquirer gave the money back after it was paid: the billing may need a correction by hand.
          this.deps.logger.error({ orderId: topUp.id, method, state: topUp.state }, 'top-up reversed by the acquirer after it was paid');
        }
        return { accepted: true, topUp: failed ?? topUp };
      }
      default:
        return { accepted: true, topUp };
    }
  }

  /**
   * Credits a PAID top-up, once. Taking PAID -> CREDITING is the claim: only the caller whose
   * update changed the row goes on to the billing. The billing's answer decides the next state;
   * an unknown outcome is never retried, it waits in NEEDS_REVIEW for an operator.
   */
  async creditOnce(id: string): Promise<TopUp | null> {
    const claimed = await this.ledger.transition(id, ['PAID'], 'CREDITING');
    if (!claimed) return null;
    let reference: string | null;
    let answer: unknown;
    try {
      ({ reference, answer } = await this.deps.creditor.creditTopUp({ accountId: claimed.accountId, login: claimed.login }, claimed.amount, claimed.id));
    } catch (error) {
      if (error instanceof CreditNotSent) {
        this.deps.logger.warn({ orderId: id, reason: error.message }, 'top-up not credited: the billing was not reached; the sweep tries again');
        return this.ledger.transition(id, ['CREDITING'], 'PAID', { note: `billing not reached: ${error.message}` });
      }
      const note = error instanceof CreditRefused ? `billing refused: ${error.message}` : `billing outcome unknown: ${error instanceof Error ? error.message : 'error'}`;
      this.deps.logger.error({ orderId: id, note }, 'top-up needs review: check the billing before settling it');
      return this.ledger.transition(id, ['CREDITING'], 'NEEDS_REVIEW', { note });
    }
    // Also from NEEDS_REVIEW: the billing answered after the sweep gave up waiting, and its answer is the truth.
    const credited = await this.ledger.transition(id, ['CREDITING', 'NEEDS_REVIEW'], 'CREDITED', { note: 'billing booked the payment', billingReference: reference ?? undefined });
    if (credited) {
      this.deps.logger.info({ orderId: id, method: credited.method, ...(answer === undefined ? {} : { billingAnswer: answer }) }, 'top-up credited');
      try {
        this.deps.onCredited?.(credited);
      } catch (error) {
        this.deps.logger.warn({ err: error, orderId: id }, 'after-crediting notice failed');
      }
    }
    return credited;
  }
}

const describe = (value: Money | null) => (value ? `${value.amount} ${value.currency}` : 'no amount');

/** The ledger, with every state it moves a top-up to counted in the metrics. */
function countingTransitions(ledger: TopUpLedger): TopUpLedger {
  return {
    ...ledger,
    async create(entry) {
      const created = await ledger.create(entry);
      topUpTransitions.inc({ state: 'CREATED', method: entry.method });
      return created;
    },
    async transition(id, from, to, details) {
      const moved = await ledger.transition(id, from, to, details);
      if (moved) topUpTransitions.inc({ state: to, method: moved.method });
      return moved;
    },
  };
}
