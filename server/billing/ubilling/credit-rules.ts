import { DAY_MS, daysInMonth, ymd } from '../../../shared/dates.js';
import { compareDecimals, fromMinorUnits, isBelowZero, negateDecimal, plainDecimal, toMinorUnits } from '../../../shared/money.js';
import type { PromisePayRefusal } from '../../domain/types.js';
import type { UserRow } from './replies.js';

/**
 * Self-credit ("promised payment") rules. Ubilling's cabinet (userstats `creditor`) applies its
 * `SC_*` settings itself; when the ISP gives no userstats URL the BFF calls RemoteAPI `sc`
 * directly, and `sc` trusts its caller completely, so these rules are checked first, in the
 * cabinet's own order. Dates are the server's local calendar, as PHP's date() is the billing's.
 */

export interface CreditRules {
  enabled: boolean;
  /** SC_MINDAY..SC_MAXDAY: days of the month when a credit may be taken. */
  minDay: number;
  maxDay: number;
  /** SC_TERM: days until the credit expires. */
  termDays: number;
  /** SC_PRICE: the fee charged for a credit, a decimal. */
  price: string;
  /** SC_MONTHCONTROL: one credit per calendar month. */
  onceAMonth: boolean;
  /** SC_TARIFFSALLOWED: empty = every tariff. */
  tariffsAllowed: readonly string[];
  /** SC_CASHTYPEID: the payment type the fee is booked under. */
  cashTypeId: number;
}

/**
 * Ubilling's self-credit settings as a fresh install ships them (userstats.ini SC_*). SC_ENABLED
 * is off there: an ISP that offers promised payments turns it on.
 */
export const UBILLING_SC_DEFAULTS: Readonly<CreditRules> = {
  enabled: false,
  minDay: 1,
  maxDay: 3,
  termDays: 3,
  price: '5',
  onceAMonth: true,
  tariffsAllowed: [],
  cashTypeId: 1,
};

export type CreditRefusal =
  | 'disabled'
  | 'wrongDay'
  | 'alreadyHasCredit'
  | 'frozen'
  | 'tooMuchMoney'
  | 'debtTooLarge'
  | 'refused'
  | 'tariffNotAllowed'
  | 'alreadyUsedThisMonth'
  | 'notPaidPrevious';

/** The creditor agent's `status` codes 1–10 (0 is success). */
export const CREDITOR_STATUS: Readonly<Record<number, CreditRefusal>> = {
  1: 'disabled',
  2: 'wrongDay',
  3: 'alreadyHasCredit',
  4: 'frozen',
  5: 'tooMuchMoney',
  6: 'debtTooLarge',
  7: 'refused',
  8: 'tariffNotAllowed',
  9: 'alreadyUsedThisMonth',
  10: 'notPaidPrevious',
};

/** A refusal as the cabinet names it; `refused` says nothing more than no. */
export const PROMISE_PAY_REFUSAL: Readonly<Record<CreditRefusal, PromisePayRefusal | null>> = {
  disabled: 'NOT_OFFERED',
  wrongDay: 'WRONG_DAY',
  alreadyHasCredit: 'ALREADY_USED',
  frozen: 'PAUSED',
  tooMuchMoney: 'NO_DEBT',
  debtTooLarge: 'DEBT_TOO_LARGE',
  refused: null,
  tariffNotAllowed: 'TARIFF_NOT_ALLOWED',
  alreadyUsedThisMonth: 'ALREADY_USED',
  notPaidPrevious: 'NOT_PAID_PREVIOUS',
};

/** Why a credit is refused, in words a subscriber understands. */
export function refusalMessage(refusal: CreditRefusal, days?: { minDay: string | number; maxDay: string | number }): string {
  switch (refusal) {
    case 'disabled':
      return 'Your provider does not offer promised payments.';
    case 'wrongDay':
      return days
        ? `A promised payment can be taken only from day ${days.minDay} to day ${days.maxDay} of the month.`
        : 'A promised payment cannot be taken on this day of the month.';
    case 'alreadyHasCredit':
      return 'You already have a promised payment.';
    case 'frozen':
      return 'Your account is paused or switched off, so a promised payment is not available.';
    case 'tooMuchMoney':
      return 'Your balance is enough for the service, so a promised payment is not needed.';
    case 'debtTooLarge':
      return 'Your debt is larger than a promised payment can cover. Please top up your account.';
    case 'tariffNotAllowed':
      return 'A promised payment is not available on your tariff.';
    case 'alreadyUsedThisMonth':
      return 'You have already taken a promised payment this month.';
    case 'notPaidPrevious':
      return 'A promised payment is available again once you have paid for the previous one.';
    case 'refused':
      return 'The billing refused the promised payment.';
  }
}

