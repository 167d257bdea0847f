import { describe, expect, it } from 'vitest';
import type { PromisePay, Subscriber } from '../../../server/domain/types.js';
import { paymentReceivedMessage, reminderMessage, toLocale } from '../../../server/push/messages.js';
import { decideReminder, isQuiet } from '../../../server/push/notifier.js';

describe('push texts', () => {
  it('uses each language’s plural rules', () => {
    const title = (locale: 'uk' | 'ru' | 'en', days: number) => reminderMessage({ kind: 'days-left', days }, locale, true).title;
    expect([1, 2, 5, 21].map((days) => title('uk', days))).toEqual([
      'Залишилось 1 день послуги',
      'Залишилось 2 дні послуги',
      'Залишилось 5 днів послуги',
      'Залишилось 21 день послуги',
    ]);
    expect([1, 3, 11].map((days) => title('ru', days))).toEqual(['Осталось 1 день услуги', 'Осталось 3 дня услуги', 'Осталось 11 дней услуги']);
    expect([1, 3].map((days) => title('en', days))).toEqual(['1 day of service left', '3 days of service left']);
  });

  it('points nowhere a billing without promised payments cannot go', () => {
    const blocked = reminderMessage({ kind: 'blocked' }, 'en', false);
    expect(blocked.url).toBe('/');
    expect(blocked.actions.map((action) => action.action)).toEqual(['top-up']);
    expect(blocked.body).not.toMatch(/promised/i);
    expect(reminderMessage({ kind: 'blocked' }, 'en', true).url).toBe('/promise-pay');
  });

  it('says how much was received as the app shows money, and opens that top-up', () => {
    const topUp = { id: 'a1b2', amount: { amount: '1250.00', currency: 'UAH' } };
    expect(paymentReceivedMessage(topUp, 'ru')).toEqual({
      title: 'Платёж получен: 1\u00a0250\u00a0₴',
      body: 'Деньги зачислены на ваш счёт. Откройте приложение, чтобы увидеть новый баланс.',
      url: '/top-up/a1b2',
      tag: 'top-up-a1b2',
      actions: [],
    });
    expect(paymentReceivedMessage({ ...topUp, amount: { amount: '300.50', currency: 'UAH' } }, 'en').title).toBe('Payment received: ₴300.50');
  });

  it('falls back to English for other languages', () => {
    expect(toLocale('uk-UA')).toBe('uk');
    expect(toLocale('de')).toBe('en');
    expect(toLocale(null)).toBe('en');
  });
});

describe('which reminder', () => {
  const subscriber = (patch: Partial<Subscriber>): Subscriber =>
    ({ status: 'ACTIVE', daysLeft: 10, ...patch }) as Subscriber;
  const none: PromisePay = { active: null, offers: [], refusal: null };

  it('blocked beats everything, then a promised payment ending tomorrow, then the thresholds', () => {
    expect(decideReminder(subscriber({ status: 'BLOCKED', daysLeft: 0 }), none, '2026-11-23', [3, 1])).toEqual({ kind: 'blocked' });
    const ending: PromisePay = { active: { amount: { amount: '100.00', currency: 'UAH' }, until: '2026-11-23' }, offers: [], refusal: null };
    expect(decideReminder(subscriber({ daysLeft: 1 }), ending, '2026-11-23', [3, 1])).toEqual({ kind: 'promise-ends' });
    expect(decideReminder(subscriber({ daysLeft: 3 }), none, '2026-11-23', [3, 1])).toEqual({ kind: 'days-left', days: 3 });
    expect(decideReminder(subscriber({ daysLeft: 2 }), none, '2026-11-23', [3, 1])).toBeNull();
    expect(decideReminder(subscriber({ daysLeft: null }), none, '2026-11-23', [3, 1])).toBeNull();
  });

  it('knows quiet hours across midnight, in the ISP’s time zone', () => {
    const settings = { quietHours: { from: 22, to: 8 }, timeZone: 'Europe/Kyiv' };
    expect(isQuiet(new Date('2026-11-22T21:30:00Z'), settings)).toBe(true); // 23:30 in Kyiv
    expect(isQuiet(new Date('2026-11-22T05:59:00Z'), settings)).toBe(true); // 07:59
    expect(isQuiet(new Date('2026-11-22T06:00:00Z'), settings)).toBe(false); // 08:00
    expect(isQuiet(new Date('2026-11-22T12:00:00Z'), settings)).toBe(false);
  });
});
