import { describe, expect, it } from 'vitest';
import { money, sumMoney, toDecimal, toMinorUnits } from '../../../shared/money.js';

describe('money', () => {
  it('normalises billing numbers and numeric strings to two-digit decimals', () => {
    expect(toDecimal('390.67')).toBe('390.67');
    expect(toDecimal(390.67)).toBe('390.67');
    expect(toDecimal('-120.5')).toBe('-120.50');
    expect(toDecimal('100')).toBe('100.00');
    expect(toDecimal('12,30')).toBe('12.30');
    expect(toDecimal('0.005')).toBe('0.01');
  });

  it('refuses what is not a number', () => {
    expect(toDecimal('abc')).toBeNull();
    expect(toDecimal('')).toBeNull();
    expect(toDecimal(Number.NaN)).toBeNull();
    expect(money('1e5', 'UAH')).toBeNull();
  });

  it('sums in minor units without float drift', () => {
    const parts = ['0.10', '0.20', '0.70'].map((amount) => ({ amount, currency: 'UAH' }));
    expect(sumMoney(parts, 'UAH')).toEqual({ amount: '1.00', currency: 'UAH' });
    expect(toMinorUnits('-0.01')).toBe(-1n);
  });
});