/** What the rules look at: the columns of RemoteAPI `getuserdatabylogin` that userstats reads. */
export type CreditAccount = Pick<UserRow, 'Cash' | 'Credit' | 'CreditExpire' | 'Passive' | 'Down' | 'Tariff' | 'Fee' | 'period'>;

export type CreditDecision =
  | { allowed: true; creditLimit: string; fee: string; termDays: number; expires: string }
  | { allowed: false; refusal: CreditRefusal; message: string };

/** The expiry `sc` gets: today + term days (Ubilling adds term × 86400 s to now). */
export const creditEnd = (now: Date, termDays: number) => ymd(new Date(now.getTime() + termDays * DAY_MS));

/** Ubilling's `tariffprice`: the tariff fee, for a daily tariff times the days of this month. */
export function tariffMonthPrice(account: Pick<CreditAccount, 'Fee' | 'period'>, now: Date): string {
  const fee = toMinorUnits(plainDecimal(account.Fee ?? '0') ?? '0') ?? 0n;
  return fromMinorUnits(account.period === 'day' ? fee * BigInt(daysInMonth(ymd(now))) : fee);
}

/** The credit limit Ubilling sets: `tariffprice + SC_PRICE`. */
export function creditLimit(account: Pick<CreditAccount, 'Fee' | 'period'>, price: string, now: Date): string {
  return fromMinorUnits((toMinorUnits(tariffMonthPrice(account, now)) ?? 0n) + (toMinorUnits(price) ?? 0n));
}

/** Every rule, in the order userstats checks them; the first that fails is the answer. */
export function decideSelfCredit(
  account: CreditAccount,
  rules: CreditRules,
  context: { now: Date; usedThisMonth: boolean },
): CreditDecision {
  const refuse = (refusal: CreditRefusal): CreditDecision => ({ allowed: false, refusal, message: refusalMessage(refusal, rules) });
  const { now } = context;
  const day = now.getDate();
  const tariffPrice = tariffMonthPrice(account, now);
  const debt = isBelowZero(account.Cash) ? negateDecimal(account.Cash) : plainDecimal(account.Cash) ?? '0';

  if (!rules.enabled) return refuse('disabled');
  if (day < rules.minDay || day > rules.maxDay) return refuse('wrongDay');
  if (compareDecimals(account.Credit, '0') > 0 || account.CreditExpire !== 0) return refuse('alreadyHasCredit');
  if (account.Passive || account.Down) return refuse('frozen');
  if (compareDecimals(debt, tariffPrice) > 0) return refuse(isBelowZero(account.Cash) ? 'debtTooLarge' : 'tooMuchMoney');
  if (!isBelowZero(account.Cash)) return refuse('tooMuchMoney');
  if (rules.tariffsAllowed.length > 0 && !rules.tariffsAllowed.includes(account.Tariff)) return refuse('tariffNotAllowed');
  if (rules.onceAMonth && context.usedThisMonth) return refuse('alreadyUsedThisMonth');
  return {
    allowed: true,
    creditLimit: creditLimit(account, rules.price, now),
    fee: fromMinorUnits(toMinorUnits(rules.price) ?? 0n),
    termDays: rules.termDays,
    expires: creditEnd(now, rules.termDays),
  };
}

/**
 * Where the BFF remembers the credits it set through `sc`, for the once-a-month rule: Ubilling's
 * own log (`zbssclog`) is not readable over RemoteAPI.
 */
export interface CreditLog {
  usedInMonth(login: string, now: Date): Promise<boolean>;
  record(login: string, at: Date): Promise<void>;
}

/** A log in this process's memory: right for one instance until it restarts. */
export function createMemoryCreditLog(): CreditLog {
  const taken = new Map<string, string[]>();
  const month = (at: Date) => ymd(at).slice(0, 7);
  return {
    async usedInMonth(login, now) {
      return (taken.get(login.toLowerCase()) ?? []).includes(month(now));
    },
    async record(login, at) {
      const key = login.toLowerCase();
      taken.set(key, [...(taken.get(key) ?? []), month(at)]);
    },
  };
}
