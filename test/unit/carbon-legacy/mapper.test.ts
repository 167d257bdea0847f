import { describe, expect, it } from 'vitest';
import {
  accountStatus,
  daysLeft,
  ipv4FromInteger,
  mapCharges,
  mapPayments,
  mapPromisePay,
  mapServices,
  mapSpends,
  mapSubscriber,
  tariffName,
} from '../../../server/billing/carbon-legacy/mapper.js';
import { finOperRow, uslugaRow, usrGetRow, usrUslugaRow } from '../../../server/billing/carbon-legacy/responses.js';
import { CARBON_LEGACY_IVANOV } from '../../support/subscribers.js';

const TODAY = '2025-01-15';

const row = (fields: Record<string, string> = {}) =>
  usrGetRow.parse({
    user_id: '1001',
    login: 'ivanov',
    name: 'Иванов Пётр Сергеевич',
    email: '',
    sms: '+79161234567',
    contract_number: 'Д-1001',
    ip: '169090600',
    mac: '00:1a:2b:3c:03:e9',
    logged: '1',
    create_date: '2019-03-01',
    balance: '512.40',
    enabled: '1',
    deleted: '0',
    end_user: '1',
    tarif_id: '21',
    tarif_txt: '21 Домашний 100',
    abonent_pay: '300.00',
    limit_lock: '0',
    auto_account_lock: '0',
    own_disabled_end: '',
    promise_pay: '0.00',
    promise_date_end: '',
    ...fields,
  });

const catalogue = [
  { id: '3', name: 'Реальный IP-адрес', comment: 'Постоянный адрес', summa: '50.00', is_show_web: '1', web_allow_disable: '1' },
  { id: '7', name: 'Аренда роутера', comment: '', summa: '30.00', is_show_web: '1', web_allow_disable: '0' },
  { id: '9', name: 'IPTV', comment: '', summa: '99.00', is_show_web: '1', web_allow_disable: '1' },
  { id: '11', name: 'Мониторинг линии', comment: '', summa: '15.00', is_show_web: '0', web_allow_disable: '0' },
].map((service) => uslugaRow.parse(service));

const bindings = [
  { id: '100103', user_id: '1001', usluga_id: '3', enabled: '1' },
  { id: '100107', user_id: '1001', usluga_id: '7', enabled: '1' },
  { id: '100109', user_id: '1001', usluga_id: '9', enabled: '0' },
  { id: '100111', user_id: '1001', usluga_id: '11', enabled: '1' },
].map((binding) => usrUslugaRow.parse(binding));

describe('status', () => {
  it('follows the fields in order: ENABLED, the own pause, the locks, a negative balance', () => {
    expect(accountStatus(row(), TODAY)).toBe('ACTIVE');
    expect(accountStatus(row({ balance: '-0.01' }), TODAY)).toBe('DEBT');
    expect(accountStatus(row({ limit_lock: '1', balance: '-10' }), TODAY)).toBe('BLOCKED');
    expect(accountStatus(row({ auto_account_lock: '1' }), TODAY)).toBe('BLOCKED');
    expect(accountStatus(row({ own_disabled_end: '2025-01-15 23:59:59', limit_lock: '1' }), TODAY)).toBe('FROZEN');
    expect(accountStatus(row({ own_disabled_end: '2025-01-14 23:59:59' }), TODAY)).toBe('ACTIVE');
    expect(accountStatus(row({ enabled: '0', own_disabled_end: '2025-02-01' }), TODAY)).toBe('DISABLED');
  });
});

