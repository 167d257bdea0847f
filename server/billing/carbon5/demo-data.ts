/**
 * What the Carbon 5 simulator starts with: a catalogue of services and the subscribers' accounts.
 * `demoSeed` is the demo `npm start` shows; tests build their own with `carbonSeed()`.
 */
import { addDays } from '../../../shared/dates.js';
import { putService, type CarbonServiceSeed } from '../carbon-service-seed.js';
import demoServices from './demo-services.json' with { type: 'json' };
import demoTickets from './demo-tickets.json' with { type: 'json' };


/** A row of Carbon's Tarif: what REST v2 Tarif objects.get shows, and the fee the simulator charges. */
export interface CarbonTariffSeed {
  id: number;
  name: string;
  /** Monthly fee, a decimal string. */
  fee: string;
}

/** A promised-payment option the billing offers (get_promise_pay_list). */
export interface CarbonPromiseOfferSeed {
  id: number;
  name: string;
  amount: string;
  days: number;
  /** Charged when taken; "0.00" for a free one. */
  fee: string;
}

export interface CarbonPaymentSeed {
  /** Carbon's "YYYY-MM-DD HH:MM:SS". */
  date: string;
  amount: string;
  note: string;
}

/** A message in a helpdesk ticket after its opening text. */
export interface CarbonTicketCommentSeed {
  id: number;
  text: string;
  /** "YYYY-MM-DD HH:MM:SS" */
  at: string;
  /** Written by the ISP's staff; otherwise by the subscriber. */
  fromIsp: boolean;
}

/** A helpdesk ticket (get_helpdesk_dialogs) with its comments (get_helpdesk_comments). */
export interface CarbonTicketSeed {
  id: number;
  subject: string;
  text: string;
  /** "YYYY-MM-DD HH:MM:SS" */
  createdAt: string;
  closed: boolean;
  comments: CarbonTicketCommentSeed[];
}

/** One subscriber: a Users row (the login) and its Abonents row (the contract), flattened. */
export interface CarbonAccountSeed {
  /** Users pk: what get_or_create_dynamic_session and reset_password's uid use. */
  userId: number;
  /** Abonents pk: where push_token lives. */
  abonentId: number;
  login: string;
  password: string;
  /** What the demo says this account shows off. */
  description: string;
  fullName: string;
  contractNumber: string;
  accountNumber: string;
  tariff: CarbonTariffSeed;
  /** Abonents tarif_next_id: the tariff booked for the next period. */
  nextTariff: CarbonTariffSeed | null;
  /** Abonents tarif_next_date, YYYY-MM-DD; null: the first day of the next month. */
  nextTariffDate: string | null;
  balance: string;
  enabled: boolean;
  /** in_block: blocked by the billing (negative balance, an administrator). */
  blocked: boolean;
  /** own_disabled_start..own_disabled_end, the subscriber's voluntary block; YYYY-MM-DD. */
  frozen: { from: string; to: string } | null;
  phone: string | null;
  email: string | null;
  address: string;
  apartment: string | null;
  /** Users.ip: the address the billing gives the connection; null when it gives none. */
  ip: string | null;
  /** Users.mac; null when none is bound. */
  mac: string | null;
  /** Abonents.contract_date and activate_date, YYYY-MM-DD. */
  contractDate: string | null;
  connectedSince: string | null;
  /** Addresses try_auto_login recognises as this subscriber's. */
  autoLoginIps: string[];
  /** Services get_usluga_list offers this subscriber, hidden ones included. */
  serviceIds: number[];
  connectedServiceIds: number[];
  promiseOffers: CarbonPromiseOfferSeed[];
  /** A promised payment is refused when the debt is larger than this. */
  promiseDebtLimit: string;
  promisePay: { amount: string; until: string } | null;
  payments: CarbonPaymentSeed[];
  tickets: CarbonTicketSeed[];
}

export interface CarbonSeed {
  tariffs: CarbonTariffSeed[];
  services: CarbonServiceSeed[];
  accounts: CarbonAccountSeed[];
}

/** The demo's catalogue of services (data, beside this file). */
export const DEMO_SERVICES: readonly CarbonServiceSeed[] = demoServices;

export const DEMO_PROMISE_OFFERS: readonly CarbonPromiseOfferSeed[] = [
  { id: 144, name: 'Обіцяний платіж на 3 дні', amount: '100.00', days: 3, fee: '0.00' },
  { id: 145, name: 'Обіцяний платіж на 7 днів', amount: '200.00', days: 7, fee: '5.00' },
];

