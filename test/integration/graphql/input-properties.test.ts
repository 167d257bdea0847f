import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCarbon5Simulator, type Carbon5Simulator } from '../../../server/billing/carbon5/simulator.js';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { startRecordingProxy } from '../../support/recording-proxy.js';
import { CONNECT_SERVICE, CONFIRM_RESET, LOGIN, REQUEST_RESET, TAKE_PROMISE_PAY } from '../../support/operations.js';

/**
 * Any string, number or unicode a client sends either works or is refused with a code from the
 * closed list; nothing breaks the server, and nothing outside the allowed characters reaches the
 * billing (a recording proxy sits between the BFF and the simulator).
 */
const EXPECTED = new Set(['BAD_USER_INPUT', 'INVALID_CREDENTIALS', 'NOT_ALLOWED', 'RATE_LIMITED']);
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom("'; DROP TABLE users;--", 'a b', '../../etc/passwd', '%00', '$(reboot)', '"quoted"', 'ＢＩＬＬ'));
const RUNS = 40;

describe('every mutation input, fuzzed', () => {
  let simulator: Carbon5Simulator;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let cabinet: TestCabinet;
  let signedIn: GraphQLClient;
  let address = 0;
  // A fresh client address for each run (through a trusted proxy), so the sign-in limits do not hide the validation.
  const nextAddress = () => ({ 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}` });

  beforeAll(async () => {
    simulator = await startCarbon5Simulator({ writeDelayMs: 0 });
    proxy = await startRecordingProxy(simulator.url);
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_URL: proxy.url, TRUST_PROXY: '127.0.0.1' } });
    signedIn = new GraphQLClient(cabinet.url);
    expect((await signedIn.query(LOGIN, { login: 'BILL0000102', password: 'demo' })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await cabinet?.close();
    await proxy?.close();
    await simulator?.close();
  });

  const outcome = (result: { status: number; errors?: { extensions?: { code?: string } }[] }) => {
    expect(result.status).toBeLessThan(500);
    for (const error of result.errors ?? []) expect(EXPECTED, `unexpected ${error.extensions?.code}`).toContain(error.extensions?.code);
  };

  it('login', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (login, password) => outcome(await new GraphQLClient(cabinet.url).query(LOGIN, { login, password }, nextAddress()))),
      { numRuns: RUNS },
    );
  });

  it('requestPasswordReset and confirmPasswordReset', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (login, code, password) => {
        const client = new GraphQLClient(cabinet.url);
        outcome(await client.query(REQUEST_RESET, { login }, nextAddress()));
        outcome(await client.query(CONFIRM_RESET, { ticket: login, code, password }, nextAddress()));
      }),
      { numRuns: RUNS },
    );
  });

  it('takePromisePay, connectService, disconnectService, with any idempotency key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.integer().map(String)), fc.option(anyText), async (id, key) => {
        outcome(await signedIn.query(TAKE_PROMISE_PAY, { offerId: id, key }));
        outcome(await signedIn.query(CONNECT_SERVICE, { id, key }));
      }),
      { numRuns: RUNS },
    );
  });

  it('registerPushToken and unregisterPush', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (token) => {
        outcome(await signedIn.query('mutation($t: String!) { registerPushToken(token: $t, platform: FCM) }', { t: token }));
        outcome(await signedIn.query('mutation($t: String!) { unregisterPush(endpointOrToken: $t) }', { t: token }));
      }),
      { numRuns: RUNS },
    );
  });

  it('let nothing outside the allowed characters reach the billing', () => {
    expect(proxy.requests.length).toBeGreaterThan(0);
    for (const line of proxy.requests) {
      for (const [, field, value] of line.matchAll(/"(login|usluga_id|promise_pay_id|push_token|uid|token)": ?"?([^",}]*)/g)) {
        const allowed = field === 'login' ? /^[A-Za-z0-9_.@-]{1,64}$/ : field === 'push_token' ? /^[A-Za-z0-9_:.-]{8,4096}$/ : /^[A-Za-z0-9]{1,32}$/;
        expect(value, `${field} in ${line.slice(0, 120)}`).toMatch(allowed);
      }
    }
  });
});
