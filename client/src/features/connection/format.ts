/**
 * Byte counts in decimal units (1 KB = 1000 bytes, as Intl names them), through Intl so that
 * "1,5 ГБ" and "1.5 GB" follow the language. The counts arrive as decimal strings; a Number is
 * exact far past any month's traffic.
 */
import { numberFormat } from '../../i18n/format.js';

const UNITS = [
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'kilobyte', size: 1e3 },
] as const;

export function formatBytes(locale: string, bytes: string): string {
  const count = Number(bytes);
  const { unit, size } = UNITS.find((candidate) => count >= candidate.size) ?? { unit: 'byte', size: 1 };
  return numberFormat(locale, { style: 'unit', unit, maximumFractionDigits: count >= 10 * size ? 0 : 1 }).format(count / size);
}

/** A percentage the billing gives as a decimal string ("5" is 5 %). */
export function formatPercent(locale: string, percent: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(Number(percent) / 100);
}

export function formatPlainNumber(locale: string, value: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(Number(value));
}
