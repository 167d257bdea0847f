import { describe, expect, it } from 'vitest';
import {
  mapCharges,
  accountNumberFromDisplay,
  accountStatus,
  bindingServiceName,
  daysLeft,
  mapPayments,
  mapPromisePay,
  mapServices,
  mapSpends,
  mapSubscriber,
  resetChannel,
} from '../../../server/billing/carbon5/mapper.js';
import { archAccountStackResult, getUserAnswer, payLogAnswer, promisePayListAnswer, userInfoAnswer, uslugaListAnswer } from '../../../server/billing/carbon5/responses.js';
import { CARBON5_SHEVCHENKO } from '../../support/subscribers.js';

const TODAY = '2025-01-15';

function carbonUser(abonent: Record<string, unknown> = {}, user: Record<string, unknown> = {}) {
  return getUserAnswer.parse({
    user: {
      pk: 101,
      login: 'BILL0000101',
      __abonent: 'Шевченко Тарас Григорович',
      enabled: '1',
      phone: '+380441112233',
      ip: '10.20.0.101',
      mac: '00:1a:2b:00:00:65',
      abonent_pay: '250.00',
      ...user,
      abonent: {
        pk: 4501,
        contract_number: '10000101',
        __account: '№ 10000101 Баланс: 412.50',
        __tarif: 'Домашній 100',
        __home: 'м. Київ, вул. Хрещатик, 1',
        a_home_number: '5',
        sms: '+380501234567',
        own_disabled_start: null,
        own_disabled_end: null,
        activate_date: '2021-03-01 00:00:00',
        contract_date: '2021-02-26',
        ...abonent,
      },
    },
  }).user;
}

const userInfo = (info: Record<string, unknown> = {}) =>
  userInfoAnswer.parse({ tarif_id: 17, balance: 412.5, in_block: '0', enough_to_date: '2025-02-21 00:00:00', minimal_pay_sum: '0.00', ...info });

describe('status', () => {
  it('follows Carbon: disabled, then a voluntary block covering today, then in_block, then a negative balance', () => {
    expect(accountStatus(carbonUser(), userInfo(), TODAY)).toBe('ACTIVE');
    expect(accountStatus(carbonUser(), userInfo({ balance: '-0.01' }), TODAY)).toBe('DEBT');
    expect(accountStatus(carbonUser(), userInfo({ balance: -850, in_block: 1 }), TODAY)).toBe('BLOCKED');
    const frozen = carbonUser({ own_disabled_start: '2025-01-10 00:00:00', own_disabled_end: '2025-01-20 23:59:59' });
    expect(accountStatus(frozen, userInfo({ in_block: '1', balance: -5 }), TODAY)).toBe('FROZEN');
    expect(accountStatus(carbonUser({}, { enabled: '0' }), userInfo({ in_block: '1' }), TODAY)).toBe('DISABLED');
  });

  it('counts the voluntary block window inclusively, open-ended when it has no end, and not before it starts', () => {
    const window = (start: string | null, end: string | null) => accountStatus(carbonUser({ own_disabled_start: start, own_disabled_end: end }), userInfo(), TODAY);
    expect(window('2025-01-15', '2025-01-15')).toBe('FROZEN');
    expect(window('2025-01-01', null)).toBe('FROZEN');
    expect(window('2025-01-16', '2025-01-30')).toBe('ACTIVE');
    expect(window('2025-01-01', '2025-01-14')).toBe('ACTIVE');
    expect(window(null, '2025-01-30')).toBe('ACTIVE');
  });

  it('counts days left to paidUntil, 0 when past or without service, null when unknown', () => {
    expect(daysLeft('ACTIVE', '2025-02-21', TODAY)).toBe(37);
    expect(daysLeft('ACTIVE', '2025-01-15', TODAY)).toBe(0);
    expect(daysLeft('DEBT', '2025-01-01', TODAY)).toBe(0);
    expect(daysLeft('BLOCKED', '2025-03-01', TODAY)).toBe(0);
    expect(daysLeft('DISABLED', null, TODAY)).toBe(0);
    expect(daysLeft('ACTIVE', null, TODAY)).toBeNull();
    expect(daysLeft('ACTIVE', '2025-03-30', '2025-03-29')).toBe(1);
  });
});

