import { toMinorUnits } from '../../../../shared/money.js';
import type { DashboardFieldsFragment as Me } from '../../gql/graphql.js';
import type { I18n } from '../../i18n/index.js';

export type Offer = Me['promisePay']['offers'][number];

/** The local calendar day `days` from now, YYYY-MM-DD: when an offer taken today runs out. */
export function calendarDateAfter(days: number, now = new Date()): string {
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}`;
}

export const hasFee = (offer: Offer) => offer.fee !== null && toMinorUnits(offer.fee.amount) !== 0n;

/** "for 3 days, no fee": the billing's rules for one offer in a line. */
export function offerTerms(t: I18n, offer: Offer): string {
  const fee = offer.fee && hasFee(offer) ? t.m.fee(t.money(offer.fee)) : t.m.noFee;
  return `${t.plural(t.m.promiseDays, offer.days)}, ${fee}`;
}

