import type { z } from 'zod';
import { daysBetween } from '../../../shared/dates.js';
import { money, toMinorUnits } from '../../../shared/money.js';
import type {
  AccountStatus,
  Charge,
  ChargeKind,
  Invoice,
  InvoiceLine,
  PauseInfo,
  PauseRefusal,
  Payment,
  PromisePay,
  ResetChannel,
  Service,
  Spend,
  Subscriber,
  Tariff,
  Ticket,
  TicketMessage,
  TicketStatus,
} from '../../domain/types.js';
import { mapCarbonService } from '../carbon-catalogue.js';
import { carbonInstant, datePart } from '../carbon-dates.js';
import { upstreamError } from '../../domain/errors.js';
import {
  type helpdeskCommentsAnswer,
  type helpdeskDialogsAnswer,
  type archAccountStackResult,
  type invoiceLinesResult,
  type invoicesResult,
  type getUserAnswer,
  type payLogAnswer,
  type promisePayListAnswer,
  type userInfoAnswer,
  type uslugaListAnswer,
} from './responses.js';

export type CarbonUser = z.infer<typeof getUserAnswer>['user'];
export type CarbonUserInfo = z.infer<typeof userInfoAnswer>;
export type CarbonUslugaList = z.infer<typeof uslugaListAnswer>;
export type CarbonPromisePayList = z.infer<typeof promisePayListAnswer>;
export type CarbonPayLog = z.infer<typeof payLogAnswer>;
export type CarbonBalanceChanges = z.infer<typeof archAccountStackResult>;
export type CarbonInvoices = z.infer<typeof invoicesResult>;
export type CarbonInvoiceLines = z.infer<typeof invoiceLinesResult>;
export type CarbonDialog = z.infer<typeof helpdeskDialogsAnswer>['items'][number];
export type CarbonComments = z.infer<typeof helpdeskCommentsAnswer>;

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
  return { name, fee: fee === null ? null : money(fee, currency), period: fee === null ? null : 'MONTH', speedIn: null, speedOut: null, includedTrafficMb: null };
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
  const recommended = [info.recomend_pay_sum, user.abonent.recomend_pay_sum].find(isPositive);
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
    recommendedToPay: recommended === undefined ? null : { amount: recommended, currency },
    nextChargeOn: user.abonent_pay_next_date,
    pausedUntil: status === 'FROZEN' ? user.abonent.own_disabled_end : null,
    address: address(user),
    phone: user.abonent.sms ?? user.phone,
    email: user.abonent.email ?? user.email,
    ipAddresses: user.ip === null ? [] : [user.ip],
    macAddresses: user.mac === null ? [] : [user.mac],
    creditUntil: null,
    nextTariffFrom: user.abonent.__tarif_next === null ? null : user.abonent.tarif_next_date,
    contractDate: user.abonent.contract_date,
    connectedSince: user.abonent.activate_date,
    // The cabinet methods tell neither the session state nor the counters.
    lastSeenOnline: null,
    online: null,
    trafficThisMonth: null,
    discountPercent: null,
    legalEntity: null,
    bonusPoints: null,
    // What Carbon's payment terminals take: the personal account, else the contract number.
    paymentId: accountNumberFromDisplay(user.abonent.__account) ?? user.abonent.contract_number,
  };
}

type Binding = CarbonUslugaList[1][number];
type Usluga = CarbonUslugaList[0][number];

/**
 * The service name of a binding: the text before ":" of "__usluga" (or of "__self"). A binding (an
 * item of get_usluga_list[1]) carries its own pk, not the service's, so clients match it to the
 * catalogue (get_usluga_list[0]) by that name. [seen: carbonlk, tele-com JS]
 */
export function bindingServiceName(binding: Binding): string | null {
  const display = binding.__usluga ?? binding.__self;
  return display?.split(':')[0]?.trim() || null;
}

function bindingOf(usluga: Usluga, bindings: readonly Binding[]): Binding | undefined {
  return bindings.find((binding) =>
    binding.usluga_id != null ? binding.usluga_id === usluga.pk : bindingServiceName(binding) === usluga.name,
  );
}

