import { z } from 'zod';

/**
 * Dates as both Carbon lines write and take them: Carbon Billing 5 (Django on PostgreSQL) and the
 * legacy 4.x api.php (Firebird) print "2025-01-31 23:59:59[.ffffff]" or "31.01.2025", in the
 * billing's local time and without a zone, and take date arguments as dd.MM.yyyy.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DOTTED_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;

/** The calendar date of a Carbon date or date-time ("2025-01-31 23:59:59.000000" or "31.01.2025"); null when it is not one. */
export function datePart(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const dotted = iso ? null : DOTTED_DATE.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : null;
}

/** A date or date-time field; its calendar date, or null. */
export const optionalDate = z
  .string()
  .nullish()
  .transform((value) => datePart(value));

/**
 * An instant from a Carbon date-time. Carbon writes its local time without a zone; the BFF runs next
 * to the billing, so its own zone is taken as the billing's. A bare date is read as local midnight.
 */
export function carbonInstant(text: string): string | null {
  const day = datePart(text);
  if (!day) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const time = DATE_TIME.exec(text.trim());
  const [hours, minutes, seconds] = time ? [Number(time[4]), Number(time[5]), Number(time[6] ?? 0)] : [0, 0, 0];
  return new Date(year, month - 1, date, hours, minutes, seconds).toISOString();
}

/** A date argument as Carbon's methods and procedures take it: dd.MM.yyyy. [seen: block_user, get_pay_log] */
export function dottedDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
