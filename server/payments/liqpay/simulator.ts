import { deliver, redirect, sendCheckoutPage, sendJson, startSimulatorServer, type SimulatorServer } from '../simulated-checkout.js';
import { decodeLiqpayData, encodeLiqpayData, isLiqpaySignatureValid, liqpaySignature } from './signature.js';

interface SimulatedPayment {
  order_id: string;
  amount: number;
  currency: string;
  description: string;
  result_url: string | null;
  server_url: string | null;
  sandbox: boolean;
  status: string | null;
  payment_id: number | null;
}

export interface LiqpaySimulator extends SimulatorServer {
  /** When false, a decision is recorded but no callback is posted: a webhook that never arrived. */
  sendCallbacks: boolean;
  /** Each callback posted and the status the cabinet answered. */
  readonly deliveries: { orderId: string; status: number }[];
  /** The callback LiqPay would post for an order now, signed with the shop's private key. */
  callbackFor(orderId: string, changes?: Record<string, unknown>): { data: string; signature: string };
}

/**
 * A stand-in for LiqPay: the checkout page (GET or POST /api/3/checkout with data and signature),
 * the pay or decline decision that posts the signed callback to server_url and sends the browser
 * to result_url, and the server API's status action (POST /api/request).
 */
export async function startLiqpaySimulator(keys: { publicKey: string; privateKey: string }, port = 0): Promise<LiqpaySimulator> {
  const payments = new Map<string, SimulatedPayment>();
  const deliveries: { orderId: string; status: number }[] = [];
  let nextPaymentId = 1_000_001;
  const signed = (params: URLSearchParams) => {
    const data = params.get('data') ?? '';
    if (!isLiqpaySignatureValid(keys.privateKey, data, params.get('signature') ?? '')) return null;
    const decoded = decodeLiqpayData(data);
    return decoded && decoded.public_key === keys.publicKey ? decoded : null;
  };
  const callbackParams = (payment: SimulatedPayment, changes: Record<string, unknown> = {}) => ({
    version: 3,
    public_key: keys.publicKey,
    action: 'pay',
    payment_id: payment.payment_id,
    status: payment.status,
    type: 'buy',
    paytype: 'card',
    order_id: payment.order_id,
    amount: payment.amount,
    currency: payment.currency,
    description: payment.description,
    ...changes,
  });
  const callbackFor = (orderId: string, changes?: Record<string, unknown>) => {
    const payment = payments.get(orderId);
    if (!payment) throw new Error(`no simulated LiqPay order ${orderId}`);
    const data = encodeLiqpayData(callbackParams(payment, changes));
    return { data, signature: liqpaySignature(keys.privateKey, data) };
  };

  const simulator: LiqpaySimulator = Object.assign(
    await startSimulatorServer(async (req, res, url, body) => {
      const form = req.method === 'POST' ? new URLSearchParams(body.toString('utf8')) : url.searchParams;
      if (url.pathname === '/api/3/checkout') {
        const params = signed(form);
        if (!params || typeof params.order_id !== 'string') {
          sendJson(res, 400, { status: 'error', err_code: 'invalid_signature' });
          return true;
        }
        const existing = payments.get(params.order_id);
        const payment: SimulatedPayment = existing ?? {
          order_id: params.order_id,
          amount: Number(params.amount),
          currency: String(params.currency),
          description: String(params.description ?? ''),
          result_url: typeof params.result_url === 'string' ? params.result_url : null,
          server_url: typeof params.server_url === 'string' ? params.server_url : null,
          sandbox: params.sandbox === 1 || params.sandbox === '1',
          status: null,
          payment_id: null,
        };
        payments.set(payment.order_id, payment);
        sendCheckoutPage(res, { acquirer: 'LiqPay', amount: payment.amount.toFixed(2), currency: payment.currency, description: payment.description, action: `/checkout/${encodeURIComponent(payment.order_id)}` });
        return true;
      }
      const decision = /^\/checkout\/([^/]+)$/.exec(url.pathname);
      if (decision && req.method === 'POST') {
        const payment = payments.get(decodeURIComponent(decision[1]!));
        if (!payment || payment.status !== null) {
          sendJson(res, 409, { status: 'error', err_code: 'order_closed' });
          return true;
        }
        payment.payment_id = nextPaymentId++;
        payment.status = form.get('decision') === 'pay' ? (payment.sandbox ? 'sandbox' : 'success') : 'failure';
        if (payment.server_url && simulator.sendCallbacks) {
          const { data, signature } = callbackFor(payment.order_id);
          const status = await deliver(payment.server_url, {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ data, signature }).toString(),
          });
          deliveries.push({ orderId: payment.order_id, status });
        }
        if (payment.result_url) redirect(res, payment.result_url);
        else sendJson(res, 200, { status: payment.status });
        return true;
      }
      if (url.pathname === '/api/request' && req.method === 'POST') {
        const params = signed(form);
        if (!params) sendJson(res, 200, { result: 'error', status: 'error', err_code: 'invalid_signature' });
        else if (params.action !== 'status') sendJson(res, 200, { result: 'error', status: 'error', err_code: 'unsupported_action' });
        else {
          const payment = payments.get(String(params.order_id));
          if (!payment || payment.status === null) sendJson(res, 200, { result: 'error', status: 'error', err_code: 'payment_not_found', err_description: 'Payment not found' });
          else sendJson(res, 200, { result: 'ok', ...callbackParams(payment) });
        }
        return true;
      }
      return false;
    }, port),
    { sendCallbacks: true, deliveries, callbackFor },
  );
  return simulator;
}
