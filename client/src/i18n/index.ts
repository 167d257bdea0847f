import { createContext, useContext } from 'react';
import {
  formatRecentTime,
  formatCalendarDate,
  formatInstantDate,
  formatMoney,
  formatMoneyMagnitude,
  formatSpeed,
  type MoneyValue,
} from './format.js';
import { compileMessages } from './messages.js';
import type { Messages } from './messages.generated.js';
import { pluralize, type PluralForms } from './plural.js';

export type { Messages };

/** The keys of the dictionary's plain texts (not plural forms, not texts with placeholders). */
export type TextKey = { [Key in keyof Messages]: Messages[Key] extends string ? Key : never }[keyof Messages];

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each dictionary is its own chunk and the page loads only the one it speaks: the three together
 * would be a sixth of the first screen's JavaScript. The service worker precaches all of them, so a
 * switch works offline too. The promises are kept, so a language loads once and React sees the same one.
 * English (en.json) is the reference: the other languages have exactly its keys and placeholders.
 */
const importers: Record<Language, () => Promise<Messages>> = {
  uk: () => import('./uk.json').then((module) => compileMessages<Messages>(module.default)),
  ru: () => import('./ru.json').then((module) => compileMessages<Messages>(module.default)),
  en: () => import('./en.json').then((module) => compileMessages<Messages>(module.default)),
};
const loading = new Map<Language, Promise<Messages>>();

export function loadMessages(language: Language): Promise<Messages> {
  let messages = loading.get(language);
  if (!messages) {
    messages = importers[language]();
    // A failed load (a chunk gone after a deploy) may succeed on the next try.
    messages.catch(() => loading.delete(language));
    loading.set(language, messages);
  }
  return messages;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Each language's name in itself, for the language switch (which lists them all, whichever is loaded). */
export const LANGUAGE_NAMES: Record<Language, string> = { uk: 'Українська', ru: 'Русский', en: 'English' };

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

export function createI18n(language: Language, messages: Messages, preferred: readonly string[] = []): I18n {
  const locale = localeFor(language, preferred);
  return {
    language,
    locale,
    m: messages,
    plural: (forms, count) => pluralize(locale, count, forms),
    money: (value) => formatMoney(locale, value),
    moneyMagnitude: (value) => formatMoneyMagnitude(locale, value),
    date: (calendarDate) => formatCalendarDate(locale, calendarDate),
    instantDate: (instant) => formatInstantDate(locale, instant),
    recentTime: (instant) => formatRecentTime(locale, instant),
    speed: (kbitPerSecond) => formatSpeed(locale, kbitPerSecond),
  };
}

// The app renders nothing until its dictionary is loaded (app/App.tsx), so every screen has one.
export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside the I18nContext provider');
  return i18n;
}
