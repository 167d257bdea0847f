import { isNegative, toMinorUnits, type Money } from '../../../../shared/money.js';
import type { DashboardFieldsFragment as Me } from '../../gql/graphql.js';
import type { I18n } from '../../i18n/index.js';

/** What it takes to get back in good standing: the billing's own figure, else the debt. */
export function amountToTopUp(me: Pick<Me, 'amountToPay' | 'balance'>): Money | null {
  if (me.amountToPay && (toMinorUnits(me.amountToPay.amount) ?? 0n) > 0n) return me.amountToPay;
  if (isNegative(me.balance)) return me.balance;
  return null;
}

/** The account's status in words: "Blocked: top up 120 ₴ to continue". */
export function statusText(t: I18n, me: Pick<Me, 'status' | 'amountToPay' | 'balance'>): string {
  const topUp = amountToTopUp(me);
  switch (me.status) {
    case 'ACTIVE':
      return t.m.statusActive;
    case 'DEBT':
      return topUp ? t.m.statusDebtTopUp(t.moneyMagnitude(topUp)) : t.m.statusDebt;
    case 'BLOCKED':
      return topUp ? t.m.statusBlockedTopUp(t.moneyMagnitude(topUp)) : t.m.statusBlocked;
    case 'FROZEN':
      return t.m.statusFrozen;
    case 'DISABLED':
      return t.m.statusDisabled;
  }
}

export type StatusTone = 'good' | 'warning' | 'bad' | 'neutral';

export function statusTone(status: Me['status']): StatusTone {
  switch (status) {
    case 'ACTIVE':
      return 'good';
    case 'DEBT':
      return 'warning';
    case 'BLOCKED':
    case 'DISABLED':
      return 'bad';
    case 'FROZEN':
      return 'neutral';
  }
}

/** One tap to a promised payment when short of money and the billing has something to offer. */
export function offersPromisePay(me: Pick<Me, 'status' | 'balance' | 'promisePay'>, capability: boolean): boolean {
  const short = me.status === 'DEBT' || me.status === 'BLOCKED' || isNegative(me.balance);
  return capability && short && !me.promisePay.active && me.promisePay.offers.length > 0;
}
