import { describe, expect, it } from 'vitest';
import { cabinetPerTest } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { CABINET, CONNECT_SERVICE, DASHBOARD, LOGIN, TAKE_PROMISE_PAY } from '../../support/operations.js';

/** The demo on the older Carbon: `BILLING_KIND=carbon-legacy npm start`, over HTTPS with a client certificate. */
describe('the cabinet on the older Carbon (api.php), through GraphQL', () => {
  const cabinet = cabinetPerTest({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_KIND: 'carbon-legacy' } });

  it('signs a subscriber in, shows Cyrillic names and balance, connects a service and takes a promised payment', async () => {
    const client = new GraphQLClient(cabinet().url);
    expect((await client.query(CABINET)).data?.cabinet).toMatchObject({ billingKind: 'CARBON_LEGACY', capabilities: { autoLogin: false, passwordReset: false } });
    expect((await client.query(LOGIN, { login: 'kovalenko', password: 'nope' })).errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect((await client.query(LOGIN, { login: 'kovalenko', password: 'demo' })).errors).toBeUndefined();
    const { data } = await client.query(DASHBOARD);
    expect(data?.me).toMatchObject({ login: 'kovalenko', status: 'DEBT', balance: { amount: '-120.50' } });
    expect(data?.me.fullName).toMatch(/^[А-ЯІЇЄҐ][а-яіїєґ']+ /);
    const offer = data?.me.promisePay.offers[0];
    const taken = await client.query(TAKE_PROMISE_PAY, { offerId: offer.id, key: 'tap-legacy-0001' });
    expect(taken.errors).toBeUndefined();
    expect(Number(taken.data?.takePromisePay.balance.amount)).toBeGreaterThan(-120.5);
    const connectable = data?.me.services.find((service: { canConnect: boolean }) => service.canConnect);
    expect(connectable).toBeDefined();
    const connected = await client.query(CONNECT_SERVICE, { id: connectable.id, key: 'tap-legacy-0002' });
    expect(connected.errors).toBeUndefined();
  });
});
