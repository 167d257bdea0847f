import type { DemoLogin } from '../simulator.js';
import { addDays, DAY_MS, ymd } from '../../../shared/dates.js';
import type { SelfCreditSettings, SimContragent, SimFee, SimPayment, UbillingSeed, UbillingSettings } from './simulator-seed.js';

/**
 * The Ubilling demo: one subscriber per situation the cabinet must show. Passwords are plain text,
 * as Stargazer stores them. Dates are relative to the simulator's clock.
 */

export const ubillingDemoLogins: readonly DemoLogin[] = [
  { login: 'ivanov', password: 'ivanov-demo', description: 'In good standing; IPTV and cinema services; payment history' },
  { login: 'petrenko', password: 'petrenko-demo', description: 'In debt, no services: a promised payment is offered' },
  { login: 'sydorenko', password: 'sydorenko-demo', description: 'Frozen (paused) account with money on it' },
  { login: 'freeuser', password: 'freeuser-demo', description: 'Free tariff: no days-left count, no charges' },
  { login: 'kovalenko', password: 'kovalenko-demo', description: 'Daily tariff, working on an active promised payment' },
  { login: 'bondar', password: 'bondar-demo', description: 'Switched off by the ISP' },
];

const password = (login: string) => ubillingDemoLogins.find((demo) => demo.login === login)!.password;

const at = (now: Date, daysAgo: number, time: string) => `${addDays(ymd(now), -daysAgo)} ${time}`;

export function ubillingDemoSeed(now: Date): UbillingSeed {
  const history = feeHistory(now);
  return {
    tariffs: [
      { name: 'Unlim-100', fee: 150, period: 'month' },
      { name: 'Unlim-50', fee: 100, period: 'month' },
      { name: 'Unlim-300', fee: 250, period: 'month' },
      { name: 'Daily-10', fee: 10, period: 'day' },
      { name: 'Free', fee: 0, period: 'month' },
    ],
    vservices: [
      { tagId: 1, name: 'IPTV', price: 50, periodDays: 30 },
      { tagId: 2, name: 'Кіно', price: 30, periodDays: 30 },
      { tagId: 3, name: 'Static IP', price: 2, periodDays: 1 },
    ],
    users: [
      {
        login: 'ivanov',
        password: password('ivanov'),
        cash: 123.45,
        tariff: 'Unlim-100',
        ip: '172.16.0.15',
        realname: 'Іванов Іван',
        address: 'Kyiv Khreshchatyk 1/15',
        phone: '0441234567',
        mobile: '0671234567',
        email: 'ivanov@example.com',
        contract: '1001',
        contractDate: '2023-01-15',
        paymentId: '100123',
        tags: [1, 2],
      },
      {
        login: 'petrenko',
        password: password('petrenko'),
        cash: -15.5,
        tariff: 'Unlim-50',
        ip: '172.16.0.16',
        realname: 'Петренко Петро',
        address: 'Kyiv Shevchenka 2/3',
        phone: '',
        mobile: '0501112233',
        contract: '1002',
        paymentId: '100124',
      },
      {
        login: 'sydorenko',
        password: password('sydorenko'),
        cash: 80,
        passive: true,
        frozenSince: at(now, 5, '09:30:00'),
        freezeDaysUsed: 5,
        tariff: 'Unlim-50',
        ip: '172.16.0.17',
        realname: 'Сидоренко Олена',
        address: 'Lviv Svobody 10/4',
        mobile: '0939876543',
        contract: '1003',
        tags: [1],
      },
      { login: 'freeuser', password: password('freeuser'), cash: 0, tariff: 'Free', ip: '172.16.0.18' },
      {
        login: 'kovalenko',
        password: password('kovalenko'),
        cash: -40,
        credit: 315,
        creditExpire: Math.floor((now.getTime() + 3 * DAY_MS) / 1000),
        tariff: 'Daily-10',
        ip: '172.16.0.19',
        realname: 'Коваленко Андрій',
        address: 'Odesa Derybasivska 5/1',
        mobile: '0661234567',
        contract: '1005',
        tags: [3],
      },
      {
        login: 'bondar',
        password: password('bondar'),
        cash: 20,
        down: true,
        tariff: 'Unlim-100',
        ip: '172.16.0.20',
        address: 'Kyiv Lesi Ukrainky 7/70',
        contract: '1006',
      },
    ],
    payments: [
      { login: 'ivanov', date: at(now, 62, '10:15:00'), summ: 150, balance: 3.45, note: '' },
      { login: 'ivanov', date: at(now, 31, '09:02:11'), summ: 200, balance: -46.55, note: '' },
      { login: 'ivanov', date: at(now, 2, '18:40:05'), summ: 100, balance: 23.45, note: '' },
      { login: 'kovalenko', date: at(now, 1, '12:00:00'), summ: -5, balance: -35, note: 'SCFEE' },
      ...history.serviceCharges,
    ],
    fees: history.fees,
    contragent: ubillingDemoContragent,
    tickets: [
      { id: 41, date: at(now, 3, '19:20:00'), from: 'ivanov', to: null, replyid: null, status: 0, text: 'Не працює IPTV на другому телевізорі.\n\nПриставка пише «Немає сигналу».' },
      { id: 42, date: at(now, 2, '10:05:00'), from: 'NULL', to: 'ivanov', replyid: 41, status: 0, text: 'Доброго дня! Перезапустили ваш порт. Перевірте, будь ласка, ще раз.' },
      { id: 30, date: at(now, 45, '12:00:00'), from: 'ivanov', to: null, replyid: null, status: 1, text: 'Прошу змінити номер телефону в договорі.' },
      { id: 31, date: at(now, 45, '15:40:00'), from: 'NULL', to: 'ivanov', replyid: 30, status: 0, text: 'Змінили. Гарного дня!' },
    ],
    announcements: [
      { id: 1, public: true, type: 'text', title: 'Нові тарифи', text: 'З наступного місяця діють нові тарифи до 1 Гбіт/с.' },
      {
        id: 2,
        public: true,
        type: 'html',
        title: 'Планові роботи',
        text: '<p>У <b>ніч на суботу</b> з 02:00 до 04:00 можливі перерви в роботі інтернету.</p><script>alert(1)</script><p>Вибачте за незручності.</p>',
      },
    ],
  };
}

