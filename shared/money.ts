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
