import { isNegative, toMinorUnits, type Money } from '../../../../shared/money.js';
import type { DashboardFieldsFragment as Me } from '../../gql/graphql.js';
import type { I18n } from '../../i18n/index.js';

const isAboveZero = (value: Money | null | undefined): value is Money => !!value && (toMinorUnits(value.amount) ?? 0n) > 0n;

/** What it takes to get back in good standing: the billing's own figure, else the debt. */
export function amountToTopUp(me: Pick<Me, 'amountToPay' | 'balance'>): Money | null {
  if (isAboveZero(me.amountToPay)) return me.amountToPay;
  if (isNegative(me.balance)) return me.balance;
  return null;
}

export type StatusTone = 'good' | 'warning' | 'bad' | 'neutral';

export interface Headline {
  text: string;
  tone: StatusTone;
}

type HeadlineFields = Pick<Me, 'status' | 'amountToPay' | 'balance' | 'paidUntil' | 'daysLeft' | 'pausedUntil'> & {
  promisePay: { active: { until: string | null } | null };
};

/**
 * The one line that answers "does my Internet work, and what do I do now?", with the date that
 * matters: "Internet works until 11 December", "Internet is off: top up 850 ₴ to turn it on".
 */
export function headline(t: I18n, me: HeadlineFields): Headline {
  const { m } = t;
  const topUp = amountToTopUp(me);
  const credit = me.promisePay.active;
  switch (me.status) {
    case 'ACTIVE':
    case 'DEBT':
      // Money lent by the billing keeps the service on until the promised payment ends.
      if (credit?.until) {
        return { text: m.headlineOnCredit({ date: t.date(credit.until) }), tone: 'warning' };
      }
      if (me.status === 'DEBT') {
        return { text: topUp ? m.headlineDebtTopUp({ amount: t.moneyMagnitude(topUp) }) : m.headlineDebt, tone: 'warning' };
      }
      return { text: me.paidUntil && (me.daysLeft ?? 1) > 0 ? m.headlineWorksUntil({ date: t.date(me.paidUntil) }) : m.headlineWorks, tone: 'good' };
    case 'BLOCKED':
      return { text: topUp ? m.headlineOffTopUp({ amount: t.moneyMagnitude(topUp) }) : m.headlineOff, tone: 'bad' };
    case 'FROZEN':
      return { text: me.pausedUntil ? m.headlinePausedUntil({ date: t.date(me.pausedUntil) }) : m.headlinePaused, tone: 'neutral' };
    case 'DISABLED':
      return { text: m.headlineDisabled, tone: 'bad' };
  }
}

/** "12 days left" means something only while the service runs on the subscriber's own money. */
export function showsDaysLeft(me: Pick<Me, 'status' | 'daysLeft'>): me is Pick<Me, 'status'> & { daysLeft: number } {
  return me.status === 'ACTIVE' && me.daysLeft !== null && me.daysLeft > 0;
}

/**
 * "To pay" with what it buys and by when, or null when there is nothing honest to say: a paused
 * account is charged nothing, and the debt itself is already in the headline.
 */
export function toPayLine(t: I18n, me: Pick<Me, 'status' | 'recommendedToPay' | 'nextChargeOn'>): string | null {
  if (me.status === 'FROZEN' || me.status === 'DISABLED') return null;
  const { m } = t;
  const recommended = me.recommendedToPay;
  if (isAboveZero(recommended)) {
    const amount = t.moneyMagnitude(recommended);
    return me.nextChargeOn ? m.toPayBy({ amount, date: t.date(me.nextChargeOn) }) : m.toPayNextMonth({ amount });
  }
  // Without the billing's recommendation, the debt is the headline's business; a positive bare sum explains nothing.
  return null;
}

/** One tap to a promised payment when short of money and the billing has something to offer. */
export function offersPromisePay(me: Pick<Me, 'status' | 'balance' | 'promisePay'>, capability: boolean): boolean {
  const short = me.status !== 'FROZEN' && (me.status === 'DEBT' || me.status === 'BLOCKED' || isNegative(me.balance));
  return capability && short && !me.promisePay.active && me.promisePay.offers.length > 0;
}
