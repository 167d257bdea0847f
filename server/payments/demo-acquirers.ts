import { randomBytes } from 'node:crypto';
import type { PaymentSettings } from './settings.js';

export interface DemoAcquirers {
  liqpay: NonNullable<PaymentSettings['liqpay']>;
  monobank: NonNullable<PaymentSettings['monobank']>;
  close(): Promise<void>;
}

/**
 * The demo's two acquirers: our LiqPay and monobank simulators on loopback, with keys made up for
 * this run, so anyone can pay in the demo (on a checkout page that pays or declines) and watch the
 * balance grow. Imported only in demo mode: production never loads the simulators.
 */
export async function startDemoAcquirers(): Promise<DemoAcquirers> {
  const [{ startLiqpaySimulator }, { startMonobankSimulator }] = await Promise.all([import('./liqpay/simulator.js'), import('./monobank/simulator.js')]);
  const keys = { publicKey: `sandbox_demo${randomBytes(6).toString('hex')}`, privateKey: `sandbox_demo_private_${randomBytes(16).toString('hex')}` };
  const token = `uDemo${randomBytes(16).toString('hex')}`;
  const liqpay = await startLiqpaySimulator(keys);
  const monobank = await startMonobankSimulator(token).catch(async (error: unknown) => {
    await liqpay.close();
    throw error;
  });
  return {
    liqpay: { ...keys, sandbox: false, apiUrl: liqpay.url },
    monobank: { token, apiUrl: monobank.url },
    async close() {
      await Promise.all([liqpay.close(), monobank.close()]);
    },
  };
}
