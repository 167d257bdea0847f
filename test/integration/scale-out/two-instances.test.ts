import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCarbon5Simulator, type Carbon5Simulator } from '../../../server/billing/carbon5/simulator.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { DASHBOARD, LOGIN, LOGOUT, TAKE_PROMISE_PAY } from '../../support/operations.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, isolatedPlace, missingServers, removePlace, reportMissing } from '../store/servers.js';
import { startBff, type BffProcess } from './processes.js';

/**
 * Two BFF processes, as two instances behind a load balancer, sharing Redis and PostgreSQL and one
 * Carbon simulator. Whatever one instance learns, the other must know: sessions, their end,
 * failed sign-ins, idempotency keys and the notifier's lock.
 */
const missing = await missingServers();
reportMissing(missing);

const GOOD = 'BILL0000101';
const DEBTOR = 'BILL0000102';
const FROZEN = 'BILL0000104';
const run = promisify(execFile);

describe.skipIf(missing)('two instances sharing Redis and PostgreSQL', () => {
  const place = isolatedPlace();
  const sharedEnv = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: place.keyPrefix,
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: place.schema,
  };
  let simulator: Carbon5Simulator;
  let a: BffProcess;
  let b: BffProcess;

  beforeAll(async () => {
    simulator = await startCarbon5Simulator({ writeDelayMs: 200 });
    // Started together: both run the migrations at once, and the advisory lock must sort that out.
    const start = () => startBff({ ...sharedEnv, BILLING_URL: simulator.url, ALLOW_ARBITRARY_OPERATIONS: 'true' });
    [a, b] = await Promise.all([start(), start()]);
  }, 60_000);
  afterAll(async () => {
    expect(await Promise.all([a?.stop(), b?.stop()])).toEqual([0, 0]);
    await simulator?.close();
    await removePlace(place);
  });

  const signedIn = async (on: BffProcess, login: string) => {
    const client = new GraphQLClient(on.url);
    const result = await client.query(LOGIN, { login, password: 'demo' });
    expect(result.errors).toBeUndefined();
    return client;
  };
  /** The same browser, its request sent to the other instance. */
  const sameBrowserOn = (on: BffProcess, client: GraphQLClient) => {
    const moved = new GraphQLClient(on.url);
    moved.cookie = client.cookie;
    return moved;
  };

  it('a session opened on one instance works on the other, and signing out on either ends it on both', async () => {
    const onA = await signedIn(a, GOOD);
    const onB = sameBrowserOn(b, onA);
    const dashboard = await onB.query(DASHBOARD);
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data?.me.login).toBe(GOOD);

    expect((await onB.query(LOGOUT)).errors).toBeUndefined();
    const stale = sameBrowserOn(a, onA);
    const afterSignOut = await stale.query(DASHBOARD);
    expect(afterSignOut.errors).toBeUndefined();
    expect(afterSignOut.data?.me).toBeNull();
  });

  it("a login's failed sign-ins count on every instance: five wrong passwords across both lock it on both", async () => {
    const attempts = [a, b, a, b, a].map((on, index) => new GraphQLClient(on.url).query(LOGIN, { login: FROZEN, password: `guess-${index}` }));
    for (const attempt of await Promise.all(attempts)) expect(attempt.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    for (const on of [a, b]) {
      const locked = await new GraphQLClient(on.url).query(LOGIN, { login: FROZEN, password: 'demo' });
      expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
  });

  it('an idempotency key used on one instance is honoured by the other: one promised payment, one answer', async () => {
    const onA = await signedIn(a, DEBTOR);
    const offer = (await onA.query(DASHBOARD)).data?.me.promisePay.offers[0];
    expect(offer).toBeDefined();
    const onB = sameBrowserOn(b, onA);
    const before = simulator.calls['web_cabinet.add_promise_pay'] ?? 0;
    const key = 'scale-out-promise-0001';
    const [first, second] = await Promise.all([onA.query(TAKE_PROMISE_PAY, { offerId: offer.id, key }), onB.query(TAKE_PROMISE_PAY, { offerId: offer.id, key })]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    const replayed = await onB.query(TAKE_PROMISE_PAY, { offerId: offer.id, key });
    expect(replayed.data).toEqual(first.data);
    expect((simulator.calls['web_cabinet.add_promise_pay'] ?? 0) - before).toBe(1);
  });

  it('one notifier pass at a time: two processes racing for the lock never overlap', async () => {
    const env = { ...process.env, ...sharedEnv, START_AT: String(Date.now() + 2500), ATTEMPTS: '15' };
    const contenders = [0, 1].map(() => run(process.execPath, ['--import', 'tsx', 'test/integration/scale-out/lock-contender.ts'], { env }));
    const results = (await Promise.all(contenders)).map(({ stdout }) => JSON.parse(stdout.trim()) as { ran: number; skipped: number; overlapped: number });
    expect(results.map((result) => result.overlapped)).toEqual([0, 0]);
    expect(results.reduce((sum, result) => sum + result.ran, 0)).toBeGreaterThan(1);
    // The two really contended: some tries found the other holding the lock.
    expect(results.reduce((sum, result) => sum + result.skipped, 0)).toBeGreaterThan(0);
  }, 30_000);
});
