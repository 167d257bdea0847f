import { createHash } from 'node:crypto';
import { DAY_MS, firstOfNextMonth, ymd } from '../../../shared/dates.js';
import { compareDecimals, fromMinorUnits, isAboveZero, isBelowZero, money, negateDecimal, plainDecimal, toMinorUnits } from '../../../shared/money.js';
import { upstreamError } from '../../domain/errors.js';
import { htmlToText } from '../../domain/plain-text.js';
import type {
  AccountStatus,
  Announcement,
  Charge,
  ChargeKind,
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
  Traffic,
  Ticket,
  TicketMessage,
} from '../../domain/types.js';
import type { AnnouncementRow, ChargeLine, Contragent, FeeChargeRow, PaymentRow, TicketRow, UserRow, Userdata } from './replies.js';

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
  return { daysLeft: code, paidUntil: ymd(new Date(now.getTime() + (code - 1) * DAY_MS)) };
}

export function tariffPeriod(period: string | null): ChargePeriod | null {
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
    includedTrafficMb: null,
  };
}

const SIZE_UNITS: Record<string, bigint> = { b: 1n, kb: 1024n, mb: 1024n ** 2n, gb: 1024n ** 3n, tb: 1024n ** 4n };

/**
 * Bytes from userstats' "12.34 Gb" (zbs_convert_size: two decimals, units of 1024). Ubilling rounds
 * to two decimals of the unit, so the byte count is as exact as the billing prints it.
 */
export function bytesFromSize(text: string | null | undefined): string | null {
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*([KMGT]?b)\s*$/i.exec(text ?? '');
  if (!match) return null;
  const [, whole = '0', fraction = '', unit = 'b'] = match;
  const unitBytes = SIZE_UNITS[unit.toLowerCase()] ?? 1n;
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return String((hundredths * unitBytes + 50n) / 100n);
}

export function mapTraffic(userdata: Pick<Userdata, 'traffdownload' | 'traffupload'> | null): Traffic | null {
  const downloadBytes = bytesFromSize(userdata?.traffdownload);
  const uploadBytes = bytesFromSize(userdata?.traffupload);
  return downloadBytes === null || uploadBytes === null ? null : { downloadBytes, uploadBytes };
}

