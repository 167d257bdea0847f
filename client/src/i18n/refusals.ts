import type { RefusalKind } from '../app/refusal.js';
import type { Language } from './index.js';

/**
 * Why a billing said no, in each language (see `client/src/app/refusal.ts`). Kept apart from the main
 * dictionaries so that only the screens that take money or change services load them.
 */
export const REFUSAL_TEXTS = {
  uk: {
    debtTooLarge: 'Ваш борг більший, ніж може покрити обіцяний платіж. Поповніть баланс, щоб увімкнути Інтернет.',
    notEnoughMoney: 'На балансі недостатньо грошей для цього. Спершу поповніть баланс.',
    wrongCode: 'Код неправильний. Перевірте повідомлення або попросіть новий код.',
    noDebt: 'Ваш баланс не від’ємний, тож обіцяний платіж не потрібен.',
    alreadyActive: 'У вас уже є обіцяний платіж.',
    alreadyUsed: 'Цього місяця ви вже брали обіцяний платіж. Поповніть баланс.',
    notPaidPrevious: 'Новий обіцяний платіж буде доступний, коли попередній сплачено. Поповніть баланс.',
    paused: 'Ваш рахунок призупинено або вимкнено, тому це недоступно. Зверніться до провайдера.',
    wrongDay: 'Цього дня місяця обіцяний платіж недоступний. Поповніть баланс.',
    tariffNotAllowed: 'На вашому тарифі це недоступно. Зверніться до провайдера.',
    promiseOff: 'Провайдер не надає обіцяних платежів. Зверніться до нього, якщо потрібно більше часу на оплату.',
    serviceBusy: 'Провайдер уже застосовує зміну цієї послуги. Перевірте за кілька хвилин.',
    onlyProvider: 'Це може зробити лише провайдер. Зверніться до нього.',
    tariffBooked: 'Зміну тарифу вже заплановано. Скасуйте її, щоб обрати інший тариф.',
    passwordRequired: 'Введіть пароль, щоб зробити цю зміну.',
    other: 'Білінг провайдера не дозволив це. Зверніться до провайдера, якщо потрібна допомога.',
  },
  ru: {
    debtTooLarge: 'Ваш долг больше, чем может покрыть обещанный платёж. Пополните баланс, чтобы включить Интернет.',
    notEnoughMoney: 'На балансе недостаточно денег для этого. Сначала пополните баланс.',
    wrongCode: 'Код неверный. Проверьте сообщение или запросите новый код.',
    noDebt: 'Ваш баланс не отрицательный, поэтому обещанный платёж не нужен.',
    alreadyActive: 'У вас уже есть обещанный платёж.',
    alreadyUsed: 'В этом месяце вы уже брали обещанный платёж. Пополните баланс.',
    notPaidPrevious: 'Новый обещанный платёж будет доступен, когда предыдущий оплачен. Пополните баланс.',
    paused: 'Ваш счёт приостановлен или отключён, поэтому это недоступно. Обратитесь к провайдеру.',
    wrongDay: 'В этот день месяца обещанный платёж недоступен. Пополните баланс.',
    tariffNotAllowed: 'На вашем тарифе это недоступно. Обратитесь к провайдеру.',
    promiseOff: 'Провайдер не предоставляет обещанных платежей. Обратитесь к нему, если нужно больше времени на оплату.',
    serviceBusy: 'Провайдер уже применяет изменение этой услуги. Проверьте через несколько минут.',
    onlyProvider: 'Это может сделать только провайдер. Обратитесь к нему.',
    tariffBooked: 'Смена тарифа уже запланирована. Отмените её, чтобы выбрать другой тариф.',
    passwordRequired: 'Введите пароль, чтобы сделать это изменение.',
    other: 'Биллинг провайдера не разрешил это. Обратитесь к провайдеру, если нужна помощь.',
  },
  en: {
    debtTooLarge: 'Your debt is larger than a promised payment can cover. Top up your balance to turn the Internet on.',
    notEnoughMoney: 'There is not enough money on your balance for this. Top up your balance first.',
    wrongCode: 'This code is wrong. Check the message, or ask for a new code.',
    noDebt: 'Your balance is not negative, so a promised payment is not needed.',
    alreadyActive: 'You already have a promised payment.',
    alreadyUsed: 'You have already taken a promised payment this month. Top up your balance instead.',
    notPaidPrevious: 'A new promised payment is available once the previous one is paid. Top up your balance.',
    paused: 'Your account is paused or switched off, so this is not available. Contact your provider.',
    wrongDay: 'A promised payment is not available on this day of the month. Top up your balance instead.',
    tariffNotAllowed: 'This is not available on your tariff. Contact your provider.',
    promiseOff: 'Your provider does not offer promised payments. Contact them if you need more time to pay.',
    serviceBusy: 'Your provider is already applying a change to this service. Look again in a few minutes.',
    onlyProvider: 'Only your provider can do this. Contact them.',
    tariffBooked: 'A tariff change is already booked. Cancel it to choose another tariff.',
    passwordRequired: 'Enter your password to make this change.',
    other: 'Your provider’s billing did not allow this. Contact your provider if you need help.',
  },
} as const satisfies Record<Language, Record<RefusalKind, string>>;