describe('subscriber', () => {
  it('maps get_user and user_info once into the domain subscriber', () => {
    // This get_user has neither an e-mail nor the next charge day.
    expect(mapSubscriber(carbonUser(), userInfo(), TODAY, 'UAH', 'typed')).toEqual({ ...CARBON5_SHEVCHENKO, email: null, nextChargeOn: null });
  });

  it('asks for the minimal payment first, else the recommended one, only when above zero', () => {
    const debt = mapSubscriber(carbonUser({ recomend_pay_sum: '370.50' }), userInfo({ balance: '-120.50', minimal_pay_sum: 120.5 }), TODAY, 'UAH', 'x');
    expect(debt.amountToPay).toEqual({ amount: '120.50', currency: 'UAH' });
    expect(debt.status).toBe('DEBT');
    const recommended = mapSubscriber(carbonUser({ recomend_pay_sum: '80.00' }), userInfo({ minimal_pay_sum: '0.00' }), TODAY, 'UAH', 'x');
    expect(recommended.amountToPay).toEqual({ amount: '80.00', currency: 'UAH' });
    expect(debt.recommendedToPay).toEqual({ amount: '370.50', currency: 'UAH' });
  });

  it('gives the pause end only while paused, the booked tariff date only with a booked tariff, and the next charge day', () => {
    const paused = mapSubscriber(
      carbonUser({ own_disabled_start: '2025-01-10 00:00:00', own_disabled_end: '2025-01-25 23:59:59', __tarif_next: 'Швидкий 500', tarif_next_date: '2025-02-01 00:00:00' }),
      userInfo(),
      TODAY,
      'UAH',
      'x',
    );
    expect(paused).toMatchObject({ status: 'FROZEN', pausedUntil: '2025-01-25', nextTariff: { name: 'Швидкий 500' }, nextTariffFrom: '2025-02-01' });
    const later = mapSubscriber(carbonUser({ own_disabled_start: '2025-03-01 00:00:00', own_disabled_end: '2025-03-05 23:59:59', tarif_next_date: '2025-02-01 00:00:00' }), userInfo(), TODAY, 'UAH', 'x');
    expect(later).toMatchObject({ status: 'ACTIVE', pausedUntil: null, nextTariffFrom: null });
  });

  it('takes the contract number for the payment id when the personal account is not shown', () => {
    expect(mapSubscriber(carbonUser({ __account: null }), userInfo(), TODAY, 'UAH', 'x').paymentId).toBe('10000101');
  });

  it('gives null for what Carbon does not say, and the typed login when Carbon gives none', () => {
    const bare = getUserAnswer.parse({ user: { abonent: {} } }).user;
    const subscriber = mapSubscriber(bare, userInfoAnswer.parse({ balance: '0' }), TODAY, 'UAH', 'BILL0000777');
    expect(subscriber).toMatchObject({
      login: 'BILL0000777',
      fullName: null,
      contractNumber: null,
      accountNumber: null,
      tariff: null,
      paidUntil: null,
      daysLeft: null,
      address: null,
      phone: null,
      ipAddresses: [],
      macAddresses: [],
      contractDate: null,
      connectedSince: null,
      paymentId: null,
      status: 'ACTIVE',
    });
  });

  it('has no IP or MAC address when Carbon gives a blank one', () => {
    expect(mapSubscriber(carbonUser({}, { ip: '' }), userInfo(), TODAY, 'UAH', 'x').ipAddresses).toEqual([]);
    expect(mapSubscriber(carbonUser({}, { mac: '' }), userInfo(), TODAY, 'UAH', 'x').macAddresses).toEqual([]);
    expect(mapSubscriber(carbonUser({}, { ip: ' 2001:db8::5 ' }), userInfo(), TODAY, 'UAH', 'x').ipAddresses).toEqual(['2001:db8::5']);
  });

  it('knows a tariff without a fee, and the booked next tariff', () => {
    const subscriber = mapSubscriber(carbonUser({ __tarif_next: 'Швидкий 500' }, { abonent_pay: null }), userInfo(), TODAY, 'UAH', 'x');
    expect(subscriber.tariff).toEqual({ name: 'Домашній 100', fee: null, period: null, speedIn: null, speedOut: null, includedTrafficMb: null });
    expect(subscriber.nextTariff?.name).toBe('Швидкий 500');
    expect(subscriber.nextTariffFrom).toBeNull();
    const dated = mapSubscriber(carbonUser({ __tarif_next: 'Швидкий 500', tarif_next_date: '2025-02-01 00:00:00' }), userInfo(), TODAY, 'UAH', 'x');
    expect(dated.nextTariffFrom).toBe('2025-02-01');
  });

  it('reads the account number out of "__account", negative balance or not', () => {
    expect(accountNumberFromDisplay('№ 10001466 Баланс: -120.50')).toBe('10001466');
    expect(accountNumberFromDisplay('№10001466 Баланс: 390.67')).toBe('10001466');
    expect(accountNumberFromDisplay('Баланс: 390.67')).toBeNull();
    expect(accountNumberFromDisplay(null)).toBeNull();
  });
});

