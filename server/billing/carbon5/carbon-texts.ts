/*
 * Carbon 5's own words, in Russian as it answers: the simulator says them and the tests expect them.
 * Where no source shows a text, it is this simulator's choice.
 */

export const CARBON_TEXTS = {
  notAuthorized: 'Необходимо авторизоваться',
  wrongCredentials: 'Неверный логин или пароль',
  autoLoginFailed: 'Не удалось определить абонента по IP-адресу',
  userNotFound: 'Пользователь не найден',
  noResetChannel: 'Не указан номер телефона или e-mail для отправки кода',
  wrongCode: 'Неверный код подтверждения',
  passwordsDiffer: 'Пароли не совпадают',
  passwordTooShort: 'Пароль должен быть длиннее 6 символов',
  passwordChanged: 'Пароль успешно изменен',
  serviceUnavailable: 'Услуга недоступна для подключения',
  serviceConnected: 'Услуга уже подключена',
  serviceNotConnected: 'Услуга не подключена',
  serviceDisableForbidden: 'Отключение данной услуги через личный кабинет запрещено',
  serviceBusy: 'Заявка по данной услуге уже обрабатывается',
  notEnoughMoney: 'Недостаточно средств на лицевом счете для подключения услуги',
  connectAccepted: 'Заявка на подключение услуги принята',
  disconnectAccepted: 'Заявка на отключение услуги принята',
  promiseUnknown: 'Обещанный платеж не найден',
  promiseActive: 'У вас уже есть активный обещанный платеж',
  promisePositive: 'Обещанный платеж доступен только при отрицательном балансе',
  promiseDebt: (limit: string) => `Обещанный платеж недоступен: задолженность превышает ${limit}`,
  promiseTaken: (amount: string, until: string) => `Обещанный платеж на сумму ${amount} подключен до ${until}`,
  ticketNotFound: 'Заявка не найдена',
  ticketClosed: 'Заявка закрыта',
  ticketTextMissing: 'Не указан текст заявки',
  ticketCreated: 'Заявка успешно создана',
  commentAdded: 'Комментарий добавлен',
  abonentNotFound: 'Абонент не найден',
  badSum: 'Неверная сумма платежа',
  paymentTwice: 'Платеж с таким идентификатором уже проведен',
  // block_user: the request is seen in public clients, these answers are inferred ("Блокировка установлена" is a client's fallback text).
  blockSet: 'Блокировка установлена',
  blockBadDates: 'Неверно указаны даты блокировки',
  blockExists: 'Добровольная блокировка уже установлена',
} as const;

/** How Carbon names ticket states in get_helpdesk_dialogs. [seen: "Ожидает ответа"; the others inferred] */
export const TICKET_STATES = { waiting: 'Ожидает ответа', answered: 'Получен ответ', closed: 'Закрыта' } as const;
