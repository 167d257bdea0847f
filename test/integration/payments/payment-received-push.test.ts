import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { startFakePushService } from '../../support/fake-push-service.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { LOGIN } from '../../support/operations.js';
import { decideOnCheckout } from './world.js';

const FISCAL_PASSWORD = 'fiscal-psw-never-in-a-log-7c1';
const REGISTER = /* GraphQL */ `
  mutation Register($subscription: WebPushSubscriptionInput!, $locale: String) {
    registerPushSubscription(subscription: $subscription, locale: $locale)
  }
`;
const START = /* GraphQL */ `
  mutation Start($methodId: ID!, $amount: Decimal!, $key: String!) {
    startTopUp(methodId: $methodId, amount: $amount, idempotencyKey: $key) {
      id
      checkoutUrl
    }
  }
`;
const TOP_UP = /* GraphQL */ `
  query TopUp($id: ID!) {
    topUp(id: $id) {
      status
    }
  }
`;

/** Intl keeps the amount and its symbol together with a no-break space. */
const NBSP = '\u00a0';
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('the "Payment received" push, over HTTP to a Web Push service', () => {
  let push: Awaited<ReturnType<typeof startFakePushService>>;
  let cabinet: TestCabinet | undefined;
  const tlsBefore = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

  beforeAll(() => {
    // The fake push service's certificate is its own; the cabinet in this process must accept it.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  });
  afterAll(() => {
    if (tlsBefore === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsBefore;
  });
  beforeEach(async () => {
    push = await startFakePushService();
  });
  afterEach(async () => {
    await cabinet?.close();
    cabinet = undefined;
    await push.close();
  });

  /** A debtor of the Carbon demo, signed in, with a phone in Ukrainian and a laptop in English registered for pushes. */
  const debtorWithDevices = async () => {
    cabinet = await startCabinet({
      env: { ALLOW_ARBITRARY_OPERATIONS: 'true', PUSH_ALLOW_LOOPBACK: 'true', CARBON_FISCAL_PASSWORD: FISCAL_PASSWORD },
      carbon: { fiscalPassword: FISCAL_PASSWORD },
    });
    const client = new GraphQLClient(cabinet.url);
    expect((await client.query(LOGIN, { login: 'BILL0000102', password: 'demo' })).errors).toBeUndefined();
    for (const [device, locale] of [
      ['phone', 'uk'],
      ['laptop', 'en'],
    ] as const) {
      const registered = await client.query(REGISTER, { subscription: push.subscription(device), locale });
      expect(registered.errors).toBeUndefined();
      expect(registered.data?.registerPushSubscription).toBe(true);
    }
    return client;
  };

  const payTopUp = async (client: GraphQLClient, amount: string, key: string) => {
    const started = await client.query(START, { methodId: 'liqpay', amount, key });
    expect(started.errors).toBeUndefined();
    const topUp = started.data?.startTopUp as { id: string; checkoutUrl: string };
    await decideOnCheckout(topUp.checkoutUrl, 'pay');
    return topUp.id;
  };

  it('sends one message to each of the subscriber’s devices, with the amount in that device’s language, opening the top-up', async () => {
    const client = await debtorWithDevices();
    const id = await payTopUp(client, '300', 'push-top-up-0001');
    expect((await client.query(TOP_UP, { id })).data?.topUp.status).toBe('CREDITED');
    await expect.poll(() => push.received.length).toBe(2);
    await settle();
    const byDevice = Object.fromEntries(push.received.map((received) => [received.message.title, received.message]));
    expect(Object.keys(byDevice).sort()).toEqual(['Payment received: ₴300', `Платіж отримано: 300${NBSP}₴`]);
    for (const message of Object.values(byDevice)) expect(message).toMatchObject({ url: `/top-up/${id}`, tag: `top-up-${id}`, actions: [] });
    expect(byDevice[`Платіж отримано: 300${NBSP}₴`]?.body).toBe('Гроші зараховано на ваш рахунок. Відкрийте застосунок, щоб побачити новий баланс.');

    // A second top-up is a second message per device; the first one is not repeated.
    const second = await payTopUp(client, '120.50', 'push-top-up-0002');
    await expect.poll(() => push.received.length).toBe(4);
    await settle();
    expect(push.received).toHaveLength(4);
    expect(push.received.slice(2).map((received) => received.message.title).sort()).toEqual(['Payment received: ₴120.50', `Платіж отримано: 120,50${NBSP}₴`]);
    expect(push.received.slice(2).every((received) => received.message.url === `/top-up/${second}`)).toBe(true);
  }, 60_000);

  it('a push service that fails does not hold up or undo the crediting: it is only logged', async () => {
    const client = await debtorWithDevices();
    push.answerWith(500);
    const id = await payTopUp(client, '200', 'push-top-up-0003');
    expect((await client.query(TOP_UP, { id })).data?.topUp.status).toBe('CREDITED');
    await expect.poll(() => cabinet!.logs()).toContain('payment received push not delivered to every device');
    expect(cabinet!.simulator.calls['System_api.asr_fiscal_manager.act_pay']).toBe(1);
  }, 60_000);
});
