import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGateway, seedSubscriber } from '../../support/fake-gateway.js';
import { AUTO_LOGIN, CONFIRM_PASSWORD, CONNECT, DISCONNECT, ME, TAKE_PROMISE_PAY, inProcessCabinet, signedInClient, type InProcessCabinet } from './in-process-cabinet.js';

const HOME_ADDRESS = '198.51.100.23';

describe('auth rules, enforced by the schema', () => {
  let cabinet: InProcessCabinet;
  beforeEach(async () => {
    cabinet = await inProcessCabinet({ gateway: new FakeGateway({ accounts: [seedSubscriber('alice', { addresses: [HOME_ADDRESS] })] }) });
  });
  afterEach(() => cabinet.close());

  it('@open fields answer anyone: the cabinet, and me as null', async () => {
    const answer = await cabinet.client().request<{ cabinet: { currency: string }; me: null }>('{ cabinet { currency } me { login } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ cabinet: { currency: 'UAH' }, me: null });
  });

  it('@signedIn and @passwordConfirmed fields refuse a caller without a session before anything reaches the billing', async () => {
    const client = cabinet.client();
    for (const [query, variables] of [
      [TAKE_PROMISE_PAY, { offerId: '7' }],
      [CONNECT, { serviceId: '11' }],
      [DISCONNECT, { serviceId: '12' }],
      [CONFIRM_PASSWORD, { password: 'alice-pw' }],
      ['mutation { unregisterPush(endpointOrToken: "x") }', {}],
    ] as const) {
      const answer = await client.request(query, variables);
      expect(answer.status).toBe(200);
      expect(answer.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
    }
    expect(cabinet.gateway.calls).toEqual([]);
  });

  it('@passwordConfirmed: a session opened by address reads and takes a promised payment, but changes no service', async () => {
    const client = cabinet.client(HOME_ADDRESS);
    expect((await client.request(AUTO_LOGIN)).data).toEqual({ autoLogin: { subscriber: { login: 'alice' } } });
    expect((await client.request(ME)).data).toMatchObject({ me: { login: 'alice' } });
    expect((await client.request(TAKE_PROMISE_PAY, { offerId: '7' })).errors).toBeUndefined();

    for (const [query, serviceId] of [
      [CONNECT, '11'],
      [DISCONNECT, '12'],
    ] as const) {
      const refused = await client.request(query, { serviceId });
      expect(refused.errors?.[0]).toMatchObject({ message: 'Please confirm your password to change services.', extensions: { code: 'NOT_ALLOWED', reason: 'PASSWORD_REQUIRED' } });
    }
    expect(cabinet.gateway.callsOf('connectService') + cabinet.gateway.callsOf('disconnectService')).toBe(0);
  });

  it('step-up: confirmPassword with the wrong password changes nothing; with the right one it opens a new session that may change services', async () => {
    const client = cabinet.client(HOME_ADDRESS);
    await client.request(AUTO_LOGIN);
    const addressSession = client.cookie;

    const wrong = await client.request(CONFIRM_PASSWORD, { password: 'not-alices' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(client.cookie).toBe(addressSession);
    expect((await client.request(CONNECT, { serviceId: '11' })).errors?.[0]?.extensions?.reason).toBe('PASSWORD_REQUIRED');

    expect((await client.request(CONFIRM_PASSWORD, { password: 'alice-pw' })).data).toEqual({ confirmPassword: true });
    expect(client.cookie).not.toBe(addressSession);
    const connected = await client.request(CONNECT, { serviceId: '11' });
    expect(connected.errors).toBeUndefined();
    expect(connected.data).toEqual({ connectService: { id: '11', connected: true, pending: false, canConnect: false } });
    expect(cabinet.gateway.callsOf('connectService')).toBe(1);
  });

  it('a session opened with the password may change services at once', async () => {
    const client = await signedInClient(cabinet);
    expect((await client.request(DISCONNECT, { serviceId: '12' })).data).toEqual({ disconnectService: { id: '12', connected: false, pending: false } });
  });
});