/** A MySQL DATE as Ubilling prints it; "0000-00-00" and anything else is no date. */
function calendarDate(text: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === match[0] ? match[0] : null;
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
      nextTariffName && nextTariffName !== 'No' ? { name: nextTariffName, fee: null, period: null, speedIn: null, speedOut: null, includedTrafficMb: null } : null,
    ...mapDaysLeft(input.daysLeftCode, status, input.now),
    amountToPay: null,
    recommendedToPay: null,
    nextChargeOn: null,
    pausedUntil: null,
    address: textOrNull(userdata?.address),
    phone: textOrNull(userdata?.mobile) ?? textOrNull(userdata?.phone) ?? textOrNull(user.mobile),
    email: textOrNull(userdata?.email),
    ipAddresses: [textOrNull(userdata?.ip)].filter((ip) => ip !== null),
    // XMLAgent's profile has no MAC; RemoteAPI's userbyip would, at the cost of a call per request.
    macAddresses: [],
    creditUntil: isAboveZero(user.Credit) && user.CreditExpire > 0 ? ymd(new Date(user.CreditExpire * 1000)) : null,
    nextTariffFrom: nextTariffName && nextTariffName !== 'No' ? firstOfNextMonth(ymd(input.now)) : null,
    contractDate: calendarDate(userdata?.contractdate),
    connectedSince: null,
    lastSeenOnline: null,
    online: null,
    trafficThisMonth: mapTraffic(userdata),
    discountPercent: null,
    legalEntity: null,
    bonusPoints: null,
    paymentId: payId === '0' ? null : payId,
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
    until: user.CreditExpire > 0 ? ymd(new Date(user.CreditExpire * 1000)) : null,
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

const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Ubilling's DATETIME is the billing's local time; the BFF is assumed to run in the same zone. */
function ubillingInstant(text: string, call: string): string {
  const match = DATETIME.exec(text);
  if (!match) throw upstreamError(`ubilling xmlagent ${call}: a date is not Y-m-d H:i:s`);
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(year!, month! - 1, day, hour, minute, second).toISOString();
}

/**
 * Money paid in, newest first; XMLAgent gives no note, only the sum and the balance before it.
 * Negative rows are charges the billing books as payments (the promised-payment fee, SCFEE): not payments.
 */
export function mapPayments(rows: readonly PaymentRow[], currency: string): Payment[] {
  return rows
    .filter((row) => !row.summ.trim().startsWith('-'))
    .map((row) => ({ date: ubillingInstant(row.date, 'payments'), amount: toMoney(row.summ, currency), note: null }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Ubilling's own markers in a payment's note (SCFEE, AFFEE_XMLAGENT, MOCK:…, BALANCESET:…), not words for a subscriber. */
const MACHINE_NOTE = /^[A-Z][A-Z0-9_]*(?::|$)/;
/** The promised payment's fee, as userstats' creditor and RemoteAPI `sc` book it. */
const PROMISE_PAY_NOTE = /^SCFEE\b/;
/** A virtual service's charge whose service userstats could not name (deleted since). */
const UNNAMED_SERVICE = /^Service:/;

function feeKind(row: FeeChargeRow): { kind: ChargeKind; name: string; note: string | null } {
  const note = row.note.trim();
  if (row.type === 'mainsrv') return { kind: 'TARIFF', name: '', note: note || null };
  if (row.type === 'virtualsrv') return { kind: 'SERVICE', name: UNNAMED_SERVICE.test(note) ? '' : note, note: null };
  if (PROMISE_PAY_NOTE.test(note)) return { kind: 'PROMISE_PAY', name: '', note: null };
  return { kind: 'OTHER', name: MACHINE_NOTE.test(note) ? '' : note, note: null };
}

/**
 * XMLAgent `feecharges` as charges dated `from` to `to` (local days, both included), newest first.
 * `summ` is negative for money taken, so a charge is its negation and a positive row (a fee given back)
 * a storno with a negative amount; a row of 0 took nothing and is left out. The tariff's fee row does
 * not name the tariff, and the tariff now may not be the one charged then: its name stays empty.
 */
export function mapFeeCharges(rows: readonly FeeChargeRow[], period: { from: string; to: string }, currency: string): Charge[] {
  const charges: Charge[] = [];
  for (const row of rows) {
    const day = row.date.slice(0, 10);
    if (day < period.from || day > period.to) continue;
    const amount = toMoney(negateDecimal(row.summ), currency);
    if (amount.amount === '0.00') continue;
    charges.push({ date: ubillingInstant(row.date, 'feecharges'), amount, ...feeKind(row) });
  }
  return charges.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
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

const SUBJECT_LENGTH = 80;

export interface UbillingConversations {
  /** Newest first. */
  tickets: Ticket[];
  /** By ticket id, oldest first. */
  messages: Map<string, TicketMessage[]>;
}

/**
 * XMLAgent `tickets` rows as conversations: a row without `replyid` opens one, the rows naming it
 * follow. The ISP writes as "NULL"; a reply to a conversation not listed is left out. Ubilling keeps
 * no subject: the first line of the opening message stands for it.
 */
export function mapConversations(rows: readonly TicketRow[], login: string): UbillingConversations {
  const message = (row: TicketRow): TicketMessage => ({
    from: row.from !== null && row.from.toLowerCase() === login.toLowerCase() ? 'SUBSCRIBER' : 'ISP',
    text: row.text,
    at: ubillingInstant(row.date, 'tickets'),
  });
  // Oldest first, and by id within one second: Ubilling lists date DESC.
  const ordered = [...rows].sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
  const tickets: Ticket[] = [];
  const messages = new Map<string, TicketMessage[]>();
  for (const row of ordered) {
    if (row.replyid !== null) continue;
    const opening = message(row);
    const firstLine = row.text.trim().split('\n')[0]?.trim() ?? '';
    tickets.push({
      id: row.id,
      subject: firstLine === '' ? null : firstLine.length > SUBJECT_LENGTH ? `${firstLine.slice(0, SUBJECT_LENGTH - 1)}…` : firstLine,
      status: row.status === '1' ? 'CLOSED' : 'OPEN',
      createdAt: opening.at,
    });
    messages.set(row.id, [opening]);
  }
  for (const row of ordered) {
    if (row.replyid !== null) messages.get(row.replyid)?.push(message(row));
  }
  tickets.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { tickets, messages };
}

/** Newest first as Ubilling sends them; html ones reduced to plain text. Ubilling gives no date. */
export function mapAnnouncements(rows: readonly AnnouncementRow[]): Announcement[] {
  return rows.map((row) => {
    const html = row.type.toLowerCase() === 'html';
    return {
      id: row.unic,
      title: html ? htmlToText(row.title) : row.title.trim(),
      text: html ? htmlToText(row.text) : row.text.trim(),
      at: null,
      read: row.read,
    };
  });
}