const HOME_TARIFF: CarbonTariffSeed = { id: 17, name: 'Домашній 100', fee: '250.00' };
const FAST_TARIFF: CarbonTariffSeed = { id: 18, name: 'Швидкий 500', fee: '350.00' };
/** The ISP's tariffs; the demo lets subscribers book any of them (CARBON_TARIFF_CHANGE_IDS, see index.ts). */
export const DEMO_TARIFFS: readonly CarbonTariffSeed[] = [
  { id: 16, name: 'Економ 50', fee: '180.00' },
  HOME_TARIFF,
  FAST_TARIFF,
  { id: 19, name: 'Гігабіт 1000', fee: '450.00' },
];
const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** Builds a seed: the demo catalogue, then each subscriber from defaults and what the test says. */
export class CarbonSeedBuilder {
  private readonly tariffs: CarbonTariffSeed[] = DEMO_TARIFFS.map((tariff) => ({ ...tariff }));
  private readonly services: CarbonServiceSeed[] = DEMO_SERVICES.map((service) => ({ ...service }));
  private readonly accounts: CarbonAccountSeed[] = [];

  /** Adds a service to the catalogue, or replaces the one with its id. */
  service(service: CarbonServiceSeed): this {
    putService(this.services, service);
    return this;
  }

  subscriber(account: Partial<CarbonAccountSeed> & { login: string }): this {
    const number = this.accounts.length + 1;
    const userId = account.userId ?? 100 + number;
    this.accounts.push({
      userId,
      abonentId: 4500 + number,
      password: 'demo',
      description: 'A subscriber',
      fullName: 'Тестовий Абонент',
      contractNumber: `10${String(userId).padStart(6, '0')}`,
      accountNumber: `100${String(userId).padStart(5, '0')}`,
      tariff: HOME_TARIFF,
      nextTariff: null,
      nextTariffDate: null,
      balance: '300.00',
      enabled: true,
      blocked: false,
      frozen: null,
      phone: '+380501234567',
      email: null,
      address: 'м. Київ, вул. Хрещатик, 1',
      apartment: '5',
      ip: `10.20.${Math.floor(userId / 256)}.${userId % 256}`,
      mac: `00:1a:2b:00:${hex(Math.floor(userId / 256))}:${hex(userId % 256)}`,
      contractDate: '2021-02-26',
      connectedSince: '2021-03-01',
      autoLoginIps: [],
      serviceIds: this.services.map((service) => service.id),
      connectedServiceIds: [],
      promiseOffers: DEMO_PROMISE_OFFERS.map((offer) => ({ ...offer })),
      promiseDebtLimit: '500.00',
      promisePay: null,
      payments: [],
      tickets: [],
      ...account,
    });
    return this;
  }

  build(): CarbonSeed {
    return structuredClone({ tariffs: this.tariffs, services: this.services, accounts: this.accounts });
  }
}

export function carbonSeed(): CarbonSeedBuilder {
  return new CarbonSeedBuilder();
}

/** The first demo subscriber's support conversations (data, beside this file), dated back from today. */
function datedTickets(day: (offset: number, time: string) => string): CarbonTicketSeed[] {
  return demoTickets.map(({ daysAgo, time, comments, ...ticket }) => ({
    ...ticket,
    createdAt: day(-daysAgo, time),
    comments: comments.map(({ daysAgo, time, ...comment }) => ({ ...comment, at: day(-daysAgo, time) })),
  }));
}

/** The demo: one account per situation the cabinet handles. `today` is YYYY-MM-DD. */
export function demoSeed(today: string): CarbonSeed {
  const day = (offset: number, time = '10:15:00') => `${addDays(today, offset)} ${time}`;
  return carbonSeed()
    .subscriber({
      login: 'BILL0000101',
      description: 'In good standing: money on the account, two services (one you may not disconnect), more to connect; auto-login from this computer',
      fullName: 'Шевченко Тарас Григорович',
      balance: '412.50',
      autoLoginIps: LOOPBACK,
      connectedServiceIds: [12, 87],
      email: 'taras@example.com',
      payments: [
        { date: day(-3, '09:41:12'), amount: '400.00', note: 'Приват24' },
        { date: day(-34, '18:02:55'), amount: '350.00', note: 'Термінал EasyPay' },
      ],
      tickets: datedTickets(day),
    })
    .subscriber({
      login: 'BILL0000102',
      description: 'In debt but not blocked: may take a promised payment (3 days free, or 7 days for a fee)',
      fullName: 'Коваленко Олена Петрівна',
      balance: '-120.50',
      connectedServiceIds: [86],
      address: 'м. Львів, вул. Городоцька, 48',
      apartment: '12',
      payments: [{ date: day(-40, '12:00:00'), amount: '250.00', note: 'Monobank' }],
    })
    .subscriber({
      login: 'BILL0000103',
      description: 'Blocked for a large debt: the promised payment is refused with the billing’s reason',
      fullName: 'Бондаренко Андрій Васильович',
      tariff: FAST_TARIFF,
      balance: '-850.00',
      blocked: true,
      connectedServiceIds: [90],
      address: 'м. Одеса, вул. Дерибасівська, 7',
      apartment: null,
    })
    .subscriber({
      login: 'BILL0000104',
      description: 'On a voluntary pause (frozen) for two weeks, with a tariff change booked',
      fullName: 'Мельник Ірина Олегівна',
      balance: '150.00',
      frozen: { from: addDays(today, -3), to: addDays(today, 11) },
      nextTariff: FAST_TARIFF,
      phone: null,
      email: 'iryna.melnyk@example.com',
    })
    .build();
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');
