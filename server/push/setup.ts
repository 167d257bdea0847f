import type { Config } from '../config.js';
import type { BillingGateway } from '../domain/gateway.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { PushEndpointPolicy } from './endpoint-policy.js';
import { Notifier } from './notifier.js';
import { paymentReceivedAnnouncer, type CreditedTopUp } from './payment-received.js';
import { generateVapidKeys, WebPushSender, type VapidKeys } from './web-push-sender.js';

export interface Push {
  vapidPublicKey: string;
  notifier: Notifier;
  /** Pushes "Payment received" to the subscriber's devices, without waiting for them. */
  announcePaymentReceived(topUp: CreditedTopUp): void;
  /** Runs the notifier's pass every PUSH_INTERVAL_MINUTES (the first soon after start) until `stop`. */
  start(): void;
  stop(): void;
}

export function pushEndpointPolicy(config: Config): PushEndpointPolicy {
  return { hosts: config.PUSH_SERVICE_HOSTS, allowLoopback: config.PUSH_ALLOW_LOOPBACK };
}

/** VAPID keys from configuration, or generated once and kept in the store so every instance and restart shares them. */
export async function vapidKeys(config: Config, store: Pick<Store, 'settings'>): Promise<VapidKeys> {
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
  return store.settings.getOrCreate('vapid-keys', generateVapidKeys);
}

export async function createPush(config: Config, store: Store, gateway: BillingGateway, logger: Logger): Promise<Push> {
  const keys = await vapidKeys(config, store);
  const subject = config.VAPID_SUBJECT ?? (config.CABINET_SUPPORT_EMAIL ? `mailto:${config.CABINET_SUPPORT_EMAIL}` : config.PUBLIC_URL ?? 'mailto:noc@localhost');
  const sender = new WebPushSender({ ...keys, subject }, pushEndpointPolicy(config));
  const notifier = new Notifier({
    gateway,
    store,
    sender,
    settings: {
      quietHours: config.PUSH_QUIET_HOURS,
      daysLeftAt: config.PUSH_DAYS_LEFT_AT,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    logger,
  });
  const timers: NodeJS.Timeout[] = [];
  const pass = () =>
    notifier.runPass().then(
      (report) => logger.info({ ...report }, 'push notifier pass'),
      (error: unknown) => logger.error({ err: error }, 'push notifier pass failed'),
    );
  return {
    vapidPublicKey: keys.publicKey,
    notifier,
    announcePaymentReceived: paymentReceivedAnnouncer({ store, sender, logger }),
    start() {
      timers.push(setInterval(pass, config.PUSH_INTERVAL_MINUTES * 60_000).unref(), setTimeout(pass, 30_000).unref());
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      sender.close();
    },
  };
}
