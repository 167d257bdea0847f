/**
 * Calendar dates as "YYYY-MM-DD" strings, for the BFF and the PWA alike. A calendar date is a day,
 * not an instant: which day an instant falls on depends on a time zone, so `ymd` says which one.
 * Arithmetic on dates is calendar arithmetic (done in UTC, where every day has 24 hours), so a
 * daylight-saving change never moves a date by one.
 */

/** Milliseconds in 24 hours, for arithmetic on instants ("now + 3 × 24 h", as PHP's time() + 86400 × n). */
export const DAY_MS = 86_400_000;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The calendar date of an instant in `timeZone` (an IANA name such as "Europe/Kyiv"); without one,
 * in the zone of the process or the device that runs this.
 */
export function ymd(instant: Date, timeZone?: string): string {
  if (timeZone === undefined) return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "YYYY-MM-DD HH:MM:SS" in the local zone: how billings write their zone-less date-times. */
export function localDateTime(instant: Date): string {
  return `${ymd(instant)} ${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())}`;
}

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one date to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** How many days the month of `date` has (28 to 31). */
export function daysInMonth(date: string): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the month after the one of `date`. */
export function firstOfNextMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
