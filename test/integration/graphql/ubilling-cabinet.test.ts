import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UbillingSimulator } from '../../../server/billing/ubilling/simulator.js';
import { startUbillingCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient, type GraphQLResponse } from '../../support/graphql-client.js';
import { CABINET, DASHBOARD, LOGIN, REQUEST_RESET, TAKE_PROMISE_PAY } from '../../support/operations.js';

const SERIAL = 'UBdemoserial0123456789abcdef0123';

describe('the cabinet on Ubilling, through GraphQL', () => {
  let simulator: UbillingSimulator;
  let cabinet: TestCabinet;
  beforeEach(async () => {
    ({ simulator, cabinet } = await startUbillingCabinet(SERIAL));
  });
  afterEach(async () => {
    await cabinet.close();
    await simulator.close();
  });

  it('offers only what Ubilling can do', async () => {
    const { data } = await new GraphQLClient(cabinet.url).query(CABINET);
    expect(data?.cabinet).toMatchObject({
      billingKind: 'UBILLING',
      capabilities: { passwordLogin: true, promisePay: true, serviceConnect: false, serviceDisconnect: false, passwordReset: false, payments: true },
    });
    const reset = await new GraphQLClient(cabinet.url).query(REQUEST_RESET, { login: 'ivanov' });
    expect(reset.errors?.[0]?.extensions?.code).toBe('NOT_SUPPORTED');
  });

  it('signs in, shows balance, spends and days left, and takes a promised payment under the ISP’s rules, leaking no key', async () => {
    const demo = Object.fromEntries(simulator.demoLogins.map((login) => [login.login, login.password]));
    const client = new GraphQLClient(cabinet.url);
    const responses: GraphQLResponse<Record<string, any>>[] = [];
    responses.push(await client.query(LOGIN, { login: 'petrenko', password: 'wrong-password' }));
    expect(responses.at(-1)?.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    responses.push(await client.query(LOGIN, { login: 'petrenko', password: demo.petrenko }));
    expect(responses.at(-1)?.errors).toBeUndefined();
    responses.push(await client.query(DASHBOARD));
    const me = responses.at(-1)?.data?.me;
    expect(me.login).toBe('petrenko');
    expect(Number(me.balance.amount)).toBeLessThan(0);
    const offer = me.promisePay.offers[0];
    expect(offer).toMatchObject({ days: expect.any(Number), fee: { amount: expect.stringMatching(/^\d+\.\d{2}$/) } });
    responses.push(await client.query(TAKE_PROMISE_PAY, { offerId: offer.id, key: 'tap-ubilling-0001' }));
    // The demo's userstats allows self-credit on any day of the month; Ubilling's creditor agent applies it.
    expect(responses.at(-1)?.errors).toBeUndefined();
    expect(Number(responses.at(-1)?.data?.takePromisePay.balance.amount)).toBeGreaterThan(Number(me.balance.amount) - Number(offer.fee.amount) - 0.01);
    responses.push(await client.query(TAKE_PROMISE_PAY, { offerId: offer.id, key: 'tap-ubilling-0002' }));
    expect(responses.at(-1)?.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_ALLOWED' }, message: expect.stringMatching(/.{10,}/) });

    const everything = responses.map((response) => response.raw).join('\n') + cabinet.logs();
    for (const secret of [SERIAL, demo.petrenko!, createHash('md5').update(demo.petrenko!).digest('hex'), createHash('md5').update(SERIAL).digest('hex')]) {
      expect(everything).not.toContain(secret);
    }
  });
});
