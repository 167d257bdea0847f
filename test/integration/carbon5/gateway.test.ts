import { afterEach, describe, expect, it } from 'vitest';
import { carbonSeed, demoSeed, type CarbonSeed } from '../../../server/billing/carbon5/demo-data.js';
import { createCarbon5Gateway } from '../../../server/billing/carbon5/gateway.js';
import { CARBON_TEXTS } from '../../../server/billing/carbon5/carbon-texts.js';
import { startCarbon5Simulator, type Carbon5Simulator } from '../../../server/billing/carbon5/simulator.js';
import { billingSession } from '../../support/billing-session.js';
import type { BillingIdentity } from '../../../server/domain/types.js';
import { failure } from '../../support/expectations.js';
import { CARBON5_SHEVCHENKO } from '../../support/subscribers.js';

const NOW = new Date(2025, 0, 15, 12, 0, 0);
const TODAY = '2025-01-15';
const clock = () => NOW;
const API_PASSWORD = 'web-context-psw';

const simulators: Carbon5Simulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function billing(options: { seed?: CarbonSeed; writeDelayMs?: number; tariffChangeIds?: string[] } = {}) {
  const simulator = await startCarbon5Simulator({ apiPassword: API_PASSWORD, seed: options.seed ?? demoSeed(TODAY), writeDelayMs: options.writeDelayMs ?? 0, now: clock });
  simulators.push(simulator);
  const gateway = createCarbon5Gateway({ url: simulator.url, apiPassword: API_PASSWORD, timeoutMs: 2000, currency: 'UAH', clock, tariffChangeIds: options.tariffChangeIds });
  return { simulator, gateway };
}

/** A BFF session as the port sees it: it keeps what `renew` hands it, and the password typed when there was one. */
function sessionOf(identity: BillingIdentity, typedPassword?: string) {
  const renewals: BillingIdentity[] = [];
  const session = billingSession(identity, (next) => renewals.push(next), typedPassword);
  return { session, renewals };
}

/** A session opened by address: it keeps no password. */
async function signIn(gateway: ReturnType<typeof createCarbon5Gateway>, login: string, password = 'demo') {
  return sessionOf(await gateway.login(login, password));
}

/** A session opened with a password, as the BFF opens one on Carbon 5. */
async function signInWithPassword(gateway: ReturnType<typeof createCarbon5Gateway>, login: string, password = 'demo') {
  return sessionOf(await gateway.login(login, password), password);
}


const delta = (simulator: Carbon5Simulator, before: Readonly<Record<string, number>>, method: string) =>
  (simulator.calls[method] ?? 0) - (before[method] ?? 0);

async function until(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('signing in', () => {
  it('signs in with a password: the identity holds the login, the Users pk and the suid', async () => {
    const { gateway, simulator } = await billing();
    const identity = await gateway.login('BILL0000101', 'demo');
    expect(identity).toEqual({ login: 'BILL0000101', accountId: '101', secret: expect.stringMatching(/^\d{18}$/) });
    expect(simulator.account('BILL0000101').signedIn).toBe(true);
    expect(gateway.kind).toBe('carbon5');
    const { traffic, announcements, tariffChange, ...cabinetCalls } = gateway.capabilities;
    expect(Object.values(cabinetCalls).every(Boolean)).toBe(true);
    // Tariff change needs the ISP's list of tariffs (CARBON_TARIFF_CHANGE_IDS).
    expect({ traffic, announcements, tariffChange }).toEqual({ traffic: false, announcements: false, tariffChange: false });
    expect(createCarbon5Gateway({ url: simulator.url, timeoutMs: 2000, currency: 'UAH', tariffChangeIds: ['18'] }).capabilities.tariffChange).toBe(true);
  });

  it('refuses a wrong password or an unknown login as INVALID_CREDENTIALS', async () => {
    const { gateway } = await billing();
    expect((await failure(gateway.login('BILL0000101', 'wrong'))).code).toBe('INVALID_CREDENTIALS');
    expect((await failure(gateway.login('BILL0009999', 'demo'))).code).toBe('INVALID_CREDENTIALS');
  });

  it('signs in by address from loopback in every spelling, and returns null for an address Carbon does not know', async () => {
    const { gateway } = await billing();
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(await gateway.autoLogin(address)).toMatchObject({ login: 'BILL0000101', accountId: '101' });
    }
    expect(await gateway.autoLogin('10.20.30.41')).toBeNull();
  });

  it('answers ping when the cabinet API accepts the context and psw, and not otherwise', async () => {
    const { gateway, simulator } = await billing();
    expect(await gateway.ping()).toBe(true);
    const withoutPsw = createCarbon5Gateway({ url: simulator.url, timeoutMs: 2000, currency: 'UAH' });
    expect(await withoutPsw.ping()).toBe(false);
    await gateway.close();
  });
});

