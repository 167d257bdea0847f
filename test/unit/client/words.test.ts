import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors.js';
import { ApiError } from '../../../client/src/app/api.js';
import { textColorOn, contrastRatio } from '../../../client/src/app/brand.js';
import { errorText } from '../../../client/src/app/error-text.js';
import { codeInMessage } from '../../../client/src/features/demo-outbox/code-in-message.js';
import { headline, offersPromisePay, showsDaysLeft, toPayLine } from '../../../client/src/features/dashboard/status.js';
import { calendarDateAfter, offerTerms } from '../../../client/src/features/promise-pay/offer.js';
import { i18nFor } from '../../support/i18n.js';

const plain = (text: string) => text.replace(/\s/g, ' ');
const uah = (amount: string) => ({ amount, currency: 'UAH' });
// Dates of this year are written without the year.
const thisYear = (monthDay: string) => `${new Date().getFullYear()}-${monthDay}`;

describe('status in words', () => {
  const t = i18nFor('en');
  type HeadlineInput = Parameters<typeof headline>[1];
  const base: HeadlineInput = {
    status: 'ACTIVE',
    amountToPay: null,
    balance: uah('412.50'),
    paidUntil: thisYear('12-11'),
    daysLeft: 18,
    pausedUntil: null,
    promisePay: { active: null },
  };
  const text = (me: Partial<HeadlineInput>, i18n = t) => plain(headline(i18n, { ...base, ...me }).text);

  it('says in one line whether the Internet works and what to do, with the date that matters', () => {
    expect(text({})).toBe('Internet works until December 11');
    expect(headline(t, base).tone).toBe('good');
    expect(text({ paidUntil: null, daysLeft: null })).toBe('Internet works');
    expect(text({ status: 'BLOCKED', amountToPay: uah('850.00'), balance: uah('-850.00'), daysLeft: 0 })).toBe('Internet is off: top up ₴850 to turn it on');
    expect(text({ status: 'BLOCKED', balance: uah('10.00') })).toBe('Internet is off: top up your balance to turn it on');
    expect(text({ status: 'BLOCKED', balance: uah('-120.50') }, i18nFor('uk'))).toBe('Інтернет вимкнено: поповніть на 120,50 ₴, щоб увімкнути');
    expect(text({ status: 'FROZEN', pausedUntil: thisYear('12-04') })).toBe('Paused until December 4');
    expect(text({ status: 'FROZEN' })).toBe('Paused at your request');
    expect(text({ status: 'DISABLED' })).toMatch(/^Your provider switched the Internet off/);
  });

  it('does not tell a debtor the service works until today, and tells one on credit until when', () => {
    const debtor = { status: 'DEBT' as const, balance: uah('-120.50'), amountToPay: uah('120.50'), paidUntil: thisYear('11-23'), daysLeft: 0 };
    expect(text(debtor)).toBe('Internet may be turned off: top up ₴120.50 to keep it on');
    expect(text({ ...debtor, promisePay: { active: { until: thisYear('11-26') } } })).toBe('On credit until November 26');
    expect(text({ ...debtor, promisePay: { active: { until: thisYear('11-26') } } }, i18nFor('ru'))).toBe('Работает в кредит до 26 ноября');
  });

  it('counts days left only while the service runs on the subscriber’s own money', () => {
    expect(showsDaysLeft({ status: 'ACTIVE', daysLeft: 18 })).toBe(true);
    expect(showsDaysLeft({ status: 'ACTIVE', daysLeft: 0 })).toBe(false);
    expect(showsDaysLeft({ status: 'FROZEN', daysLeft: 18 })).toBe(false);
    expect(showsDaysLeft({ status: 'BLOCKED', daysLeft: 0 })).toBe(false);
    expect(showsDaysLeft({ status: 'DEBT', daysLeft: 3 })).toBe(false);
  });

  it('says what "To pay" buys and by when, and nothing for a paused account', () => {
    const due = { status: 'DEBT' as const, recommendedToPay: uah('409.50'), nextChargeOn: thisYear('12-01') };
    expect(plain(toPayLine(t, due) ?? '')).toBe('Pay ₴409.50 by December 1 to keep the Internet on next month');
    expect(plain(toPayLine(t, { ...due, nextChargeOn: null }) ?? '')).toBe('Pay ₴409.50 to keep the Internet on next month');
    expect(toPayLine(t, { ...due, status: 'FROZEN' })).toBeNull();
    expect(toPayLine(t, { ...due, recommendedToPay: uah('0.00') })).toBeNull();
    expect(toPayLine(t, { ...due, recommendedToPay: null })).toBeNull();
  });

  it('offers a promised payment only when short of money and the billing has offers', () => {
    const offers = [{ id: '144', amount: uah('100.00'), days: 3, fee: null, description: null }];
    const debtor = { status: 'DEBT' as const, balance: uah('-120.50'), promisePay: { active: null, offers, refusal: null } };
    expect(offersPromisePay(debtor, true)).toBe(true);
    expect(offersPromisePay(debtor, false)).toBe(false);
    expect(offersPromisePay({ ...debtor, status: 'ACTIVE', balance: uah('5.00') }, true)).toBe(false);
    expect(offersPromisePay({ ...debtor, promisePay: { active: { amount: uah('100.00'), until: null }, offers, refusal: null } }, true)).toBe(false);
  });
});

