import { createContext, useContext } from 'react';
import { en, type Messages } from './en.js';
import {
  formatRecentTime,
  formatCalendarDate,
  formatInstantDate,
  formatMoney,
  formatMoneyMagnitude,
  formatSpeed,
  type MoneyValue,
} from './format.js';
import { pluralize, type PluralForms } from './plural.js';
import { ru } from './ru.js';
import { uk } from './uk.js';

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const dictionaries: Record<Language, Messages> = { uk, ru, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A language's name in itself, for the language switch. */
export const languageName = (language: Language): string => dictionaries[language].languageName;

const primarySubtag = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';

/** The first of the browser's languages that the cabinet speaks; English otherwise. */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = primarySubtag(tag);
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The browser's own tag for the language when it has one ("en-GB" formats dates the British way). */
export function localeFor(language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => primarySubtag(tag) === language) ?? language;
}

export interface I18n {
  language: Language;
  locale: string;
  m: Messages;
  plural(forms: PluralForms, count: number): string;
  money(value: MoneyValue): string;
  moneyMagnitude(value: MoneyValue): string;
  date(calendarDate: string): string;
  instantDate(instant: string): string;
  recentTime(instant: string): string;
  speed(kbitPerSecond: number): string;
}

export function createI18n(language: Language, preferred: readonly string[] = []): I18n {
  const locale = localeFor(language, preferred);
  return {
    language,
    locale,
    m: dictionaries[language],
    plural: (forms, count) => pluralize(locale, count, forms),
    money: (value) => formatMoney(locale, value),
    moneyMagnitude: (value) => formatMoneyMagnitude(locale, value),
    date: (calendarDate) => formatCalendarDate(locale, calendarDate),
    instantDate: (instant) => formatInstantDate(locale, instant),
    recentTime: (instant) => formatRecentTime(locale, instant),
    speed: (kbitPerSecond) => formatSpeed(locale, kbitPerSecond),
  };
}

export const I18nContext = createContext<I18n>(createI18n('en'));

export const useI18n = (): I18n => useContext(I18nContext);