describe('reading the account', () => {
  it('shows a subscriber in good standing', async () => {
    const { gateway } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    expect(await gateway.getSubscriber(session)).toEqual(CARBON5_SHEVCHENKO);
  });

  it('shows debt, block, voluntary pause and a disabled login as Carbon reports them', async () => {
    const seed = demoSeed(TODAY);
    seed.accounts.push(...carbonSeed().subscriber({ login: 'BILL0000105', userId: 105, enabled: false }).build().accounts);
    const { gateway } = await billing({ seed });
    const subscriber = async (login: string) => gateway.getSubscriber((await signIn(gateway, login)).session);

    expect(await subscriber('BILL0000102')).toMatchObject({ status: 'DEBT', balance: { amount: '-120.50' }, amountToPay: { amount: '120.50' }, daysLeft: 0 });
    expect(await subscriber('BILL0000103')).toMatchObject({ status: 'BLOCKED', balance: { amount: '-850.00' }, amountToPay: { amount: '850.00' }, daysLeft: 0 });
    expect(await subscriber('BILL0000104')).toMatchObject({ status: 'FROZEN', nextTariff: { name: 'Швидкий 500' }, phone: null, email: 'iryna.melnyk@example.com' });
    expect(await subscriber('BILL0000105')).toMatchObject({ status: 'DISABLED', daysLeft: 0 });
  });

  it('lists spends: the tariff first, then the connected services', async () => {
    const { gateway } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    expect(await gateway.getSpends(session)).toEqual([
      { name: 'Домашній 100', price: { amount: '250.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'Статична IP-адреса', price: { amount: '50.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'Оренда роутера', price: { amount: '30.00', currency: 'UAH' }, period: 'MONTH' },
    ]);
  });

  it('lists services without the hidden one, with what the subscriber may do to each', async () => {
    const { gateway } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    const services = await gateway.getServices(session);
    expect(services.map(({ id, connected, canConnect, canDisconnect, pending }) => ({ id, connected, canConnect, canDisconnect, pending }))).toEqual([
      { id: '12', connected: true, canConnect: false, canDisconnect: true, pending: false },
      { id: '86', connected: false, canConnect: true, canDisconnect: false, pending: false },
      { id: '87', connected: true, canConnect: false, canDisconnect: false, pending: false },
      { id: '90', connected: false, canConnect: true, canDisconnect: false, pending: false },
    ]);
    expect(services[0]).toMatchObject({ name: 'Статична IP-адреса', description: 'Постійна публічна адреса для роутера чи камери', price: { amount: '50.00', currency: 'UAH' } });
  });

  it('lists payments newest first', async () => {
    const { gateway } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    expect(await gateway.getPayments(session)).toEqual([
      { date: new Date(2025, 0, 12, 9, 41, 12).toISOString(), amount: { amount: '400.00', currency: 'UAH' }, note: 'Приват24' },
      { date: new Date(2024, 11, 12, 18, 2, 55).toISOString(), amount: { amount: '350.00', currency: 'UAH' }, note: 'Термінал EasyPay' },
    ]);
    expect(await gateway.getSupportContacts()).toBeNull();
  });
});

describe('promised payment', () => {
  it('offers promised payments and takes one: credited once, shown as active, refused a second time with Carbon’s reason', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000102');
    const before = await gateway.getPromisePay(session);
    expect(before.active).toBeNull();
    expect(before.offers).toEqual([
      { id: '144', amount: { amount: '100.00', currency: 'UAH' }, days: 3, fee: { amount: '0.00', currency: 'UAH' }, description: 'Обіцяний платіж на 3 дні' },
      { id: '145', amount: { amount: '200.00', currency: 'UAH' }, days: 7, fee: { amount: '5.00', currency: 'UAH' }, description: 'Обіцяний платіж на 7 днів' },
    ]);

    const calls = simulator.calls;
    await gateway.takePromisePay(session, '145');
    expect(delta(simulator, calls, 'web_cabinet.add_promise_pay')).toBe(1);
    expect(simulator.account('BILL0000102').balance).toBe('74.50');
    expect((await gateway.getPromisePay(session)).active).toEqual({ amount: { amount: '200.00', currency: 'UAH' }, until: '2025-01-22' });
    expect(await gateway.getSubscriber(session)).toMatchObject({ status: 'ACTIVE', balance: { amount: '74.50' } });

    const again = await failure(gateway.takePromisePay(session, '144'));
    expect(again).toMatchObject({ code: 'NOT_ALLOWED', message: CARBON_TEXTS.promiseActive });
    expect(simulator.account('BILL0000102').balance).toBe('74.50');
  });

  it('passes on Carbon’s refusal for a blocked subscriber with too much debt', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000103');
    const refused = await failure(gateway.takePromisePay(session, '144'));
    expect(refused).toMatchObject({ code: 'NOT_ALLOWED', message: 'Обещанный платеж недоступен: задолженность превышает 500.00' });
    expect(simulator.account('BILL0000103')).toMatchObject({ balance: '-850.00', blocked: true, promisePay: null });
  });

  it('unblocks a blocked subscriber whose debt it covers', async () => {
    const seed = carbonSeed().subscriber({ login: 'BILL0000201', balance: '-40.00', blocked: true }).build();
    const { gateway } = await billing({ seed });
    const { session } = await signIn(gateway, 'BILL0000201');
    expect((await gateway.getSubscriber(session)).status).toBe('BLOCKED');
    await gateway.takePromisePay(session, '144');
    expect(await gateway.getSubscriber(session)).toMatchObject({ status: 'ACTIVE', balance: { amount: '60.00' } });
  });

  it('refuses an offer Carbon does not know as NOT_ALLOWED, and a malformed id before calling Carbon', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000102');
    expect(await failure(gateway.takePromisePay(session, '999'))).toMatchObject({ code: 'NOT_ALLOWED', message: CARBON_TEXTS.promiseUnknown });
    const calls = simulator.calls;
    expect((await failure(gateway.takePromisePay(session, '144; drop'))).code).toBe('BAD_USER_INPUT');
    expect(delta(simulator, calls, 'web_cabinet.add_promise_pay')).toBe(0);
  });

  it('refuses a promised payment while the balance is positive', async () => {
    const { gateway } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    expect(await failure(gateway.takePromisePay(session, '144'))).toMatchObject({ code: 'NOT_ALLOWED', message: CARBON_TEXTS.promisePositive });
  });
});

