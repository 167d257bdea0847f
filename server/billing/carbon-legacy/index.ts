import type { BillingDescription } from '../description.js';
import { readClientTls, type ClientTls } from './certificates.js';
import { carbonLegacyConfig, checkCarbonLegacyConfig } from './config.js';

/** The demo simulator makes its own CA and client certificate, and brings its operator account. */
interface CarbonLegacyDemoConnection {
  tls: ClientTls;
  operator: { login: string; password: string };
}

export const carbonLegacy: BillingDescription<'carbon-legacy', 'CARBON_LEGACY', typeof carbonLegacyConfig, CarbonLegacyDemoConnection> = {
  kind: 'carbon-legacy',
  graphqlName: 'CARBON_LEGACY',
  demoBanner: 'a simulated older Carbon (api.php over HTTPS with a client certificate)',
  configSchema: carbonLegacyConfig,
  checkConfig: checkCarbonLegacyConfig,
  async startDemo() {
    const { startCarbonLegacySimulator } = await import('./simulator.js');
    const simulator = await startCarbonLegacySimulator();
    return { simulator, connection: { tls: simulator.clientTls, operator: simulator.operator } };
  },
  async createGateway({ config, url, demo }) {
    const { createCarbonLegacyGateway } = await import('./gateway.js');
    return createCarbonLegacyGateway({
      url,
      tls: demo?.tls ?? readClientTls(config),
      operator: demo?.operator ?? { login: config.CARBON_LEGACY_LOGIN!, password: config.CARBON_LEGACY_PASSWORD! },
      timeoutMs: config.BILLING_TIMEOUT_MS,
      currency: config.CURRENCY,
      promisePayDays: config.CARBON_LEGACY_PROMISE_DAYS,
    });
  },
};
