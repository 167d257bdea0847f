/** Display formatting through Intl only. Amounts arrive as decimal strings; they become numbers here for display alone. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Building a format is the slow part of Intl (the first one loads the browser's data): each locale and options are built once, here, for the whole app. */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = build();
    formats.set(key, format);
  }
  return format;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** "120 ₴", "-12,50 ₴", "$5.25": the narrow symbol, and no ",00" on whole amounts. */
export function formatMoney(locale: string, value: MoneyValue): string {
  return numberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    currencyDisplay: 'narrowSymbol',
    trailingZeroDisplay: 'stripIfInteger',
  }).format(Number(value.amount));
}

/** The amount without its sign, for sentences like "top up 120 ₴". */
export function formatMoneyMagnitude(locale: string, value: MoneyValue): string {
  return formatMoney(locale, { ...value, amount: value.amount.replace(/^[-+]/, '') });
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (YYYY-MM-DD) as "3 December", with the year only when it is not this year's.
 * It names a day, so no time zone may shift it.
 */
export function formatCalendarDate(locale: string, date: string, now: Date = new Date()): string {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return date;
  const year = Number(match[1]);
  const utc = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
  if (year !== now.getFullYear()) options.year = 'numeric';
  return dateFormat(locale, options).format(utc);
}

/** An instant as a short local date, e.g. "21.11.2026" or "Nov 21, 2026". */
export function formatInstantDate(locale: string, instant: string | Date): string {
  return dateFormat(locale, { dateStyle: 'medium' }).format(new Date(instant));
}

/** A recent instant (when a dashboard was saved, a message sent): "10:42" today, "21 Nov, 10:42" on another day. */
export function formatRecentTime(locale: string, instant: string | Date, now: Date = new Date()): string {
  const moment = new Date(instant);
  const sameDay = moment.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return dateFormat(locale, options).format(moment);
}

/** A speed the billing gives in kbit/s, shown in Mbit/s from 1 Mbit/s up. */
export function formatSpeed(locale: string, kbitPerSecond: number): string {
  if (kbitPerSecond >= 1000) {
    return numberFormat(locale, { style: 'unit', unit: 'megabit-per-second', maximumFractionDigits: 1 }).format(kbitPerSecond / 1000);
  }
  return numberFormat(locale, { style: 'unit', unit: 'kilobit-per-second' }).format(kbitPerSecond);
}
