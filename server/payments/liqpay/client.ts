import { money } from '../../../shared/money.js';
import { ACQUIRER_TIMEOUT_MS, AcquirerUnavailable, type Acquirer, type AcquirerOutcome, type AcquirerReport, type Checkout } from '../acquirer.js';
import type { TopUp } from '../ledger.js';
import { decodeLiqpayData, encodeLiqpayData, isLiqpaySignatureValid, liqpaySignature } from './signature.js';

export interface LiqpaySettings {
  publicKey: string;
  privateKey: string;
  sandbox: boolean;
  /** https://www.liqpay.ua, or a simulator's address. */
  apiUrl: string;
}

export type LiqpayCallback = { valid: true; report: AcquirerReport } | { valid: false; reason: 'bad-signature' | 'malformed' | 'other-shop' };

/** LiqPay's Checkout (the subscriber pays on LiqPay's page) and its server API for the status. */
export class LiqpayAcquirer implements Acquirer {
  readonly method = 'liqpay' as const;

  constructor(private readonly settings: LiqpaySettings) {}

  async startCheckout(topUp: TopUp, addresses: { returnUrl: string; callbackUrl: string }): Promise<Checkout> {
    const data = encodeLiqpayData({
      version: 3,
      public_key: this.settings.publicKey,
      action: 'pay',
      amount: Number(topUp.amount.amount),
      currency: topUp.amount.currency,
      description: `Top-up ${topUp.login}`,
      order_id: topUp.id,
      result_url: addresses.returnUrl,
      server_url: addresses.callbackUrl,
      ...(this.settings.sandbox ? { sandbox: 1 } : {}),
    });
    const query = new URLSearchParams({ data, signature: liqpaySignature(this.settings.privateKey, data) });
    return { url: `${this.settings.apiUrl}/api/3/checkout?${query}`, reference: null };
  }

  async status(topUp: TopUp): Promise<AcquirerReport> {
    const data = encodeLiqpayData({ action: 'status', version: 3, public_key: this.settings.publicKey, order_id: topUp.id });
    let answer: Record<string, unknown>;
    try {
      const response = await fetch(`${this.settings.apiUrl}/api/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ data, signature: liqpaySignature(this.settings.privateKey, data) }),
        signal: AbortSignal.timeout(ACQUIRER_TIMEOUT_MS),
      });
      if (!response.ok) throw new AcquirerUnavailable(`LiqPay status: HTTP ${response.status}`);
      answer = (await response.json()) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof AcquirerUnavailable) throw error;
      throw new AcquirerUnavailable(`LiqPay status: ${error instanceof Error ? error.name : 'error'}`, { cause: error });
    }
    if (answer.status === 'error' && answer.err_code === 'payment_not_found') return { orderId: topUp.id, outcome: 'not-found', amount: null, reference: null, status: 'payment_not_found' };
    const report = this.report(answer);
    if (!report || report.orderId !== topUp.id) throw new AcquirerUnavailable('LiqPay status: an answer we cannot read');
    return report;
  }

  /** A callback posted to /payments/liqpay, trusted only when signed with our private key for our shop. */
  readCallback(data: string, signature: string): LiqpayCallback {
    if (!isLiqpaySignatureValid(this.settings.privateKey, data, signature)) return { valid: false, reason: 'bad-signature' };
    const params = decodeLiqpayData(data);
    if (!params) return { valid: false, reason: 'malformed' };
    if (params.public_key !== undefined && params.public_key !== this.settings.publicKey) return { valid: false, reason: 'other-shop' };
    const report = this.report(params);
    return report ? { valid: true, report } : { valid: false, reason: 'malformed' };
  }

  private report(params: Record<string, unknown>): AcquirerReport | null {
    const { order_id: orderId, status, amount, currency, payment_id: paymentId } = params;
    if (typeof orderId !== 'string' || typeof status !== 'string' || typeof currency !== 'string') return null;
    const paid = money(typeof amount === 'number' || typeof amount === 'string' ? amount : '', currency);
    if (!paid) return null;
    return {
      orderId,
      outcome: this.outcome(status),
      amount: paid,
      reference: typeof paymentId === 'number' || typeof paymentId === 'string' ? String(paymentId) : null,
      status,
    };
  }

  private outcome(status: string): AcquirerOutcome {
    if (status === 'success') return 'paid';
    // A test payment is paid only in a sandbox shop; a real shop that receives one was not paid.
    if (status === 'sandbox') return this.settings.sandbox ? 'paid' : 'declined';
    if (status === 'reversed') return 'reversed';
    if (status === 'failure' || status === 'error') return 'declined';
    // processing, wait_*, *_verify and any status LiqPay adds later: not decided, so nothing is done yet.
    return 'pending';
  }
}
