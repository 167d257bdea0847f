import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AbuseLimits } from './auth/abuse-limits.js';
import { addressSet } from './auth/client-address.js';
import { SessionManager } from './auth/sessions.js';
import { buildApp } from './app.js';
import { createBilling, requireBilling } from './billing/registry.js';
import type { BillingSimulator } from './billing/simulator.js';
import { configWarnings, type Config } from './config.js';
import { PendingServiceChanges } from './domain/pending-service-changes.js';
import type { Capabilities } from './domain/types.js';
import type { Logger } from './logger.js';
import { countingRateLimitRejections, storeMetrics } from './observability/metrics.js';
import type { DemoAcquirers } from './payments/demo-acquirers.js';
import { paymentSettings, type PaymentSettings } from './payments/settings.js';
import type { Payments } from './payments/setup.js';
import { createPush } from './push/setup.js';
import { openStore } from './store/index.js';
import type { Store } from './store/store.js';

export interface RunningCabinet {
  url: string;
  server: Server;
  store: Store;
  capabilities: Capabilities;
  simulator?: BillingSimulator;
  /** Top-ups, when an acquirer or a pay-by-link service is configured (always in the demo). */
  payments?: Payments;
  /**
   * Stops accepting connections, lets the requests in flight finish for up to SHUTDOWN_GRACE_MS
   * (then cuts their connections), and closes the billing and the store.
   */
  close(): Promise<void>;
}

async function startDemoAcquirers(): Promise<DemoAcquirers> {
  const { startDemoAcquirers: start } = await import('./payments/demo-acquirers.js');
  return start();
}

/** While shutting down, idle keep-alive connections are closed this often, as requests in flight finish. */
const IDLE_SWEEP_MS = 100;

/**
 * Builds the store, the billing and the app from configuration and starts listening. Tests may
 * hand in a simulator they started themselves; the cabinet then runs in demo mode against it.
 */
export async function startCabinet(config: Config, logger: Logger, options: { simulator?: BillingSimulator } = {}): Promise<RunningCabinet> {
  const billingConfig = options.simulator ? { ...config, BILLING_URL: options.simulator.url, DEMO: false } : config;
  requireBilling(billingConfig);
  for (const warning of configWarnings(config)) logger.warn(warning);
  const configuredPayments = paymentSettings(config);
  const store = countingRateLimitRejections(await openStore(config, logger));
  const billing = await createBilling(billingConfig, store).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  billing.simulator ??= options.simulator;
  const push = await createPush(config, store, billing.gateway, logger);
  const demo = billing.simulator !== undefined;
  // The demo pays through simulated acquirers of its own, whatever keys the environment holds.
  const demoAcquirers = demo ? await startDemoAcquirers() : undefined;
  const settings: PaymentSettings = demoAcquirers ? { ...configuredPayments, liqpay: demoAcquirers.liqpay, monobank: demoAcquirers.monobank } : configuredPayments;
  let listeningUrl = '';
  const payments =
    settings.liqpay || settings.monobank || settings.links.length > 0
      ? (await import('./payments/setup.js')).createPayments({
          settings,
          store,
          creditor: billing.gateway,
          publicUrl: () => config.PUBLIC_URL ?? listeningUrl,
          logger,
          onCredited: (topUp) => push.announcePaymentReceived(topUp),
        })
      : undefined;
  const autoLoginNetworks = demo && config.AUTO_LOGIN_NETWORKS.length === 0 ? ['127.0.0.0/8', '::1/128'] : config.AUTO_LOGIN_NETWORKS;
  const sessions = new SessionManager(store.ephemeral, {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxMinutes: config.SESSION_MAX_MINUTES,
    secureCookie: config.PUBLIC_URL?.startsWith('https:') ?? false,
  });
  let stopping = false;
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
    vapidPublicKey: push.vapidPublicKey,
    simulator: billing.simulator,
    payments,
    cabinetMetrics: storeMetrics(store),
    stopping: () => stopping,
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  push.start();
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  listeningUrl = `http://${host}:${port}`;
  if (payments && (settings.liqpay || settings.monobank)) payments.sweep.start(settings.sweepMinutes);
  return {
    url: listeningUrl,
    server,
    store,
    capabilities: billing.gateway.capabilities,
    simulator: billing.simulator,
    payments,
    async close() {
      stopping = true;
      push.stop();
      payments?.sweep.stop();
      const closed = once(server, 'close');
      server.close();
      const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      server.closeIdleConnections();
      const inTime = await Promise.race([closed.then(() => true), sleep(config.SHUTDOWN_GRACE_MS, false, { ref: false })]);
      clearInterval(sweep);
      if (!inTime) {
        logger.warn({ graceMs: config.SHUTDOWN_GRACE_MS }, 'requests still running after the grace time; closing their connections');
        server.closeAllConnections();
        await closed;
      }
      await billing.gateway.close();
      await demoAcquirers?.close();
      if (!options.simulator) await billing.simulator?.close();
      await store.close();
    },
  };
}
