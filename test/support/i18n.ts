import connection from '../../client/src/features/connection/texts.json' with { type: 'json' };
import history from '../../client/src/features/history/texts.json' with { type: 'json' };
import passwordReset from '../../client/src/features/password-reset/texts.json' with { type: 'json' };
import profile from '../../client/src/features/profile/texts.json' with { type: 'json' };
import tariff from '../../client/src/features/tariff/texts.json' with { type: 'json' };
import en from '../../client/src/i18n/en.json' with { type: 'json' };
import { createI18n, type I18n, type Language, type Messages } from '../../client/src/i18n/index.js';
import { compileLanguages } from '../../client/src/i18n/messages.js';
import type { ConnectionTexts, HistoryTexts, PasswordResetTexts, ProfileTexts, TariffTexts } from '../../client/src/i18n/messages.generated.js';
import ru from '../../client/src/i18n/ru.json' with { type: 'json' };
import uk from '../../client/src/i18n/uk.json' with { type: 'json' };

const DICTIONARIES = compileLanguages<Messages>({ uk, ru, en });

/** A language's words and formats at once: the app loads one dictionary on demand, tests have all three. */
export function i18nFor(language: Language, preferred: readonly string[] = []): I18n {
  return createI18n(language, DICTIONARIES[language], preferred);
}

/** Each screen's words in every language, compiled as the screen compiles them. */
export const connectionTexts = compileLanguages<ConnectionTexts>(connection);
export const historyTexts = compileLanguages<HistoryTexts>(history);
export const resetTexts = compileLanguages<PasswordResetTexts>(passwordReset);
export const profileTexts = compileLanguages<ProfileTexts>(profile);
export const tariffTexts = compileLanguages<TariffTexts>(tariff);
