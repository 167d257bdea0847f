import { describe, expect, it } from 'vitest';
import { promisePayToOffer } from '../../../server/domain/promise-pay-rules.js';
import type { PromisePay } from '../../../server/domain/types.js';

const money = (amount: string) => ({ amount, currency: 'UAH' });
const listed: PromisePay = { active: null, offers: [{ id: '7', amount: money('100.00'), days: 3, fee: null, description: null }], refusal: null };

describe('which promised payments a subscriber is offered', () => {
  it('offers what the billing lists to a subscriber in debt', () => {
    expect(promisePayToOffer(listed, { status: 'DEBT', balance: money('-20.50') })).toEqual(listed);
    expect(promisePayToOffer(listed, { status: 'BLOCKED', balance: money('0.00') })).toEqual(listed);
  });

  it('offers nothing, and says why, to a subscriber paused or switched off, or one whose balance is above zero', () => {
    expect(promisePayToOffer(listed, { status: 'FROZEN', balance: money('-5.00') })).toEqual({ active: null, offers: [], refusal: 'PAUSED' });
    expect(promisePayToOffer(listed, { status: 'DISABLED', balance: money('40.00') })).toEqual({ active: null, offers: [], refusal: 'PAUSED' });
    expect(promisePayToOffer(listed, { status: 'ACTIVE', balance: money('150.00') })).toEqual({ active: null, offers: [], refusal: 'NO_DEBT' });
  });

  it("keeps the billing's own reason, and drops any offer beside it", () => {
    const overLimit: PromisePay = { ...listed, refusal: 'DEBT_TOO_LARGE' };
    expect(promisePayToOffer(overLimit, { status: 'BLOCKED', balance: money('-900.00') })).toEqual({ active: null, offers: [], refusal: 'DEBT_TOO_LARGE' });
  });

  it('gives no reason while a promised payment runs: the running one is what the subscriber sees', () => {
    const running: PromisePay = { active: { amount: money('100.00'), until: '2026-11-27' }, offers: [], refusal: 'ALREADY_USED' };
    expect(promisePayToOffer(running, { status: 'ACTIVE', balance: money('80.00') })).toEqual({ ...running, refusal: null });
  });
});
