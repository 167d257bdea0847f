/**
 * What the Carbon legacy simulator starts with: the catalogue of services, the operator account the
 * BFF signs in with, and the subscribers. `demoSeed` is the demo `npm start` shows; tests build their
 * own with `carbonLegacySeed()`.
 */
import { addDays } from '../../../shared/dates.js';
import { putService, type CarbonServiceSeed } from '../carbon-service-seed.js';
import demoServices from './demo-services.json' with { type: 'json' };


/** A financial operation (CLN_FIN_OPER). */
export interface LegacyOperationSeed {
  /** Firebird's "YYYY-MM-DD HH:MM:SS". */
  date: string;
  amount: string;
  note: string;
  /** OP_TYPE: 2 is a payment ("приход", as CLN_FIN_OPER_ADD says); 1 a charge. */
  type: 1 | 2;
}

/** A row of Carbon's users table as CLN_USR_GET returns it, flattened to what the cabinet touches. */
export interface LegacyAccountSeed {
  userId: number;
  login: string;
  /** GEN_PWD. */
  password: string;
  /** What the demo says this account shows off. */
  description: string;
  /** NAME: "Фамилия Имя Отчество". */
  fullName: string;
  contractNumber: string;
  tariff: { id: number; name: string; fee: string };
  balance: string;
  /** ENABLED. */
  enabled: boolean;
  /** LIMIT_LOCK: cut off for reaching the limit. */
  blocked: boolean;
  /** OWN_DISABLED_END: the subscriber's voluntary pause lasts until this YYYY-MM-DD. */
  frozenUntil: string | null;
  phone: string | null;
  email: string | null;
  /** IP, dotted; null when the account has none (IP 0). */
  ip: string | null;
  /** MAC; null when none. */
  mac: string | null;
  /** LOGGED: a session on the NAS now. */
  online: boolean;
  /** CREATE_DATE, YYYY-MM-DD. */
  connectedSince: string;
  connectedServiceIds: number[];
  promisePay: { amount: string; until: string } | null;
  operations: LegacyOperationSeed[];
  /** END_USER "0": a group of subscribers, not one. */
  group: boolean;
  /** ROOT_ADMIN and the other staff flags. */
  staff: boolean;
  deleted: boolean;
}

/** The billing's rules for WEB_USER_PROMISE_PAY. [inferred: the procedure enforces the billing's settings] */
export interface LegacyPromiseRules {
  maxAmount: string;
  days: number;
}

export interface LegacySeed {
  /** The dedicated API administrator the docs recommend; what CLN_AUTH_LOGIN accepts. */
  operator: { login: string; password: string };
  services: CarbonServiceSeed[];
  accounts: LegacyAccountSeed[];
  promiseRules: LegacyPromiseRules;
}

/** The demo's catalogue of services (data, beside this file). */
export const DEMO_SERVICES: readonly CarbonServiceSeed[] = demoServices;

export const DEMO_OPERATOR = { login: 'abonent-api', password: 'demo-operator' } as const;
export const DEMO_PROMISE_RULES: LegacyPromiseRules = { maxAmount: '1000.00', days: 3 };

const HOME_TARIFF = { id: 21, name: 'Домашний 100', fee: '300.00' };
const FAST_TARIFF = { id: 22, name: 'Быстрый 500', fee: '450.00' };

/** A row of the users table with nothing on it: no tariff, no money, no address, no flags. */
export function blankAccount(userId: number, login: string, password: string): LegacyAccountSeed {
  return {
    userId,
    login,
    password,
    description: '',
    fullName: '',
    contractNumber: '',
    tariff: { id: 0, name: '', fee: '0.00' },
    balance: '0.00',
    enabled: true,
    blocked: false,
    frozenUntil: null,
    phone: null,
    email: null,
    ip: null,
    mac: null,
    online: false,
    connectedSince: '2019-03-01',
    connectedServiceIds: [],
    promisePay: null,
    operations: [],
    group: false,
    staff: false,
    deleted: false,
  };
}

