import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES, LANGUAGES, loadMessages, localeFor, matchLanguage } from '../../../client/src/i18n/index.js';
import { i18nFor } from '../../support/i18n.js';

/** Intl separates with no-break spaces; tests read them as plain ones. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('plurals', () => {
  it('Ukrainian: 1 день, 2 дні, 5 днів, 21 день, 11 днів', () => {
    const t = i18nFor('uk');
    expect([1, 2, 5, 21, 11, 0].map((n) => t.plural(t.m.daysLeft, n))).toEqual([
      'Лишився 1 день',
      'Лишилося 2 дні',
      'Лишилося 5 днів',
      'Лишився 21 день',
      'Лишилося 11 днів',
      'Лишилося 0 днів',
    ]);
    expect([1, 3, 7].map((n) => t.plural(t.m.promiseDays, n))).toEqual(['на 1 день', 'на 3 дні', 'на 7 днів']);
  });

  it('Russian: 1 день, 2 дня, 5 дней, 22 дня', () => {
    const t = i18nFor('ru');
    expect([1, 2, 5, 22, 12].map((n) => t.plural(t.m.promiseDays, n))).toEqual(['на 1 день', 'на 2 дня', 'на 5 дней', 'на 22 дня', 'на 12 дней']);
    expect(t.plural(t.m.minutes, 3)).toBe('3 минуты');
  });

  it('English: 1 day, 2 days', () => {
    const t = i18nFor('en');
    expect([1, 2, 0].map((n) => t.plural(t.m.daysLeft, n))).toEqual(['1 day left', '2 days left', '0 days left']);
  });
});

describe('language choice', () => {
  it('takes the first of the browser languages the cabinet speaks, else English', () => {
    expect(matchLanguage(['de-DE', 'ru-RU', 'uk'])).toBe('ru');
    expect(matchLanguage(['uk-UA'])).toBe('uk');
    expect(matchLanguage(['de', 'fr'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });

  it('formats with the browser’s own regional tag for that language', () => {
    expect(localeFor('en', ['de', 'en-GB'])).toBe('en-GB');
    expect(localeFor('uk', ['en-US'])).toBe('uk');
  });

  it('loads a language’s dictionary on demand, once, its placeholders filled by name, and names every language in itself', async () => {
    expect((await loadMessages('uk')).loading).toBe('Завантаження…');
    expect((await loadMessages('ru')).pauseDaysUsed({ used: 2, allowed: 30 })).toBe('Использовано дней приостановки: 2 из 30.');
    expect(loadMessages('en')).toBe(loadMessages('en'));
    expect((await loadMessages('en')).nextTariffFrom({ name: 'Fast 500', date: '1 December' })).toBe('From 1 December: Fast 500');
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    expect(LANGUAGE_NAMES.uk).toBe('Українська');
  });
});

describe('formatting through Intl', () => {
  it('shows money in the ISP currency with the narrow symbol, whole amounts without ",00"', () => {
    const t = i18nFor('uk');
    expect(plain(t.money({ amount: '-120.50', currency: 'UAH' }))).toBe('-120,50 ₴');
    expect(plain(t.money({ amount: '250.00', currency: 'UAH' }))).toBe('250 ₴');
    expect(plain(t.moneyMagnitude({ amount: '-120.50', currency: 'UAH' }))).toBe('120,50 ₴');
    expect(plain(i18nFor('en', ['en-US']).money({ amount: '1234.5', currency: 'USD' }))).toBe('$1,234.50');
  });

  it('shows a calendar date as that day in any time zone, with the year only when it is another', () => {
    const thisYear = new Date().getFullYear();
    expect(i18nFor('uk').date(`${thisYear}-12-03`)).toBe('3 грудня');
    expect(i18nFor('en', ['en-GB']).date(`${thisYear + 1}-01-02`)).toBe(`2 January ${thisYear + 1}`);
    expect(i18nFor('en').date('not a date')).toBe('not a date');
  });

  it('shows speeds in Mbit/s from 1 Mbit/s', () => {
    expect(plain(i18nFor('en', ['en-US']).speed(100_000))).toMatch(/^100 Mb/);
    expect(plain(i18nFor('en', ['en-US']).speed(512))).toMatch(/^512 kb/);
  });
});