/** The services the cabinet may show (is_show_web "1"), each marked connected when a binding names it. */
export function mapServices([available, bindings]: CarbonUslugaList, currency: string): Service[] {
  return available
    .filter((usluga) => usluga.is_show_web === true)
    .map((usluga) => mapCarbonService({ ...usluga, id: usluga.pk, comment: usluga.comments }, bindingOf(usluga, bindings) !== undefined, currency));
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
    // Carbon names its debt limit only in the refusal of add_promise_pay.
    refusal: null,
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

/**
 * Write-offs from ArchAccountStack, newest first: a negative summa is money taken (a positive
 * charge); money coming in is a payment, not a charge, and is left out. A storno Carbon still lists
 * (the filter asks for storno 0) is left out too.
 */
export function mapCharges(changes: CarbonBalanceChanges, currency: string): Charge[] {
  const charges: Charge[] = [];
  for (const { fields } of changes) {
    const date = carbonInstant(fields.change_balance_time);
    const units = toMinorUnits(fields.summa) ?? 0n;
    if (date === null || units >= 0n || isStorno(fields.storno)) continue;
    const kind: ChargeKind = fields.tarif != null || fields.__tarif !== null ? 'TARIFF' : fields.usluga != null || fields.__usluga !== null ? 'SERVICE' : 'OTHER';
    charges.push({
      date,
      amount: { amount: fields.summa.replace(/^-/, ''), currency },
      name: fields.__tarif ?? fields.__usluga ?? '',
      kind,
      note: fields.comment,
    });
  }
  return charges.sort((a, b) => b.date.localeCompare(a.date));
}

const isStorno = (value: number | string | boolean | null | undefined) => value === true || (value != null && value !== false && String(value) !== '0');

/** Where Carbon says it sent the code, e.g. "Код отправлен по SMS на номер +380*****67". [inferred] */
export function resetChannel(message: string | null): ResetChannel {
  if (message === null) return 'UNKNOWN';
  if (/\bsms\b|смс/i.test(message)) return 'SMS';
  if (/e-?mail|почт/i.test(message)) return 'EMAIL';
  return 'UNKNOWN';
}

/** Words of Carbon's closed ticket states ("Закрыта", "Выполнена", "Решена"); [inferred] anything else is open. */
const CLOSED_TICKET = /закрыт|выполнен|решен|заверш|closed|done/i;

export function ticketStatus(status: string | null): TicketStatus {
  return status !== null && CLOSED_TICKET.test(status) ? 'CLOSED' : 'OPEN';
}

/** Newest first. */
export function mapTickets(dialogs: CarbonDialog[]): Ticket[] {
  return dialogs
    .map((dialog) => ({ id: dialog.id, subject: dialog.subject, status: ticketStatus(dialog.status), createdAt: dialog.createdAt }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The ticket's own text opens the conversation; the comments follow, oldest first. */
export function mapTicketMessages(dialog: CarbonDialog, comments: CarbonComments): TicketMessage[] {
  const opening: TicketMessage[] = dialog.text ? [{ from: 'SUBSCRIBER', text: dialog.text, at: dialog.createdAt }] : [];
  const replies = comments
    .filter((comment) => comment.text !== '')
    .sort((a, b) => a.at.localeCompare(b.at) || Number(a.id ?? 0) - Number(b.id ?? 0))
    .map((comment): TicketMessage => ({ from: comment.bySubscriber ? 'SUBSCRIBER' : 'ISP', text: comment.text, at: comment.at }));
  return [...opening, ...replies];
}

/**
 * The voluntary block (own_disabled_start..own_disabled_end) as a pause. Carbon's cabinet neither
 * states a price nor lets a block be lifted, so the fees are unknown and only the ISP ends one; a
 * block is for whole days the subscriber picks, from today on, at most `maxDays` long.
 */
export function mapPause(user: CarbonUser, info: CarbonUserInfo, today: string, maxDays: number): PauseInfo {
  const { own_disabled_start: from, own_disabled_end: to } = user.abonent;
  const status = accountStatus(user, info, today);
  const booked = from !== null && (to === null || to >= today);
  const refusal: PauseRefusal | null =
    status === 'FROZEN' ? null : booked ? 'ALREADY_PAUSED' : status === 'BLOCKED' || status === 'DISABLED' ? 'ACCOUNT_BLOCKED' : null;
  return {
    available: status !== 'FROZEN' && refusal === null,
    active: status === 'FROZEN',
    from: booked ? from : null,
    to: booked ? to : null,
    activationFee: null,
    pricePerMonth: null,
    daysAllowed: null,
    daysUsed: null,
    rules: { refusal, earliestStart: today, chooseStart: true, endRequired: true, maxDays, canEnd: false },
  };
}

const magnitude = (decimal: string) => decimal.replace(/^-/, '');

/** FinanceOperations invoices (op_type 5), newest first; one whose date cannot be read is UPSTREAM_ERROR, never a made-up day. */
export function mapInvoices(invoices: CarbonInvoices, currency: string): Invoice[] {
  return invoices
    .map(({ pk, fields }): Invoice => {
      const date = datePart(fields.op_date);
      if (date === null) throw upstreamError('carbon5 FinanceOperations: an invoice date is not a date');
      return { id: pk, number: fields.number, date, periodEnd: datePart(fields.period_end_date), total: { amount: magnitude(fields.op_summa), currency } };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id, 'en', { numeric: true }));
}

/** FinanceOperationsDetail lines in Carbon's order; a line without a name of its own takes its service's. */
export function mapInvoiceLines(lines: CarbonInvoiceLines, currency: string): InvoiceLine[] {
  return lines.map(({ fields }) => ({ name: fields.name ?? fields.usluga ?? '', amount: { amount: fields.price, currency }, quantity: fields.vv }));
}
