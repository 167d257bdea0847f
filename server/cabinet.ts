import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbuseLimits } from './auth/abuse-limits.js';
import { addressSet } from './auth/client-address.js';
import { SessionManager } from './auth/sessions.js';
import { buildApp } from './app.js';
import { createBilling } from './billing/index.js';
import type { BillingSimulator } from './billing/simulator.js';
import type { Config } from './config.js';
import { PendingServiceChanges } from './domain/pending-service-changes.js';
import type { Logger } from './logger.js';
import { openSqliteStore } from './store/sqlite.js';

export interface RunningCabinet {
  url: string;
  server: Server;
  simulator?: BillingSimulator;
  close(): Promise<void>;
}

/**
 * Builds the store, the billing and the app from configuration and starts listening. Tests may
 * hand in a simulator they started themselves; the cabinet then runs in demo mode against it.
 */
export async function startCabinet(config: Config, logger: Logger, options: { simulator?: BillingSimulator } = {}): Promise<RunningCabinet> {
  const billing = await createBilling(options.simulator ? { ...config, BILLING_URL: options.simulator.url } : config);
  billing.simulator ??= options.simulator;
  const demo = billing.simulator !== undefined;
  const store = openSqliteStore({ dataDir: config.DATA_DIR });
  const autoLoginNetworks = demo && config.AUTO_LOGIN_NETWORKS.length === 0 ? ['127.0.0.0/8', '::1/128'] : config.AUTO_LOGIN_NETWORKS;
  const sessions = new SessionManager(store.ephemeral, {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxMinutes: config.SESSION_MAX_MINUTES,
    secureCookie: config.PUBLIC_URL?.startsWith('https:') ?? false,
  });
  const listener = buildApp({
    config,
    gateway: billing.gateway,
    store,
    sessions,
    limits: new AbuseLimits(store),
    pendingServiceChanges: new PendingServiceChanges(store.ephemeral),
    autoLoginNetworks: addressSet(autoLoginNetworks),
    logger,
    demo,
    simulator: billing.simulator,
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return {
    url: `http://${host}:${port}`,
    server,
    simulator: billing.simulator,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await billing.gateway.close();
      if (!options.simulator) await billing.simulator?.close();
      await store.close();
    },
  };
}
