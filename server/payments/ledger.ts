import type { Money } from '../../shared/money.js';

/**
 * A top-up's life. The order id the acquirer sees is the top-up's id.
 *
 *   CREATED ──paid──> PAID ──claim──> CREDITING ──billing ok──> CREDITED
 *      │                ^                 │  └──not sent──> PAID (the sweep tries again)
 *      ├─declined─> FAILED                └──unknown or refused──> NEEDS_REVIEW ──operator──> PAID | CREDITED | FAILED
 *      └─too old──> EXPIRED ──paid late──> PAID
 *   paid, but not as ordered (another amount, or after a decline) ──> NEEDS_REVIEW
 *
 * PAID -> CREDITING is the claim: one conditional update in the database, so of any number of
 * webhooks, sweeps and instances exactly one calls the billing. A crediting whose outcome is not
 * known is never tried again by the cabinet; it waits for an operator in NEEDS_REVIEW.
 */
export const TOP_UP_STATES = ['CREATED', 'PAID', 'CREDITING', 'CREDITED', 'FAILED', 'EXPIRED', 'NEEDS_REVIEW'] as const;
export type TopUpState = (typeof TOP_UP_STATES)[number];

export const TOP_UP_METHODS = ['liqpay', 'monobank'] as const;
export type TopUpMethod = (typeof TOP_UP_METHODS)[number];

/** Every move the cabinet or an operator may make; anything else is a bug and is refused. */
export const ALLOWED_TRANSITIONS: Readonly<Record<TopUpState, readonly TopUpState[]>> = {
  // NEEDS_REVIEW from CREATED, EXPIRED or FAILED: paid, but not as ordered (another amount, or after a decline).
  CREATED: ['PAID', 'FAILED', 'EXPIRED', 'NEEDS_REVIEW'],
  PAID: ['CREDITING'],
  CREDITING: ['CREDITED', 'PAID', 'NEEDS_REVIEW'],
  CREDITED: [],
  FAILED: ['NEEDS_REVIEW'],
  EXPIRED: ['PAID', 'NEEDS_REVIEW'],
  NEEDS_REVIEW: ['PAID', 'CREDITED', 'FAILED'],
};

export interface TopUpEvent {
  state: TopUpState;
  at: string;
  /** Why: the acquirer's status, the billing's answer in a few words, an operator's note. Never a secret. */
  note: string | null;
}

export interface TopUp {
  id: string;
  accountId: string;
  login: string;
  amount: Money;
  method: TopUpMethod;
  state: TopUpState;
  /** The acquirer's id for the payment (monobank invoiceId, LiqPay payment_id). */
  acquirerReference: string | null;
  /** The billing's id for the booked payment, when it gives one. */
  billingReference: string | null;
  createdAt: string;
  updatedAt: string;
  /** Oldest first; the first is CREATED. */
  history: TopUpEvent[];
}

export interface NewTopUp {
  id: string;
  accountId: string;
  login: string;
  amount: Money;
  method: TopUpMethod;
}

export interface TransitionDetails {
  note?: string;
  acquirerReference?: string;
  billingReference?: string;
}

/** Durable: every top-up and each of its state changes. SQLite, or PostgreSQL when several instances run. */
export interface TopUpLedger {
  create(entry: NewTopUp): Promise<TopUp>;
  get(id: string): Promise<TopUp | null>;
  /**
   * Moves the top-up to `to` only if it is in one of `from` now, recording the change with its
   * time; the moved top-up, or null when it was not in `from` (another got there first). Atomic:
   * of two callers racing for the same move, one gets the top-up and the other null.
   */
  transition(id: string, from: readonly TopUpState[], to: TopUpState, details?: TransitionDetails): Promise<TopUp | null>;
  /** Records the acquirer's id for the payment without changing the state. */
  noteAcquirerReference(id: string, reference: string): Promise<void>;
  /** Top-ups in one of `states` last changed before `updatedBefore` (when given), oldest change first. */
  list(filter: { states?: readonly TopUpState[]; updatedBefore?: Date; limit?: number }): Promise<TopUp[]>;
  /** One account's top-ups, newest first: what the subscriber sees of their own. */
  recentOf(accountId: string, limit: number): Promise<TopUp[]>;
}

/** Throws when a move is not in the state machine: a programming error, never a runtime condition. */
export function assertTransition(from: readonly TopUpState[], to: TopUpState): void {
  for (const state of from) {
    if (!ALLOWED_TRANSITIONS[state].includes(to)) throw new Error(`top-up state ${state} -> ${to} is not allowed`);
  }
}

export const isTopUpState = (value: string): value is TopUpState => (TOP_UP_STATES as readonly string[]).includes(value);
