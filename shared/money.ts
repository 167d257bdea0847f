/**
 * Money is carried as decimal strings ("-12.50") and summed in integer minor units, so no float
 * ever decides what a subscriber owes.
 */
export interface Money {
  amount: string;
  currency: string;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Minor units (cents, kopiykas) of a decimal string or number; null when it is not a number. */
export function toMinorUnits(value: string | number): bigint | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(2) : '') : value.trim().replace(',', '.');
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  const roundUp = fraction.length > 2 && Number(fraction[2]) >= 5 ? 1n : 0n;
  const magnitude = cents + roundUp;
  return sign === '-' ? -magnitude : magnitude;
}

export function fromMinorUnits(units: bigint): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const whole = magnitude / 100n;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** The canonical two-digit decimal string of a billing value; null when the value is not a number. */
export function toDecimal(value: string | number): string | null {
  const units = toMinorUnits(value);
  return units === null ? null : fromMinorUnits(units);
}

export function money(amount: string | number, currency: string): Money | null {
  const decimal = toDecimal(amount);
  return decimal === null ? null : { amount: decimal, currency };
}

export function sumMoney(values: readonly Money[], currency: string): Money {
  let total = 0n;
  for (const value of values) total += toMinorUnits(value.amount) ?? 0n;
  return { amount: fromMinorUnits(total), currency };
}

export function isNegative(value: Money): boolean {
  return (toMinorUnits(value.amount) ?? 0n) < 0n;
}

/*
 * Exact decimal text. Some billings print their DOUBLE columns the way the database renders them:
 * "123.45", "-15.5", "0.30000000000000004", even "-5.551115123125783e-17" (Ubilling does). These
 * read that text exactly (no float), so a balance of -5.5e-17 is negative, as the billing sees it.
 */

const FLOAT_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

interface Exact {
  /** All the digits as one signed integer. */
  digits: bigint;
  /** How many of them are after the decimal point. */
  scale: number;
}

function parse(text: string): Exact | null {
  const match = FLOAT_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return null;
  const magnitude = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - Number(exponent);
  let digits = sign === '-' ? -magnitude : magnitude;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** True when the text is a number in the general float syntax Ubilling may send. */
export function isFloatText(text: string): boolean {
  return parse(text) !== null;
}

/** The same number as a plain decimal, never in exponent notation ("-5.5e-3" → "-0.0055"). */
export function plainDecimal(text: string): string | null {
  const exact = parse(text);
  if (!exact) return null;
  const negative = exact.digits < 0n;
  const magnitude = (negative ? -exact.digits : exact.digits).toString().padStart(exact.scale + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - exact.scale);
  const fraction = magnitude.slice(magnitude.length - exact.scale).replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Compares two numbers given as float text; throws on text that is not a number. */
export function compareDecimals(left: string, right: string): -1 | 0 | 1 {
  const a = parse(left);
  const b = parse(right);
  if (!a || !b) throw new TypeError('not a number');
  const scale = Math.max(a.scale, b.scale);
  const x = a.digits * 10n ** BigInt(scale - a.scale);
  const y = b.digits * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isBelowZero = (text: string) => compareDecimals(text, '0') < 0;
export const isAboveZero = (text: string) => compareDecimals(text, '0') > 0;

/** The negation of a float text, as a plain decimal. */
export function negateDecimal(text: string): string {
  const plain = plainDecimal(text);
  if (plain === null) throw new TypeError('not a number');
  if (plain === '0') return plain;
  return plain.startsWith('-') ? plain.slice(1) : `-${plain}`;
}
