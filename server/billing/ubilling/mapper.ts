import { createHash } from 'node:crypto';
import { fromMinorUnits, money, toMinorUnits } from '../../../shared/money.js';
import { upstreamError } from '../../domain/errors.js';
import type {
  AccountStatus,
  ChargePeriod,
  Money,
  Payment,
  PromisePay,
  PromisePayOffer,
  Service,
  Spend,
  Subscriber,
  SupportContacts,
  Tariff,
} from '../../domain/types.js';
import { compareDecimals, isAboveZero, isBelowZero, negateDecimal, plainDecimal } from './decimal.js';
import { localYmd } from './credit-rules.js';
import type { ChargeLine, Contragent, PaymentRow, UserRow, Userdata } from './replies.js';

/** Ubilling's replies mapped once into the domain types. Fields Ubilling cannot give stay null. */

/** The id the promised-payment offer has: Ubilling offers exactly one credit. */
export const CREDIT_OFFER_ID = 'credit';

/** Stargazer's name for "no tariff". */
const NO_TARIFF = '*_NO_TARIFF_*';

export function toMoney(text: string, currency: string): Money {
  const decimal = plainDecimal(text);
  const value = decimal === null ? null : money(decimal, currency);
  if (!value) throw upstreamError('ubilling: a money value is not a number');
  return value;
}

/**
 * Stargazer serves an account while `Cash >= -Credit`; Down (switched off by the ISP) and Passive
 * (paused, "frozen") win over money. AlwaysOnline is left out: it is 0 for every PPPoE account.
 */
export function mapStatus(user: Pick<UserRow, 'Cash' | 'Credit' | 'Passive' | 'Down'>): AccountStatus {
  if (user.Down) return 'DISABLED';
  if (user.Passive) return 'FROZEN';
  if (!isBelowZero(user.Cash)) return 'ACTIVE';
  return compareDecimals(negateDecimal(user.Cash), user.Credit) > 0 ? 'BLOCKED' : 'DEBT';
}

/**
 * `getonlinedaysleft` counts today, so N days end on today + N - 1. It ignores Passive and Down,
 * so for a paused or switched-off account its number would mislead: no number then.
 */
export function mapDaysLeft(code: number, status: AccountStatus, now: Date): { daysLeft: number | null; paidUntil: string | null } {
  if (status === 'FROZEN' || status === 'DISABLED') return { daysLeft: null, paidUntil: null };
  if (code === -1) return { daysLeft: 0, paidUntil: null }; // debt: the balance pays for no day
  if (code <= 0) return { daysLeft: null, paidUntil: null }; // -2 free tariff, 0 unknown subscriber or tariff
  return { daysLeft: code, paidUntil: localYmd(new Date(now.getTime() + (code - 1) * 86_400_000)) };
}

function tariffPeriod(period: string | null): ChargePeriod | null {
  if (period === 'month') return 'MONTH';
  if (period === 'day') return 'DAY';
  return null;
}

export function mapTariff(user: Pick<UserRow, 'Tariff' | 'Fee' | 'period'>, currency: string): Tariff | null {
  if (!user.Tariff || user.Tariff === NO_TARIFF) return null;
  return {
    name: user.Tariff,
    fee: user.Fee === null ? null : toMoney(user.Fee, currency),
    period: tariffPeriod(user.period),
    speedIn: null,
    speedOut: null,
  };
}

const textOrNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

export function mapSubscriber(input: {
  user: UserRow;
  daysLeftCode: number;
  userdata: Userdata | null;
  currency: string;
  now: Date;
}): Subscriber {
  const { user, userdata, currency } = input;
  const status = mapStatus(user);
  const nextTariffName = textOrNull(userdata?.tariffnm);
  const payId = textOrNull(userdata?.payid);
  return {
    login: user.login,
    fullName: textOrNull(userdata?.realname),
    contractNumber: textOrNull(user.contract) ?? textOrNull(userdata?.contract),
    accountNumber: payId === '0' ? null : payId,
    balance: toMoney(user.Cash, currency),
    credit: toMoney(user.Credit, currency),
    status,
    tariff: mapTariff(user, currency),
    nextTariff:
      nextTariffName && nextTariffName !== 'No' ? { name: nextTariffName, fee: null, period: null, speedIn: null, speedOut: null } : null,
    ...mapDaysLeft(input.daysLeftCode, status, input.now),
    amountToPay: null,
    address: textOrNull(userdata?.address),
    phone: textOrNull(userdata?.mobile) ?? textOrNull(userdata?.phone) ?? textOrNull(user.mobile),
    email: textOrNull(userdata?.email),
  };
}