describe('services', () => {
  it('connects a service: pending with its old state at first, connected once Carbon applies the queued write', async () => {
    const { gateway, simulator } = await billing({ writeDelayMs: 150 });
    const { session } = await signIn(gateway, 'BILL0000101');
    const calls = simulator.calls;
    const accepted = await gateway.connectService(session, '86');
    expect(accepted).toMatchObject({ id: '86', name: 'Антивірус ESET', connected: false, pending: true, canConnect: false, canDisconnect: false });
    expect(delta(simulator, calls, 'web_cabinet.set_user_usluga')).toBe(1);
    expect((await gateway.getServices(session)).find((service) => service.id === '86')?.connected).toBe(false);
    await until(async () => (await gateway.getServices(session)).find((service) => service.id === '86')?.connected === true);
    expect(simulator.account('BILL0000101').connectedServiceIds).toContain(86);
  });

  it('disconnects a service the subscriber may disable', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    expect(await gateway.disconnectService(session, '12')).toMatchObject({ id: '12', connected: true, pending: true });
    expect(simulator.account('BILL0000101').connectedServiceIds).toEqual([87]);
    expect((await gateway.getServices(session)).find((service) => service.id === '12')).toMatchObject({ connected: false, canConnect: true });
  });

  it('refuses to disconnect a service with web_allow_disable "0" without asking Carbon', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    const calls = simulator.calls;
    expect((await failure(gateway.disconnectService(session, '87'))).code).toBe('NOT_ALLOWED');
    expect(delta(simulator, calls, 'web_cabinet.remove_user_usluga')).toBe(0);
    expect(simulator.account('BILL0000101').connectedServiceIds).toContain(87);
  });

  it('refuses hidden, unknown, already connected and not connected services, and malformed ids', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    const calls = simulator.calls;
    expect((await failure(gateway.connectService(session, '95'))).code).toBe('NOT_ALLOWED');
    expect((await failure(gateway.connectService(session, '999'))).code).toBe('NOT_ALLOWED');
    expect((await failure(gateway.connectService(session, '12'))).code).toBe('NOT_ALLOWED');
    expect((await failure(gateway.disconnectService(session, '90'))).code).toBe('NOT_ALLOWED');
    expect((await failure(gateway.connectService(session, '../86'))).code).toBe('BAD_USER_INPUT');
    expect(delta(simulator, calls, 'web_cabinet.set_user_usluga') + delta(simulator, calls, 'web_cabinet.remove_user_usluga')).toBe(0);
  });

  it('passes on Carbon’s own refusal of a write', async () => {
    const { gateway } = await billing();
    const { session } = await signIn(gateway, 'BILL0000102');
    expect(await failure(gateway.connectService(session, '90'))).toMatchObject({ code: 'NOT_ALLOWED', message: CARBON_TEXTS.notEnoughMoney });
  });
});

