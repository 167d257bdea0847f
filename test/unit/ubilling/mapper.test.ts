import { describe, expect, it } from 'vitest';
import {
  bytesFromSize,
  mapContacts,
  mapDaysLeft,
  mapPayments,
  mapServices,
  mapSpends,
  mapStatus,
  mapSubscriber,
  mapTraffic,
} from '../../../server/billing/ubilling/mapper.js';
import type { UserRow, Userdata } from '../../../server/billing/ubilling/replies.js';
import { onlineDaysLeft } from '../../../server/billing/ubilling/simulator.js';
import { subscriberWith } from '../../support/subscribers.js';

const NOW = new Date(2026, 10, 22, 12, 0, 0);

const row = (overrides: Partial<UserRow> = {}): UserRow => ({
  login: 'ivanov',
  Cash: '123.45',
  Credit: '0',
  CreditExpire: 0,
  Passive: false,
  Down: false,
  AlwaysOnline: true,
  Tariff: 'Unlim-100',
  Fee: '150',
  period: 'month',
  contract: '1001',
  mobile: '0671234567',
  ...overrides,
});

describe('status', () => {
  it('follows Down, Passive, then Cash against Credit', () => {
    expect(mapStatus(row())).toBe('ACTIVE');
    expect(mapStatus(row({ Cash: '0' }))).toBe('ACTIVE');
    expect(mapStatus(row({ Cash: '-15.5' }))).toBe('BLOCKED');
    expect(mapStatus(row({ Cash: '-15.5', Credit: '15.5' }))).toBe('DEBT');
    expect(mapStatus(row({ Cash: '-5.551115123125783e-17' }))).toBe('BLOCKED');
    expect(mapStatus(row({ Passive: true, Cash: '-500' }))).toBe('FROZEN');
    expect(mapStatus(row({ Down: true, Passive: true }))).toBe('DISABLED');
  });
});

describe('days left', () => {
  it('maps N to the last paid day, today counted', () => {
    expect(mapDaysLeft(9, 'ACTIVE', NOW)).toEqual({ daysLeft: 9, paidUntil: '2026-11-30' });
    expect(mapDaysLeft(1, 'ACTIVE', NOW)).toEqual({ daysLeft: 1, paidUntil: '2026-11-22' });
  });

  it('never gives a misleading number', () => {
    expect(mapDaysLeft(-1, 'BLOCKED', NOW)).toEqual({ daysLeft: 0, paidUntil: null });
    expect(mapDaysLeft(-2, 'ACTIVE', NOW)).toEqual({ daysLeft: null, paidUntil: null });
    expect(mapDaysLeft(0, 'ACTIVE', NOW)).toEqual({ daysLeft: null, paidUntil: null });
    expect(mapDaysLeft(40, 'FROZEN', NOW)).toEqual({ daysLeft: null, paidUntil: null });
    expect(mapDaysLeft(40, 'DISABLED', NOW)).toEqual({ daysLeft: null, paidUntil: null });
  });
});

