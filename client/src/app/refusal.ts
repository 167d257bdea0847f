import type { I18n, Language } from '../i18n/index.js';
import refusalTexts from '../i18n/refusals.json' with { type: 'json' };
import type { PromisePayRefusal } from '../gql/graphql.js';
import type { ApiError } from './api.js';

/**
 * Why a billing said no, as far as the cabinet can tell from its words. Billings refuse in their own
 * language (Carbon in Russian, Ubilling's agents in terse English status words, and the BFF's Ubilling
 * rules in English sentences); the subscriber reads the reason in theirs, with what to do next.
 */
export type RefusalKind =
  | 'debtTooLarge'
  | 'notEnoughMoney'
  | 'wrongCode'
  | 'noDebt'
  | 'alreadyActive'
  | 'alreadyUsed'
  | 'notPaidPrevious'
  | 'paused'
  | 'wrongDay'
  | 'tariffNotAllowed'
  | 'promiseOff'
  | 'serviceBusy'
  | 'onlyProvider'
  | 'tariffBooked'
  | 'passwordRequired'
  | 'other';

/** The way on after a refusal: money fixes some, a person the rest. */
export type NextStep = 'top-up' | 'support' | null;

// Order matters: the first match wins, so the narrower texts come first.
const PATTERNS: readonly [RegExp, RefusalKind][] = [
  [/задолженность превышает|debt is larger than|not enough money$|balance lower than credit limit/i, 'debtTooLarge'],
  [/недостаточно средств|not enough money/i, 'notEnoughMoney'],
  [/неверный код|wrong code|invalid code/i, 'wrongCode'],
  [/только при отрицательном балансе|too much money|cash > 0|balance is enough/i, 'noDebt'],
  [/уже есть активный обещанный|already have a (promised payment|credit)|credit is currently active/i, 'alreadyActive'],
  [/already (took|used)|already taken a promised payment/i, 'alreadyUsed'],
  [/not pa(y|i)ed previous|paid for the previous one/i, 'notPaidPrevious'],
  [/account frozen|paused or switched off|заморож|приостановлен/i, 'paused'],
  [/wrong day|day of the month|from day \d+ to day \d+/i, 'wrongDay'],
  [/not allowed (on|for) (this |your )?tariff|not available on your tariff/i, 'tariffNotAllowed'],
  [/does not offer promised payments|^disabled$/i, 'promiseOff'],
  [/уже обрабатывается/i, 'serviceBusy'],
  [/запрещено|cannot be disconnected in the cabinet|only your provider can|can only be cancelled by your provider|your provider booked this/i, 'onlyProvider'],
  [/tariff change is already booked/i, 'tariffBooked'],
];

/** The refusal behind a NOT_ALLOWED error; anything unknown stays `other` and keeps its raw words. */
export function refusalKind(error: Pick<ApiError, 'message' | 'reason'>): RefusalKind {
  if (error.reason === 'PASSWORD_REQUIRED') return 'passwordRequired';
  const text = error.message.trim();
  return PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
}

export const NEXT_STEP: Record<RefusalKind, NextStep> = {
  debtTooLarge: 'top-up',
  notEnoughMoney: 'top-up',
  wrongCode: null,
  noDebt: null,
  alreadyActive: null,
  alreadyUsed: 'top-up',
  notPaidPrevious: 'top-up',
  paused: 'support',
  wrongDay: 'top-up',
  tariffNotAllowed: 'support',
  promiseOff: 'support',
  serviceBusy: null,
  onlyProvider: 'support',
  tariffBooked: null,
  passwordRequired: null,
  other: 'support',
};

export interface Refusal {
  kind: RefusalKind;
  /** In the subscriber's language. */
  text: string;
  next: NextStep;
  /** The billing's own words, for "Details"; null when they say nothing more than `text`. */
  raw: string | null;
}

/**
 * Why a billing said no, in each language. Kept apart from the main dictionaries so that only the
 * screens that take money or change services load them.
 */
export const REFUSAL_TEXTS: Record<Language, Record<RefusalKind, string>> = refusalTexts;

export function refusal(t: I18n, error: Pick<ApiError, 'message' | 'reason'>): Refusal {
  const kind = refusalKind(error);
  const raw = error.message.trim();
  return { kind, text: REFUSAL_TEXTS[t.language][kind], next: NEXT_STEP[kind], raw: raw && kind !== 'passwordRequired' ? raw : null };
}

/** A refusal the cabinet knows before asking: the billing's own words are not there to show. */
export function knownRefusal(t: I18n, kind: RefusalKind): Refusal {
  return { kind, text: REFUSAL_TEXTS[t.language][kind], next: NEXT_STEP[kind], raw: null };
}

export const PROMISE_PAY_REFUSAL: Record<PromisePayRefusal, RefusalKind> = {
  NOT_OFFERED: 'promiseOff',
  DEBT_TOO_LARGE: 'debtTooLarge',
  NO_DEBT: 'noDebt',
  ALREADY_USED: 'alreadyUsed',
  NOT_PAID_PREVIOUS: 'notPaidPrevious',
  PAUSED: 'paused',
  WRONG_DAY: 'wrongDay',
  TARIFF_NOT_ALLOWED: 'tariffNotAllowed',
};