describe('password reset', () => {
  it('sends a code by SMS and sets the new password with it, typed in lower case', async () => {
    const { gateway, simulator } = await billing();
    const reset = await gateway.requestPasswordReset('BILL0000101');
    expect(reset).toEqual({ channel: 'SMS', billingRef: '101', accountId: '101' });
    const [message] = simulator.outbox();
    expect(message).toMatchObject({ login: 'BILL0000101', channel: 'SMS', to: '+380501234567' });
    const code = /([A-Z0-9]{6})$/.exec(message?.text ?? '')?.[1] ?? '';
    expect(code).toHaveLength(6);

    expect(await failure(gateway.confirmPasswordReset(reset, code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA', 'new-secret-1'))).toMatchObject({
      code: 'NOT_ALLOWED',
      message: CARBON_TEXTS.wrongCode,
    });
    await gateway.confirmPasswordReset(reset, code.toLowerCase(), 'new-secret-1');
    expect((await failure(gateway.login('BILL0000101', 'demo'))).code).toBe('INVALID_CREDENTIALS');
    expect((await gateway.login('BILL0000101', 'new-secret-1')).accountId).toBe('101');
  });

  it('says the code went by e-mail when Carbon sends it there', async () => {
    const { gateway, simulator } = await billing();
    expect(await gateway.requestPasswordReset('BILL0000104')).toEqual({ channel: 'EMAIL', billingRef: '104', accountId: '104' });
    expect(simulator.outbox()[0]).toMatchObject({ channel: 'EMAIL', to: 'iryna.melnyk@example.com' });
  });

  it('refuses an unknown login with Carbon’s text, and a short password before calling Carbon', async () => {
    const { gateway, simulator } = await billing();
    expect(await failure(gateway.requestPasswordReset('BILL0009999'))).toMatchObject({ code: 'NOT_ALLOWED', message: CARBON_TEXTS.userNotFound });
    const calls = simulator.calls;
    expect((await failure(gateway.confirmPasswordReset({ channel: 'SMS', billingRef: '101', accountId: '101' }, 'ABCDEF', 'short'))).code).toBe('BAD_USER_INPUT');
    expect(delta(simulator, calls, 'web_cabinet.submit_password')).toBe(0);
  });
});

describe('password and contacts (set_user_info, answers inferred)', () => {
  it('sets the password, the phone and the e-mail, reads the contacts back, and calls an answer it does not know an error', async () => {
    const { gateway, simulator } = await billing();
    const { session } = sessionOf(await gateway.login('BILL0000101', 'demo'), 'demo');
    expect((await failure(gateway.changePassword(session, 'short'))).code).toBe('BAD_USER_INPUT');
    expect(await gateway.changePassword(session, 'Nova-parol-2026')).toEqual(session.identity);
    expect(simulator.account('BILL0000101').password).toBe('Nova-parol-2026');

    await gateway.updateContacts(session, { phone: '+380671112233', email: 'taras.new@example.com' });
    expect(simulator.account('BILL0000101')).toMatchObject({ phone: '+380671112233', email: 'taras.new@example.com' });
    expect(simulator.calls['web_cabinet.set_user_info']).toBe(3);

    simulator.setFault('garbage');
    expect((await failure(gateway.updateContacts(session, { phone: null, email: 'other@example.com' }))).code).toBe('UPSTREAM_ERROR');
    expect(simulator.calls['web_cabinet.set_user_info']).toBe(4);
  });
});

describe('tariff change (REST v2 Abonents tarif_next_id, the ISP’s list)', () => {
  it('books the next period, refuses a tariff off the list, and cancels only what the cabinet could book', async () => {
    const { gateway, simulator } = await billing({ tariffChangeIds: ['16', '18', '404'] });
    const { session } = sessionOf(await gateway.login('BILL0000101', 'demo'), 'demo');
    // 404 names no tariff in Carbon: it is left out rather than shown without a name.
    const choice = await gateway.getTariffChoice(session);
    expect(choice.options.map((option) => [option.id, option.name])).toEqual([
      ['16', 'Економ 50'],
      ['18', 'Швидкий 500'],
    ]);
    expect(choice.cancellable).toBe(false);
    expect((await failure(gateway.changeTariff(session, '19'))).code).toBe('NOT_ALLOWED');
    await gateway.changeTariff(session, '16');
    expect(simulator.account('BILL0000101')).toMatchObject({ nextTariff: { id: 16 } });
    expect((await gateway.getSubscriber(session)).nextTariff?.name).toBe('Економ 50');
    await gateway.cancelTariffChange(session);
    expect(simulator.account('BILL0000101').nextTariff).toBeNull();

    const { session: booked } = sessionOf(await gateway.login('BILL0000104', 'demo'), 'demo');
    expect(await gateway.getTariffChoice(booked)).toMatchObject({ cancellable: true });
  });
});

describe('push token', () => {
  it('writes the token to the subscriber’s abonent', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000102');
    await gateway.registerPushToken(session, 'fcm-token:APA91bH-example', 'FCM');
    expect(simulator.account('BILL0000102').pushToken).toBe('fcm-token:APA91bH-example');
    expect(simulator.account('BILL0000101').pushToken).toBeNull();
  });
});

