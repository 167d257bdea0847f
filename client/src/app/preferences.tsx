import { createContext, useContext } from 'react';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from '../i18n/index.js';
import type { ThemePreference } from './local-data.js';

export interface Preferences {
  language: Language;
  chooseLanguage(language: Language): void;
  theme: ThemePreference;
  chooseTheme(theme: ThemePreference): void;
}

export const PreferencesContext = createContext<Preferences | null>(null);

/** Language and appearance: under the sign-in form, and in More once signed in. */
export function PreferencesForm() {
  const { m } = useI18n();
  const preferences = useContext(PreferencesContext);
  if (!preferences) return null;
  const { language, chooseLanguage, theme, chooseTheme } = preferences;
  return (
    <div className="settings">
      <label>
        {m.language}
        <select value={language} onChange={(event) => isLanguage(event.target.value) && chooseLanguage(event.target.value)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.theme}
        <select value={theme} onChange={(event) => chooseTheme(event.target.value as ThemePreference)}>
          <option value="system">{m.themeSystem}</option>
          <option value="light">{m.themeLight}</option>
          <option value="dark">{m.themeDark}</option>
        </select>
      </label>
    </div>
  );
}
