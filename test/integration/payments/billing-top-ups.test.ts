import { describe, expect, it } from 'vitest';
import { cabinetsClosedAfterEach } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { LOGIN, pwaOperation } from '../../support/operations.js';
import { decideOnCheckout } from './world.js';

const FISCAL_PASSWORD = 'fiscal-psw-never-in-a-log-7c1';

const BALANCE = /* GraphQL */ `
  query Balance {
    me {
      balance {
        amount
      }
      topUps {
        id
        status
      }
    }
  }
`;
const START = /* GraphQL */ `
  mutation Start($methodId: ID!, $amount: Decimal!, $key: String!) {
    startTopUp(methodId: $methodId, amount: $amount, idempotencyKey: $key) {
      id
      status
      amount {
        amount
        currency
      }
      checkoutUrl
      createdAt
    }
  }
`;
const TOP_UP = /* GraphQL */ `
  query TopUp($id: ID!) {
    topUp(id: $id) {
      id
      status
      amount {
        amount
      }
    }
  }
`;

/** Each billing with a debtor of its demo: the top-up is booked by that billing's own payment call. */
const BILLINGS = [
  { kind: 'carbon5', login: 'BILL0000102', password: 'demo', env: { CARBON_FISCAL_PASSWORD: FISCAL_PASSWORD }, carbon: { fiscalPassword: FISCAL_PASSWORD } },
  { kind: 'ubilling', login: 'petrenko', password: 'petrenko-demo', env: { BILLING_KIND: 'ubilling' } },
  { kind: 'carbon-legacy', login: 'kovalenko', password: 'demo', env: { BILLING_KIND: 'carbon-legacy' } },
] as const;

const minor = (amount: string) => Math.round(Number(amount) * 100);

