import type { Language } from '../../i18n/index.js';

/** The reset screen's newer words, loaded with the screen rather than with the first one. */
const en = {
  newCodeRequested: (login: string) => `We asked for a new code for ${login}. If this login exists, it will arrive by SMS or e-mail; use the newest one.`,
  signInAs: (login: string) => `Sign in as ${login}`,
};

export type ResetTexts = typeof en;

const uk: ResetTexts = {
  newCodeRequested: (login) => `Ми попросили новий код для ${login}. Якщо такий логін існує, код прийде в SMS або листом; введіть найновіший.`,
  signInAs: (login) => `Увійти як ${login}`,
};

const ru: ResetTexts = {
  newCodeRequested: (login) => `Мы запросили новый код для ${login}. Если такой логин существует, код придёт в SMS или письмом; введите самый новый.`,
  signInAs: (login) => `Войти как ${login}`,
};

export const resetTexts: Record<Language, ResetTexts> = { uk, ru, en };
