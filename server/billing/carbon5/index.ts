import type { BillingDescription } from '../description.js';
import { carbon5Config, checkCarbon5Config } from './config.js';

/** The demo's simulated Carbon takes card top-ups with this asr_fiscal password unless one is configured. */
const DEMO_FISCAL_PASSWORD = 'demo-fiscal-psw';
/** The demo lets subscribers book any tariff of the simulated catalogue (DEMO_TARIFFS) unless others are configured. */
const DEMO_TARIFF_CHANGE_IDS = ['16', '17', '18', '19'];

export const carbon5: BillingDescription<'carbon5', 'CARBON5', typeof carbon5Config, { fiscalPassword: string; tariffChangeIds: string[] }> = {
  kind: 'carbon5',
  graphqlName: 'CARBON5',
  demoBanner: 'a simulated Carbon Billing 5',
  configSchema: carbon5Config,
  checkConfig: checkCarbon5Config,
  async startDemo(config) {
    const { startCarbon5Simulator } = await import('./simulator.js');
    const fiscalPassword = config.CARBON_FISCAL_PASSWORD ?? DEMO_FISCAL_PASSWORD;
    const tariffChangeIds = config.CARBON_TARIFF_CHANGE_IDS.length > 0 ? config.CARBON_TARIFF_CHANGE_IDS : DEMO_TARIFF_CHANGE_IDS;
    return { simulator: await startCarbon5Simulator({ apiPassword: config.CARBON_API_PASSWORD, fiscalPassword }), connection: { fiscalPassword, tariffChangeIds } };
  },
  async createGateway({ config, url, demo }) {
    const { createCarbon5Gateway } = await import('./gateway.js');
    return createCarbon5Gateway({
      url,
      apiPassword: config.CARBON_API_PASSWORD,
      fiscalPassword: demo?.fiscalPassword ?? config.CARBON_FISCAL_PASSWORD,
      payOperator: config.CARBON_PAY_OPERATOR,
      timeoutMs: config.BILLING_TIMEOUT_MS,
      currency: config.CURRENCY,
      pauseMaxDays: config.CARBON_PAUSE_MAX_DAYS,
      tariffChangeIds: demo?.tariffChangeIds ?? config.CARBON_TARIFF_CHANGE_IDS,
    });
  },
};