describe.each(BILLINGS)('top-ups through GraphQL on $kind', (billing) => {
  const startCabinet = cabinetsClosedAfterEach();
  const startOnBilling = () => startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', ...billing.env }, ...('carbon' in billing ? { carbon: billing.carbon } : {}) });

  it('starts a top-up, pays it on the simulated acquirer, and the billing is credited once: the balance grows by the amount', async () => {
    const cabinet = await startOnBilling();
    const client = new GraphQLClient(cabinet.url);
    const methods = (await client.query(pwaOperation('TopUpMethods'))).data?.cabinet.paymentMethods;
    expect(methods.map((method: { id: string; kind: string }) => [method.id, method.kind])).toEqual([
      ['liqpay', 'CHECKOUT'],
      ['monobank', 'CHECKOUT'],
    ]);
    expect((await client.query(LOGIN, { login: billing.login, password: billing.password })).errors).toBeUndefined();
    const before = minor((await client.query(BALANCE)).data?.me.balance.amount);

    const started = await client.query(START, { methodId: 'monobank', amount: '300', key: 'top-up-key-0001' });
    expect(started.errors).toBeUndefined();
    const topUp = started.data?.startTopUp;
    expect(topUp).toMatchObject({ status: 'CREATED', amount: { amount: '300.00', currency: 'UAH' } });
    // The same key is the same top-up, not a second one.
    const again = await client.query(START, { methodId: 'monobank', amount: '300', key: 'top-up-key-0001' });
    expect(again.data?.startTopUp.id).toBe(topUp.id);
    // The same key for another amount is refused.
    expect((await client.query(START, { methodId: 'monobank', amount: '301', key: 'top-up-key-0001' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const { location } = await decideOnCheckout(topUp.checkoutUrl, 'pay');
    expect(location).toBe(`${cabinet.url}/top-up/${topUp.id}`);
    expect((await client.query(TOP_UP, { id: topUp.id })).data?.topUp).toMatchObject({ id: topUp.id, status: 'CREDITED', amount: { amount: '300.00' } });

    const after = (await client.query(BALANCE)).data?.me;
    expect(minor(after.balance.amount) - before).toBe(30_000);
    expect(after.topUps).toEqual([{ id: topUp.id, status: 'CREDITED' }]);

    // Another subscriber's session cannot see it; nor can nobody.
    expect((await new GraphQLClient(cabinet.url).query(TOP_UP, { id: topUp.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(cabinet.audit().filter((entry) => entry.action === 'top-up')).toHaveLength(1);
    expect(cabinet.logs()).not.toContain(FISCAL_PASSWORD);
  }, 60_000);

  it('credits a payment whose crediting never reached the billing once the billing is back, and only once', async () => {
    const cabinet = await startOnBilling();
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: billing.login, password: billing.password });
    const before = minor((await client.query(BALANCE)).data?.me.balance.amount);
    const topUp = (await client.query(START, { methodId: 'liqpay', amount: '120', key: 'top-up-key-0006' })).data?.startTopUp;

    // The billing's port refuses connections when the acquirer's callback arrives: nothing was sent.
    await cabinet.billing().stopListening();
    await decideOnCheckout(topUp.checkoutUrl, 'pay');
    expect((await client.query(TOP_UP, { id: topUp.id })).data?.topUp.status).toBe('PAID');

    await cabinet.billing().listenAgain();
    const sweep = cabinet.payments().sweep;
    expect(await sweep.runPass()).toMatchObject({ credited: 1, toReview: 0 });
    expect(await sweep.runPass()).toMatchObject({ credited: 0, toReview: 0 });
    expect((await client.query(TOP_UP, { id: topUp.id })).data?.topUp.status).toBe('CREDITED');
    expect(minor((await client.query(BALANCE)).data?.me.balance.amount) - before).toBe(12_000);
  }, 60_000);

  it('refuses an amount outside the bounds and a method the ISP does not offer', async () => {
    const cabinet = await startOnBilling();
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: billing.login, password: billing.password });
    const tooSmall = await client.query(START, { methodId: 'liqpay', amount: '1', key: 'top-up-key-0002' });
    expect(tooSmall.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const garbage = await client.query(START, { methodId: 'liqpay', amount: '1e5', key: 'top-up-key-0003' });
    expect(garbage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await client.query(START, { methodId: 'paypal', amount: '100', key: 'top-up-key-0004' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_SUPPORTED');
  }, 60_000);
});

describe('a crediting whose outcome is unknown', () => {
  const startCabinet = cabinetsClosedAfterEach();

  it('goes to NEEDS_REVIEW when the billing does not answer after the call was sent, and is not sent again', async () => {
    const carbon = BILLINGS[0];
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_TIMEOUT_MS: '500', ...carbon.env }, carbon: carbon.carbon });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: carbon.login, password: carbon.password });
    const before = (await client.query(BALANCE)).data?.me.balance.amount;
    const topUp = (await client.query(START, { methodId: 'liqpay', amount: '150', key: 'top-up-key-0005' })).data?.startTopUp;
    cabinet.simulator.setFault('slow');
    await decideOnCheckout(topUp.checkoutUrl, 'pay');
    cabinet.simulator.setFault(null);
    expect((await client.query(TOP_UP, { id: topUp.id })).data?.topUp.status).toBe('NEEDS_REVIEW');
    expect(cabinet.simulator.calls['System_api.asr_fiscal_manager.act_pay']).toBe(1);
    // The slow simulator never booked it; the operator settles it, the cabinet never retries on its own.
    expect((await client.query(BALANCE)).data?.me.balance.amount).toBe(before);
  }, 60_000);
});

const LINKS = /* GraphQL */ `
  query Links($amount: Decimal) {
    me {
      paymentId
    }
    cabinet {
      paymentMethods {
        id
        kind
        url(amount: $amount)
      }
    }
  }
`;

/**
 * The pay-by-link services open with the id the billing gives payment services: Ubilling's payment id
 * (not the contract number), Carbon's account or contract number; without one, the contract number.
 */
interface LinkBilling {
  kind: string;
  login: string;
  password: string;
  env: Record<string, string>;
  /** The payment id the demo gives this subscriber, where the test pins it; null: none, `fallback` is used. */
  paymentId?: string | null;
  fallback?: string;
}
const LINK_BILLINGS: LinkBilling[] = [
  { kind: 'carbon5', login: 'BILL0000102', password: 'demo', env: {} },
  { kind: 'ubilling', login: 'petrenko', password: 'petrenko-demo', env: { BILLING_KIND: 'ubilling' }, paymentId: '100124' },
  { kind: 'ubilling without a payment id', login: 'sydorenko', password: 'sydorenko-demo', env: { BILLING_KIND: 'ubilling' }, paymentId: null, fallback: '1003' },
  { kind: 'carbon-legacy', login: 'kovalenko', password: 'demo', env: { BILLING_KIND: 'carbon-legacy' } },
];

describe.each(LINK_BILLINGS)('pay-by-link URLs on $kind', (billing) => {
  const startCabinet = cabinetsClosedAfterEach();

  it('fill in the subscriber’s payment id, login and amount, URL-encoded, and only for a signed-in subscriber', async () => {
    const cabinet = await startCabinet({
      env: {
        ALLOW_ARBITRARY_OPERATIONS: 'true',
        PAYMENT_LINKS: 'EasyPay|https://easypay.ua/pay?account={paymentId}&sum={amount};Portal|https://pay.example.net/{login}',
        ...billing.env,
      },
    });
    const client = new GraphQLClient(cabinet.url);
    const anonymous = (await client.query(LINKS, { amount: '120.50' })).data?.cabinet.paymentMethods.filter((method: { kind: string }) => method.kind === 'LINK');
    expect(anonymous.map((method: { url: string | null }) => method.url)).toEqual([null, null]);

    expect((await client.query(LOGIN, { login: billing.login, password: billing.password })).errors).toBeUndefined();
    const answer = await client.query(LINKS, { amount: '120.50' });
    expect(answer.errors).toBeUndefined();
    const { paymentId } = answer.data?.me as { paymentId: string | null };
    if (billing.paymentId !== undefined) expect(paymentId).toBe(billing.paymentId);
    else expect(paymentId).toMatch(/\S/);
    const id = paymentId ?? billing.fallback!;
    expect(answer.data?.cabinet.paymentMethods.filter((method: { kind: string }) => method.kind === 'LINK')).toEqual([
      { id: 'link-1', kind: 'LINK', url: `https://easypay.ua/pay?account=${encodeURIComponent(id)}&sum=120.50` },
      { id: 'link-2', kind: 'LINK', url: `https://pay.example.net/${encodeURIComponent(billing.login)}` },
    ]);
  }, 60_000);
});
