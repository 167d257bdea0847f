import type { Config } from '../config.js';
import type { BillingGateway } from '../domain/gateway.js';
import { createCarbon5Gateway } from './carbon5/gateway.js';
import { startCarbon5Simulator } from './carbon5/simulator.js';
import type { BillingSimulator } from './simulator.js';

export interface Billing {
  gateway: BillingGateway;
  /** Present in demo mode: the simulator the gateway talks to. */
  simulator?: BillingSimulator;
}

/** Builds the configured billing adapter; with no BILLING_URL, starts that billing's simulator on loopback first. */
export async function createBilling(config: Config): Promise<Billing> {
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
    default:
      throw new Error(`BILLING_KIND=${config.BILLING_KIND} is not built yet`);
  }
}
