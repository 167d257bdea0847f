import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { deliver, redirect, sendCheckoutPage, sendJson, startSimulatorServer, type SimulatorServer } from '../simulated-checkout.js';
import { signMonobankBody } from './signature.js';

interface SimulatedInvoice {
  invoiceId: string;
  status: 'created' | 'processing' | 'success' | 'failure' | 'expired';
  amount: number;
  ccy: number;
  reference: string;
  destination: string;
  redirectUrl: string | null;
  webHookUrl: string | null;
  createdDate: string;
  modifiedDate: string;
}

export interface MonobankSimulator extends SimulatorServer {
  /** When false, a decision is recorded but no webhook is posted: a webhook that never arrived. */
  sendWebhooks: boolean;
  readonly deliveries: { invoiceId: string; status: number }[];
  /** The webhook body monobank would post for an invoice now, and its X-Sign. */
  webhookFor(invoiceId: string, changes?: Record<string, unknown>): { body: string; xSign: string };
  /** monobank changes its key: later webhooks are signed with a new one, served at /api/merchant/pubkey. */
  rotateKey(): void;
  /** How many times the public key was asked for. */
  readonly pubkeyRequests: number;
}

function keyPair() {
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey: pair.privateKey, publicKeyBase64: Buffer.from(pair.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64') };
}

/**
 * A stand-in for monobank acquiring with its real signature scheme: an EC P-256 key pair whose
 * public half GET /api/merchant/pubkey serves as base64 of a PEM, invoices (create, status), a
 * checkout page that pays or declines, and webhooks whose raw body is signed in X-Sign.
 */
export async function startMonobankSimulator(token: string, port = 0): Promise<MonobankSimulator> {
  let keys: { privateKey: KeyObject; publicKeyBase64: string } = keyPair();
  const invoices = new Map<string, SimulatedInvoice>();
  const deliveries: { invoiceId: string; status: number }[] = [];
  let pubkeyRequests = 0;
  const webhookFor = (invoiceId: string, changes: Record<string, unknown> = {}) => {
    const invoice = invoices.get(invoiceId);
    if (!invoice) throw new Error(`no simulated monobank invoice ${invoiceId}`);
    const { redirectUrl: _redirect, webHookUrl: _webhook, destination: _destination, ...published } = invoice;
    const body = JSON.stringify({ ...published, finalAmount: invoice.status === 'success' ? invoice.amount : 0, ...changes });
    return { body, xSign: signMonobankBody(keys.privateKey, body) };
  };

  const server = await startSimulatorServer(async (req, res, url, body) => {
    const page = /^\/pay\/([A-Za-z0-9_]+)$/.exec(url.pathname);
    if (page) {
      const invoice = invoices.get(page[1]!);
      if (!invoice) return false;
      if (req.method === 'GET') {
        sendCheckoutPage(res, { acquirer: 'monobank', amount: (invoice.amount / 100).toFixed(2), currency: invoice.ccy === 980 ? 'UAH' : String(invoice.ccy), description: invoice.destination, action: `/pay/${invoice.invoiceId}` });
        return true;
      }
      if (invoice.status !== 'created') {
        sendJson(res, 409, { errCode: 'INVOICE_CLOSED' });
        return true;
      }
      invoice.status = new URLSearchParams(body.toString('utf8')).get('decision') === 'pay' ? 'success' : 'failure';
      invoice.modifiedDate = new Date().toISOString();
      if (invoice.webHookUrl && simulator.sendWebhooks) {
        const webhook = webhookFor(invoice.invoiceId);
        const status = await deliver(invoice.webHookUrl, { headers: { 'content-type': 'application/json', 'x-sign': webhook.xSign }, body: webhook.body });
        deliveries.push({ invoiceId: invoice.invoiceId, status });
      }
      if (invoice.redirectUrl) redirect(res, invoice.redirectUrl);
      else sendJson(res, 200, { status: invoice.status });
      return true;
    }
    if (!url.pathname.startsWith('/api/merchant/')) return false;
    if (req.headers['x-token'] !== token) {
      sendJson(res, 403, { errCode: 'FORBIDDEN', errText: 'forbidden' });
      return true;
    }
    if (url.pathname === '/api/merchant/pubkey' && req.method === 'GET') {
      pubkeyRequests += 1;
      sendJson(res, 200, { key: keys.publicKeyBase64 });
      return true;
    }
    if (url.pathname === '/api/merchant/invoice/create' && req.method === 'POST') {
      let request: { amount?: unknown; ccy?: unknown; merchantPaymInfo?: { reference?: unknown; destination?: unknown }; redirectUrl?: unknown; webHookUrl?: unknown };
      try {
        request = JSON.parse(body.toString('utf8')) as typeof request;
      } catch {
        sendJson(res, 400, { errCode: 'BAD_REQUEST', errText: 'invalid json' });
        return true;
      }
      if (typeof request.amount !== 'number' || !Number.isSafeInteger(request.amount) || request.amount <= 0 || typeof request.merchantPaymInfo?.reference !== 'string') {
        sendJson(res, 400, { errCode: 'BAD_REQUEST', errText: 'amount and merchantPaymInfo.reference are required' });
        return true;
      }
      const invoiceId = `p2_${randomBytes(6).toString('hex')}`;
      const now = new Date().toISOString();
      invoices.set(invoiceId, {
        invoiceId,
        status: 'created',
        amount: request.amount,
        ccy: typeof request.ccy === 'number' ? request.ccy : 980,
        reference: request.merchantPaymInfo.reference,
        destination: typeof request.merchantPaymInfo.destination === 'string' ? request.merchantPaymInfo.destination : '',
        redirectUrl: typeof request.redirectUrl === 'string' ? request.redirectUrl : null,
        webHookUrl: typeof request.webHookUrl === 'string' ? request.webHookUrl : null,
        createdDate: now,
        modifiedDate: now,
      });
      sendJson(res, 200, { invoiceId, pageUrl: `${simulator.url}/pay/${invoiceId}` });
      return true;
    }
    if (url.pathname === '/api/merchant/invoice/status' && req.method === 'GET') {
      const invoiceId = url.searchParams.get('invoiceId') ?? '';
      if (!invoices.has(invoiceId)) sendJson(res, 404, { errCode: 'NOT_FOUND', errText: 'invoice not found' });
      else sendJson(res, 200, JSON.parse(webhookFor(invoiceId).body));
      return true;
    }
    return false;
  }, port);

  const simulator: MonobankSimulator = {
    ...server,
    sendWebhooks: true,
    deliveries,
    webhookFor,
    rotateKey() {
      keys = keyPair();
    },
    get pubkeyRequests() {
      return pubkeyRequests;
    },
  };
  return simulator;
}
