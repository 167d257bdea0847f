import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import type { Money } from '../../../shared/money.js';
import { createLogger } from '../../../server/logger.js';
import { CreditNotSent, type BillingCreditor, type CreditedAccount } from '../../../server/payments/creditor.js';
import { startLiqpaySimulator, type LiqpaySimulator } from '../../../server/payments/liqpay/simulator.js';
import { startMonobankSimulator, type MonobankSimulator } from '../../../server/payments/monobank/simulator.js';
import { createPayments, type Payments } from '../../../server/payments/setup.js';
import type { PaymentSettings } from '../../../server/payments/settings.js';
import { paymentWebhooksRouter } from '../../../server/payments/webhooks.js';
import { openSharedStore } from '../../../server/store/combined.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/store.js';
import { isolatedPlace, removePlace, TEST_DATABASE_URL, TEST_REDIS_URL } from '../store/servers.js';

export const LIQPAY_KEYS = { publicKey: 'sandbox_i00000001', privateKey: 'sandbox_private_key_never_in_a_log_4f1c' };
export const MONOBANK_TOKEN = 'uMonobankTokenNeverInALog_9b2e7d';
export const ACCOUNT: CreditedAccount = { accountId: '101', login: 'BILL0000101' };

/** The billing's side, faked: what it was asked to credit, and how it answers. */
export class FakeCreditor implements BillingCreditor {
  readonly calls: { account: CreditedAccount; amount: Money; orderId: string }[] = [];
  /** ok: books it; down: never reached; unknown: sent, no answer we can read; hang: never answers. */
  mode: 'ok' | 'down' | 'unknown' | 'hang' = 'ok';
  delayMs = 0;

  async creditTopUp(account: CreditedAccount, amount: Money, orderId: string) {
    if (this.mode === 'down') throw new CreditNotSent('connection refused');
    this.calls.push({ account, amount, orderId });
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.mode === 'hang') return new Promise<never>(() => undefined);
    if (this.mode === 'unknown') throw new Error('timed out after sending');
    return { reference: `pay-${this.calls.length}` };
  }

  creditsFor(orderId: string) {
    return this.calls.filter((call) => call.orderId === orderId).length;
  }
}

export type StoreKind = 'sqlite' | 'redis+postgresql';

/** Opens one more connection to the same state: a second instance of the cabinet. */
export interface StorePlace {
  open(): Promise<Store>;
  remove(): Promise<void>;
}

export function storePlace(kind: StoreKind): StorePlace {
  if (kind === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'abonent-payments-'));
    return { open: async () => openSqliteStore({ dataDir }), remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const place = isolatedPlace();
  return {
    open: () => openSharedStore({ redisUrl: TEST_REDIS_URL, redisKeyPrefix: place.keyPrefix, databaseUrl: TEST_DATABASE_URL, databaseSchema: place.schema }),
    remove: () => removePlace(place),
  };
}

export interface Instance {
  url: string;
  store: Store;
  payments: Payments;
  close(): Promise<void>;
}

export interface PaymentsWorld {
  liqpay: LiqpaySimulator;
  monobank: MonobankSimulator;
  creditor: FakeCreditor;
  /** The top-ups each instance announced as credited (what the "Payment received" push is sent for), in order. */
  announced: string[];
  /** The first instance; `instance()` starts more on the same store. */
  cabinet: Instance;
  instance(): Promise<Instance>;
  logs(): string;
  close(): Promise<void>;
}

/**
 * The payments part of the BFF over real HTTP: the webhook router on a loopback server, the
 * ledger in the given store, both acquirers simulated by our own servers, a fake creditor.
 */
export async function startPaymentsWorld(kind: StoreKind): Promise<PaymentsWorld> {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
  const liqpay = await startLiqpaySimulator(LIQPAY_KEYS);
  const monobank = await startMonobankSimulator(MONOBANK_TOKEN);
  const creditor = new FakeCreditor();
  const place = storePlace(kind);
  const instances: Instance[] = [];
  const announced: string[] = [];
  const settings: PaymentSettings = {
    liqpay: { ...LIQPAY_KEYS, sandbox: false, apiUrl: liqpay.url },
    monobank: { token: MONOBANK_TOKEN, apiUrl: monobank.url, keyRefreshIntervalMs: 0 },
    links: [],
    currency: 'UAH',
    minAmountMinor: 1000n,
    maxAmountMinor: 2_000_000n,
    expireMinutes: 60,
    reviewAfterMinutes: 10,
    sweepMinutes: 5,
  };
  const instance = async (): Promise<Instance> => {
    const store = await place.open();
    const app = express();
    const server = createServer(app);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const payments = createPayments({ settings, store, creditor, publicUrl: url, logger, onCredited: (topUp) => announced.push(topUp.id) });
    app.use(paymentWebhooksRouter(payments));
    const running: Instance = {
      url,
      store,
      payments,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await store.close();
      },
    };
    instances.push(running);
    return running;
  };
  const cabinet = await instance();
  return {
    liqpay,
    monobank,
    creditor,
    announced,
    cabinet,
    instance,
    logs: () => lines.join(''),
    async close() {
      for (const running of instances) await running.close();
      await Promise.all([liqpay.close(), monobank.close()]);
      await place.remove();
    },
  };
}

/** What a subscriber's browser does on the simulated checkout: open it, press Pay or Decline, follow nothing further. */
export async function decideOnCheckout(checkoutUrl: string, decision: 'pay' | 'decline'): Promise<{ page: string; location: string | null }> {
  const page = await (await fetch(checkoutUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error(`no checkout form in ${page.slice(0, 200)}`);
  const response = await fetch(new URL(action.replaceAll('&#38;', '&'), checkoutUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision }).toString(),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { page, location: response.headers.get('location') };
}

export const minutesFromNow = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
