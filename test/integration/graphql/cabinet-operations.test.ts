import { eventually } from '../../support/expectations.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import {
  AUTO_LOGIN,
  CABINET,
  CONNECT_SERVICE,
  CONFIRM_RESET,
  DASHBOARD,
  DISCONNECT_SERVICE,
  LOGIN,
  LOGOUT,
  REQUEST_RESET,
  TAKE_PROMISE_PAY,
} from '../../support/operations.js';

const GOOD = 'BILL0000101';
const DEBTOR = 'BILL0000102';
const BLOCKED = 'BILL0000103';

describe('every cabinet operation through GraphQL against the Carbon simulator', () => {
  let cabinet: TestCabinet;
  let client: GraphQLClient;
  beforeEach(async () => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    client = new GraphQLClient(cabinet.url);
  });
  afterEach(() => cabinet.close());

  const signIn = async (login: string, password = 'demo') => {
    const result = await client.query(LOGIN, { login, password });
    expect(result.errors).toBeUndefined();
    return result;
  };

  it('describes the cabinet to anyone', async () => {
    const { data } = await client.query(CABINET);
    expect(data?.cabinet).toMatchObject({
      billingKind: 'CARBON5',
      currency: 'UAH',
      demo: true,
      capabilities: { passwordLogin: true, autoLogin: true, promisePay: true, serviceConnect: true, passwordReset: true },
    });
  });

  it('has no subscriber before sign-in, and refuses signed-in operations', async () => {
    expect((await client.query(DASHBOARD)).data?.me).toBeNull();
    const refused = await client.query(TAKE_PROMISE_PAY, { offerId: '1' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password without opening a session', async () => {
    const result = await client.query(LOGIN, { login: GOOD, password: 'wrong' });
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(result.headers['set-cookie']).toBeUndefined();
    expect((await client.query(DASHBOARD)).data?.me).toBeNull();
  });

  it('rejects a hostile login before it reaches the billing', async () => {
    const before = JSON.stringify(cabinet.simulator.calls);
    const result = await client.query(LOGIN, { login: "x' OR '1'='1", password: 'demo' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(cabinet.simulator.calls)).toBe(before);
  });

  it('signs in with an HttpOnly cookie and shows the dashboard', async () => {
    const login = await signIn(GOOD);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/abonent_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const { data, errors } = await client.query(DASHBOARD);
    expect(errors).toBeUndefined();
    const me = data?.me;
    expect(me).toMatchObject({ login: GOOD, fullName: 'Шевченко Тарас Григорович', status: 'ACTIVE', balance: { amount: '412.50', currency: 'UAH' }, ipAddresses: ['10.20.0.101'] });
    expect(me.daysLeft).toBeGreaterThan(0);
    expect(me.paidUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(me.spends[0].name).toBe(me.tariff.name);
    expect(me.services.find((service: any) => service.id === '87')).toMatchObject({ connected: true, canDisconnect: false });
    expect(me.services.find((service: any) => service.id === '12')).toMatchObject({ connected: true, canDisconnect: true });
    expect(me.services.some((service: any) => service.id === '95')).toBe(false);
  });

  it('makes one billing read per kind however many fields need it', async () => {
    await signIn(GOOD);
    const before = { ...cabinet.simulator.calls };
    await client.query(DASHBOARD);
    const after = cabinet.simulator.calls;
    for (const [method, count] of Object.entries(after)) {
      expect(count - (before[method] ?? 0), method).toBeLessThanOrEqual(1);
    }
  });

  it('gives a new session id at every sign-in and ends the session on sign-out', async () => {
    await signIn(GOOD);
    const first = client.cookie;
    await signIn(GOOD);
    expect(client.cookie).not.toBe(first);
    const stale = new GraphQLClient(cabinet.url);
    stale.cookie = first;
    expect((await stale.query(DASHBOARD)).data?.me).toBeNull();

    const current = client.cookie;
    expect((await client.query(LOGOUT)).data?.logout).toBe(true);
    const replay = new GraphQLClient(cabinet.url);
    replay.cookie = current;
    expect((await replay.query(DASHBOARD)).data?.me).toBeNull();
  });

  it('accepts the session id as a bearer token for native clients', async () => {
    await signIn(GOOD);
    const id = client.cookie!.split('=')[1]!;
    const native = new GraphQLClient(cabinet.url, { authorization: `Bearer ${id}` });
    expect((await native.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
  });

  it('ends a session opened by address when Carbon ends its suid, never opening a new one with operator rights', async () => {
    expect((await client.query(AUTO_LOGIN)).errors).toBeUndefined();
    cabinet.simulator.expireSession(GOOD);
    const ended = await client.query(DASHBOARD);
    expect(ended.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await client.query(DASHBOARD)).data?.me).toBeNull();
    expect(cabinet.simulator.calls['Users.get_or_create_dynamic_session'] ?? 0).toBe(0);
  });

  it('signs in automatically from the subscriber network', async () => {
    const { data, errors } = await client.query(AUTO_LOGIN);
    expect(errors).toBeUndefined();
    expect(data?.autoLogin.subscriber.login).toBe(GOOD);
  });

  it('takes a promised payment once, however often the tap is repeated', async () => {
    await signIn(DEBTOR);
    const { data } = await client.query(DASHBOARD);
    expect(data?.me.status).toBe('DEBT');
    const offer = data?.me.promisePay.offers[0];
    expect(offer).toBeDefined();
    const before = cabinet.simulator.calls['web_cabinet.add_promise_pay'] ?? 0;
    const key = 'tap-0001-promise';
    const [first, second] = await Promise.all([
      client.query(TAKE_PROMISE_PAY, { offerId: offer.id, key }),
      client.query(TAKE_PROMISE_PAY, { offerId: offer.id, key }),
    ]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect((cabinet.simulator.calls['web_cabinet.add_promise_pay'] ?? 0) - before).toBe(1);
    expect(first.data?.takePromisePay.promisePay.active.amount.amount).toBe(offer.amount.amount);
    expect(Number(first.data?.takePromisePay.balance.amount)).toBeGreaterThan(-120.5);
  });

  it("explains the billing's refusal of a promised payment", async () => {
    await signIn(BLOCKED);
    const { data } = await client.query(DASHBOARD);
    expect(data?.me.status).toBe('BLOCKED');
    const offerId = data?.me.promisePay.offers[0]?.id ?? '1';
    const refused = await client.query(TAKE_PROMISE_PAY, { offerId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(refused.errors?.[0]?.message.length).toBeGreaterThan(5);
  });

  it('connects a service: pending until Carbon applies its queue, then connected', async () => {
    await signIn(GOOD);
    const connected = await client.query(CONNECT_SERVICE, { id: '86', key: 'tap-0002-connect' });
    expect(connected.errors).toBeUndefined();
    expect(connected.data?.connectService).toMatchObject({ id: '86', pending: true, connected: false });
    const during = await client.query(DASHBOARD);
    expect(during.data?.me.services.find((service: any) => service.id === '86')).toMatchObject({ pending: true, connected: false });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = await client.query(DASHBOARD);
    expect(after.data?.me.services.find((service: any) => service.id === '86')).toMatchObject({ pending: false, connected: true });
  });

  it('refuses to disconnect a service the ISP does not let subscribers disconnect', async () => {
    await signIn(GOOD);
    const refused = await client.query(DISCONNECT_SERVICE, { id: '87' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    const disconnected = await client.query(DISCONNECT_SERVICE, { id: '12' });
    expect(disconnected.data?.disconnectService).toMatchObject({ pending: true });
  });

  it('resets a forgotten password with the code the billing sent, ending the old sessions everywhere', async () => {
    const otherDevice = new GraphQLClient(cabinet.url);
    expect((await otherDevice.query(LOGIN, { login: DEBTOR, password: 'demo' })).errors).toBeUndefined();
    const requested = await client.query(REQUEST_RESET, { login: DEBTOR });
    expect(requested.errors).toBeUndefined();
    const { ticket, channel } = requested.data!.requestPasswordReset;
    expect(channel).toBe('UNKNOWN');
    const code = await eventually(async () => /\b([A-Z0-9]{6})\b/.exec(cabinet.simulator.outbox().find((sent) => sent.login === DEBTOR)?.text ?? '')![1]!);

    const wrong = await client.query(CONFIRM_RESET, { ticket, code: 'ZZZZZZ', password: 'new-secret-1' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    const confirmed = await client.query(CONFIRM_RESET, { ticket, code: code.toLowerCase(), password: 'new-secret-1' });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmPasswordReset).toBe(true);

    expect((await otherDevice.query(DASHBOARD)).data?.me).toBeNull();
    expect((await client.query(LOGIN, { login: DEBTOR, password: 'demo' })).errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    await signIn(DEBTOR, 'new-secret-1');
  });

  it('kills a reset ticket after five wrong codes', async () => {
    const requested = await client.query(REQUEST_RESET, { login: GOOD });
    const { ticket } = requested.data!.requestPasswordReset;
    const code = await eventually(async () => /\b([A-Z0-9]{6})\b/.exec(cabinet.simulator.outbox().at(-1)?.text ?? '')![1]!);
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.query(CONFIRM_RESET, { ticket, code: 'AAAAAA', password: 'new-secret-1' });
    }
    const late = await client.query(CONFIRM_RESET, { ticket, code, password: 'new-secret-1' });
    expect(late.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    await signIn(GOOD, 'demo');
  });

  it('does not reveal whether a login exists when asked for a reset', async () => {
    const unknown = await client.query(REQUEST_RESET, { login: 'NO_SUCH_LOGIN' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.requestPasswordReset.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("writes a native push token to the subscriber's Carbon abonent", async () => {
    await signIn(GOOD);
    const result = await client.query('mutation { registerPushToken(token: "fcm-token-123456", platform: FCM) }');
    expect(result.data?.registerPushToken).toBe(true);
    expect(cabinet.simulator.account(GOOD).pushToken).toBe('fcm-token-123456');
  });
});
