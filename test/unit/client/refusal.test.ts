import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/app/api.js';
import { REFUSAL_TEXTS, refusal, refusalKind } from '../../../client/src/app/refusal.js';
import { i18nFor } from '../../support/i18n.js';

const refused = (message: string, reason: string | null = null) => new ApiError('NOT_ALLOWED', message, null, [], reason);

describe('billing refusals in the subscriber’s words', () => {
  it('knows Carbon’s Russian texts', () => {
    expect(refusalKind(refused('Обещанный платеж недоступен: задолженность превышает 500.00'))).toBe('debtTooLarge');
    expect(refusalKind(refused('Недостаточно средств на лицевом счете для подключения услуги'))).toBe('notEnoughMoney');
    expect(refusalKind(refused('Неверный код подтверждения'))).toBe('wrongCode');
    expect(refusalKind(refused('Обещанный платеж доступен только при отрицательном балансе'))).toBe('noDebt');
    expect(refusalKind(refused('У вас уже есть активный обещанный платеж'))).toBe('alreadyActive');
    expect(refusalKind(refused('Заявка по данной услуге уже обрабатывается'))).toBe('serviceBusy');
    expect(refusalKind(refused('Отключение данной услуги через личный кабинет запрещено'))).toBe('onlyProvider');
  });

  it('knows Ubilling’s self-credit reasons, both the agent’s status words and the cabinet’s sentences', () => {
    expect(refusalKind(refused('not enough money'))).toBe('debtTooLarge');
    expect(refusalKind(refused('too much money'))).toBe('noDebt');
    expect(refusalKind(refused('already used in this month'))).toBe('alreadyUsed');
    expect(refusalKind(refused('account frozen'))).toBe('paused');
    expect(refusalKind(refused('wrong day'))).toBe('wrongDay');
    expect(refusalKind(refused('not allowed on this tariff'))).toBe('tariffNotAllowed');
    expect(refusalKind(refused('ASTERISK CREDIT NOT AVAILABLE: BALANCE LOWER THAN CREDIT LIMIT'))).toBe('debtTooLarge');
    expect(refusalKind(refused('ASTERISK CREDIT NOT AVAILABLE: ALREADY TOOK'))).toBe('alreadyUsed');
    expect(refusalKind(refused('Your debt is larger than a promised payment can cover. Please top up your account.'))).toBe('debtTooLarge');
    expect(refusalKind(refused('A promised payment can be taken only from day 1 to day 3 of the month.'))).toBe('wrongDay');
    expect(refusalKind(refused('You have already taken a promised payment this month.'))).toBe('alreadyUsed');
    expect(refusalKind(refused('A promised payment is available again once you have paid for the previous one.'))).toBe('notPaidPrevious');
    expect(refusalKind(refused('Your provider does not offer promised payments.'))).toBe('promiseOff');
    expect(refusalKind(refused('There is not enough money on the account to connect this service.'))).toBe('notEnoughMoney');
  });

  it('knows the cabinet’s own tariff change refusals', () => {
    expect(refusalKind(refused('A tariff change is already booked. Cancel it first to choose another one.'))).toBe('tariffBooked');
    expect(refusalKind(refused('A tariff change is already booked. Only your provider can change it now.'))).toBe('onlyProvider');
    expect(refusalKind(refused('Your provider booked this tariff change. Please contact them to cancel it.'))).toBe('onlyProvider');
    expect(refusalKind(refused('A booked tariff change can only be cancelled by your provider. Please contact them.'))).toBe('onlyProvider');
  });

  it('reads the step-up from its code, not its words', () => {
    expect(refusalKind(refused('Please confirm your password to change services.', 'PASSWORD_REQUIRED'))).toBe('passwordRequired');
    expect(refusalKind(refused('Please confirm your password to change services.'))).toBe('other');
  });

  it('says what to do next in each language and keeps the raw text for Details', () => {
    const error = refused('Обещанный платеж недоступен: задолженность превышает 500.00');
    for (const language of ['uk', 'ru', 'en'] as const) {
      const t = i18nFor(language);
      const result = refusal(t, error);
      expect(result).toEqual({ kind: 'debtTooLarge', text: REFUSAL_TEXTS[language].debtTooLarge, next: 'top-up', raw: error.message });
    }
    expect(refusal(i18nFor('en'), refused('Something new')).next).toBe('support');
    expect(refusal(i18nFor('en'), refused('Something new')).raw).toBe('Something new');
  });

  it('has every reason in every language', () => {
    expect(Object.keys(REFUSAL_TEXTS.uk).sort()).toEqual(Object.keys(REFUSAL_TEXTS.en).sort());
    expect(Object.keys(REFUSAL_TEXTS.ru).sort()).toEqual(Object.keys(REFUSAL_TEXTS.en).sort());
  });
});
