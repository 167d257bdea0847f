import type { z } from 'zod';
import { money, toMinorUnits } from '../../../shared/money.js';
import type {
  AccountStatus,
  Payment,
  PromisePay,
  ResetChannel,
  Service,
  Spend,
  Subscriber,
  Tariff,
} from '../../domain/types.js';
import { carbonInstant, type getUserAnswer, type payLogAnswer, type promisePayListAnswer, type userInfoAnswer, type uslugaListAnswer } from './responses.js';

export type CarbonUser = z.infer<typeof getUserAnswer>['user'];
export type CarbonUserInfo = z.infer<typeof userInfoAnswer>;
export type CarbonUslugaList = z.infer<typeof uslugaListAnswer>;
export type CarbonPromisePayList = z.infer<typeof promisePayListAnswer>;
export type CarbonPayLog = z.infer<typeof payLogAnswer>;

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant in the BFF's zone, which is taken as the billing's. */
export function localDate(instant: Date): string {
  const month = String(instant.getMonth() + 1).padStart(2, '0');
  const day = String(instant.getDate()).padStart(2, '0');
  return `${instant.getFullYear()}-${month}-${day}`;
}

/** Whole days from one calendar date to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The account number from "№ 10001466 Баланс: -120.50", the only place Carbon's cabinet shows it
 * (every seen client reads it there). The balance in that text is never used: user_info has it.
 */
export function accountNumberFromDisplay(display: string | null): string | null {
  return display ? (/№\s*([^\s,;]+)/.exec(display)?.[1] ?? null) : null;
}

const isPositive = (amount: string | null): amount is string => amount !== null && (toMinorUnits(amount) ?? 0n) > 0n;

export function accountStatus(user: CarbonUser, info: CarbonUserInfo, today: string): AccountStatus {
  const { own_disabled_start: frozenFrom, own_disabled_end: frozenTo } = user.abonent;
  if (user.enabled === false) return 'DISABLED';
  if (frozenFrom !== null && frozenFrom <= today && (frozenTo === null || today <= frozenTo)) return 'FROZEN';
  if (info.in_block === true) return 'BLOCKED';
  if ((toMinorUnits(info.balance) ?? 0n) < 0n) return 'DEBT';
  return 'ACTIVE';
}

/** Days of service left: 0 once there is no service, null when Carbon gives no date. */
export function daysLeft(status: AccountStatus, paidUntil: string | null, today: string): number | null {
  if (status === 'BLOCKED' || status === 'DISABLED') return 0;
  if (paidUntil === null) return null;
  return Math.max(0, daysBetween(today, paidUntil));
}

function tariff(name: string | null, fee: string | null, currency: string): Tariff | null {
  if (name === null) return null;
  return { name, fee: fee === null ? null : money(fee, currency), period: fee === null ? null : 'MONTH', speedIn: null, speedOut: null };
}

function address(user: CarbonUser): string | null {
  const { __home: home, a_home_number: apartment } = user.abonent;
  if (home === null) return null;
  return apartment === null ? home : `${home}, кв. ${apartment}`;
}

export function mapSubscriber(user: CarbonUser, info: CarbonUserInfo, today: string, currency: string, login: string): Subscriber {
  const status = accountStatus(user, info, today);
  const paidUntil = info.enough_to_date;
  const toPay = [info.minimal_pay_sum, user.abonent.minimal_pay_sum, info.recomend_pay_sum, user.abonent.recomend_pay_sum].find(isPositive);
  return {
    login: user.login ?? login,
    fullName: user.__abonent ?? user.abonent.name,
    contractNumber: user.abonent.contract_number,
    accountNumber: accountNumberFromDisplay(user.abonent.__account),
    balance: { amount: info.balance, currency },
    credit: null,
    status,
    tariff: tariff(user.abonent.__tarif, user.abonent_pay, currency),
    nextTariff: tariff(user.abonent.__tarif_next, null, currency),
    daysLeft: daysLeft(status, paidUntil, today),
    paidUntil,
    amountToPay: toPay === undefined ? null : { amount: toPay, currency },
    address: address(user),
    phone: user.abonent.sms ?? user.phone,
    email: user.abonent.email ?? user.email,
  };
}

