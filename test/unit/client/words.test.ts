import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors.js';
import { ApiError } from '../../../client/src/app/api.js';
import { textColorOn, contrastRatio } from '../../../client/src/app/brand.js';
import { errorText } from '../../../client/src/app/error-text.js';
import { codeInMessage } from '../../../client/src/features/demo-outbox/code-in-message.js';
import { offersPromisePay, statusText } from '../../../client/src/features/dashboard/status.js';
import { calendarDateAfter, offerTerms } from '../../../client/src/features/promise-pay/offer.js';
import { createI18n } from '../../../client/src/i18n/index.js';

const plain = (text: string) => text.replace(/\s/g, ' ');
const uah = (amount: string) => ({ amount, currency: 'UAH' });

describe('status in words', () => {
  const t = createI18n('en');
  it('says what to top up when blocked or in debt', () => {
    expect(plain(statusText(t, { status: 'BLOCKED', amountToPay: uah('120.00'), balance: uah('-850.00') }))).toBe(
      'Blocked: top up ₴120 to continue',
    );
    expect(plain(statusText(createI18n('uk'), { status: 'BLOCKED', amountToPay: null, balance: uah('-120.50') }))).toBe(
      'Заблоковано: поповніть на 120,50 ₴, щоб продовжити',
    );
    expect(statusText(t, { status: 'BLOCKED', amountToPay: null, balance: uah('10.00') })).toBe('Blocked: top up your balance to continue');
    expect(statusText(t, { status: 'ACTIVE', amountToPay: null, balance: uah('10.00') })).toBe('Active');
    expect(statusText(t, { status: 'FROZEN', amountToPay: null, balance: uah('10.00') })).toBe('Paused at your request');
  });

  it('offers a promised payment only when short of money and the billing has offers', () => {
    const offers = [{ id: '144', amount: uah('100.00'), days: 3, fee: null, description: null }];
    const debtor = { status: 'DEBT' as const, balance: uah('-120.50'), promisePay: { active: null, offers } };
    expect(offersPromisePay(debtor, true)).toBe(true);
    expect(offersPromisePay(debtor, false)).toBe(false);
    expect(offersPromisePay({ ...debtor, status: 'ACTIVE', balance: uah('5.00') }, true)).toBe(false);
    expect(offersPromisePay({ ...debtor, promisePay: { active: { amount: uah('100.00'), until: null }, offers } }, true)).toBe(false);
  });
});

describe('errors in plain words', () => {
  it('words every code of the closed list, in every language', () => {
    for (const language of ['uk', 'ru', 'en'] as const) {
      const t = createI18n(language);
      const texts = ERROR_CODES.map((code) => errorText(t, new ApiError(code, '')));
      expect(new Set(texts).size).toBe(ERROR_CODES.length);
      for (const text of texts) expect(text.length).toBeGreaterThan(10);
    }
  });

  it('shows the billing’s own reason for NOT_ALLOWED and how long to wait when rate limited', () => {
    const t = createI18n('uk');
    expect(errorText(t, new ApiError('NOT_ALLOWED', 'Обіцяний платіж вже активний'))).toContain('Обіцяний платіж вже активний');
    expect(errorText(t, new ApiError('RATE_LIMITED', '', 300))).toBe('Забагато спроб. Спробуйте ще раз через 5 хвилин.');
    expect(errorText(createI18n('ru'), new ApiError('RATE_LIMITED', '', 1))).toBe('Слишком много попыток. Попробуйте ещё раз через 1 секунду.');
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
    const t = createI18n('uk');
    expect(plain(offerTerms(t, { id: '145', amount: uah('200.00'), days: 7, fee: uah('5.00'), description: null }))).toBe('на 7 днів, комісія 5 ₴');
    expect(offerTerms(t, { id: '144', amount: uah('100.00'), days: 3, fee: uah('0.00'), description: null })).toBe('на 3 дні, без комісії');
  });
});
