import { afterEach, describe, expect, it } from 'vitest';
import { CARBON_LEGACY_TEXTS } from '../../../server/billing/carbon-legacy/simulator.js';
import { closeWorlds, failure, OPERATOR, seedWith, startWorld } from './world.js';
import { CARBON_LEGACY_IVANOV } from '../../support/subscribers.js';

afterEach(closeWorlds);

describe('signing in', () => {
  it('finds the login with CLN_USR_FIND_2, reads CLN_USR_GET and gives the USER_ID, with no billing secret in the identity', async () => {
    const { gateway, simulator } = await startWorld();
    expect(await gateway.login('ivanov', 'demo')).toEqual({ login: 'ivanov', accountId: '1001', secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(simulator.requests().map((request) => request.procedure)).toEqual(['CLN_AUTH_LOGIN', 'CLN_USR_FIND_2', 'CLN_USR_GET']);
    const find = simulator.requests()[1]!;
    expect(find.args).toHaveLength(24);
    expect(find.args[2]).toBe('ivanov');
    expect(find.args.filter((arg, index) => index > 0 && index !== 2).every((arg) => arg === 'null')).toBe(true);
    expect(gateway.kind).toBe('carbon-legacy');
    expect(gateway.capabilities).toEqual({
      passwordLogin: true,
      autoLogin: false,
      promisePay: true,
      services: true,
      serviceConnect: true,
      serviceDisconnect: true,
      passwordReset: false,
      pushToken: true,
      payments: true,
      charges: true,
      invoices: false,
      traffic: false,
      tickets: false,
      announcements: false,
      pause: false,
      tariffChange: false,
      passwordChange: false,
      contactsChange: false,
    });
  });

  it('compares the password here: the typed one never reaches the billing, right or wrong', async () => {
    const { gateway, simulator } = await startWorld();
    await gateway.login('ivanov', 'demo');
    expect((await failure(gateway.login('ivanov', 'Demo'))).code).toBe('INVALID_CREDENTIALS');
    expect((await failure(gateway.login('ivanov', 'demo '))).code).toBe('INVALID_CREDENTIALS');
    expect((await failure(gateway.login('ivanov', 'de'))).code).toBe('INVALID_CREDENTIALS');
    expect(JSON.stringify(simulator.requests())).not.toMatch(/demo/i);
  });

  it('refuses an unknown login, a part of a login, a group, a deleted account and the billing’s staff as INVALID_CREDENTIALS', async () => {
    const seed = seedWith((builder) =>
      builder
        .subscriber({ login: 'ivanov' })
        .subscriber({ login: 'abonenty', group: true })
        .subscriber({ login: 'gone', deleted: true })
        .subscriber({ login: 'nopassword', password: '' }),
    );
    const { gateway } = await startWorld({ seed });
    for (const [login, password] of [
      ['nobody', 'demo'],
      ['ivan', 'demo'],
      ['abonenty', 'demo'],
      ['gone', 'demo'],
      ['nopassword', 'x'],
      [OPERATOR.login, OPERATOR.password],
    ] as const) {
      expect((await failure(gateway.login(login, password))).code, login).toBe('INVALID_CREDENTIALS');
    }
  });

  it('takes the login in any case and names it as the billing spells it', async () => {
    const { gateway } = await startWorld();
    expect(await gateway.login(' IVANOV ', 'demo')).toEqual({ login: 'ivanov', accountId: '1001', secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses to guess when two accounts answer to one login', async () => {
    const seed = seedWith((builder) => builder.subscriber({ login: 'Petrov' }).subscriber({ login: 'petrov' }));
    const { gateway } = await startWorld({ seed });
    expect((await failure(gateway.login('petrov', 'demo'))).code).toBe('UPSTREAM_ERROR');
  });

  it('signs in a disabled account, which then shows as DISABLED', async () => {
    const seed = seedWith((builder) => builder.subscriber({ login: 'switchedoff', enabled: false }));
    const { signIn, gateway } = await startWorld({ seed });
    expect(await gateway.getSubscriber(await signIn('switchedoff'))).toMatchObject({ status: 'DISABLED', daysLeft: 0 });
  });
});

describe('reading the account', () => {
  it('shows the profile and balance from CLN_USR_GET, Cyrillic decoded from windows-1251', async () => {
    const { gateway, signIn } = await startWorld();
    expect(await gateway.getSubscriber(await signIn('ivanov'))).toEqual(CARBON_LEGACY_IVANOV);
    expect((await gateway.getSubscriber(await signIn('kovalenko'))).fullName).toBe('Коваленко Олена Григорівна');
  });

  it('shows debt, the limit lock and a voluntary pause', async () => {
    const { gateway, signIn } = await startWorld();
    expect(await gateway.getSubscriber(await signIn('kovalenko'))).toMatchObject({ status: 'DEBT', balance: { amount: '-120.50' }, daysLeft: 0 });
    expect(await gateway.getSubscriber(await signIn('sidorov'))).toMatchObject({ status: 'BLOCKED', balance: { amount: '-850.00' }, daysLeft: 0, tariff: { name: 'Быстрый 500' } });
    expect(await gateway.getSubscriber(await signIn('melnik'))).toMatchObject({ status: 'FROZEN', daysLeft: null, phone: null, email: 'irina.melnik@example.com' });
  });

  it('lists the services the cabinet shows, with what the subscriber may do to each', async () => {
    const { gateway, signIn } = await startWorld();
    const services = await gateway.getServices(await signIn('ivanov'));
    expect(services.map(({ id, connected, canConnect, canDisconnect, pending }) => ({ id, connected, canConnect, canDisconnect, pending }))).toEqual([
      { id: '3', connected: true, canConnect: false, canDisconnect: true, pending: false },
      { id: '5', connected: false, canConnect: true, canDisconnect: false, pending: false },
      { id: '7', connected: true, canConnect: false, canDisconnect: false, pending: false },
      { id: '9', connected: false, canConnect: true, canDisconnect: false, pending: false },
    ]);
    expect(services[1]).toMatchObject({ name: 'Антивирус «Щит»', description: 'Защита трёх устройств, лицензия на месяц', price: { amount: '39.00', currency: 'RUB' } });
  });

  it('lists spends: the tariff first, then the connected services', async () => {
    const { gateway, signIn } = await startWorld();
    expect(await gateway.getSpends(await signIn('ivanov'))).toEqual([
      { name: 'Домашний 100', price: { amount: '300.00', currency: 'RUB' }, period: 'MONTH' },
      { name: 'Реальный IP-адрес', price: { amount: '50.00', currency: 'RUB' }, period: 'MONTH' },
      { name: 'Аренда роутера', price: { amount: '30.00', currency: 'RUB' }, period: 'MONTH' },
    ]);
  });

  it('lists payments from CLN_FIN_OPER newest first, without the charges', async () => {
    const { gateway, signIn, simulator } = await startWorld();
    expect(await gateway.getPayments(await signIn('ivanov'))).toEqual([
      { date: new Date(2025, 0, 13, 9, 41, 12).toISOString(), amount: { amount: '500.00', currency: 'RUB' }, note: 'Сбербанк Онлайн' },
      { date: new Date(2024, 11, 13, 18, 2, 55).toISOString(), amount: { amount: '300.00', currency: 'RUB' }, note: 'Терминал QIWI' },
    ]);
    const finOper = simulator.requests().find((request) => request.procedure === 'CLN_FIN_OPER')!;
    expect(finOper.args.slice(1, 6)).toEqual(['1001', '16.01.2024', '16.01.2025', 'null', '2']);
    expect(await gateway.getSupportContacts()).toBeNull();
  });

  it('says password reset and auto-login are not there', async () => {
    const { gateway } = await startWorld();
    expect(await gateway.autoLogin('127.0.0.1')).toBeNull();
    expect((await failure(gateway.requestPasswordReset('ivanov'))).code).toBe('NOT_SUPPORTED');
    expect((await failure(gateway.confirmPasswordReset({ channel: 'SMS', billingRef: '1001', accountId: '1001' }, 'ABCDEF', 'new-secret-1'))).code).toBe('NOT_SUPPORTED');
  });
});

describe('promised payment', () => {
  it('offers the debt plus a month’s fee and takes it with WEB_USER_PROMISE_PAY once; then it is in force and no longer offered', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld();
    const session = await signIn('kovalenko');
    expect(await gateway.getPromisePay(session)).toEqual({
      active: null,
      offers: [{ id: '420.50', amount: { amount: '420.50', currency: 'RUB' }, days: 3, fee: null, description: null }],
      refusal: null,
    });
    const mark = simulator.calls;
    await gateway.takePromisePay(session, '420.50');
    expect(ran('WEB_USER_PROMISE_PAY', mark)).toBe(1);
    expect(simulator.requests().at(-1)?.args.slice(1)).toEqual(['1002', '420.50', 'abonent']);
    expect(simulator.account('kovalenko')).toMatchObject({ balance: '300.00', promisePay: { amount: '420.50', until: '2025-01-18' } });
    expect(await gateway.getPromisePay(session)).toEqual({ active: { amount: { amount: '420.50', currency: 'RUB' }, until: '2025-01-18' }, offers: [], refusal: null });
    expect(await gateway.getSubscriber(session)).toMatchObject({ status: 'ACTIVE', balance: { amount: '300.00' } });

    const again = await failure(gateway.takePromisePay(session, '420.50'));
    expect(again.code).toBe('NOT_ALLOWED');
    expect(ran('WEB_USER_PROMISE_PAY', mark)).toBe(1);
  });

  it('passes on the billing’s refusal, without its Firebird wrapping', async () => {
    const { gateway, signIn, simulator } = await startWorld();
    const session = await signIn('sidorov');
    const [offer] = (await gateway.getPromisePay(session)).offers;
    expect(offer?.amount.amount).toBe('1300.00');
    const refused = await failure(gateway.takePromisePay(session, offer!.id));
    expect(refused).toMatchObject({ code: 'NOT_ALLOWED', message: CARBON_LEGACY_TEXTS.promiseTooLarge('1000.00') });
    expect(simulator.account('sidorov')).toMatchObject({ balance: '-850.00', blocked: true, promisePay: null });
  });

  it('unblocks a subscriber cut off for a debt it covers', async () => {
    const seed = seedWith((builder) => builder.subscriber({ login: 'cutoff', balance: '-40.00', blocked: true }));
    const { gateway, signIn } = await startWorld({ seed });
    const session = await signIn('cutoff');
    expect((await gateway.getSubscriber(session)).status).toBe('BLOCKED');
    await gateway.takePromisePay(session, '340.00');
    expect(await gateway.getSubscriber(session)).toMatchObject({ status: 'ACTIVE', balance: { amount: '300.00' } });
  });

  it('refuses an amount it did not offer, and a malformed offer id, before calling the billing', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld();
    const session = await signIn('kovalenko');
    const mark = simulator.calls;
    expect((await failure(gateway.takePromisePay(session, '5000.00'))).code).toBe('NOT_ALLOWED');
    expect((await failure(gateway.takePromisePay(session, '420.5'))).code).toBe('BAD_USER_INPUT');
    expect((await failure(gateway.takePromisePay(session, "420.50'; --"))).code).toBe('BAD_USER_INPUT');
    expect(ran('WEB_USER_PROMISE_PAY', mark)).toBe(0);
  });

  it('offers nothing on a disabled account or a free tariff', async () => {
    const seed = seedWith((builder) =>
      builder.subscriber({ login: 'off', enabled: false, balance: '-10.00' }).subscriber({ login: 'free', tariff: { id: 1, name: 'Служебный', fee: '0.00' } }),
    );
    const { gateway, signIn } = await startWorld({ seed });
    expect((await gateway.getPromisePay(await signIn('off'))).offers).toEqual([]);
    expect((await gateway.getPromisePay(await signIn('free'))).offers).toEqual([]);
  });
});

describe('services', () => {
  it('connects a service with CLN_USR_USLUGA_EDIT (UK 1) and shows it connected at once', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld();
    const session = await signIn('ivanov');
    const mark = simulator.calls;
    expect(await gateway.connectService(session, '5')).toMatchObject({ id: '5', connected: true, canConnect: false, canDisconnect: true, pending: false });
    expect(ran('CLN_USR_USLUGA_EDIT', mark)).toBe(1);
    const edit = simulator.requests().find((request) => request.procedure === 'CLN_USR_USLUGA_EDIT')!;
    expect(edit.args.slice(1)).toEqual(['null', '1001', '5', '1', 'null', 'null', '1', '1', 'abonent', 'null', 'null']);
    expect(simulator.account('ivanov').bindings.map((binding) => binding.serviceId)).toEqual([3, 7, 5]);
  });

  it('disconnects a service with the binding’s ID and UK 2', async () => {
    const { gateway, signIn, simulator } = await startWorld();
    const session = await signIn('ivanov');
    expect(await gateway.disconnectService(session, '3')).toMatchObject({ id: '3', connected: false, canConnect: true });
    const edit = simulator.requests().find((request) => request.procedure === 'CLN_USR_USLUGA_EDIT')!;
    expect(edit.args.slice(1, 9)).toEqual(['100103', '1001', '3', 'null', 'null', 'null', 'null', '2']);
    expect(simulator.account('ivanov').bindings.map((binding) => binding.serviceId)).toEqual([7]);
  });

  it('keeps the cabinet’s rules the administrator’s procedure does not: hidden, unknown, twice, not connected, not to be disabled, no money', async () => {
    const seed = seedWith((builder) =>
      builder.subscriber({ login: 'ivanov', connectedServiceIds: [3, 7] }).subscriber({ login: 'poor', balance: '20.00' }).subscriber({ login: 'off', enabled: false }),
    );
    const { gateway, signIn, simulator, ran } = await startWorld({ seed });
    const session = await signIn('ivanov');
    const mark = simulator.calls;
    const refusals = [
      await failure(gateway.connectService(session, '11')),
      await failure(gateway.connectService(session, '999')),
      await failure(gateway.connectService(session, '3')),
      await failure(gateway.disconnectService(session, '9')),
      await failure(gateway.disconnectService(session, '7')),
      await failure(gateway.disconnectService(session, '11')),
      await failure(gateway.connectService(await signIn('poor'), '5')),
      await failure(gateway.connectService(await signIn('off'), '5')),
    ];
    expect(refusals.map((error) => error.code)).toEqual(Array(8).fill('NOT_ALLOWED'));
    expect(refusals[6]?.message).toMatch(/not enough money/);
    expect((await failure(gateway.connectService(session, '5 OR 1=1'))).code).toBe('BAD_USER_INPUT');
    expect((await failure(gateway.disconnectService(session, '-3'))).code).toBe('BAD_USER_INPUT');
    expect(ran('CLN_USR_USLUGA_EDIT', mark)).toBe(0);
    expect(simulator.account('ivanov').bindings).toHaveLength(2);
  });

  it('connects a free service on an empty account', async () => {
    const seed = seedWith((builder) =>
      builder.service({ id: 12, name: 'Родительский контроль', description: 'Бесплатно', price: '0.00', showInCabinet: true, subscriberMayDisable: true }).subscriber({ login: 'empty', balance: '0.00' }),
    );
    const { gateway, signIn } = await startWorld({ seed });
    expect(await gateway.connectService(await signIn('empty'), '12')).toMatchObject({ id: '12', connected: true, name: 'Родительский контроль' });
  });
});

describe('the operator session', () => {
  it('is opened once and kept for every subscriber and every call', async () => {
    const { gateway, signIn, simulator } = await startWorld();
    for (const login of ['ivanov', 'kovalenko', 'sidorov', 'melnik']) {
      const session = await signIn(login);
      await Promise.all([gateway.getSubscriber(session), gateway.getServices(session), gateway.getPayments(session), gateway.getPromisePay(session)]);
    }
    expect(simulator.calls.CLN_AUTH_LOGIN).toBe(1);
    const [login] = simulator.requests();
    expect(login).toEqual({ procedure: 'CLN_AUTH_LOGIN', args: [OPERATOR.login, OPERATOR.password, '0'] });
    const suid = simulator.requests()[1]?.args[0];
    expect(suid).toMatch(/^\d{9}$/);
    expect(simulator.requests().slice(1).every((request) => request.args[0] === suid)).toBe(true);
  });

  it('is renewed when the billing says it expired, once for all the calls that found it dead', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld();
    const session = await signIn('ivanov');
    simulator.expireOperatorSessions();
    const mark = simulator.calls;
    const [subscriber, services, spends, payments] = await Promise.all([
      gateway.getSubscriber(session),
      gateway.getServices(session),
      gateway.getSpends(session),
      gateway.getPayments(session),
    ]);
    expect(subscriber.balance.amount).toBe('512.40');
    expect(services).toHaveLength(4);
    expect(spends).toHaveLength(3);
    expect(payments).toHaveLength(2);
    expect(ran('CLN_AUTH_LOGIN', mark)).toBe(1);
  });

  it('is renewed after the billing’s idle timeout', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld({ operatorSessionTtlMs: 150 });
    const session = await signIn('ivanov');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const mark = simulator.calls;
    expect((await gateway.getSubscriber(session)).login).toBe('ivanov');
    expect(ran('CLN_AUTH_LOGIN', mark)).toBe(1);
  });

  it('is renewed for a write too, which then runs once', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld();
    const session = await signIn('kovalenko');
    simulator.expireOperatorSessionsOn('WEB_USER_PROMISE_PAY');
    const mark = simulator.calls;
    await gateway.takePromisePay(session, '420.50');
    expect(ran('CLN_AUTH_LOGIN', mark)).toBe(1);
    // The first attempt was refused for the dead SUID before it changed anything.
    expect(ran('WEB_USER_PROMISE_PAY', mark)).toBe(2);
    expect(simulator.account('kovalenko')).toMatchObject({ balance: '300.00', promisePay: { amount: '420.50' } });
  });

  it('reports a refused operator account as UPSTREAM_ERROR naming the variables, not the password', async () => {
    const { simulator, gateway } = await startWorld({ operator: { login: OPERATOR.login, password: 'not-the-password' } });
    const error = await failure(gateway.login('ivanov', 'demo'));
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.detail).toContain('CARBON_LEGACY_PASSWORD');
    expect(error.detail).not.toContain('not-the-password');
    expect(await gateway.ping()).toBe(false);
    expect(simulator.calls.CLN_AUTH_LOGIN).toBe(2);
  });

  it('ends the BFF session when the account is gone', async () => {
    const { gateway, session } = await startWorld();
    expect((await failure(gateway.getSubscriber(session({ login: 'ghost', accountId: '4242' })))).code).toBe('UNAUTHENTICATED');
  });

  it('answers ping', async () => {
    const { gateway } = await startWorld();
    expect(await gateway.ping()).toBe(true);
  });
});
