import { describe, expect, it } from 'vitest';
import { carbonInstant, datePart, dottedDate } from '../../../server/billing/carbon-dates.js';
import {
  decodeCabinetResult,
  flag,
  getUserAnswer,
  isNotAuthorized,
  loginAnswer,
  optionalMoney,
  parseCabinetAnswer,
  parseRestEnvelope,
  payLogAnswer,
  promisePayListAnswer,
  requiredMoney,
  resetPasswordAnswer,
  userInfoAnswer,
  uslugaListAnswer,
} from '../../../server/billing/carbon5/responses.js';
import { thrown } from '../../support/expectations.js';

describe('Carbon scalars', () => {
  it('reads flags as "1"/"0", 1/0 or booleans, and null when absent', () => {
    expect(['1', 1, true].map((value) => flag.parse(value))).toEqual([true, true, true]);
    expect(['0', 0, false].map((value) => flag.parse(value))).toEqual([false, false, false]);
    expect(flag.parse(undefined)).toBeNull();
    expect(flag.parse(null)).toBeNull();
    expect(flag.safeParse('yes').success).toBe(false);
  });

  it('reads money from numbers and numeric strings into two-digit decimals', () => {
    expect(requiredMoney.parse(390.67)).toBe('390.67');
    expect(requiredMoney.parse('-120.5')).toBe('-120.50');
    expect(requiredMoney.parse('100')).toBe('100.00');
    expect(requiredMoney.parse(0.1 + 0.2)).toBe('0.30');
    expect(requiredMoney.safeParse('сто').success).toBe(false);
    expect(requiredMoney.safeParse(null).success).toBe(false);
  });

  it('gives null for optional money that is missing, blank or not a number', () => {
    expect(optionalMoney.parse(undefined)).toBeNull();
    expect(optionalMoney.parse('')).toBeNull();
    expect(optionalMoney.parse('n/a')).toBeNull();
    expect(optionalMoney.parse('0.00')).toBe('0.00');
  });

  it('takes the date part of Carbon dates and date-times, and refuses impossible ones', () => {
    expect(datePart('2025-01-31 23:59:59.123456')).toBe('2025-01-31');
    expect(datePart('2025-01-31 23:59:59')).toBe('2025-01-31');
    expect(datePart('2025-01-31T08:00')).toBe('2025-01-31');
    expect(datePart('2025-01-31')).toBe('2025-01-31');
    expect(datePart('31.01.2025')).toBe('2025-01-31');
    expect(datePart('2025-02-30')).toBeNull();
    expect(datePart('None')).toBeNull();
    expect(datePart('')).toBeNull();
    expect(datePart(null)).toBeNull();
  });

  it('reads a zone-less Carbon date-time as the local time of the BFF', () => {
    expect(carbonInstant('2025-01-10 14:03:07.250000')).toBe(new Date(2025, 0, 10, 14, 3, 7).toISOString());
    expect(carbonInstant('2025-01-10')).toBe(new Date(2025, 0, 10).toISOString());
    expect(carbonInstant('yesterday')).toBeNull();
  });

  it('writes date arguments as dd.MM.yyyy', () => {
    expect(dottedDate('2025-01-05')).toBe('05.01.2025');
  });

  it('recognises the expired-session refusal', () => {
    expect(isNotAuthorized('Необходимо авторизоваться')).toBe(true);
    expect(isNotAuthorized('Ошибка: необходимо авторизоваться.')).toBe(true);
    expect(isNotAuthorized('Неверный логин или пароль')).toBe(false);
  });
});