describe('days left, counted from the balance and the monthly fee a thirtieth a day', () => {
  it('counts whole days', () => {
    const days = (fields: Record<string, string>) => daysLeft(row(fields), accountStatus(row(fields), TODAY));
    expect(days({})).toBe(51);
    expect(days({ balance: '10.00' })).toBe(1);
    expect(days({ balance: '9.99' })).toBe(0);
    expect(days({ balance: '300.00' })).toBe(30);
    expect(days({ balance: '0.00' })).toBe(0);
    expect(days({ balance: '-5.00' })).toBe(0);
  });

  it('is 0 without service, and null when it cannot be known: no fee, a free tariff, a pause', () => {
    expect(daysLeft(row({ limit_lock: '1' }), 'BLOCKED')).toBe(0);
    expect(daysLeft(row({ enabled: '0' }), 'DISABLED')).toBe(0);
    expect(daysLeft(row({ abonent_pay: '' }), 'ACTIVE')).toBeNull();
    expect(daysLeft(row({ abonent_pay: '0.00' }), 'ACTIVE')).toBeNull();
    expect(daysLeft(row(), 'FROZEN')).toBeNull();
  });
});

describe('the subscriber', () => {
  it('maps CLN_USR_GET without inventing what it lacks', () => {
    // This row has an empty EMAIL and IP INTEGER 169090600.
    expect(mapSubscriber(row(), TODAY, 'RUB')).toEqual({ ...CARBON_LEGACY_IVANOV, email: null, ipAddresses: ['10.20.30.40'] });
  });

  it('has no MAC when MAC is empty, and no online state when LOGGED is NULL', () => {
    const bare = mapSubscriber(row({ mac: '', logged: '' }), TODAY, 'RUB');
    expect(bare.macAddresses).toEqual([]);
    expect(bare.online).toBeNull();
    expect(mapSubscriber(row({ logged: '0' }), TODAY, 'RUB').online).toBe(false);
  });

  it('reads IP INTEGER as Firebird keeps it, signed, and 0 or empty as no address', () => {
    expect(ipv4FromInteger('-1062731775')).toBe('192.168.0.1');
    expect(ipv4FromInteger('3232235521')).toBe('192.168.0.1');
    expect(ipv4FromInteger('0')).toBeNull();
    expect(ipv4FromInteger(null)).toBeNull();
    expect(ipv4FromInteger('4294967296')).toBeNull();
    expect(mapSubscriber(row({ ip: '' }), TODAY, 'RUB').ipAddresses).toEqual([]);
  });

  it('names the tariff without its own id in front, and only that id', () => {
    expect(tariffName(row())).toBe('Домашний 100');
    expect(tariffName(row({ tarif_txt: '21. Домашний 100' }))).toBe('Домашний 100');
    expect(tariffName(row({ tarif_txt: '100 Мбит' }))).toBe('100 Мбит');
    expect(tariffName(row({ tarif_txt: '210 Мбит' }))).toBe('210 Мбит');
    expect(tariffName(row({ tarif_txt: '21' }))).toBe('21');
    expect(tariffName(row({ tarif_txt: '' }))).toBeNull();
    expect(mapSubscriber(row({ tarif_txt: '', abonent_pay: '' }), TODAY, 'RUB').tariff).toBeNull();
  });
});

describe('services and spends', () => {
  it('lists what the cabinet shows; a switched-off binding is not connected; disconnect follows WEB_ALLOW_DISABLE', () => {
    expect(mapServices(catalogue, bindings, 'RUB')).toEqual([
      { id: '3', name: 'Реальный IP-адрес', description: 'Постоянный адрес', price: { amount: '50.00', currency: 'RUB' }, connected: true, canConnect: false, canDisconnect: true, pending: false },
      { id: '7', name: 'Аренда роутера', description: null, price: { amount: '30.00', currency: 'RUB' }, connected: true, canConnect: false, canDisconnect: false, pending: false },
      { id: '9', name: 'IPTV', description: null, price: { amount: '99.00', currency: 'RUB' }, connected: false, canConnect: true, canDisconnect: false, pending: false },
    ]);
  });

  it('spends the tariff first, then every connected paid service, hidden ones too', () => {
    expect(mapSpends(row(), catalogue, bindings, 'RUB').map((spend) => [spend.name, spend.price.amount])).toEqual([
      ['Домашний 100', '300.00'],
      ['Реальный IP-адрес', '50.00'],
      ['Аренда роутера', '30.00'],
      ['Мониторинг линии', '15.00'],
    ]);
  });
});

