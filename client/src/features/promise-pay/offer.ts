import { addDays, ymd } from '../../../../shared/dates.js';
import { fromMinorUnits, isNegative, toMinorUnits } from '../../../../shared/money.js';
import type { DashboardFieldsFragment as Me } from '../../gql/graphql.js';
import type { I18n } from '../../i18n/index.js';

export type Offer = Me['promisePay']['offers'][number];

/** The local calendar day `days` from now, YYYY-MM-DD: when an offer taken today runs out. */
export function calendarDateAfter(days: number, now = new Date()): string {
  return addDays(ymd(now), days);
}

export const hasFee = (offer: Offer) => offer.fee !== null && toMinorUnits(offer.fee.amount) !== 0n;

/** "for 3 days, no fee": the billing's rules for one offer in a line. */
export function offerTerms(t: I18n, offer: Offer): string {
  const fee = offer.fee && hasFee(offer) ? t.m.fee({ fee: t.money(offer.fee) }) : t.m.noFee;
  return `${t.plural(t.m.promiseDays, offer.days)}, ${fee}`;
}


/** The balance once the offer is taken and its fee charged, as the billings count it. */
export function balanceAfter(balance: Me['balance'], offer: Offer): Me['balance'] {
  const minor = (value: string) => toMinorUnits(value) ?? 0n;
  const fee = offer.fee ? minor(offer.fee.amount) : 0n;
  return { amount: fromMinorUnits(minor(balance.amount) + minor(offer.amount.amount) - fee), currency: balance.currency };
}

/** The Internet runs again only when the balance after the offer is no longer below zero. */
export const restoresService = (balance: Me['balance'], offer: Offer) => !isNegative(balanceAfter(balance, offer));
