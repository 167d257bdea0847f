import express, { type Response } from 'express';
import type { Logger } from '../logger.js';
import { paymentWebhooks } from '../observability/metrics.js';
import type { AcquirerReport } from './acquirer.js';
import type { TopUpMethod } from './ledger.js';
import type { LiqpayAcquirer } from './liqpay/client.js';
import type { MonobankAcquirer } from './monobank/client.js';
import type { TopUps } from './top-ups.js';

export interface WebhookParts {
  topUps: TopUps;
  liqpay: LiqpayAcquirer | null;
  monobank: MonobankAcquirer | null;
  logger: Logger;
}

const BODY_LIMIT = '32kb';

/**
 * POST /payments/liqpay (form: data, signature) and POST /payments/monobank (JSON, X-Sign).
 * Nothing in them is believed before its signature verifies, and then only if it matches the
 * order we recorded. 200 tells the acquirer to stop sending; a refusal is a 400 it may retry,
 * logged with the reason and never with the body, a key or a signature.
 */
export function paymentWebhooksRouter(parts: WebhookParts | undefined): express.Router {
  const router = express.Router();
  if (!parts) return router;
  const { topUps, liqpay, monobank, logger } = parts;

  const refuse = (res: Response, acquirer: TopUpMethod, reason: string, orderId?: string) => {
    paymentWebhooks.inc({ acquirer, result: reason });
    logger.warn({ acquirer, reason, ...(orderId ? { orderId } : {}) }, 'payment webhook refused');
    res.status(400).json({ error: reason });
  };
  const handle = async (res: Response, acquirer: TopUpMethod, report: AcquirerReport) => {
    const result = await topUps.confirm(acquirer, report);
    if (!result.accepted) return refuse(res, acquirer, result.reason, report.orderId);
    paymentWebhooks.inc({ acquirer, result: 'accepted' });
    res.status(200).json({ ok: true });
  };

  if (liqpay) {
    router.post('/payments/liqpay', express.urlencoded({ extended: false, limit: BODY_LIMIT }), async (req, res) => {
      const { data, signature } = (req.body ?? {}) as Record<string, unknown>;
      if (typeof data !== 'string' || typeof signature !== 'string') return refuse(res, 'liqpay', 'malformed');
      const callback = liqpay.readCallback(data, signature);
      if (!callback.valid) return refuse(res, 'liqpay', callback.reason);
      await handle(res, 'liqpay', callback.report);
    });
  }
  if (monobank) {
    router.post('/payments/monobank', express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const webhook = await monobank.readWebhook(body, req.get('x-sign'));
      if (!webhook.valid) return refuse(res, 'monobank', webhook.reason);
      await handle(res, 'monobank', webhook.report);
    });
  }
  return router;
}
