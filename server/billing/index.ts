import type { Config } from '../config.js';
import type { BillingGateway } from '../domain/gateway.js';
import type { EphemeralStore, Store } from '../store/store.js';
import { readClientTls } from './carbon-legacy/certificates.js';
import { createCarbonLegacyGateway } from './carbon-legacy/gateway.js';
import { startCarbonLegacySimulator } from './carbon-legacy/simulator.js';
import { createCarbon5Gateway } from './carbon5/gateway.js';
import { startCarbon5Simulator } from './carbon5/simulator.js';
import type { BillingSimulator } from './simulator.js';
import { localYmd, type CreditLog } from './ubilling/credit-rules.js';
import { createUbillingGateway } from './ubilling/gateway.js';
import { startUbillingSimulator } from './ubilling/simulator.js';

export interface Billing {
  gateway: BillingGateway;
  /** Present in demo mode: the simulator the gateway talks to. */
  simulator?: BillingSimulator;
}

/**
 * Builds the configured billing adapter; with no BILLING_URL, starts that billing's simulator on
 * loopback first. State an adapter keeps between requests lives in the store, shared by every instance.
 */
export async function createBilling(config: Config, store: Store): Promise<Billing> {
  switch (config.BILLING_KIND) {
    case 'carbon5': {
      const simulator = config.BILLING_URL ? undefined : await startCarbon5Simulator({ apiPassword: config.CARBON_API_PASSWORD });
      const gateway = createCarbon5Gateway({
        url: config.BILLING_URL ?? simulator!.url,
        apiPassword: config.CARBON_API_PASSWORD,
        timeoutMs: config.BILLING_TIMEOUT_MS,
        currency: config.CURRENCY,
      });
      return { gateway, simulator };
    }
    case 'ubilling': {
      // The demo simulator brings its own serial and userstats, so the cabinet agent's rules apply there too.
      const simulator = config.BILLING_URL ? undefined : await startUbillingSimulator({ settings: { userByIpEnabled: config.UBILLING_AUTO_LOGIN } });
      const gateway = createUbillingGateway({
        url: config.BILLING_URL ?? simulator!.url,
        serial: simulator?.serial ?? config.UBILLING_SERIAL!,
        userstatsUrl: simulator?.userstatsUrl ?? config.UBILLING_USERSTATS_URL,
        timeoutMs: config.BILLING_TIMEOUT_MS,
        currency: config.CURRENCY,
        autoLogin: config.UBILLING_AUTO_LOGIN,
        creditLog: storeCreditLog(store.ephemeral),
        creditRules: {
          enabled: config.UBILLING_CREDIT_ENABLED,
          minDay: config.UBILLING_CREDIT_MIN_DAY,
          maxDay: config.UBILLING_CREDIT_MAX_DAY,
          termDays: config.UBILLING_CREDIT_TERM_DAYS,
          price: config.UBILLING_CREDIT_PRICE,
          onceAMonth: config.UBILLING_CREDIT_ONCE_A_MONTH,
          tariffsAllowed: config.UBILLING_CREDIT_TARIFFS,
          cashTypeId: config.UBILLING_CREDIT_CASH_TYPE_ID,
        },
      });
      return { gateway, simulator };
    }
    case 'carbon-legacy': {
      // The demo simulator makes its own CA and client certificate, and brings its operator account.
      const simulator = config.BILLING_URL ? undefined : await startCarbonLegacySimulator();
      const gateway = createCarbonLegacyGateway({
        url: config.BILLING_URL ?? simulator!.url,
        tls: simulator?.clientTls ?? readClientTls(config),
        operator: simulator?.operator ?? { login: config.CARBON_LEGACY_LOGIN!, password: config.CARBON_LEGACY_PASSWORD! },
        timeoutMs: config.BILLING_TIMEOUT_MS,
        currency: config.CURRENCY,
        promisePayDays: config.CARBON_LEGACY_PROMISE_DAYS,
      });
      return { gateway, simulator };
    }
  }
}

/** A mark lives past the month it is for, and no longer: the rule asks only about this month. */
const CREDIT_MARK_TTL_SECONDS = 32 * 24 * 60 * 60;

/**
 * The Ubilling credits set through `sc`, for the once-a-month rule, in the store: every instance
 * sees a credit another one set, and a restart forgets none.
 */
function storeCreditLog(ephemeral: EphemeralStore): CreditLog {
  const key = (login: string, at: Date) => `ubilling-credit:${login.toLowerCase()}:${localYmd(at).slice(0, 7)}`;
  return {
    async usedInMonth(login, now) {
      return (await ephemeral.get<boolean>(key(login, now))) === true;
    },
    async record(login, at) {
      await ephemeral.set(key(login, at), true, CREDIT_MARK_TTL_SECONDS);
    },
  };
}