type Binding = CarbonUslugaList[1][number];
type Usluga = CarbonUslugaList[0][number];

/** The service name of a binding: the text before ":" of "__usluga" (or of "__self"). [carbon.md §4.4] */
export function bindingServiceName(binding: Binding): string | null {
  const display = binding.__usluga ?? binding.__self;
  return display?.split(':')[0]?.trim() || null;
}

function bindingOf(usluga: Usluga, bindings: readonly Binding[]): Binding | undefined {
  return bindings.find((binding) =>
    binding.usluga_id != null ? binding.usluga_id === usluga.pk : bindingServiceName(binding) === usluga.name,
  );
}

function mapService(usluga: Usluga, connected: boolean, currency: string): Service {
  return {
    id: usluga.pk,
    name: usluga.name,
    description: usluga.comments,
    price: usluga.summa === null ? null : money(usluga.summa, currency),
    connected,
    canConnect: !connected,
    canDisconnect: connected && usluga.web_allow_disable === true,
    pending: false,
  };
}

/** The services the cabinet may show (is_show_web "1"), each marked connected when a binding names it. */
export function mapServices([available, bindings]: CarbonUslugaList, currency: string): Service[] {
  return available
    .filter((usluga) => usluga.is_show_web === true)
    .map((usluga) => mapService(usluga, bindingOf(usluga, bindings) !== undefined, currency));
}

/** The tariff's monthly fee first, then each connected service that costs something. */
export function mapSpends(user: CarbonUser, [available, bindings]: CarbonUslugaList, currency: string): Spend[] {
  const spends: Spend[] = [];
  const tariffName = user.abonent.__tarif;
  if (tariffName !== null && user.abonent_pay !== null) spends.push({ name: tariffName, price: { amount: user.abonent_pay, currency }, period: 'MONTH' });
  for (const binding of bindings) {
    const name = bindingServiceName(binding);
    const price = binding.debit ?? available.find((usluga) => usluga.name === name)?.summa ?? null;
    if (name !== null && isPositive(price)) spends.push({ name, price: { amount: price, currency }, period: 'MONTH' });
  }
  return spends;
}

export function mapPromisePay(user: CarbonUser, offers: CarbonPromisePayList, currency: string): PromisePay {
  const { promise_pay: amount, promise_date_end: until } = user.abonent;
  return {
    active: isPositive(amount) ? { amount: { amount, currency }, until } : null,
    offers: offers.map((offer) => ({
      id: offer.id,
      amount: { amount: offer.summa, currency },
      days: offer.days,
      fee: offer.price === null ? null : { amount: offer.price, currency },
      description: offer.name,
    })),
  };
}

/** Payments newest first; an item whose date Carbon wrote in a way we cannot read is left out rather than misdated. */
export function mapPayments(log: CarbonPayLog, currency: string): Payment[] {
  const payments: Payment[] = [];
  for (const item of log.items) {
    const date = carbonInstant(item.op_date);
    if (date !== null) payments.push({ date, amount: { amount: item.op_summa, currency }, note: item.descr });
  }
  return payments.sort((a, b) => b.date.localeCompare(a.date));
}

/** Where Carbon says it sent the code, e.g. "Код отправлен по SMS на номер +380*****67". [inferred] */
export function resetChannel(message: string | null): ResetChannel {
  if (message === null) return 'UNKNOWN';
  if (/\bsms\b|смс/i.test(message)) return 'SMS';
  if (/e-?mail|почт/i.test(message)) return 'EMAIL';
  return 'UNKNOWN';
}

/** A Carbon date argument, dd.MM.yyyy as the cabinet methods take them. [seen: block_user, get_pay_log] */
export function cabinetDateArg(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