/**
 * A vservice's `charge_period_days`: 0 (unset, charged by the monthly cron) and 28–31 are monthly,
 * 1 is daily; any other period is shown as its daily share, the way Ubilling itself spreads it.
 */
function chargeOf(line: ChargeLine, currency: string): { price: Money; period: ChargePeriod } | null {
  if (line.price === null) return null;
  const price = toMoney(line.price, currency);
  if (line.kind === 'tariff') {
    const period = tariffPeriod(line.period);
    return period ? { price, period } : null;
  }
  const days = Number(line.period ?? '0');
  if (!Number.isInteger(days) || days <= 0 || (days >= 28 && days <= 31)) return { price, period: 'MONTH' };
  if (days === 1) return { price, period: 'DAY' };
  const units = toMinorUnits(price.amount) ?? 0n;
  const perDay = (units * 2n + BigInt(days)) / (2n * BigInt(days));
  return { price: { amount: fromMinorUnits(perDay), currency }, period: 'DAY' };
}

/** The tariff first, then the virtual services; a charge without a price (tariff row missing) is left out. */
export function mapSpends(lines: readonly ChargeLine[], currency: string): Spend[] {
  return lines.flatMap((line) => {
    const charge = chargeOf(line, currency);
    return charge ? [{ name: line.name, ...charge }] : [];
  });
}

/** Ubilling names a vservice by its tag, and XMLAgent hides the tag id: the id is a hash of the name. */
export const serviceId = (name: string) => `vsrv-${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 16)}`;

/** The virtual services; the subscriber can neither connect nor disconnect them in Ubilling's cabinet. */
export function mapServices(lines: readonly ChargeLine[], currency: string): Service[] {
  return lines
    .filter((line) => line.kind === 'vservice')
    .map((line) => ({
      id: serviceId(line.name),
      name: line.name,
      description: null,
      price: line.price === null ? null : toMoney(line.price, currency),
      connected: true,
      canConnect: false,
      canDisconnect: false,
      pending: false,
    }));
}

export function mapActiveCredit(user: Pick<UserRow, 'Credit' | 'CreditExpire'>, currency: string): PromisePay['active'] {
  if (!isAboveZero(user.Credit)) return null;
  return {
    amount: toMoney(user.Credit, currency),
    until: user.CreditExpire > 0 ? localYmd(new Date(user.CreditExpire * 1000)) : null,
  };
}

export function mapCreditOffer(offer: { creditLimit: string; fee: string; days: number; description: string | null }, currency: string): PromisePayOffer {
  return {
    id: CREDIT_OFFER_ID,
    amount: toMoney(offer.creditLimit, currency),
    days: offer.days,
    fee: toMoney(offer.fee, currency),
    description: offer.description,
  };
}

const PAYMENT_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Ubilling's DATETIME is the billing's local time; the BFF is assumed to run in the same zone. */
function paymentDate(text: string): string {
  const match = PAYMENT_DATE.exec(text);
  if (!match) throw upstreamError('ubilling xmlagent payments: a date is not Y-m-d H:i:s');
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(year!, month! - 1, day, hour, minute, second).toISOString();
}

/** Newest first; XMLAgent gives no note, only the sum and the balance before it. */
export function mapPayments(rows: readonly PaymentRow[], currency: string): Payment[] {
  return rows
    .map((row) => ({ date: paymentDate(row.date), amount: toMoney(row.summ, currency), note: null }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export function mapContacts(contragent: Contragent | null): SupportContacts | null {
  if (!contragent) return null;
  const contacts: SupportContacts = {
    name: textOrNull(contragent.contrname) ?? textOrNull(contragent.agnameabbr),
    phone: textOrNull(contragent.phone),
    email: textOrNull(contragent.agmail),
    address: textOrNull(contragent.phisaddr) ?? textOrNull(contragent.juraddr),
    website: textOrNull(contragent.siteurl),
  };
  return Object.values(contacts).some((value) => value !== null) ? contacts : null;
}
