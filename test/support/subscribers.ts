import type { Subscriber } from '../../server/domain/types.js';

/**
 * A subscriber of whom the billing says only `known`: the rest is what the cabinet shows for what a
 * billing does not say (null, no addresses). Each billing says a different part, so its tests name
 * that part and still compare the whole subscriber.
 */
export function subscriberWith(known: Pick<Subscriber, 'login' | 'balance' | 'status'> & Partial<Subscriber>): Subscriber {
  return {
    fullName: null,
    contractNumber: null,
    accountNumber: null,
    credit: null,
    tariff: null,
    nextTariff: null,
    daysLeft: null,
    paidUntil: null,
    amountToPay: null,
    recommendedToPay: null,
    nextChargeOn: null,
    pausedUntil: null,
    address: null,
    phone: null,
    email: null,
    ipAddresses: [],
    macAddresses: [],
    creditUntil: null,
    nextTariffFrom: null,
    contractDate: null,
    connectedSince: null,
    lastSeenOnline: null,
    online: null,
    trafficThisMonth: null,
    discountPercent: null,
    legalEntity: null,
    bonusPoints: null,
    paymentId: null,
    ...known,
  };
}

/**
 * BILL0000101 of the Carbon 5 demo, from get_user and user_info: 412.50 at 330.00 a month (tariff
 * 250 + IP 50 + router 30) lasts until 2025-02-21, 37 days from the tests' 2025-01-15.
 */
export const CARBON5_SHEVCHENKO = subscriberWith({
  login: 'BILL0000101',
  fullName: 'Шевченко Тарас Григорович',
  contractNumber: '10000101',
  accountNumber: '10000101',
  balance: { amount: '412.50', currency: 'UAH' },
  status: 'ACTIVE',
  tariff: { name: 'Домашній 100', fee: { amount: '250.00', currency: 'UAH' }, period: 'MONTH', speedIn: null, speedOut: null, includedTrafficMb: null },
  daysLeft: 37,
  paidUntil: '2025-02-21',
  // The month's 330.00 is covered, so Carbon recommends nothing (recommendedToPay stays null).
  // Carbon charges the month on its first day.
  nextChargeOn: '2025-02-01',
  address: 'м. Київ, вул. Хрещатик, 1, кв. 5',
  phone: '+380501234567',
  email: 'taras@example.com',
  ipAddresses: ['10.20.0.101'],
  macAddresses: ['00:1a:2b:00:00:65'],
  contractDate: '2021-02-26',
  connectedSince: '2021-03-01',
  paymentId: '10000101',
});

/**
 * ivanov of the older Carbon's demo, from CLN_USR_GET: 512.40 at 300.00 a month, a thirtieth a
 * day, is 51 whole days. CLN_USR_GET has no recommended sum, charge day or pause end.
 */
export const CARBON_LEGACY_IVANOV = subscriberWith({
  login: 'ivanov',
  fullName: 'Иванов Пётр Сергеевич',
  contractNumber: 'Д-1001',
  balance: { amount: '512.40', currency: 'RUB' },
  status: 'ACTIVE',
  tariff: { name: 'Домашний 100', fee: { amount: '300.00', currency: 'RUB' }, period: 'MONTH', speedIn: null, speedOut: null, includedTrafficMb: null },
  daysLeft: 51,
  phone: '+79161234567',
  email: 'ivanov@example.com',
  // IP INTEGER 169739241, as the simulator's Firebird keeps 10.30.3.233.
  ipAddresses: ['10.30.3.233'],
  macAddresses: ['00:1a:2b:3c:03:e9'],
  connectedSince: '2019-03-01',
  online: true,
  paymentId: 'Д-1001',
});