describe('services and spends', () => {
  const list = uslugaListAnswer.parse([
    [
      { pk: 12, name: 'Статична IP-адреса', comments: 'Постійна адреса', summa: '50.00', is_show_web: '1', web_allow_disable: '1' },
      { pk: 87, name: 'Оренда роутера', comments: '', summa: 30, is_show_web: 1, web_allow_disable: '0' },
      { pk: 86, name: 'Антивірус', summa: '39.00', is_show_web: '1', web_allow_disable: '1' },
      { pk: 95, name: 'Моніторинг лінії', summa: '0.00', is_show_web: '0', web_allow_disable: '0' },
      { pk: 96, name: 'Без прапорця', summa: '1.00' },
    ],
    [
      { pk: 4501012, __usluga: 'Статична IP-адреса: Постійна адреса', debit: '50.00', activated: '1' },
      { pk: 4501087, __self: 'Оренда роутера: (30.00 грн.)', activated: '1' },
      { pk: 4501095, __usluga: 'Моніторинг лінії: службова', debit: '0.00' },
      { pk: 4501099, __usluga: 'Абонентська плата за IP-TV: пакет', debit: '20.00' },
    ],
    [],
  ]);

  it('lists the services the cabinet may show, connected when a binding names them', () => {
    expect(mapServices(list, 'UAH')).toEqual([
      {
        id: '12',
        name: 'Статична IP-адреса',
        description: 'Постійна адреса',
        price: { amount: '50.00', currency: 'UAH' },
        connected: true,
        canConnect: false,
        canDisconnect: true,
        pending: false,
      },
      { id: '87', name: 'Оренда роутера', description: null, price: { amount: '30.00', currency: 'UAH' }, connected: true, canConnect: false, canDisconnect: false, pending: false },
      { id: '86', name: 'Антивірус', description: null, price: { amount: '39.00', currency: 'UAH' }, connected: false, canConnect: true, canDisconnect: false, pending: false },
    ]);
  });

  it('matches a binding by usluga_id when Carbon gives one, not by name', () => {
    const byId = uslugaListAnswer.parse([
      [
        { pk: 1, name: 'IPTV', is_show_web: '1', web_allow_disable: '1' },
        { pk: 2, name: 'IPTV', is_show_web: '1', web_allow_disable: '1' },
      ],
      [{ pk: 9, usluga_id: '2', __usluga: 'IPTV: пакет' }],
    ]);
    expect(mapServices(byId, 'UAH').map((service) => [service.id, service.connected])).toEqual([
      ['1', false],
      ['2', true],
    ]);
  });

  it('takes the name before ":" of a binding', () => {
    const [, bindings] = list;
    expect(bindings.map(bindingServiceName)).toEqual(['Статична IP-адреса', 'Оренда роутера', 'Моніторинг лінії', 'Абонентська плата за IP-TV']);
  });

  it('lists the tariff first, then every connected service that costs something, hidden ones included', () => {
    expect(mapSpends(carbonUser(), list, 'UAH')).toEqual([
      { name: 'Домашній 100', price: { amount: '250.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'Статична IP-адреса', price: { amount: '50.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'Оренда роутера', price: { amount: '30.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'Абонентська плата за IP-TV', price: { amount: '20.00', currency: 'UAH' }, period: 'MONTH' },
    ]);
    expect(mapSpends(carbonUser({}, { abonent_pay: null }), list, 'UAH')[0]?.name).toBe('Статична IP-адреса');
  });
});

describe('promised payment, payments, password reset', () => {
  const offers = promisePayListAnswer.parse([
    { id: 144, name: 'На 3 дні', summa: '100.00', days: 3, price: '0.00' },
    { id: 145, name: 'На 7 днів', summa: '200.00', days: 7, price: '5.00' },
  ]);

  it('shows the active promised payment from the abonent, and none when its amount is "0.00"', () => {
    const active = mapPromisePay(carbonUser({ promise_pay: '100.00', promise_date_end: '2025-01-18 23:59:59' }), offers, 'UAH');
    expect(active.active).toEqual({ amount: { amount: '100.00', currency: 'UAH' }, until: '2025-01-18' });
    expect(active.offers).toEqual([
      { id: '144', amount: { amount: '100.00', currency: 'UAH' }, days: 3, fee: { amount: '0.00', currency: 'UAH' }, description: 'На 3 дні' },
      { id: '145', amount: { amount: '200.00', currency: 'UAH' }, days: 7, fee: { amount: '5.00', currency: 'UAH' }, description: 'На 7 днів' },
    ]);
    expect(mapPromisePay(carbonUser({ promise_pay: '0.00', promise_date_end: null }), offers, 'UAH').active).toBeNull();
    expect(mapPromisePay(carbonUser(), [], 'UAH')).toEqual({ active: null, offers: [], refusal: null });
  });

  it('lists payments newest first and leaves out one with an unreadable date', () => {
    const log = payLogAnswer.parse({
      items: [
        { op_date: '2024-12-05 18:02:55', op_summa: '350.00', descr: 'EasyPay' },
        { op_date: 'вчора', op_summa: '1.00' },
        { op_date: '2025-01-12 09:41:12.000000', op_summa: 400 },
      ],
    });
    expect(mapPayments(log, 'UAH')).toEqual([
      { date: new Date(2025, 0, 12, 9, 41, 12).toISOString(), amount: { amount: '400.00', currency: 'UAH' }, note: null },
      { date: new Date(2024, 11, 5, 18, 2, 55).toISOString(), amount: { amount: '350.00', currency: 'UAH' }, note: 'EasyPay' },
    ]);
  });

  it('tells the reset channel from Carbon’s message', () => {
    expect(resetChannel('Код отправлен по SMS на номер +380*****67')).toBe('SMS');
    expect(resetChannel('Код отправлен по смс')).toBe('SMS');
    expect(resetChannel('Код отправлен на e-mail i***@example.com')).toBe('EMAIL');
    expect(resetChannel('Письмо отправлено на почту')).toBe('EMAIL');
    expect(resetChannel('Код отправлен')).toBe('UNKNOWN');
    expect(resetChannel(null)).toBe('UNKNOWN');
  });
});

describe('ArchAccountStack write-offs', () => {
  const change = (fields: Record<string, unknown>) => ({ pk: 1, model: 'ArchAccountStack', fields: { change_balance_time: '2025-01-01 00:00:00', comment: '', ...fields } });

  it('maps write-offs newest first, by tariff or service, and leaves out money in, stornos and unreadable times', () => {
    const changes = archAccountStackResult.parse([
      change({ summa: '-250.00', tarif: 5, __tarif: 'Домашній 100', usluga: null, __usluga: null, storno: 0 }),
      change({ change_balance_time: '2025-01-01 00:01:00', summa: -50, usluga: 12, __usluga: 'Статична IP-адреса', storno: '0', comment: 'за січень' }),
      change({ change_balance_time: '2025-01-02 10:00:00', summa: '-15.5' }),
      change({ summa: '400.00' }),
      change({ summa: '-250.00', __tarif: 'Домашній 100', storno: 1 }),
      change({ change_balance_time: 'never', summa: '-1.00' }),
    ]);
    expect(mapCharges(changes, 'UAH')).toEqual([
      { date: expect.stringMatching(/^2025-01-0[12]T/), amount: { amount: '15.50', currency: 'UAH' }, name: '', kind: 'OTHER', note: null },
      { date: expect.any(String), amount: { amount: '50.00', currency: 'UAH' }, name: 'Статична IP-адреса', kind: 'SERVICE', note: 'за січень' },
      { date: expect.any(String), amount: { amount: '250.00', currency: 'UAH' }, name: 'Домашній 100', kind: 'TARIFF', note: null },
    ]);
  });

  it('reads an empty list as no charges and refuses a change without an amount', () => {
    expect(mapCharges(archAccountStackResult.parse([]), 'UAH')).toEqual([]);
    expect(archAccountStackResult.safeParse([change({ summa: 'abc' })]).success).toBe(false);
  });
});
