import { ymd } from '../../../shared/dates.js';
import type { EphemeralStore } from '../../store/store.js';
import type { BillingConfig, BillingDescription } from '../description.js';
import { checkUbillingConfig, ubillingConfig } from './config.js';
import type { CreditLog } from './credit-rules.js';
import type { TariffChangeRules } from './tariff-change.js';

/** The demo simulator brings its own serial and userstats, so the cabinet agent's rules apply there too. */
interface UbillingDemoConnection {
  serial: string;
  userstatsUrl: string;
  /** The simulated userstats' tariff changer settings (TC_*). */
  tariffChange: TariffChangeRules | undefined;
}

export const ubilling: BillingDescription<'ubilling', 'UBILLING', typeof ubillingConfig, UbillingDemoConnection> = {
  kind: 'ubilling',
  graphqlName: 'UBILLING',
  demoBanner: 'a simulated Ubilling (RemoteAPI and the userstats XMLAgent)',
  configSchema: ubillingConfig,
  checkConfig: checkUbillingConfig,
  async startDemo(config) {
    const { startUbillingSimulator } = await import('./simulator.js');
    const simulator = await startUbillingSimulator({ settings: { userByIpEnabled: config.UBILLING_AUTO_LOGIN, selfUnfreezeAllowed: config.UBILLING_SELF_UNFREEZE } });
    return { simulator, connection: { serial: simulator.serial, userstatsUrl: simulator.userstatsUrl, tariffChange: simulator.tariffChangeRules } };
  },
  async createGateway({ config, store, url, demo }) {
    const { createUbillingGateway } = await import('./gateway.js');
    return createUbillingGateway({
      url,
      serial: demo?.serial ?? config.UBILLING_SERIAL!,
      userstatsUrl: demo?.userstatsUrl ?? config.UBILLING_USERSTATS_URL,
      timeoutMs: config.BILLING_TIMEOUT_MS,
      currency: config.CURRENCY,
      autoLogin: config.UBILLING_AUTO_LOGIN,
      selfUnfreeze: config.UBILLING_SELF_UNFREEZE,
      tariffChange: demo ? demo.tariffChange : tariffChangeRules(config),
      creditLog: storeCreditLog(store.ephemeral),
      topUpCashTypeId: config.UBILLING_TOPUP_CASH_TYPE_ID,
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
  },
};

function tariffChangeRules(config: BillingConfig<typeof ubillingConfig>): TariffChangeRules | undefined {
  if (!config.UBILLING_TARIFF_CHANGE) return undefined;
  return {
    fees: { up: config.UBILLING_TARIFF_CHANGE_FEE_UP, down: config.UBILLING_TARIFF_CHANGE_FEE_DOWN, same: config.UBILLING_TARIFF_CHANGE_FEE_SAME },
    rightNow: config.UBILLING_TARIFF_CHANGE_NOW,
  };
}

/** A mark lives past the month it is for, and no longer: the rule asks only about this month. */
const CREDIT_MARK_TTL_SECONDS = 32 * 24 * 60 * 60;

/**
 * The Ubilling credits set through `sc`, for the once-a-month rule, in the store: every instance
 * sees a credit another one set, and a restart forgets none.
 */
function storeCreditLog(ephemeral: EphemeralStore): CreditLog {
  const key = (login: string, at: Date) => `ubilling-credit:${login.toLowerCase()}:${ymd(at).slice(0, 7)}`;
  return {
    async usedInMonth(login, now) {
      return (await ephemeral.get<boolean>(key(login, now))) === true;
    },
    async record(login, at) {
      await ephemeral.set(key(login, at), true, CREDIT_MARK_TTL_SECONDS);
    },
  };
}