describe('an expired suid', () => {
  it('of a session opened with a password that still holds: a new suid, kept by the session, and the call goes on', async () => {
    const { gateway, simulator } = await billing();
    const { session, renewals } = await signInWithPassword(gateway, 'BILL0000102');
    simulator.expireSession('BILL0000102');
    const calls = simulator.calls;
    const [subscriber, promisePay] = await Promise.all([gateway.getSubscriber(session), gateway.getPromisePay(session)]);
    expect(subscriber.login).toBe('BILL0000102');
    expect(promisePay.offers.length).toBeGreaterThan(0);
    expect(delta(simulator, calls, 'Users.get_or_create_dynamic_session')).toBe(1);
    // This test's session shares no reads, so each of the parallel calls hands over the one new suid.
    expect(new Set(renewals.map((renewed) => renewed.secret))).toEqual(new Set([session.identity.secret]));
    expect(simulator.account('BILL0000102').signedIn).toBe(true);
    // A write refused with the dead suid did not run: it is sent once more, and runs once.
    simulator.expireSession('BILL0000102');
    await gateway.takePromisePay(session, '144');
    expect(delta(simulator, calls, 'web_cabinet.add_promise_pay')).toBe(2);
    expect(simulator.account('BILL0000102').promisePay).not.toBeNull();
  });

  it('of a session opened with a password that changed since: ends it, opening nothing', async () => {
    const { gateway, simulator } = await billing();
    const { session, renewals } = await signInWithPassword(gateway, 'BILL0000102');
    simulator.changePassword('BILL0000102', 'changed-in-carbon');
    simulator.expireSession('BILL0000102');
    const calls = simulator.calls;
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UNAUTHENTICATED');
    expect((await failure(gateway.takePromisePay(session, '144'))).code).toBe('UNAUTHENTICATED');
    expect(delta(simulator, calls, 'Users.get_or_create_dynamic_session')).toBe(0);
    expect(simulator.account('BILL0000102').promisePay).toBeNull();
    expect(renewals).toEqual([]);
  });

  it('the ten-minute check: the password still the one signed in with, whatever became of the suid', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signInWithPassword(gateway, 'BILL0000101');
    expect(await gateway.verifySession(session)).toBe(true);
    simulator.expireSession('BILL0000101');
    expect(await gateway.verifySession(session)).toBe(true);
    simulator.changePassword('BILL0000101', 'changed-in-carbon');
    expect(await gateway.verifySession(session)).toBe(false);
    simulator.changePassword('BILL0000101', 'demo');
    expect(await gateway.verifySession(session)).toBe(true);
    simulator.setFault('garbage');
    expect(await gateway.verifySession(session)).toBe(false);
    simulator.setFault('http500');
    expect((await failure(gateway.verifySession(session))).code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('of a session opened by address ends the session: no dynamic session is opened with operator rights, for a read or a write', async () => {
    const { gateway, simulator } = await billing();
    const { session, renewals } = await signIn(gateway, 'BILL0000102');
    expect(await gateway.verifySession(session)).toBe(true);
    simulator.expireSession('BILL0000102');
    const calls = simulator.calls;
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UNAUTHENTICATED');
    expect((await failure(gateway.takePromisePay(session, '144'))).code).toBe('UNAUTHENTICATED');
    expect(await gateway.verifySession(session)).toBe(false);
    expect(delta(simulator, calls, 'Users.get_or_create_dynamic_session')).toBe(0);
    expect(delta(simulator, calls, 'web_cabinet.add_promise_pay')).toBe(1);
    expect(simulator.account('BILL0000102').promisePay).toBeNull();
    expect(renewals).toEqual([]);
  });

  it('ends when the subscriber signs in elsewhere', async () => {
    const { gateway } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    await gateway.login('BILL0000101', 'demo');
    expect((await failure(gateway.getServices(session))).code).toBe('UNAUTHENTICATED');
  });

  it('ends in UNAUTHENTICATED when Carbon no longer has the account', async () => {
    const { gateway } = await billing();
    const { session } = sessionOf({ login: 'BILL0000999', accountId: '999', secret: '123456789012345678' });
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UNAUTHENTICATED');
  });
});

describe('invoices', () => {
  it('lists the year’s FinanceOperations invoices newest first and reads an invoice’s lines from FinanceOperationsDetail', async () => {
    const { gateway, simulator } = await billing();
    const { session } = await signIn(gateway, 'BILL0000101');
    const invoices = await gateway.getInvoices(session, '2024-03-01');
    // The demo issues one on the 1st of each month of fees, 2024-02 to 2025-01: the first is before the period.
    expect(invoices.map((invoice) => invoice.date)).toEqual(
      ['2025-01-01', '2024-12-01', '2024-11-01', '2024-10-01', '2024-09-01', '2024-08-01', '2024-07-01', '2024-06-01', '2024-05-01', '2024-04-01', '2024-03-01'],
    );
    expect(invoices[0]).toEqual({ id: expect.stringMatching(/^\d+$/), number: '10000101-202501', date: '2025-01-01', periodEnd: '2025-01-31', total: { amount: '330.00', currency: 'UAH' } });
    expect(Object.entries(simulator.calls).filter(([method]) => /^financeoperations\./i.test(method))).toEqual([[expect.any(String), 1]]);
    expect(await gateway.getInvoiceLines(session, invoices[0]!)).toEqual([
      { name: 'Домашній 100', amount: { amount: '250.00', currency: 'UAH' }, quantity: '1.000' },
      { name: 'Статична IP-адреса', amount: { amount: '50.00', currency: 'UAH' }, quantity: '1.000' },
      { name: 'Оренда роутера', amount: { amount: '30.00', currency: 'UAH' }, quantity: '1.000' },
    ]);
  });
});