/** Builds a seed: the demo catalogue and operator, then each subscriber from defaults and what the test says. */
export class LegacySeedBuilder {
  private readonly services: CarbonServiceSeed[] = DEMO_SERVICES.map((service) => ({ ...service }));
  private readonly accounts: LegacyAccountSeed[] = [];
  private operatorAccount: { login: string; password: string } = { ...DEMO_OPERATOR };
  private rules: LegacyPromiseRules = { ...DEMO_PROMISE_RULES };

  operator(operator: { login: string; password: string }): this {
    this.operatorAccount = { ...operator };
    return this;
  }

  promiseRules(rules: Partial<LegacyPromiseRules>): this {
    this.rules = { ...this.rules, ...rules };
    return this;
  }

  /** Adds a service to the catalogue, or replaces the one with its id. */
  service(service: CarbonServiceSeed): this {
    putService(this.services, service);
    return this;
  }

  subscriber(account: Partial<LegacyAccountSeed> & { login: string }): this {
    const userId = account.userId ?? 1000 + this.accounts.length + 1;
    this.accounts.push({
      ...blankAccount(userId, account.login, 'demo'),
      description: 'A subscriber',
      fullName: 'Тестовый Абонент',
      contractNumber: `Д-${userId}`,
      tariff: HOME_TARIFF,
      balance: '300.00',
      phone: '+79161234567',
      ip: `10.30.${Math.floor(userId / 256) % 256}.${userId % 256}`,
      mac: `00:1a:2b:3c:${hex(Math.floor(userId / 256) % 256)}:${hex(userId % 256)}`,
      online: true,
      ...account,
    });
    return this;
  }

  build(): LegacySeed {
    return structuredClone({ operator: this.operatorAccount, services: this.services, accounts: this.accounts, promiseRules: this.rules });
  }
}

export function carbonLegacySeed(): LegacySeedBuilder {
  return new LegacySeedBuilder();
}

/** The demo: one account per situation the cabinet handles. `today` is YYYY-MM-DD. */
export function demoSeed(today: string): LegacySeed {
  const day = (offset: number, time: string) => `${addDays(today, offset)} ${time}`;
  return carbonLegacySeed()
    .subscriber({
      login: 'ivanov',
      description: 'In good standing: money on the account, two services (one you may not disconnect), more to connect',
      fullName: 'Иванов Пётр Сергеевич',
      balance: '512.40',
      connectedServiceIds: [3, 7],
      email: 'ivanov@example.com',
      operations: [
        { date: day(-2, '09:41:12'), amount: '500.00', note: 'Сбербанк Онлайн', type: 2 },
        { date: day(-1, '00:05:00'), amount: '-10.00', note: 'Абонентская плата', type: 1 },
        { date: day(-33, '18:02:55'), amount: '300.00', note: 'Терминал QIWI', type: 2 },
      ],
    })
    .subscriber({
      login: 'kovalenko',
      description: 'In debt but not cut off: may take a promised payment',
      fullName: 'Коваленко Олена Григорівна',
      balance: '-120.50',
      connectedServiceIds: [5],
      operations: [{ date: day(-40, '12:00:00'), amount: '250.00', note: 'Приват24', type: 2 }],
    })
    .subscriber({
      login: 'sidorov',
      description: 'Cut off for a large debt: the billing refuses a promised payment that large',
      fullName: 'Сидоров Артём Юрьевич',
      tariff: FAST_TARIFF,
      balance: '-850.00',
      blocked: true,
      connectedServiceIds: [9],
    })
    .subscriber({
      login: 'melnik',
      description: 'On a voluntary pause until next week',
      fullName: 'Мельник Ирина Олеговна',
      balance: '150.00',
      frozenUntil: addDays(today, 7),
      phone: null,
      email: 'irina.melnik@example.com',
    })
    .build();
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');