describe('errors in plain words', () => {
  it('words every code of the closed list, in every language', () => {
    for (const language of ['uk', 'ru', 'en'] as const) {
      const t = i18nFor(language);
      const texts = ERROR_CODES.map((code) => errorText(t, new ApiError(code, '')));
      expect(new Set(texts).size).toBe(ERROR_CODES.length);
      for (const text of texts) expect(text.length).toBeGreaterThan(10);
    }
  });

  it('shows the billing’s own reason for NOT_ALLOWED and how long to wait when rate limited', () => {
    const t = i18nFor('uk');
    expect(errorText(t, new ApiError('NOT_ALLOWED', 'Обіцяний платіж вже активний'))).toContain('Обіцяний платіж вже активний');
    expect(errorText(t, new ApiError('RATE_LIMITED', '', 300))).toBe('Забагато спроб. Спробуйте ще раз через 5 хвилин.');
    expect(errorText(i18nFor('ru'), new ApiError('RATE_LIMITED', '', 1))).toBe('Слишком много попыток. Попробуйте ещё раз через 1 секунду.');
  });
});

describe('brand colour', () => {
  it('keeps text on any configured colour at 4.5:1 or more', () => {
    for (const color of ['#0b5cad', '#ffcc00', '#777777', '#00ff00', '#000000', '#ffffff', '#e91e63']) {
      expect(contrastRatio(color, textColorOn(color))).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColorOn('#0b5cad')).toBe('#ffffff');
    expect(textColorOn('#ffcc00')).toBe('#000000');
  });
});

describe('small helpers', () => {
  it('finds the reset code in a message the simulated billing sent', () => {
    expect(codeInMessage('Код для восстановления пароля: 483920')).toBe('483920');
    expect(codeInMessage('Код для восстановления пароля: QYBTBA')).toBe('QYBTBA');
    expect(codeInMessage('Your code is AB12CD, valid 15 min')).toBe('AB12CD');
    expect(codeInMessage('No code here')).toBeNull();
  });

  it('names the day a promised payment taken now runs out', () => {
    expect(calendarDateAfter(3, new Date(2026, 11, 30, 23, 50))).toBe('2027-01-02');
  });

  it('puts an offer’s rules in one line', () => {
    const t = i18nFor('uk');
    expect(plain(offerTerms(t, { id: '145', amount: uah('200.00'), days: 7, fee: uah('5.00'), description: null }))).toBe('на 7 днів, комісія 5 ₴');
    expect(offerTerms(t, { id: '144', amount: uah('100.00'), days: 3, fee: uah('0.00'), description: null })).toBe('на 3 дні, без комісії');
  });
});
