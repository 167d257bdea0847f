import { en } from '../../client/src/i18n/en.js';
import { createI18n, type I18n, type Language } from '../../client/src/i18n/index.js';
import { ru } from '../../client/src/i18n/ru.js';
import { uk } from '../../client/src/i18n/uk.js';

const DICTIONARIES = { uk, ru, en };

/** A language's words and formats at once: the app loads one dictionary on demand, tests have all three. */
export function i18nFor(language: Language, preferred: readonly string[] = []): I18n {
  return createI18n(language, DICTIONARIES[language], preferred);
}