describe('web_cabinet answers', () => {
  it('reads a login answer and refuses a session id of "0" or none', () => {
    const answer = loginAnswer.parse({ session_id: '144997776676316356', user: { pk: 1234, login: 'BILL0000664', extra: {} }, message: 'ok' });
    expect(answer).toEqual({ session_id: '144997776676316356', user: { pk: '1234', login: 'BILL0000664' } });
    expect(loginAnswer.safeParse({ session_id: '0', user: { pk: 1 } }).success).toBe(false);
    expect(loginAnswer.safeParse({ session_id: '', user: { pk: 1 } }).success).toBe(false);
    expect(loginAnswer.safeParse({ session_id: 'x' }).success).toBe(false);
  });

  it('reads get_user with missing fields as null and unknown ones ignored', () => {
    const { user } = getUserAnswer.parse({
      user: {
        login: 'BILL0000664',
        enabled: 1,
        something_new: [1, 2],
        abonent: { pk: '45', __account: '№ 10001466 Баланс: 390.67', minimal_pay_sum: 0, own_disabled_start: '2025-01-10 00:00:00', sms: '' },
      },
      __user: 'BILL0000664',
    });
    expect(user.enabled).toBe(true);
    expect(user.pk).toBeNull();
    expect(user.__abonent).toBeNull();
    expect(user.abonent_pay).toBeNull();
    expect(user.abonent.pk).toBe('45');
    expect(user.abonent.minimal_pay_sum).toBe('0.00');
    expect(user.abonent.own_disabled_start).toBe('2025-01-10');
    expect(user.abonent.own_disabled_end).toBeNull();
    expect(user.abonent.sms).toBeNull();
    expect(user.abonent.promise_pay).toBeNull();
    expect(user.abonent).not.toHaveProperty('something_new');
    expect(getUserAnswer.safeParse({ user: { login: 'x' } }).success).toBe(false);
  });

  it('reads user_info with the balance as a number or a string and in_block either way', () => {
    expect(userInfoAnswer.parse({ tarif_id: 17, balance: 390.67, in_block: '0', enough_to_date: '2025-12-01', minimal_pay_sum: '0.00' })).toEqual({
      tarif_id: '17',
      balance: '390.67',
      in_block: false,
      enough_to_date: '2025-12-01',
      minimal_pay_sum: '0.00',
      recomend_pay_sum: null,
    });
    expect(userInfoAnswer.parse({ balance: '-120.50', in_block: 1 })).toMatchObject({ balance: '-120.50', in_block: true, enough_to_date: null });
    expect(userInfoAnswer.safeParse({ in_block: '0' }).success).toBe(false);
  });

  it('reads the three-array service list, and accepts it without the descriptions array', () => {
    const available = { pk: 12, name: 'Статический IP', comments: 'Белый адрес', summa: '150.00', is_show_web: '1', web_allow_disable: '0', system_type_id: 0 };
    const binding = { pk: 1506, __usluga: 'Статический IP: Белый адрес', debit: '150.00', activated: '1' };
    const [services, bindings, descriptions] = uslugaListAnswer.parse([[available], [binding], [{ pk: 12, name: 'Статический IP' }]]);
    expect(services).toEqual([{ pk: '12', name: 'Статический IP', comments: 'Белый адрес', summa: '150.00', is_show_web: true, web_allow_disable: false }]);
    expect(bindings).toEqual([{ pk: '1506', usluga_id: null, __usluga: 'Статический IP: Белый адрес', __self: null, debit: '150.00', activated: true }]);
    expect(descriptions).toEqual([{ pk: 12, name: 'Статический IP' }]);
    expect(uslugaListAnswer.parse([[available], []])[1]).toEqual([]);
    expect(uslugaListAnswer.safeParse([[available]]).success).toBe(false);
    expect(uslugaListAnswer.safeParse({ items: [] }).success).toBe(false);
  });

  it('reads promised-payment offers with days and ids as numbers or strings', () => {
    expect(promisePayListAnswer.parse([{ id: 144, name: 'На 3 дня', summa: '100.00', days: '3', price: '0.00' }, { id: '145', summa: 200, days: 7 }])).toEqual([
      { id: '144', name: 'На 3 дня', summa: '100.00', days: 3, price: '0.00' },
      { id: '145', name: null, summa: '200.00', days: 7, price: null },
    ]);
    expect(promisePayListAnswer.safeParse([{ id: 1, summa: '100.00', days: 0 }]).success).toBe(false);
  });

  it('reads the pay log, reset_password and dynamic session answers', () => {
    expect(payLogAnswer.parse({ items: [{ op_date: '2025-01-10 14:03:00', op_summa: 300, descr: 'Приват24' }], total: 1 }).items).toEqual([
      { op_date: '2025-01-10 14:03:00', op_summa: '300.00', descr: 'Приват24' },
    ]);
    expect(resetPasswordAnswer.parse({ uid: 297, message: 'Код отправлен' })).toEqual({ uid: '297', message: 'Код отправлен' });
  });
});

