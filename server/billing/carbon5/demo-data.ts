/**
 * What the Carbon 5 simulator starts with: a catalogue of services and the subscribers' accounts.
 * `demoSeed` is the demo `npm start` shows; tests build their own with `carbonSeed()`.
 */

/** A row of Carbon's Usluga as the cabinet sees it. */
export interface CarbonServiceSeed {
  id: number;
  name: string;
  description: string;
  /** Monthly price, a decimal string. */
  price: string;
  /** is_show_web: the cabinet lists it. */
  showInCabinet: boolean;
  /** web_allow_disable: the subscriber may disconnect it in the cabinet. */
  subscriberMayDisable: boolean;
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
  tariff: { id: number; name: string; fee: string };
  nextTariffName: string | null;
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
}

export interface CarbonSeed {
  services: CarbonServiceSeed[];
  accounts: CarbonAccountSeed[];
}

export const DEMO_SERVICES: readonly CarbonServiceSeed[] = [
  { id: 12, name: 'Статична IP-адреса', description: 'Постійна публічна адреса для роутера чи камери', price: '50.00', showInCabinet: true, subscriberMayDisable: true },
  { id: 86, name: 'Антивірус ESET', description: 'Захист трьох пристроїв, ліцензія на місяць', price: '39.00', showInCabinet: true, subscriberMayDisable: true },
  { id: 87, name: 'Оренда роутера', description: 'Wi-Fi роутер у користування; відключення після повернення пристрою', price: '30.00', showInCabinet: true, subscriberMayDisable: false },
  { id: 90, name: 'IPTV «Базовий»', description: '120 телеканалів на Smart TV та в застосунку', price: '99.00', showInCabinet: true, subscriberMayDisable: true },
  { id: 95, name: 'Моніторинг лінії', description: 'Службова послуга оператора', price: '0.00', showInCabinet: false, subscriberMayDisable: false },
];

export const DEMO_PROMISE_OFFERS: readonly CarbonPromiseOfferSeed[] = [
  { id: 144, name: 'Обіцяний платіж на 3 дні', amount: '100.00', days: 3, fee: '0.00' },
  { id: 145, name: 'Обіцяний платіж на 7 днів', amount: '200.00', days: 7, fee: '5.00' },
];

const HOME_TARIFF = { id: 17, name: 'Домашній 100', fee: '250.00' };
const FAST_TARIFF = { id: 18, name: 'Швидкий 500', fee: '350.00' };
const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** Builds a seed: the demo catalogue, then each subscriber from defaults and what the test says. */
export class CarbonSeedBuilder {
  private readonly services: CarbonServiceSeed[] = DEMO_SERVICES.map((service) => ({ ...service }));
  private readonly accounts: CarbonAccountSeed[] = [];

  /** Adds a service to the catalogue, or replaces the one with its id. */
  service(service: CarbonServiceSeed): this {
    const index = this.services.findIndex((known) => known.id === service.id);
    if (index === -1) this.services.push(service);
    else this.services[index] = service;
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
      nextTariffName: null,
      balance: '300.00',
      enabled: true,
      blocked: false,
      frozen: null,
      phone: '+380501234567',
      email: null,
      address: 'м. Київ, вул. Хрещатик, 1',
      apartment: '5',
      autoLoginIps: [],
      serviceIds: this.services.map((service) => service.id),
      connectedServiceIds: [],
      promiseOffers: DEMO_PROMISE_OFFERS.map((offer) => ({ ...offer })),
      promiseDebtLimit: '500.00',
      promisePay: null,
      payments: [],
      ...account,
    });
    return this;
  }

  build(): CarbonSeed {
    return structuredClone({ services: this.services, accounts: this.accounts });
  }
}

export function carbonSeed(): CarbonSeedBuilder {
  return new CarbonSeedBuilder();
}

/** The demo: one account per situation the cabinet handles. `today` is YYYY-MM-DD. */
export function demoSeed(today: string): CarbonSeed {
  const day = (offset: number, time = '10:15:00') => `${shiftDate(today, offset)} ${time}`;
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
      frozen: { from: shiftDate(today, -3), to: shiftDate(today, 11) },
      nextTariffName: FAST_TARIFF.name,
      phone: null,
      email: 'iryna.melnyk@example.com',
    })
    .build();
}

/** A calendar date moved by whole days; YYYY-MM-DD in and out. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
