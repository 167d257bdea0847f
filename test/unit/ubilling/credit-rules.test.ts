import { describe, expect, it } from 'vitest';
import {
  createMemoryCreditLog,
  creditEnd,
  creditLimit,
  decideSelfCredit,
  type CreditAccount,
  UBILLING_SC_DEFAULTS,
  type CreditRules,
} from '../../../server/billing/ubilling/credit-rules.js';

/** 2026-11-02, local time: inside the stock SC_MINDAY=1..SC_MAXDAY=3 window. */
const NOV_2 = new Date(2026, 10, 2, 12, 0, 0);

const rules = (overrides: Partial<CreditRules> = {}): CreditRules => ({ ...UBILLING_SC_DEFAULTS, enabled: true, ...overrides });

const debtor = (overrides: Partial<CreditAccount> = {}): CreditAccount => ({
  Cash: '-15.5',
  Credit: '0',
  CreditExpire: 0,
  Passive: false,
  Down: false,
  Tariff: 'Unlim-50',
  Fee: '100',
  period: 'month',
  ...overrides,
});

const decide = (account: CreditAccount, ruleSet = rules(), now = NOV_2, usedThisMonth = false) => decideSelfCredit(account, ruleSet, { now, usedThisMonth });

describe('the BFF self-credit rules (userstats SC_*)', () => {
  it('gives the credit Ubilling would set: the month of tariff plus the price, for the term', () => {
    expect(decide(debtor())).toEqual({ allowed: true, creditLimit: '105.00', fee: '5.00', termDays: 3, expires: '2026-11-05' });
  });

  it('prices a daily tariff as a whole month of it', () => {
    const decision = decide(debtor({ Fee: '10', period: 'day' }));
    expect(decision).toMatchObject({ allowed: true, creditLimit: '305.00' });
    expect(creditLimit({ Fee: '3.33', period: 'day' }, '0', new Date(2026, 1, 10))).toBe('93.24');
  });

  it('refuses when disabled', () => {
    expect(decide(debtor(), rules({ enabled: false }))).toMatchObject({ allowed: false, refusal: 'disabled' });
  });

  it('refuses outside the allowed days, naming them', () => {
    const decision = decide(debtor(), rules(), new Date(2026, 10, 4, 9, 0, 0));
    expect(decision).toEqual({ allowed: false, refusal: 'wrongDay', message: 'A promised payment can be taken only from day 1 to day 3 of the month.' });
    expect(decide(debtor(), rules({ minDay: 5, maxDay: 31 }), new Date(2026, 10, 4))).toMatchObject({ refusal: 'wrongDay' });
  });

  it('refuses while a credit is set or has an expiry', () => {
    expect(decide(debtor({ Credit: '105' }))).toMatchObject({ refusal: 'alreadyHasCredit' });
    expect(decide(debtor({ CreditExpire: 1_790_000_000 }))).toMatchObject({ refusal: 'alreadyHasCredit' });
  });

  it('refuses a frozen or switched-off account', () => {
    expect(decide(debtor({ Passive: true }))).toMatchObject({ refusal: 'frozen' });
    expect(decide(debtor({ Down: true }))).toMatchObject({ refusal: 'frozen' });
  });

  it('refuses a debt larger than the tariff, and a balance that needs no credit', () => {
    expect(decide(debtor({ Cash: '-100.01' }))).toMatchObject({ refusal: 'debtTooLarge' });
    expect(decide(debtor({ Cash: '-100' }))).toMatchObject({ allowed: true });
    expect(decide(debtor({ Cash: '0' }))).toMatchObject({ refusal: 'tooMuchMoney' });
    expect(decide(debtor({ Cash: '250' }))).toMatchObject({ refusal: 'tooMuchMoney' });
    expect(decide(debtor({ Cash: '-5.551115123125783e-17' }))).toMatchObject({ allowed: true });
  });

  it('refuses a tariff not in the list', () => {
    expect(decide(debtor(), rules({ tariffsAllowed: ['Unlim-100'] }))).toMatchObject({ refusal: 'tariffNotAllowed' });
    expect(decide(debtor(), rules({ tariffsAllowed: ['Unlim-100', 'Unlim-50'] }))).toMatchObject({ allowed: true });
  });

  it('refuses a second credit in the month only when once-a-month is on', () => {
    expect(decide(debtor(), rules(), NOV_2, true)).toMatchObject({ refusal: 'alreadyUsedThisMonth', message: 'You have already taken a promised payment this month.' });
    expect(decide(debtor(), rules({ onceAMonth: false }), NOV_2, true)).toMatchObject({ allowed: true });
  });

  it('checks in userstats order: the day before the existing credit before the balance', () => {
    expect(decide(debtor({ Credit: '5', Passive: true, Cash: '999' }), rules(), new Date(2026, 10, 20))).toMatchObject({ refusal: 'wrongDay' });
    expect(decide(debtor({ Credit: '5', Passive: true, Cash: '999' }))).toMatchObject({ refusal: 'alreadyHasCredit' });
    expect(decide(debtor({ Passive: true, Cash: '999' }))).toMatchObject({ refusal: 'frozen' });
  });

  it('ends the credit term days from now, across a month end', () => {
    expect(creditEnd(new Date(2026, 10, 29, 23, 0, 0), 3)).toBe('2026-12-02');
  });

  it('remembers credits per calendar month in the memory log', async () => {
    const log = createMemoryCreditLog();
    await log.record('Petrenko', NOV_2);
    expect(await log.usedInMonth('petrenko', new Date(2026, 10, 30))).toBe(true);
    expect(await log.usedInMonth('petrenko', new Date(2026, 11, 1))).toBe(false);
    expect(await log.usedInMonth('ivanov', NOV_2)).toBe(false);
  });
});
