import type { TopUp, TopUpEvent, TopUpMethod, TopUpState } from '../payments/ledger.js';

/** A top-up as both stores keep it, in the columns of their `top_ups` table; SQLite's times are ISO text. */
export interface TopUpRow {
  id: string;
  account_id: string;
  login: string;
  amount: string;
  currency: string;
  method: TopUpMethod;
  state: TopUpState;
  acquirer_reference: string | null;
  billing_reference: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (time: Date | string) => (typeof time === 'string' ? time : time.toISOString());

/** The ledger's top-up from its row and its events, oldest first. */
export function topUpFromRow(row: TopUpRow, history: TopUpEvent[]): TopUp {
  return {
    id: row.id,
    accountId: row.account_id,
    login: row.login,
    amount: { amount: row.amount, currency: row.currency },
    method: row.method,
    state: row.state,
    acquirerReference: row.acquirer_reference,
    billingReference: row.billing_reference,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    history,
  };
}