describe('subscriber', () => {
  it('maps the RemoteAPI row and the XMLAgent profile once, with nulls for what Ubilling lacks', () => {
    const subscriber = mapSubscriber({
      user: row({ Cash: '0.30000000000000004', Credit: '5' }),
      daysLeftCode: 9,
      userdata: {
        login: 'ivanov',
        address: 'Kyiv Khreshchatyk 1/15',
        realname: 'Іванов Іван',
        ip: '172.16.0.15',
        phone: '0441234567',
        mobile: null,
        email: 'ivanov@example.com',
        contract: '1001',
        contractdate: '2023-01-15',
        payid: '0',
        tariff: 'Unlim-100',
        tariffnm: 'Unlim-200',
        traffdownload: '12.34 Gb',
        traffupload: '0 b',
        accountstate: 'active',
      },
      currency: 'UAH',
      now: NOW,
    });
    expect(subscriber).toEqual(
      subscriberWith({
        login: 'ivanov',
        fullName: 'Іванов Іван',
        contractNumber: '1001',
        balance: { amount: '0.30', currency: 'UAH' },
        credit: { amount: '5.00', currency: 'UAH' },
        status: 'ACTIVE',
        tariff: { name: 'Unlim-100', fee: { amount: '150.00', currency: 'UAH' }, period: 'MONTH', speedIn: null, speedOut: null, includedTrafficMb: null },
        nextTariff: { name: 'Unlim-200', fee: null, period: null, speedIn: null, speedOut: null, includedTrafficMb: null },
        daysLeft: 9,
        paidUntil: '2026-11-30',
        address: 'Kyiv Khreshchatyk 1/15',
        phone: '0441234567',
        email: 'ivanov@example.com',
        ipAddresses: ['172.16.0.15'],
        nextTariffFrom: '2026-12-01',
        contractDate: '2023-01-15',
        trafficThisMonth: { downloadBytes: '13249974108', uploadBytes: '0' },
      }),
    );
  });

  it('reads traffic as zbs_convert_size prints it, and nothing it cannot read', () => {
    expect(bytesFromSize('0 b')).toBe('0');
    expect(bytesFromSize('512 b')).toBe('512');
    expect(bytesFromSize('1.5 Kb')).toBe('1536');
    expect(bytesFromSize('1.2 Gb')).toBe('1288490189');
    expect(bytesFromSize('3 Tb')).toBe('3298534883328');
    expect(bytesFromSize('')).toBeNull();
    expect(bytesFromSize('lots')).toBeNull();
    expect(mapTraffic({ traffdownload: '1 Mb', traffupload: null })).toBeNull();
    expect(mapTraffic(null)).toBeNull();
  });

  it('dates a running credit, and not an expired or absent one', () => {
    const expire = Math.floor(new Date(2026, 11, 5, 12).getTime() / 1000);
    const credit = (Credit: string, CreditExpire: number) =>
      mapSubscriber({ user: row({ Credit, CreditExpire }), daysLeftCode: 0, userdata: null, currency: 'UAH', now: NOW }).creditUntil;
    expect(credit('100', expire)).toBe('2026-12-05');
    expect(credit('0', expire)).toBeNull();
    expect(credit('100', 0)).toBeNull();
  });

  it('has no IP address without the XMLAgent profile or with a blank one', () => {
    expect(mapSubscriber({ user: row(), daysLeftCode: 0, userdata: null, currency: 'UAH', now: NOW }).ipAddresses).toEqual([]);
    const blank = {
      login: 'ivanov',
      ...Object.fromEntries(['address', 'realname', 'phone', 'mobile', 'email', 'contract', 'contractdate', 'payid', 'tariff', 'tariffnm', 'traffdownload', 'traffupload', 'accountstate'].map((key) => [key, null])),
      ip: ' ',
    } as Userdata;
    expect(mapSubscriber({ user: row(), daysLeftCode: 0, userdata: blank, currency: 'UAH', now: NOW }).ipAddresses).toEqual([]);
  });

  it('has no tariff for *_NO_TARIFF_* and no fee for a missing tariff row', () => {
    expect(mapSubscriber({ user: row({ Tariff: '*_NO_TARIFF_*' }), daysLeftCode: 0, userdata: null, currency: 'UAH', now: NOW }).tariff).toBeNull();
    expect(mapSubscriber({ user: row({ Fee: null, period: null }), daysLeftCode: 0, userdata: null, currency: 'UAH', now: NOW }).tariff).toMatchObject({ fee: null, period: null });
  });
});