describe('promised payment', () => {
  it('offers the debt plus a month’s fee, with the amount as its id', () => {
    expect(mapPromisePay(row({ balance: '-120.50' }), TODAY, 'RUB', 3)).toEqual({
      active: null,
      offers: [{ id: '420.50', amount: { amount: '420.50', currency: 'RUB' }, days: 3, fee: null, description: null }],
      refusal: null,
    });
    expect(mapPromisePay(row(), TODAY, 'RUB', 5).offers).toEqual([{ id: '300.00', amount: { amount: '300.00', currency: 'RUB' }, days: 5, fee: null, description: null }]);
  });

  it('shows one in force until its end date and offers none meanwhile', () => {
    expect(mapPromisePay(row({ promise_pay: '420.50', promise_date_end: '2025-01-15 23:59:59' }), TODAY, 'RUB', 3)).toEqual({
      active: { amount: { amount: '420.50', currency: 'RUB' }, until: '2025-01-15' },
      offers: [],
      refusal: null,
    });
    expect(mapPromisePay(row({ promise_pay: '420.50', promise_date_end: '2025-01-14 23:59:59' }), TODAY, 'RUB', 3).active).toBeNull();
  });

  it('offers none on a disabled account or without a fee', () => {
    expect(mapPromisePay(row({ enabled: '0' }), TODAY, 'RUB', 3).offers).toEqual([]);
    expect(mapPromisePay(row({ abonent_pay: '' }), TODAY, 'RUB', 3).offers).toEqual([]);
  });
});

describe('payments', () => {
  it('keeps this subscriber’s payments (type 2), newest first, and leaves out an unreadable date', () => {
    const rows = [
      { id: '1', user_id: '1001', op_date: '2024-12-13 18:02:55', summa: '300', descr: 'QIWI', op_type: '2' },
      { id: '2', user_id: '1001', op_date: '2025-01-14 00:05:00', summa: '-10', descr: 'Абонентская плата', op_type: '1' },
      { id: '3', user_id: '1001', op_date: '2025-01-13 09:41:12', summa: '500', descr: '', op_type: '2' },
      { id: '4', user_id: '1002', op_date: '2025-01-13 10:00:00', summa: '100', descr: 'чужой', op_type: '2' },
      { id: '5', user_id: '1001', op_date: 'вчера', summa: '1', descr: '', op_type: '2' },
    ].map((operation) => finOperRow.parse(operation));
    expect(mapPayments(rows, '1001', 'RUB')).toEqual([
      { date: new Date(2025, 0, 13, 9, 41, 12).toISOString(), amount: { amount: '500.00', currency: 'RUB' }, note: null },
      { date: new Date(2024, 11, 13, 18, 2, 55).toISOString(), amount: { amount: '300.00', currency: 'RUB' }, note: 'QIWI' },
    ]);
  });
});

describe('charges', () => {
  it('gives write-offs as positive amounts newest first, a storno as a negative one, and leaves out payments and other subscribers', () => {
    const rows = [
      { user_id: '1001', op_date: '2025-01-01 00:05:00', summa: '-10.00', descr: 'Абонентская плата', op_type: '1' },
      { user_id: '1001', op_date: '2025-01-02 00:05:00', summa: '10.00', descr: 'Сторно', op_type: '1' },
      { user_id: '1001', op_date: '2025-01-03 09:00:00', summa: '500.00', descr: 'Оплата', op_type: '2' },
      { user_id: '1002', op_date: '2025-01-03 00:05:00', summa: '-10.00', descr: 'Абонентская плата', op_type: '1' },
      { user_id: '1001', op_date: '2025-01-04 00:05:00', summa: '-7.00', descr: '', op_type: '1' },
    ].map((row) => finOperRow.parse(row));
    const charges = mapCharges(rows, '1001', 'RUB');
    expect(charges.map((charge) => [charge.amount.amount, charge.name, charge.kind])).toEqual([
      ['7.00', '', 'OTHER'],
      ['-10.00', 'Сторно', 'OTHER'],
      ['10.00', 'Абонентская плата', 'OTHER'],
    ]);
  });
});
