import type { KeyObject } from 'node:crypto';
import { fromMinorUnits, toMinorUnits } from '../../../shared/money.js';
import { ACQUIRER_TIMEOUT_MS, AcquirerUnavailable, type Acquirer, type AcquirerOutcome, type AcquirerReport, type Checkout } from '../acquirer.js';
import type { TopUp } from '../ledger.js';
import { MONOBANK_CURRENCY_CODES } from '../settings.js';
import { isMonobankSignatureValid, monobankPublicKey } from './signature.js';

export interface MonobankSettings {
  /** The merchant's X-Token. */
  token: string;
  /** https://api.monobank.ua, or a simulator's address. */
  apiUrl: string;
  /** How long a checkout stays payable, in seconds (monobank's `validity`). */
  validitySeconds: number;
  /** A failed signature fetches the key again at most this often (a minute by default), so forged webhooks cannot make us hammer monobank. */
  keyRefreshIntervalMs?: number;
}

const KEY_REFRESH_INTERVAL_MS = 60_000;

const CURRENCY_BY_CODE = new Map(Object.entries(MONOBANK_CURRENCY_CODES).map(([currency, code]) => [code, currency]));

export type MonobankWebhook = { valid: true; report: AcquirerReport } | { valid: false; reason: 'bad-signature' | 'malformed' };

/** monobank acquiring: an invoice per top-up, paid on monobank's page; webhooks signed with ECDSA. */
export class MonobankAcquirer implements Acquirer {
  readonly method = 'monobank' as const;
  private publicKey: Promise<KeyObject | null> | null = null;
  private keyFetchedAt = 0;

  constructor(private readonly settings: MonobankSettings) {}

  async startCheckout(topUp: TopUp, addresses: { returnUrl: string; callbackUrl: string }): Promise<Checkout> {
    const ccy = MONOBANK_CURRENCY_CODES[topUp.amount.currency];
    if (ccy === undefined) throw new AcquirerUnavailable(`monobank takes no ${topUp.amount.currency}`);
    const answer = await this.call('invoice create', '/api/merchant/invoice/create', {
      method: 'POST',
      body: JSON.stringify({
        amount: Number(toMinorUnits(topUp.amount.amount)),
        ccy,
        merchantPaymInfo: { reference: topUp.id, destination: `Top-up ${topUp.login}` },
        redirectUrl: addresses.returnUrl,
        webHookUrl: addresses.callbackUrl,
        validity: this.settings.validitySeconds,
      }),
    });
    if (typeof answer.invoiceId !== 'string' || typeof answer.pageUrl !== 'string') throw new AcquirerUnavailable('monobank invoice create: an answer we cannot read');
    return { url: answer.pageUrl, reference: answer.invoiceId };
  }

  async status(topUp: TopUp): Promise<AcquirerReport> {
    if (!topUp.acquirerReference) return { orderId: topUp.id, outcome: 'not-found', amount: null, reference: null, status: 'no invoice' };
    const answer = await this.call('invoice status', `/api/merchant/invoice/status?${new URLSearchParams({ invoiceId: topUp.acquirerReference })}`, { method: 'GET' }, [404]);
    if (answer.notFound === true) return { orderId: topUp.id, outcome: 'not-found', amount: null, reference: topUp.acquirerReference, status: 'not found' };
    const report = readInvoice(answer, topUp.id);
    if (!report) throw new AcquirerUnavailable('monobank invoice status: an answer we cannot read');
    return report;
  }

  /**
   * A webhook posted to /payments/monobank, trusted only when X-Sign verifies over the raw body.
   * The key is cached; a signature that fails is checked once more against a freshly fetched key
   * (monobank may have changed it), at most once a minute.
   */
  async readWebhook(body: Buffer, xSign: string | undefined): Promise<MonobankWebhook> {
    if (!xSign) return { valid: false, reason: 'bad-signature' };
    let key = await this.key(false);
    let valid = key !== null && isMonobankSignatureValid(key, body, xSign);
    if (!valid && Date.now() - this.keyFetchedAt >= (this.settings.keyRefreshIntervalMs ?? KEY_REFRESH_INTERVAL_MS)) {
      key = await this.key(true);
      valid = key !== null && isMonobankSignatureValid(key, body, xSign);
    }
    if (!valid) return { valid: false, reason: 'bad-signature' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return { valid: false, reason: 'malformed' };
    }
    const report = parsed !== null && typeof parsed === 'object' ? readInvoice(parsed as Record<string, unknown>, null) : null;
    return report ? { valid: true, report } : { valid: false, reason: 'malformed' };
  }

  private key(refresh: boolean): Promise<KeyObject | null> {
    if (this.publicKey && !refresh) return this.publicKey;
    this.keyFetchedAt = Date.now();
    const fetching = this.call('pubkey', '/api/merchant/pubkey', { method: 'GET' }).then(
      (answer) => (typeof answer.key === 'string' ? monobankPublicKey(answer.key) : null),
      () => null,
    );
    // A key that could not be fetched is not cached: the next webhook asks again.
    this.publicKey = fetching.then((key) => {
      if (key === null) this.publicKey = null;
      return key;
    });
    return this.publicKey;
  }

  private async call(name: string, path: string, init: RequestInit, notFound: number[] = []): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.apiUrl}${path}`, {
        ...init,
        headers: { 'x-token': this.settings.token, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(ACQUIRER_TIMEOUT_MS),
      });
    } catch (error) {
      throw new AcquirerUnavailable(`monobank ${name}: ${error instanceof Error ? error.name : 'error'}`, { cause: error });
    }
    if (notFound.includes(response.status)) return { notFound: true };
    if (!response.ok) throw new AcquirerUnavailable(`monobank ${name}: HTTP ${response.status}`);
    try {
      const answer: unknown = await response.json();
      if (answer === null || typeof answer !== 'object') throw new Error('not an object');
      return answer as Record<string, unknown>;
    } catch (error) {
      throw new AcquirerUnavailable(`monobank ${name}: an answer we cannot read`, { cause: error });
    }
  }
}

function readInvoice(invoice: Record<string, unknown>, expectedOrderId: string | null): AcquirerReport | null {
  const { invoiceId, status, amount, ccy, reference } = invoice;
  if (typeof invoiceId !== 'string' || typeof status !== 'string' || typeof amount !== 'number' || !Number.isSafeInteger(amount) || typeof ccy !== 'number') return null;
  const currency = CURRENCY_BY_CODE.get(ccy) ?? String(ccy);
  const orderId = typeof reference === 'string' ? reference : expectedOrderId;
  if (orderId === null || (expectedOrderId !== null && orderId !== expectedOrderId)) return null;
  return { orderId, outcome: outcome(status), amount: { amount: fromMinorUnits(BigInt(amount)), currency }, reference: invoiceId, status };
}

function outcome(status: string): AcquirerOutcome {
  if (status === 'success') return 'paid';
  if (status === 'failure' || status === 'expired') return 'declined';
  if (status === 'reversed') return 'reversed';
  // created, processing, hold, and any status monobank adds later: not decided yet.
  return 'pending';
}
