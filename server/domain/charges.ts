import { addDays } from '../../shared/dates.js';
import { fromMinorUnits, toMinorUnits } from '../../shared/money.js';
import { CabinetError } from './errors.js';
import type { Charge, MonthSpend } from './types.js';

/** How far back the charges go: a year, as the billings keep them at hand. */
export const CHARGES_DAYS_BACK = 366;
const DEFAULT_DAYS = 31;
const MAX_MONTHS = 12;

/** The period asked for, checked: `to` defaults to today and `from` to a month before it; never past today, never more than a year back. */
export function chargesPeriod(from: string | null | undefined, to: string | null | undefined, today: string): { from: string; to: string } {
  const end = to ?? today;
  const start = from ?? addDays(end, -DEFAULT_DAYS + 1);
  if (start > end) throw new CabinetError('BAD_USER_INPUT', '"from" must not be after "to"');
  const earliest = addDays(today, -CHARGES_DAYS_BACK);
  return { from: start < earliest ? earliest : start, to: end > today ? today : end };
}

/** The first day of the month `months - 1` months before today's: where monthlySpend starts. */
export function monthsPeriod(months: number, today: string): { from: string; to: string; months: string[] } {
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) throw new CabinetError('BAD_USER_INPUT', `"months" must be 1 to ${MAX_MONTHS}`);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const list = Array.from({ length: months }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (months - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
  return { from: `${list[0]}-01`, to: today, months: list };
}

/**
 * What each month cost, oldest first, every month listed (a month without charges costs 0): per
 * name and kind, in the order first charged. `monthOf` gives a charge's month in the billing's zone.
 */
export function monthlySpend(charges: readonly Charge[], months: readonly string[], currency: string, monthOf: (instant: string) => string): MonthSpend[] {
  return months.map((month) => {
    const items = new Map<string, { name: string; kind: Charge['kind']; units: bigint }>();
    for (const charge of [...charges].reverse()) {
      if (monthOf(charge.date) !== month) continue;
      const key = `${charge.kind}\u0000${charge.name}`;
      const item = items.get(key) ?? { name: charge.name, kind: charge.kind, units: 0n };
      item.units += toMinorUnits(charge.amount.amount) ?? 0n;
      items.set(key, item);
    }
    const list = [...items.values()].filter((item) => item.units !== 0n);
    const total = list.reduce((sum, item) => sum + item.units, 0n);
    return {
      month,
      total: { amount: fromMinorUnits(total), currency },
      items: list.map((item) => ({ name: item.name, kind: item.kind, amount: { amount: fromMinorUnits(item.units), currency } })),
    };
  });
}
