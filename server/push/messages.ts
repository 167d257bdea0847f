import type { Money } from '../../shared/money.js';
import type { PushMessage } from '../../shared/push.js';

/** What a push notification says, in the subscriber's language (kept from registration). */
export type PushLocale = 'uk' | 'ru' | 'en';

export type Reminder = { kind: 'days-left'; days: number } | { kind: 'blocked' } | { kind: 'promise-ends' };

const plural = (locale: PushLocale, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>>) =>
  forms[new Intl.PluralRules(locale).select(count)] ?? forms.other ?? '';

const TEXTS = {
  uk: {
    daysLeft: (n: number) => `Залишилось ${n} ${plural('uk', n, { one: 'день', few: 'дні', many: 'днів', other: 'дня' })} послуги`,
    daysLeftBody: 'Поповніть рахунок, щоб інтернет не вимкнувся.',
    blocked: 'Послугу зупинено',
    blockedBody: 'Поповніть рахунок або візьміть обіцяний платіж.',
    blockedBodyTopUp: 'Поповніть рахунок, щоб послуга запрацювала.',
    promiseEnds: 'Обіцяний платіж завершується завтра',
    promiseEndsBody: 'Поповніть рахунок до завтра, щоб послуга не зупинилась.',
    promisePay: 'Обіцяний платіж',
    topUp: 'Поповнити',
    supportReplied: 'Підтримка відповіла',
    supportRepliedBody: 'Відкрийте розмову, щоб прочитати відповідь.',
    paymentReceived: (amount: string) => `Платіж отримано: ${amount}`,
    paymentReceivedBody: 'Гроші зараховано на ваш рахунок. Відкрийте застосунок, щоб побачити новий баланс.',
  },
  ru: {
    daysLeft: (n: number) => `Осталось ${n} ${plural('ru', n, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })} услуги`,
    daysLeftBody: 'Пополните счёт, чтобы интернет не отключился.',
    blocked: 'Услуга остановлена',
    blockedBody: 'Пополните счёт или возьмите обещанный платёж.',
    blockedBodyTopUp: 'Пополните счёт, чтобы услуга заработала.',
    promiseEnds: 'Обещанный платёж заканчивается завтра',
    promiseEndsBody: 'Пополните счёт до завтра, чтобы услуга не остановилась.',
    promisePay: 'Обещанный платёж',
    topUp: 'Пополнить',
    supportReplied: 'Поддержка ответила',
    supportRepliedBody: 'Откройте переписку, чтобы прочитать ответ.',
    paymentReceived: (amount: string) => `Платёж получен: ${amount}`,
    paymentReceivedBody: 'Деньги зачислены на ваш счёт. Откройте приложение, чтобы увидеть новый баланс.',
  },
  en: {
    daysLeft: (n: number) => `${n} ${plural('en', n, { one: 'day', other: 'days' })} of service left`,
    daysLeftBody: 'Top up so your Internet keeps working.',
    blocked: 'Service stopped',
    blockedBody: 'Top up or take a promised payment.',
    blockedBodyTopUp: 'Top up to get your service back.',
    promiseEnds: 'Your promised payment ends tomorrow',
    promiseEndsBody: 'Top up by tomorrow so your service keeps working.',
    promisePay: 'Promised payment',
    topUp: 'Top up',
    supportReplied: 'Support replied',
    supportRepliedBody: 'Open the conversation to read the answer.',
    paymentReceived: (amount: string) => `Payment received: ${amount}`,
    paymentReceivedBody: 'The money is on your account. Open the app to see your new balance.',
  },
} satisfies Record<PushLocale, unknown>;

export function toLocale(value: string | null | undefined): PushLocale {
  const language = (value ?? '').slice(0, 2).toLowerCase();
  return language === 'uk' || language === 'ru' ? language : 'en';
}

/** `promisePay`: whether the billing offers promised payments; without them nothing points there. */
export function reminderMessage(reminder: Reminder, locale: PushLocale, promisePay: boolean): PushMessage {
  const text = TEXTS[locale];
  const topUp = { action: 'top-up', title: text.topUp } as const;
  const actions: PushMessage['actions'] = promisePay ? [{ action: 'promise-pay', title: text.promisePay }, topUp] : [topUp];
  switch (reminder.kind) {
    case 'days-left':
      return { title: text.daysLeft(reminder.days), body: text.daysLeftBody, url: '/', tag: 'days-left', actions };
    case 'blocked':
      return {
        title: text.blocked,
        body: promisePay ? text.blockedBody : text.blockedBodyTopUp,
        url: promisePay ? '/promise-pay' : '/',
        tag: 'blocked',
        actions,
      };
    case 'promise-ends':
      return { title: text.promiseEnds, body: text.promiseEndsBody, url: '/', tag: 'promise-ends', actions: [topUp] };
  }
}

/** The ISP answered in a support conversation: a tap opens that conversation. */
export function supportReplyMessage(ticketId: string, locale: PushLocale): PushMessage {
  const text = TEXTS[locale];
  return { title: text.supportReplied, body: text.supportRepliedBody, url: `/support?ticket=${encodeURIComponent(ticketId)}`, tag: `support-${ticketId}`, actions: [] };
}

/** "300 ₴", "1 250,50 ₴", "₴300": as the app shows money, the narrow symbol and no ",00" on whole amounts. */
function formatAmount(locale: PushLocale, amount: Money): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency, currencyDisplay: 'narrowSymbol', trailingZeroDisplay: 'stripIfInteger' }).format(Number(amount.amount));
}

/** A top-up reached the billing: a tap opens that top-up's page, which shows the new balance. */
export function paymentReceivedMessage(topUp: { id: string; amount: Money }, locale: PushLocale): PushMessage {
  const text = TEXTS[locale];
  return {
    title: text.paymentReceived(formatAmount(locale, topUp.amount)),
    body: text.paymentReceivedBody,
    url: `/top-up/${encodeURIComponent(topUp.id)}`,
    tag: `top-up-${topUp.id}`,
    actions: [],
  };
}
