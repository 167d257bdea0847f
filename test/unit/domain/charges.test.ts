import { describe, expect, it } from 'vitest';
import { chargesPeriod, monthlySpend, monthsPeriod } from '../../../server/domain/charges.js';
import type { Charge } from '../../../server/domain/types.js';

const charge = (date: string, amount: string, name: string, kind: Charge['kind'] = 'TARIFF'): Charge => ({ date, amount: { amount, currency: 'UAH' }, name, kind, note: null });
const monthOf = (instant: string) => instant.slice(0, 7);

describe('charges period', () => {
  it('defaults to the last month, keeps to a year back and never passes today', () => {
    expect(chargesPeriod(null, null, '2026-03-15')).toEqual({ from: '2026-02-13', to: '2026-03-15' });
    expect(chargesPeriod('2020-01-01', '2030-01-01', '2026-03-15')).toEqual({ from: '2025-03-14', to: '2026-03-15' });
    expect(() => chargesPeriod('2026-03-10', '2026-03-01', '2026-03-15')).toThrow(/from/);
  });

  it('lists the months back from this one, oldest first, and refuses more than twelve', () => {
    expect(monthsPeriod(3, '2026-01-20')).toEqual({ from: '2025-11-01', to: '2026-01-20', months: ['2025-11', '2025-12', '2026-01'] });
    expect(() => monthsPeriod(13, '2026-01-20')).toThrow(/months/);
    expect(() => monthsPeriod(0, '2026-01-20')).toThrow(/months/);
  });
});

describe('monthly spend', () => {
  it('sums each month per name and kind, a month without charges at 0, a storno netted', () => {
    const charges = [
      charge('2026-02-03T00:00:00Z', '-50.00', 'IPTV', 'SERVICE'),
      charge('2026-02-01T00:00:00Z', '50.00', 'IPTV', 'SERVICE'),
      charge('2026-02-01T00:00:00Z', '250.00', 'Home 100'),
      charge('2025-12-01T00:00:01Z', '5.00', 'Credit fee', 'PROMISE_PAY'),
      charge('2025-12-01T00:00:00Z', '250.00', 'Home 100'),
    ];
    expect(monthlySpend(charges, ['2025-12', '2026-01', '2026-02'], 'UAH', monthOf)).toEqual([
      {
        month: '2025-12',
        total: { amount: '255.00', currency: 'UAH' },
        items: [
          { name: 'Home 100', kind: 'TARIFF', amount: { amount: '250.00', currency: 'UAH' } },
          { name: 'Credit fee', kind: 'PROMISE_PAY', amount: { amount: '5.00', currency: 'UAH' } },
        ],
      },
      { month: '2026-01', total: { amount: '0.00', currency: 'UAH' }, items: [] },
      { month: '2026-02', total: { amount: '250.00', currency: 'UAH' }, items: [{ name: 'Home 100', kind: 'TARIFF', amount: { amount: '250.00', currency: 'UAH' } }] },
    ]);
  });
});
