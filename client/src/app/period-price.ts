import type { I18n } from '../i18n/index.js';

/** A price with the period it is charged for: "250 ₴ a month". */
export function periodPrice(t: I18n, price: { amount: string; currency: string }, period: 'MONTH' | 'DAY' | null): string {
  const text = t.money(price);
  if (period === 'DAY') return t.m.perDay({ price: text });
  if (period === 'MONTH') return t.m.perMonth({ price: text });
  return text;
}
