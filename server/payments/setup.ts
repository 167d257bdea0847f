import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Acquirer } from './acquirer.js';
import type { BillingCreditor } from './creditor.js';
import type { TopUp, TopUpMethod } from './ledger.js';
import { LiqpayAcquirer } from './liqpay/client.js';
import { MonobankAcquirer } from './monobank/client.js';
import type { PaymentSettings } from './settings.js';
import { PaymentSweep } from './sweep.js';
import { TopUps } from './top-ups.js';
import type { WebhookParts } from './webhooks.js';

export interface Payments extends WebhookParts {
  sweep: PaymentSweep;
  settings: PaymentSettings;
}

/**
 * The acquirers configured, the top-ups over the store's ledger, and the sweep (not started).
 * `publicUrl` may be a function: a cabinet on a port chosen at start knows its address only then.
 */
export function createPayments(options: {
  settings: PaymentSettings;
  store: Store;
  creditor: BillingCreditor;
  publicUrl: string | (() => string);
  logger: Logger;
  /** Told of each top-up once it is credited; see TopUps. */
  onCredited?: (topUp: TopUp) => void;
}): Payments {
  const { settings, store, logger } = options;
  const liqpay = settings.liqpay ? new LiqpayAcquirer(settings.liqpay) : null;
  const monobank = settings.monobank ? new MonobankAcquirer({ ...settings.monobank, validitySeconds: settings.expireMinutes * 60 }) : null;
  const acquirers: Partial<Record<TopUpMethod, Acquirer>> = { ...(liqpay ? { liqpay } : {}), ...(monobank ? { monobank } : {}) };
  const topUps = new TopUps({
    ledger: store.topUps,
    acquirers,
    creditor: options.creditor,
    limits: { currency: settings.currency, minAmountMinor: settings.minAmountMinor, maxAmountMinor: settings.maxAmountMinor },
    publicUrl: options.publicUrl,
    logger,
    onCredited: options.onCredited,
  });
  const sweep = new PaymentSweep({ topUps, acquirers, store, settings, logger });
  return { topUps, liqpay, monobank, logger, sweep, settings };
}
