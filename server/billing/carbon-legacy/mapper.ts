import { fromMinorUnits, money, toMinorUnits } from '../../../shared/money.js';
import type { AccountStatus, Charge, Payment, PromisePay, PromisePayOffer, Service, Spend, Subscriber, Tariff } from '../../domain/types.js';
import { mapCarbonService } from '../carbon-catalogue.js';
import { carbonInstant } from '../carbon-dates.js';
import type { FinOperRow, UslugaRow, UsrGetRow, UsrUslugaRow } from './responses.js';

/** FIN_OPER's OP_TYPE for money paid in ("2 - тип операции(приход)", CLN_FIN_OPER_ADD). [known] */
export const PAYMENT_OP_TYPE = '2';
/** FIN_OPER's OP_TYPE for money written off. [inferred: the other type CLN_FIN_OPER_ADD knows] */
export const CHARGE_OP_TYPE = '1';
/** The month daysLeft counts in: Carbon charges the monthly fee a day at a time. [inferred] */
const DAYS_IN_A_MONTH = 30n;

const minor = (amount: string | null) => (amount === null ? null : toMinorUnits(amount));
const isPositive = (amount: string | null): amount is string => (minor(amount) ?? 0n) > 0n;

/**
 * In the order Carbon applies them: a disabled account (ENABLED 0); the subscriber's own pause
 * (OWN_DISABLED_END not yet passed); cut off for reaching the limit or failing the automatic charge
 * (LIMIT_LOCK, AUTO_ACCOUNT_LOCK); a negative balance. [inferred from the field names]
 */
export function accountStatus(row: UsrGetRow, today: string): AccountStatus {
  if (row.enabled === false) return 'DISABLED';
  if (row.own_disabled_end !== null && today <= row.own_disabled_end) return 'FROZEN';
  if (row.limit_lock === true || row.auto_account_lock === true) return 'BLOCKED';
  if ((minor(row.balance) ?? 0n) < 0n) return 'DEBT';
  return 'ACTIVE';
}

/**
 * api.php has no "paid until", so the cabinet counts: the whole days the balance pays at the
 * tariff's monthly fee (ABONENT_PAY) taken a thirtieth a day. 0 when there is no service or no money;
 * null when the fee is unknown or zero, or while the subscriber's pause stops the charges.
 */
export function daysLeft(row: UsrGetRow, status: AccountStatus): number | null {
  if (status === 'DISABLED' || status === 'BLOCKED') return 0;
  if (status === 'FROZEN' || !isPositive(row.abonent_pay)) return null;
  const balance = minor(row.balance) ?? 0n;
  if (balance <= 0n) return 0;
  return Number((balance * DAYS_IN_A_MONTH) / (minor(row.abonent_pay) ?? 1n));
}

/** The tariff's name from TARIF_TXT, without the tariff's own id in front of it ("21 Домашний 100"). [inferred] */
export function tariffName(row: UsrGetRow): string | null {
  const display = row.tarif_txt;
  if (display === null) return null;
  const name = row.tarif_id === null ? display : display.replace(new RegExp(`^${row.tarif_id}(?:[.:)\\]]|\\s)\\s*`), '');
  return name.trim() || display;
}

function tariff(row: UsrGetRow, currency: string): Tariff | null {
  const name = tariffName(row);
  if (name === null) return null;
  const fee = row.abonent_pay === null ? null : money(row.abonent_pay, currency);
  return { name, fee, period: fee === null ? null : 'MONTH', speedIn: null, speedOut: null, includedTrafficMb: null };
}

/**
 * An IPv4 address from Firebird's INTEGER, which holds it as a signed 32-bit number in network
 * order ("169090600" is 10.20.30.40, "-1062731775" is 192.168.0.1); 0, empty or out of range is none.
 */
export function ipv4FromInteger(value: string | null): string | null {
  if (value === null) return null;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number === 0 || number < -(2 ** 31) || number >= 2 ** 32) return null;
  const unsigned = number >>> 0;
  return [24, 16, 8, 0].map((shift) => (unsigned >>> shift) & 255).join('.');
}

export function mapSubscriber(row: UsrGetRow, today: string, currency: string): Subscriber {
  const status = accountStatus(row, today);
  return {
    login: row.login,
    fullName: row.name,
    contractNumber: row.contract_number,
    accountNumber: null,
    balance: { amount: row.balance, currency },
    credit: null,
    status,
    tariff: tariff(row, currency),
    // PLAN_NEXT_ID is an id without a name.
    nextTariff: null,
    daysLeft: daysLeft(row, status),
    paidUntil: null,
    amountToPay: null,
    recommendedToPay: null,
    nextChargeOn: null,
    pausedUntil: null,
    address: null,
    phone: row.sms,
    email: row.email,
    ipAddresses: [ipv4FromInteger(row.ip)].filter((ip) => ip !== null),
    macAddresses: row.mac === null ? [] : [row.mac],
    creditUntil: null,
    nextTariffFrom: null,
    contractDate: null,
    connectedSince: row.create_date,
    lastSeenOnline: null,
    online: row.logged,
    trafficThisMonth: null,
    discountPercent: null,
    legalEntity: null,
    bonusPoints: null,
    paymentId: row.contract_number,
  };
}