describe('refusals, envelopes and garbage', () => {
  it('tells Carbon refusing from an answer', () => {
    expect(parseCabinetAnswer('t', loginAnswer, { error: 'Неверный логин или пароль' })).toEqual({ refused: 'Неверный логин или пароль' });
    expect(parseCabinetAnswer('t', resetPasswordAnswer, { error: '', uid: '5' })).toEqual({ value: { uid: '5', message: null } });
  });

  it('turns a shape it does not expect into UPSTREAM_ERROR that names where, never the values', () => {
    const secret = '144997776676316356';
    const error = thrown(() => parseCabinetAnswer('carbon5 web_cabinet.login', loginAnswer, { session_id: secret, user: { pk: 'abc' } }));
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.detail).toContain('carbon5 web_cabinet.login');
    expect(error.detail).toContain('user.pk');
    expect(`${error.message} ${error.detail}`).not.toContain(secret);
    expect(thrown(() => parseCabinetAnswer('t', userInfoAnswer, [1, 2])).code).toBe('UPSTREAM_ERROR');
    expect(thrown(() => parseCabinetAnswer('t', userInfoAnswer, 'Context=web is not defined')).code).toBe('UPSTREAM_ERROR');
  });

  it('reads the REST v2 envelope: result, refusal, empty error, neither', () => {
    expect(parseRestEnvelope('t', { call: '/rest_api/v2/Users/', result: { pk: 1 } })).toEqual({ result: { pk: 1 } });
    expect(parseRestEnvelope('t', { call: '/rest_api/v2/Users/', error: 'Users matching query does not exist.' })).toEqual({
      refused: 'Users matching query does not exist.',
    });
    expect(parseRestEnvelope('t', { call: '/rest_api/v2/Users/', error: '', result: null })).toEqual({ result: null });
    expect(thrown(() => parseRestEnvelope('t', { call: '/rest_api/v2/Users/' })).code).toBe('UPSTREAM_ERROR');
    expect(thrown(() => parseRestEnvelope('t', ['result'])).code).toBe('UPSTREAM_ERROR');
  });

  it('decodes web_cabinet results from REST v2 result[0], a JSON string, with its own error inside', () => {
    expect(decodeCabinetResult('t', ['{"error": "\\u041d\\u0435\\u043e\\u0431\\u0445\\u043e\\u0434\\u0438\\u043c\\u043e \\u0430\\u0432\\u0442\\u043e\\u0440\\u0438\\u0437\\u043e\\u0432\\u0430\\u0442\\u044c\\u0441\\u044f"}'])).toEqual({
      error: 'Необходимо авторизоваться',
    });
    expect(decodeCabinetResult('t', ['[[], [], []]', 'application/json'])).toEqual([[], [], []]);
    expect(thrown(() => decodeCabinetResult('t', [{ error: 'x' }])).code).toBe('UPSTREAM_ERROR');
    expect(thrown(() => decodeCabinetResult('t', ['<html>'])).code).toBe('UPSTREAM_ERROR');
    expect(thrown(() => decodeCabinetResult('t', [])).code).toBe('UPSTREAM_ERROR');
  });
});