describe('spends and services', () => {
  const lines = [
    { kind: 'tariff', name: 'Unlim-100', price: '150', period: 'month' },
    { kind: 'vservice', name: 'IPTV', price: '50', period: '30' },
    { kind: 'vservice', name: 'Static IP', price: '2', period: '1' },
    { kind: 'vservice', name: 'Weekly', price: '10', period: '7' },
    { kind: 'vservice', name: 'Unset', price: '20', period: '0' },
    { kind: 'vservice', name: 'No price', price: null, period: null },
  ] as const;

  it('puts the tariff first and normalizes vservice periods', () => {
    expect(mapSpends(lines, 'UAH')).toEqual([
      { name: 'Unlim-100', price: { amount: '150.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'IPTV', price: { amount: '50.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'Static IP', price: { amount: '2.00', currency: 'UAH' }, period: 'DAY' },
      { name: 'Weekly', price: { amount: '1.43', currency: 'UAH' }, period: 'DAY' },
      { name: 'Unset', price: { amount: '20.00', currency: 'UAH' }, period: 'MONTH' },
    ]);
  });

  it('lists the vservices as connected services nobody can change here, with stable ids', () => {
    const services = mapServices(lines, 'UAH');
    expect(services.map((service) => service.name)).toEqual(['IPTV', 'Static IP', 'Weekly', 'Unset', 'No price']);
    expect(services.every((service) => service.connected && !service.canConnect && !service.canDisconnect && !service.pending)).toBe(true);
    expect(services[0]!.id).toMatch(/^vsrv-[0-9a-f]{16}$/);
    expect(mapServices(lines, 'UAH')[0]!.id).toBe(services[0]!.id);
    expect(services[4]!.price).toBeNull();
  });
});

describe('payments and contacts', () => {
  it('sorts payments newest first with ISO dates, leaving out the negative fee rows', () => {
    const payments = mapPayments(
      [
        { date: '2026-08-01 10:15:00', summ: '150', balance: '-3.5' },
        { date: '2026-09-01 09:00:00', summ: '-5', balance: '1' },
        { date: '2026-10-01 09:00:00', summ: '20.5', balance: '-4' },
      ],
      'UAH',
    );
    expect(payments.map((payment) => payment.amount.amount)).toEqual(['20.50', '150.00']);
    expect(payments[1]!.date).toBe(new Date(2026, 7, 1, 10, 15, 0).toISOString());
  });

  it('takes the contacts from the contragent row, null when it has none', () => {
    expect(mapContacts({ contrname: 'ISP LLC', phone: '+380441234567', agmail: '', juraddr: 'Kyiv', phisaddr: '', siteurl: 'https://isp.example' })).toEqual({
      name: 'ISP LLC',
      phone: '+380441234567',
      email: null,
      address: 'Kyiv',
      website: 'https://isp.example',
    });
    expect(mapContacts(null)).toBeNull();
    expect(mapContacts({ contrname: '', phone: null })).toBeNull();
  });
});

describe("the simulator's getonlinedaysleft", () => {
  const AUG_21 = new Date(2026, 7, 21, 12, 0, 0);

  it('counts a monthly fee charged at each month start, today included', () => {
    expect(onlineDaysLeft({ cash: 0, fee: 100, period: 'month', spreadFee: false, now: AUG_21 })).toBe(11);
    expect(onlineDaysLeft({ cash: 100, fee: 100, period: 'month', spreadFee: false, now: AUG_21 })).toBe(41);
    expect(onlineDaysLeft({ cash: 250, fee: 100, period: 'month', spreadFee: false, now: AUG_21 })).toBe(72);
    expect(onlineDaysLeft({ cash: 123.45, fee: 150, period: 'month', spreadFee: false, now: NOW })).toBe(9);
    expect(onlineDaysLeft({ cash: 200, fee: 150, period: 'month', spreadFee: false, now: NOW })).toBe(40);
    expect(onlineDaysLeft({ cash: 200, fee: 230, period: 'month', spreadFee: false, now: NOW })).toBe(9);
  });

  it('counts daily and spread fees, -1 for debt and -2 for a free tariff', () => {
    expect(onlineDaysLeft({ cash: 100, fee: 10, period: 'day', spreadFee: false, now: AUG_21 })).toBe(11);
    // 10 days at 31/31 to the end of August, then 31/30 a day in September.
    expect(onlineDaysLeft({ cash: 31, fee: 31, period: 'month', spreadFee: true, now: AUG_21 })).toBe(31);
    expect(onlineDaysLeft({ cash: -5.551115123125783e-17, fee: 150, period: 'month', spreadFee: false, now: NOW })).toBe(-1);
    expect(onlineDaysLeft({ cash: 0, fee: 0, period: 'month', spreadFee: false, now: NOW })).toBe(-2);
  });
});