/** The binding that connects a service, when the subscriber has one that is not switched off. */
export function bindingOf(service: UslugaRow, bindings: readonly UsrUslugaRow[]): UsrUslugaRow | undefined {
  return bindings.find((binding) => binding.usluga_id === service.id && binding.enabled !== false);
}

/** The services the cabinet may show (IS_SHOW_WEB "1"), each marked connected when the subscriber has a binding to it. */
export function mapServices(catalogue: readonly UslugaRow[], bindings: readonly UsrUslugaRow[], currency: string): Service[] {
  return catalogue
    .filter((service) => service.is_show_web === true)
    .map((service) => mapCarbonService(service, bindingOf(service, bindings) !== undefined, currency));
}

/** The tariff's monthly fee first, then each connected service that costs something, shown in the cabinet or not. */
export function mapSpends(row: UsrGetRow, catalogue: readonly UslugaRow[], bindings: readonly UsrUslugaRow[], currency: string): Spend[] {
  const spends: Spend[] = [];
  const name = tariffName(row);
  if (name !== null && row.abonent_pay !== null) spends.push({ name, price: { amount: row.abonent_pay, currency }, period: 'MONTH' });
  for (const service of catalogue) {
    if (isPositive(service.summa) && bindingOf(service, bindings)) spends.push({ name: service.name, price: { amount: service.summa, currency }, period: 'MONTH' });
  }
  return spends;
}

/** A promised payment in force: a positive PROMISE_PAY whose PROMISE_DATE_END has not passed. */
export function activePromisePay(row: UsrGetRow, today: string, currency: string): PromisePay['active'] {
  if (!isPositive(row.promise_pay)) return null;
  if (row.promise_date_end !== null && row.promise_date_end < today) return null;
  return { amount: { amount: row.promise_pay, currency }, until: row.promise_date_end };
}

/**
 * WEB_USER_PROMISE_PAY takes an amount and Carbon has no list of offers, so the cabinet offers one:
 * the debt plus a month's fee, enough to bring service back for a month. Its id is the amount, so
 * the offer taken is the one shown or none. No offer while one is in force, for a disabled account,
 * or when the fee is unknown; whether the billing grants it is the billing's call.
 */
export function promisePayOffers(row: UsrGetRow, today: string, currency: string, termDays: number): PromisePayOffer[] {
  if (activePromisePay(row, today, currency) !== null || row.enabled === false || !isPositive(row.abonent_pay)) return [];
  const debt = minor(row.balance) ?? 0n;
  const amount = fromMinorUnits((minor(row.abonent_pay) ?? 0n) + (debt < 0n ? -debt : 0n));
  return [{ id: amount, amount: { amount, currency }, days: termDays, fee: null, description: null }];
}

export function mapPromisePay(row: UsrGetRow, today: string, currency: string, termDays: number): PromisePay {
  return {
    active: activePromisePay(row, today, currency),
    offers: promisePayOffers(row, today, currency, termDays),
    refusal: null,
  };
}

/** Payments newest first: operations of type "приход" of this subscriber; one whose date cannot be read is left out rather than misdated. */
export function mapPayments(rows: readonly FinOperRow[], userId: string, currency: string): Payment[] {
  const payments: Payment[] = [];
  for (const row of rows) {
    if ((row.user_id !== null && row.user_id !== userId) || (row.op_type !== null && row.op_type !== PAYMENT_OP_TYPE)) continue;
    const date = carbonInstant(row.op_date);
    if (date !== null) payments.push({ date, amount: { amount: row.summa, currency }, note: row.descr });
  }
  return payments.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Write-offs newest first, as positive amounts: FIN_OPER keeps them negative. A positive row of the
 * same type gives money back (a storno) and shows as a negative charge. Carbon does not say what a
 * row was for beyond its text, so every one is OTHER.
 */
export function mapCharges(rows: readonly FinOperRow[], userId: string, currency: string): Charge[] {
  const charges: Charge[] = [];
  for (const row of rows) {
    if ((row.user_id !== null && row.user_id !== userId) || row.op_type !== CHARGE_OP_TYPE) continue;
    const date = carbonInstant(row.op_date);
    const units = minor(row.summa) ?? 0n;
    if (date === null || units === 0n) continue;
    charges.push({ date, amount: { amount: fromMinorUnits(-units), currency }, name: row.descr ?? '', kind: 'OTHER', note: null });
  }
  return charges.sort((a, b) => b.date.localeCompare(a.date));
}
