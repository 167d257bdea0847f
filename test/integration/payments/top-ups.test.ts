import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger.js';
import { encodeLiqpayData, liqpaySignature } from '../../../server/payments/liqpay/signature.js';
import { runPaymentsCommand } from '../../../server/payments/operator-commands.js';
import { PaymentSweep } from '../../../server/payments/sweep.js';
import { missingServers, reportMissing } from '../store/servers.js';
import { ACCOUNT, decideOnCheckout, LIQPAY_KEYS, minutesFromNow, MONOBANK_TOKEN, startPaymentsWorld, type Instance, type PaymentsWorld, type StoreKind } from './world.js';

const missing = await missingServers();

const postLiqpay = (url: string, form: { data: string; signature: string }) =>
  fetch(`${url}/payments/liqpay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
const postMonobank = (url: string, webhook: { body: string; xSign: string }) =>
  fetch(`${url}/payments/monobank`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sign': webhook.xSign }, body: webhook.body });

/** A sweep pass as it would run at `now` (minutes from now), on one instance. */
const sweepAt = (instance: Instance, minutes: number) =>
  new PaymentSweep({
    topUps: instance.payments.topUps,
    acquirers: { liqpay: instance.payments.liqpay!, monobank: instance.payments.monobank! },
    store: instance.store,
    settings: { expireMinutes: 60, reviewAfterMinutes: 10 },
    logger: createLogger('silent'),
    now: minutesFromNow(minutes),
  }).runPass();

const states = async (instance: Instance, id: string) => (await instance.store.topUps.get(id))!.history.map((event) => event.state);

for (const kind of ['sqlite', 'redis+postgresql'] as StoreKind[]) {
  describe(`card top-ups over HTTP against the simulated acquirers, ledger on ${kind}`, () => {
    if (kind !== 'sqlite' && missing) {
      reportMissing(missing);
      return;
    }
    let world: PaymentsWorld;
    let cabinet: Instance;
    beforeEach(async () => {
      world = await startPaymentsWorld(kind);
      cabinet = world.cabinet;
    });
    afterEach(async () => {
      const logs = world.logs();
      await world.close();
      // Whatever the test did, no key, token or signature secret reached a log.
      for (const secret of [LIQPAY_KEYS.privateKey, MONOBANK_TOKEN]) expect(logs).not.toContain(secret);
    });

    it('LiqPay: pay on the checkout page, the signed callback credits the billing once, the browser goes back to the cabinet', async () => {
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '150.5', 'liqpay');
      expect(checkoutUrl.startsWith(`${world.liqpay.url}/api/3/checkout?`)).toBe(true);
      const { page, location } = await decideOnCheckout(checkoutUrl, 'pay');
      expect(page).toContain('150.50 UAH');
      expect(page).not.toContain('<script');
      expect(location).toBe(`${cabinet.url}/top-up/${topUp.id}`);
      expect(world.liqpay.deliveries).toEqual([{ orderId: topUp.id, status: 200 }]);
      expect(world.creditor.calls).toEqual([{ account: ACCOUNT, amount: { amount: '150.50', currency: 'UAH' }, orderId: topUp.id }]);
      const stored = (await cabinet.store.topUps.get(topUp.id))!;
      expect(stored).toMatchObject({ state: 'CREDITED', billingReference: 'pay-1', acquirerReference: expect.stringMatching(/^\d+$/) });
      expect(stored.history.map((event) => event.state)).toEqual(['CREATED', 'PAID', 'CREDITING', 'CREDITED']);
    });

    it('monobank: an invoice per top-up, paid on its page, the X-Signed webhook credits once', async () => {
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '200', 'monobank');
      expect(topUp.acquirerReference).toMatch(/^p2_/);
      expect(checkoutUrl).toBe(`${world.monobank.url}/pay/${topUp.acquirerReference}`);
      await decideOnCheckout(checkoutUrl, 'pay');
      expect(world.monobank.deliveries).toEqual([{ invoiceId: topUp.acquirerReference, status: 200 }]);
      expect(world.creditor.calls).toEqual([{ account: ACCOUNT, amount: { amount: '200.00', currency: 'UAH' }, orderId: topUp.id }]);
      expect(await states(cabinet, topUp.id)).toEqual(['CREATED', 'PAID', 'CREDITING', 'CREDITED']);
      expect(world.monobank.pubkeyRequests).toBe(1);
    });

    it('a declined payment fails the top-up and credits nothing', async () => {
      const liqpay = await cabinet.payments.topUps.start(ACCOUNT, '50', 'liqpay');
      const monobank = await cabinet.payments.topUps.start(ACCOUNT, '50', 'monobank');
      await decideOnCheckout(liqpay.checkoutUrl, 'decline');
      await decideOnCheckout(monobank.checkoutUrl, 'decline');
      expect((await cabinet.store.topUps.get(liqpay.topUp.id))!.state).toBe('FAILED');
      expect((await cabinet.store.topUps.get(monobank.topUp.id))!.state).toBe('FAILED');
      expect(world.creditor.calls).toEqual([]);
    });

    it('refuses an amount outside TOPUP_MIN_AMOUNT..TOPUP_MAX_AMOUNT and records nothing', async () => {
      await expect(cabinet.payments.topUps.start(ACCOUNT, '9.99', 'liqpay')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(cabinet.payments.topUps.start(ACCOUNT, '20000.01', 'monobank')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(cabinet.payments.topUps.start(ACCOUNT, '1e3', 'liqpay')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await cabinet.store.topUps.list({})).toEqual([]);
    });

    it('the same callback again and again: every one answered 200, the billing credited once', async () => {
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '75', 'liqpay');
      await decideOnCheckout(checkoutUrl, 'pay');
      const callback = world.liqpay.callbackFor(topUp.id);
      for (let attempt = 0; attempt < 5; attempt += 1) expect((await postLiqpay(cabinet.url, callback)).status).toBe(200);
      expect(world.creditor.creditsFor(topUp.id)).toBe(1);
      expect(await states(cabinet, topUp.id)).toEqual(['CREATED', 'PAID', 'CREDITING', 'CREDITED']);
    });

    it('100 webhooks at once, half to a second instance on the same store: credited exactly once', async () => {
      const second = await world.instance();
      world.monobank.sendWebhooks = false;
      world.creditor.delayMs = 50;
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '300', 'monobank');
      await decideOnCheckout(checkoutUrl, 'pay');
      const webhook = world.monobank.webhookFor(topUp.acquirerReference!);
      const answers = await Promise.all(Array.from({ length: 100 }, (_, index) => postMonobank(index % 2 ? second.url : cabinet.url, webhook)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
      expect(world.creditor.creditsFor(topUp.id)).toBe(1);
      expect(await states(second, topUp.id)).toEqual(['CREATED', 'PAID', 'CREDITING', 'CREDITED']);
      expect(world.announced).toEqual([topUp.id]);
    });

    it('refuses a forged LiqPay callback and a monobank webhook signed with another key; nothing is credited', async () => {
      world.liqpay.sendCallbacks = false;
      world.monobank.sendWebhooks = false;
      const liqpay = await cabinet.payments.topUps.start(ACCOUNT, '100', 'liqpay');
      const data = encodeLiqpayData({ public_key: LIQPAY_KEYS.publicKey, order_id: liqpay.topUp.id, status: 'success', amount: 100, currency: 'UAH', payment_id: 1 });
      const forged = await postLiqpay(cabinet.url, { data, signature: liqpaySignature('a guessed private key', data) });
      expect(forged.status).toBe(400);
      expect(await forged.json()).toEqual({ error: 'bad-signature' });

      const monobank = await cabinet.payments.topUps.start(ACCOUNT, '100', 'monobank');
      await decideOnCheckout(monobank.checkoutUrl, 'pay');
      const genuine = world.monobank.webhookFor(monobank.topUp.acquirerReference!);
      const tampered = { body: genuine.body.replace('"amount":10000', '"amount":1000000'), xSign: genuine.xSign };
      expect((await postMonobank(cabinet.url, tampered)).status).toBe(400);
      expect((await postMonobank(cabinet.url, { body: genuine.body, xSign: '' })).status).toBe(400);

      expect(world.creditor.calls).toEqual([]);
      expect((await cabinet.store.topUps.get(liqpay.topUp.id))!.state).toBe('CREATED');
      expect((await cabinet.store.topUps.get(monobank.topUp.id))!.state).toBe('CREATED');
      expect(world.logs()).toContain('"reason":"bad-signature"');
    });

    it('monobank changed its key: the webhook that fails is checked again with the key fetched anew', async () => {
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '120', 'monobank');
      await decideOnCheckout(checkoutUrl, 'decline');
      world.monobank.rotateKey();
      world.monobank.sendWebhooks = false;
      const second = await cabinet.payments.topUps.start(ACCOUNT, '120', 'monobank');
      await decideOnCheckout(second.checkoutUrl, 'pay');
      expect((await postMonobank(cabinet.url, world.monobank.webhookFor(second.topUp.acquirerReference!))).status).toBe(200);
      expect(world.monobank.pubkeyRequests).toBe(2);
      expect((await cabinet.store.topUps.get(topUp.id))!.state).toBe('FAILED');
      expect(world.creditor.creditsFor(second.topUp.id)).toBe(1);
    });

    it('a genuine confirmation with another amount or currency is refused, not credited, and handed to an operator', async () => {
      world.liqpay.sendCallbacks = false;
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '100', 'liqpay');
      await decideOnCheckout(checkoutUrl, 'pay');
      const cheaper = await postLiqpay(cabinet.url, world.liqpay.callbackFor(topUp.id, { amount: 1 }));
      expect(cheaper.status).toBe(400);
      expect(await cheaper.json()).toEqual({ error: 'amount-mismatch' });
      expect((await postLiqpay(cabinet.url, world.liqpay.callbackFor(topUp.id, { currency: 'USD' }))).status).toBe(400);
      expect(world.creditor.calls).toEqual([]);
      const stored = (await cabinet.store.topUps.get(topUp.id))!;
      expect(stored.state).toBe('NEEDS_REVIEW');
      expect(stored.history.at(-1)!.note).toContain('1.00 UAH instead of 100.00 UAH');
    });

    it('refuses a signed confirmation for an order the ledger does not have', async () => {
      const data = encodeLiqpayData({ public_key: LIQPAY_KEYS.publicKey, order_id: 'not-ours', status: 'success', amount: 100, currency: 'UAH', payment_id: 7 });
      const answer = await postLiqpay(cabinet.url, { data, signature: liqpaySignature(LIQPAY_KEYS.privateKey, data) });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ error: 'unknown-order' });
      expect(world.creditor.calls).toEqual([]);
    });

    it('the billing is down when the payment arrives: the top-up stays PAID and the sweep credits it once the billing is back', async () => {
      world.creditor.mode = 'down';
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '90', 'liqpay');
      await decideOnCheckout(checkoutUrl, 'pay');
      expect(world.liqpay.deliveries).toEqual([{ orderId: topUp.id, status: 200 }]);
      expect((await cabinet.store.topUps.get(topUp.id))!.state).toBe('PAID');
      await sweepAt(cabinet, 1);
      expect((await cabinet.store.topUps.get(topUp.id))!.state).toBe('PAID');
      expect(world.announced).toEqual([]);
      world.creditor.mode = 'ok';
      expect(await sweepAt(cabinet, 2)).toMatchObject({ credited: 1 });
      await sweepAt(cabinet, 3);
      expect(world.creditor.creditsFor(topUp.id)).toBe(1);
      expect(await states(cabinet, topUp.id)).toEqual(['CREATED', 'PAID', 'CREDITING', 'PAID', 'CREDITING', 'PAID', 'CREDITING', 'CREDITED']);
      expect(world.announced).toEqual([topUp.id]);
    });

    it('a crash between the billing call and the ledger: the CREDITING row goes to review, and nothing credits it twice', async () => {
      // The crediter sends to the billing and never comes back, as if the process died there.
      world.creditor.mode = 'hang';
      world.liqpay.sendCallbacks = false;
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '110', 'liqpay');
      await decideOnCheckout(checkoutUrl, 'pay');
      const callback = world.liqpay.callbackFor(topUp.id);
      void postLiqpay(cabinet.url, callback).catch(() => undefined);
      await expect.poll(() => world.creditor.creditsFor(topUp.id)).toBe(1);
      expect((await cabinet.store.topUps.get(topUp.id))!.state).toBe('CREDITING');
      world.creditor.mode = 'ok';

      expect(await sweepAt(cabinet, 5)).toMatchObject({ toReview: 0, credited: 0 });
      expect(await sweepAt(cabinet, 11)).toMatchObject({ toReview: 1, credited: 0 });
      const second = await world.instance();
      expect((await postLiqpay(second.url, callback)).status).toBe(200);
      await sweepAt(second, 30);
      expect(world.creditor.creditsFor(topUp.id)).toBe(1);
      const stored = (await cabinet.store.topUps.get(topUp.id))!;
      expect(stored.state).toBe('NEEDS_REVIEW');
      expect(stored.history.at(-1)!.note).toMatch(/check the billing/);
    });

    it('an unknown outcome from the billing goes straight to review and is never retried', async () => {
      world.creditor.mode = 'unknown';
      const { topUp, checkoutUrl } = await cabinet.payments.topUps.start(ACCOUNT, '60', 'monobank');
      await decideOnCheckout(checkoutUrl, 'pay');
      world.creditor.mode = 'ok';
      await sweepAt(cabinet, 30);
      expect(world.creditor.creditsFor(topUp.id)).toBe(1);
      expect((await cabinet.store.topUps.get(topUp.id))!.state).toBe('NEEDS_REVIEW');
    });

    it('the sweep asks the acquirer about a webhook that never came, credits what was paid and expires what was not', async () => {
      world.liqpay.sendCallbacks = false;
      world.monobank.sendWebhooks = false;
      const paidLiqpay = await cabinet.payments.topUps.start(ACCOUNT, '40', 'liqpay');
      const paidMonobank = await cabinet.payments.topUps.start(ACCOUNT, '45', 'monobank');
      const abandoned = await cabinet.payments.topUps.start(ACCOUNT, '30', 'liqpay');
      const abandonedInvoice = await cabinet.payments.topUps.start(ACCOUNT, '35', 'monobank');
      await decideOnCheckout(paidLiqpay.checkoutUrl, 'pay');
      await decideOnCheckout(paidMonobank.checkoutUrl, 'pay');

      expect(await sweepAt(cabinet, 1)).toMatchObject({ checked: 0 });
      expect(await sweepAt(cabinet, 3)).toMatchObject({ checked: 4, expired: 0 });
      expect(world.creditor.calls.map((call) => call.orderId).sort()).toEqual([paidLiqpay.topUp.id, paidMonobank.topUp.id].sort());
      expect(await sweepAt(cabinet, 61)).toMatchObject({ checked: 2, expired: 2 });
      expect((await cabinet.store.topUps.get(abandoned.topUp.id))!.state).toBe('EXPIRED');
      expect((await cabinet.store.topUps.get(abandonedInvoice.topUp.id))!.state).toBe('EXPIRED');
      expect(world.creditor.calls).toHaveLength(2);
    });

    it('one sweep at a time across instances', async () => {
      const second = await world.instance();
      const outcome = await cabinet.store.withLock('payments-sweep', 60, () => sweepAt(second, 1));
      expect(outcome).toEqual({ ran: true, value: expect.objectContaining({ skipped: 'another-sweep-running' }) });
    });

    it('an operator settles what needs review: credit puts it back for one crediting, --found and fail close it', async () => {
      world.creditor.mode = 'unknown';
      const first = await cabinet.payments.topUps.start(ACCOUNT, '10', 'liqpay');
      const second = await cabinet.payments.topUps.start(ACCOUNT, '20', 'liqpay');
      const third = await cabinet.payments.topUps.start(ACCOUNT, '30', 'liqpay');
      for (const started of [first, second, third]) await decideOnCheckout(started.checkoutUrl, 'pay');
      world.creditor.mode = 'ok';
      const out: string[] = [];
      const run = (...argv: string[]) => runPaymentsCommand(argv, cabinet.store.topUps, (line) => out.push(line));

      expect(await run('list')).toBe(0);
      expect(out.map((line) => JSON.parse(line).id).sort()).toEqual([first.topUp.id, second.topUp.id, third.topUp.id].sort());
      expect(await run('credit', first.topUp.id, '--note', 'not in the billing')).toBe(0);
      expect(await run('credit', second.topUp.id, '--found', 'PAY-77')).toBe(0);
      expect(await run('fail', third.topUp.id, '--note', 'refunded to the card')).toBe(0);
      expect(await run('fail', third.topUp.id, '--note', 'again')).toBe(1);

      await sweepAt(cabinet, 1);
      await sweepAt(cabinet, 2);
      expect(world.creditor.creditsFor(first.topUp.id)).toBe(2);
      expect((await cabinet.store.topUps.get(first.topUp.id))!.state).toBe('CREDITED');
      expect(await cabinet.store.topUps.get(second.topUp.id)).toMatchObject({ state: 'CREDITED', billingReference: 'PAY-77' });
      expect(world.creditor.creditsFor(second.topUp.id)).toBe(1);
      expect((await cabinet.store.topUps.get(third.topUp.id))!.history.at(-1)).toMatchObject({ state: 'FAILED', note: 'operator: refunded to the card' });
      out.length = 0;
      expect(await run('list')).toBe(0);
      expect(out).toEqual([]);
    });
  });
}

describe('acquirers that do not answer', () => {
  let world: PaymentsWorld;
  beforeAll(async () => {
    world = await startPaymentsWorld('sqlite');
  });
  afterAll(() => world.close());

  it('a checkout the acquirer cannot open fails the top-up and tells the subscriber to try later', async () => {
    await world.monobank.close();
    await expect(world.cabinet.payments.topUps.start(ACCOUNT, '100', 'monobank')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const [stored] = await world.cabinet.store.topUps.list({});
    expect(stored).toMatchObject({ state: 'FAILED', method: 'monobank' });
    expect(world.creditor.calls).toEqual([]);
  });
});
