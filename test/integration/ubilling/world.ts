import { UBILLING_SC_DEFAULTS, type CreditRules } from '../../../server/billing/ubilling/credit-rules.js';
import { createUbillingGateway, type UbillingGateway } from '../../../server/billing/ubilling/gateway.js';
import { md5 } from '../../../server/billing/ubilling/replies.js';
import { ubillingDemoContragent } from '../../../server/billing/ubilling/demo-data.js';
import { startUbillingSimulator, type UbillingSimulator } from '../../../server/billing/ubilling/simulator.js';
import {
  UBILLING_STOCK_SETTINGS,
  type SelfCreditSettings,
  type SimUserSeed,
  type UbillingSeed,
  type UbillingSettings,
} from '../../../server/billing/ubilling/simulator-seed.js';
import { CabinetError } from '../../../server/domain/errors.js';
import type { SubscriberSession } from '../../../server/domain/gateway.js';
import { billingSession } from '../../support/billing-session.js';
import type { BillingIdentity } from '../../../server/domain/types.js';
export { failure } from '../../support/expectations.js';

/** A simulated Ubilling and an adapter pointed at it, built fresh for each test. */

export const SERIAL = 'UB0123456789abcdef0123456789abcdef';
/** 2 November 2026, noon local time: inside the stock self-credit days 1..3. */
export const NOV_2 = new Date(2026, 10, 2, 12, 0, 0);

export const PASSWORDS = {
  ivanov: 'codr52mv',
  petrenko: 'pass2222',
  frozen: 'frozen-pw1',
  freeuser: 'free1234',
  switchedoff: 'down-pw77',
  onpromise: 'credit-pw5',
  bigdebt: 'big-debt-pw',
} as const;
export type Login = keyof typeof PASSWORDS;

export const ALL_SECRETS = [SERIAL, md5(SERIAL), ...Object.values(PASSWORDS), ...Object.values(PASSWORDS).map(md5)];

export function seed(extraUsers: SimUserSeed[] = []): UbillingSeed {
  return {
    tariffs: [
      { name: 'Unlim-100', fee: 150, period: 'month' },
      { name: 'Unlim-50', fee: 100, period: 'month' },
      { name: 'Daily-10', fee: 10, period: 'day' },
      { name: 'Free', fee: 0, period: 'month' },
    ],
    vservices: [
      { tagId: 1, name: 'IPTV', price: 50, periodDays: 30 },
      { tagId: 2, name: 'Кіно', price: 30, periodDays: 30 },
    ],
    users: [
      {
        login: 'ivanov',
        password: PASSWORDS.ivanov,
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
        paymentId: '123456',
        tariffChange: 'Unlim-50',
        tags: [1, 2],
      },
      { login: 'petrenko', password: PASSWORDS.petrenko, cash: -15.5, tariff: 'Unlim-50', ip: '172.16.0.16', address: 'Kyiv Shevchenka 2/3', phone: '', mobile: '0501112233', contract: '1002' },
      { login: 'frozen', password: PASSWORDS.frozen, cash: -10, passive: true, tariff: 'Unlim-50', ip: '172.16.0.17', tags: [1] },
      { login: 'freeuser', password: PASSWORDS.freeuser, cash: 0, tariff: 'Free', ip: '172.16.0.18' },
      { login: 'switchedoff', password: PASSWORDS.switchedoff, cash: 20, down: true, tariff: 'Unlim-100', ip: '172.16.0.19' },
      { login: 'onpromise', password: PASSWORDS.onpromise, cash: -40, credit: 105, creditExpire: Math.floor(new Date(2026, 10, 4).getTime() / 1000), tariff: 'Unlim-50', ip: '172.16.0.20' },
      { login: 'bigdebt', password: PASSWORDS.bigdebt, cash: -500, tariff: 'Unlim-50', ip: '172.16.0.21' },
      ...extraUsers,
    ],
    payments: [
      { login: 'ivanov', date: '2026-08-01 10:15:00', summ: 150, balance: 3.45, note: '' },
      { login: 'ivanov', date: '2026-10-30 18:40:05', summ: 100, balance: 23.45, note: '' },
      { login: 'ivanov', date: '2026-09-01 09:02:11', summ: -5, balance: 28.45, note: 'SCFEE' },
      { login: 'ivanov', date: '2026-10-01 00:10:00', summ: -50, balance: 73.45, note: 'Service:1' },
    ],
    // October's tariff, part of it given back on the 15th, a late fee on the 31st and November's on the 1st.
    fees: [
      { login: 'ivanov', date: '2026-10-01 00:00:05', summ: -150, from: 223.45, note: '' },
      { login: 'ivanov', date: '2026-10-15 00:00:05', summ: 75, from: 23.45, note: '' },
      { login: 'ivanov', date: '2026-10-31 18:00:00', summ: -10, from: 98.45, note: '' },
      { login: 'ivanov', date: '2026-11-01 00:00:05', summ: -150, from: 188.45, note: '' },
    ],
    contragent: { ...ubillingDemoContragent, contrname: 'ISP LLC', agnameabbr: 'ISP', agmail: 'billing@isp.example' },
  };
}

/** The stock SC_* rules, switched on: the BFF's, and the simulated userstats'. */
export const STOCK_RULES: CreditRules = { ...UBILLING_SC_DEFAULTS, enabled: true };
export const STOCK_SC: SelfCreditSettings = { ...UBILLING_STOCK_SETTINGS.selfCredit, enabled: true };

export interface WorldOptions {
  /** Talk to userstats (XMLAgent, creditor agent) too. */
  userstats?: boolean;
  rules?: Partial<CreditRules>;
  autoLogin?: boolean;
  settings?: Partial<UbillingSettings>;
  seed?: UbillingSeed;
  now?: Date;
  timeoutMs?: number;
  serial?: string;
  /** A clock the test moves; `now` stays fixed otherwise. */
  clock?: () => Date;
}

export interface World {
  simulator: UbillingSimulator;
  gateway: UbillingGateway;
  signIn(login: Login): Promise<SubscriberSession>;
  session(identity: BillingIdentity): SubscriberSession;
  /** A new adapter on the same billing, as after a restart of the BFF. */
  restart(): UbillingGateway;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const fixed = options.now ?? NOV_2;
  const now = options.clock ?? (() => fixed);
  const simulator = await startUbillingSimulator({ serial: SERIAL, seed: options.seed ?? seed(), now, settings: { selfCredit: STOCK_SC, ...options.settings }, slowMs: 5_000 });
  const adapter = () =>
    createUbillingGateway({
      url: simulator.url,
      serial: options.serial ?? SERIAL,
      userstatsUrl: options.userstats ? simulator.userstatsUrl : undefined,
      timeoutMs: options.timeoutMs ?? 2_000,
      currency: 'UAH',
      autoLogin: options.autoLogin ?? false,
      creditRules: { ...STOCK_RULES, ...options.rules },
      now,
    });
  const gateway = adapter();
  const session = (identity: BillingIdentity): SubscriberSession => billingSession(identity);
  return {
    simulator,
    gateway,
    session,
    restart: adapter,
    signIn: async (login) => session(await gateway.login(login, PASSWORDS[login])),
  };
}


/** Everything of an error that could reach a log line or a client. */
export const exposed = (error: CabinetError) => JSON.stringify({ message: error.message, detail: error.detail, stack: error.stack, cause: String(error.cause) });