/** The first day of the month `back` months before `now`'s, Y-m-d. */
function monthStart(now: Date, back: number): string {
  return ymd(new Date(now.getFullYear(), now.getMonth() - back, 1));
}

/**
 * A year of write-offs as Ubilling books them: the tariff's fee in `fees` (monthly on the 1st, or
 * every day for a daily tariff), virtual services as negative `payments` noted `Service:<id>`.
 * ivanov: tariff, IPTV and, for the last four months, the cinema; petrenko: the tariff; sydorenko:
 * the tariff, except three months ago while paused; kovalenko: a daily tariff and, for two months,
 * the daily static IP; bondar: the tariff until two months ago; freeuser: nothing (a free tariff).
 */
function feeHistory(now: Date): { fees: SimFee[]; serviceCharges: Omit<SimPayment, 'id'>[] } {
  const fees: SimFee[] = [];
  const serviceCharges: Omit<SimPayment, 'id'>[] = [];
  const today = ymd(now);
  // The balance before each write-off is not what the demo shows: it stays 0.
  const fee = (login: string, day: string, summ: number) => fees.push({ login, date: `${day} 00:00:05`, summ: -summ, from: 0, note: '' });
  const service = (login: string, day: string, tagId: number, summ: number) =>
    serviceCharges.push({ login, date: `${day} 00:10:0${tagId}`, summ: -summ, balance: 0, note: `Service:${tagId}` });
  for (let back = 11; back >= 0; back--) {
    const first = monthStart(now, back);
    fee('ivanov', first, 150);
    service('ivanov', first, 1, 50);
    if (back < 4) service('ivanov', first, 2, 30);
    fee('petrenko', first, 100);
    if (back !== 3) fee('sydorenko', first, 100);
    if (back >= 2) fee('bondar', first, 150);
    for (let day = first; day <= today && day < monthStart(now, back - 1); day = addDays(day, 1)) {
      fee('kovalenko', day, 10);
      if (back < 2) service('kovalenko', day, 3, 2);
    }
  }
  return { fees, serviceCharges };
}

/** Self-credit on every day of the month, so the demo always has an offer to show. */
/** The ISP's own details, as `getcontragentdata` gives them. */
export const ubillingDemoContragent: SimContragent = {
  id: '1',
  bankacc: 'UA213223130000026007233566001',
  bankname: 'Bank',
  bankcode: '300001',
  edrpo: '12345678',
  ipn: '',
  licensenum: '',
  juraddr: 'Kyiv Khreshchatyk 1',
  phisaddr: 'Kyiv Khreshchatyk 1',
  phone: '+380441234567',
  contrname: 'Demo ISP LLC',
  agnameabbr: 'Demo ISP',
  agsignatory: 'Director',
  agsignatory2: '',
  agbasis: 'Statute',
  agmail: 'support@isp.example',
  siteurl: 'https://isp.example',
};

/** What the demo ISP switches on: self-credit on any day of the month, so the promised payment works whenever it is shown, and the freeze. */
export const ubillingDemoSettings: Partial<Omit<UbillingSettings, 'selfCredit'>> & { selfCredit: Partial<SelfCreditSettings> } = {
  selfCredit: { enabled: true, maxDay: 31 },
  tariffChanger: { enabled: true, allowedFrom: ['Unlim-100', 'Unlim-50'], allowedTo: ['Unlim-100', 'Unlim-50', 'Unlim-300'], priceUp: 0, priceDown: 25, priceSimilar: 0, rightNow: false, credit: false },
  freeze: { enabled: true, price: 20, tariffsAllowed: ['Unlim-100', 'Unlim-50'], anyTariff: false, negativeBalanceAllowed: false, frozenMonthPrice: 10, daysCharge: { total: 60, restore: 90 } },
};
