import { afterEach, describe, expect, it } from 'vitest';
import { md5 } from '../../../server/billing/ubilling/replies.js';
import { RequestSession } from '../../../server/domain/gateway.js';
import { ALL_SECRETS, NOV_2, PASSWORDS, exposed, failure, startWorld, type World, type WorldOptions } from './world.js';

/** The adapter over HTTP against the simulator, in both modes: RemoteAPI only, and RemoteAPI with userstats. */

let world: World;
afterEach(async () => {
  await world?.simulator.close();
});
const start = async (options: WorldOptions = {}) => (world = await startWorld(options));

describe.each([
  { mode: 'RemoteAPI only', userstats: false },
  { mode: 'RemoteAPI and userstats', userstats: true },
])('Ubilling adapter, $mode', ({ userstats }) => {
  it('signs in with the right password only', async () => {
    await start({ userstats });
    const identity = await world.gateway.login('ivanov', PASSWORDS.ivanov);
    expect(identity).toEqual({ login: 'ivanov', accountId: 'ivanov', secret: md5(PASSWORDS.ivanov) });
    expect((await failure(world.gateway.login('ivanov', 'wrong'))).code).toBe('INVALID_CREDENTIALS');
    expect((await failure(world.gateway.login('nosuchuser', 'whatever'))).code).toBe('INVALID_CREDENTIALS');
  });

  it(
    userstats
      ? 'takes the login in any letter case, as userstats does, and keeps the account as Ubilling spells it'
      : "takes the login only as Ubilling spells it: RemoteAPI's lookup is case-sensitive",
    async () => {
      await start({ userstats });
      if (userstats) {
        const identity = await world.gateway.login('IVANOV', PASSWORDS.ivanov);
        expect(identity).toEqual({ login: 'ivanov', accountId: 'ivanov', secret: md5(PASSWORDS.ivanov) });
        expect((await world.gateway.getSubscriber(world.session(identity))).login).toBe('ivanov');
        expect((await failure(world.gateway.login('Ivanov', 'wrong'))).code).toBe('INVALID_CREDENTIALS');
      } else {
        expect((await failure(world.gateway.login('IVANOV', PASSWORDS.ivanov))).code).toBe('INVALID_CREDENTIALS');
        expect((await failure(world.gateway.login('Ivanov', PASSWORDS.ivanov))).code).toBe('INVALID_CREDENTIALS');
      }
      expect((await world.gateway.login('ivanov', PASSWORDS.ivanov)).login).toBe('ivanov');
    },
  );

  it("finds the ISP's contacts for a signed-in subscriber after a restart", async () => {
    await start({ userstats });
    const identity = await world.gateway.login('ivanov', PASSWORDS.ivanov);
    const restarted = world.restart();
    expect(await restarted.getSupportContacts()).toBeNull();
    expect((await restarted.getSupportContacts(world.session(identity)))?.phone).toBe('+380441234567');
    expect((await restarted.getSupportContacts())?.phone).toBe('+380441234567');
  });

  it('does not keep "no contacts" for long when the first subscriber seen has none', async () => {
    let now = NOV_2;
    await start({ userstats, clock: () => now });
    await world.gateway.login('freeuser', PASSWORDS.freeuser);
    const ivanov = await world.signIn('ivanov');
    expect(await world.gateway.getSupportContacts(ivanov)).toBeNull();
    now = new Date(NOV_2.getTime() + 61_000);
    expect((await world.gateway.getSupportContacts(ivanov))?.phone).toBe('+380441234567');
  });

  it('never sends the password "0", which Ubilling reads as no password at all', async () => {
    await start({ userstats });
    expect((await failure(world.gateway.login('ivanov', '0'))).code).toBe('INVALID_CREDENTIALS');
    expect(world.simulator.requestCount).toBe(0);
  });

  it('shows a subscriber in good standing with balance, tariff and days left', async () => {
    await start({ userstats });
    const subscriber = await world.gateway.getSubscriber(await world.signIn('ivanov'));
    expect(subscriber).toMatchObject({
      login: 'ivanov',
      contractNumber: '1001',
      balance: { amount: '123.45', currency: 'UAH' },
      credit: { amount: '0.00', currency: 'UAH' },
      status: 'ACTIVE',
      tariff: { name: 'Unlim-100', fee: { amount: '150.00', currency: 'UAH' }, period: 'MONTH' },
      // 150 + IPTV 50 + Кіно 30 due on 1 December: November is paid, from the 2nd to the 30th.
      daysLeft: 29,
      paidUntil: '2026-11-30',
    });
    if (userstats) {
      expect(subscriber).toMatchObject({
        fullName: 'Іванов Іван',
        accountNumber: '123456',
        address: 'Kyiv Khreshchatyk 1/15',
        email: 'ivanov@example.com',
        phone: '0671234567',
        nextTariff: { name: 'Unlim-50' },
        ipAddresses: ['172.16.0.15'],
        contractDate: '2023-01-15',
        paymentId: '123456',
        trafficThisMonth: { downloadBytes: '13249974108', uploadBytes: '1288490189' },
      });
    } else {
      expect(subscriber).toMatchObject({ fullName: null, address: null, email: null, accountNumber: null, nextTariff: null, phone: '0671234567', ipAddresses: [], trafficThisMonth: null, contractDate: null });
    }
  });

  it('maps debt, a paused account, a free tariff, a switched-off account and a running credit', async () => {
    await start({ userstats });
    const show = async (login: Parameters<World['signIn']>[0]) => world.gateway.getSubscriber(await world.signIn(login));
    expect(await show('petrenko')).toMatchObject({ status: 'BLOCKED', balance: { amount: '-15.50' }, daysLeft: 0, paidUntil: null });
    expect(await show('frozen')).toMatchObject({ status: 'FROZEN', daysLeft: null, paidUntil: null });
    expect(await show('freeuser')).toMatchObject({ status: 'ACTIVE', daysLeft: null, paidUntil: null, tariff: { fee: { amount: '0.00' } } });
    expect(await show('switchedoff')).toMatchObject({ status: 'DISABLED', daysLeft: null, paidUntil: null });
    expect(await show('onpromise')).toMatchObject({ status: 'DEBT', credit: { amount: '105.00' }, daysLeft: 0 });
  });

  it('lists the monthly spends, the tariff first, and the services as not changeable', async () => {
    await start({ userstats });
    const session = await world.signIn('ivanov');
    expect(await world.gateway.getSpends(session)).toEqual([
      { name: 'Unlim-100', price: { amount: '150.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'IPTV', price: { amount: '50.00', currency: 'UAH' }, period: 'MONTH' },
      { name: 'Кіно', price: { amount: '30.00', currency: 'UAH' }, period: 'MONTH' },
    ]);
    const services = await world.gateway.getServices(session);
    expect(services.map((service) => [service.name, service.price?.amount, service.connected, service.canConnect, service.canDisconnect])).toEqual([
      ['IPTV', '50.00', true, false, false],
      ['Кіно', '30.00', true, false, false],
    ]);
    expect(await world.gateway.getServices(await world.signIn('petrenko'))).toEqual([]);
    expect((await failure(world.gateway.connectService(session, services[0]!.id))).code).toBe('NOT_SUPPORTED');
    expect((await failure(world.gateway.disconnectService(session, services[0]!.id))).code).toBe('NOT_SUPPORTED');
  });

  it('lists payments newest first where userstats is configured', async () => {
    await start({ userstats });
    const payments = await world.gateway.getPayments(await world.signIn('ivanov'));
    if (!userstats) {
      expect(payments).toEqual([]);
      return;
    }
    expect(payments.map((payment) => [payment.date, payment.amount.amount, payment.note])).toEqual([
      // The -5.00 SCFEE row of 2026-09-01 is the promised payment's fee, a charge: not among payments.
      [new Date(2026, 9, 30, 18, 40, 5).toISOString(), '100.00', null],
      [new Date(2026, 7, 1, 10, 15, 0).toISOString(), '150.00', null],
    ]);
  });

  it('lists the charges of a period from XMLAgent feecharges where userstats is configured, the last day whole', async () => {
    await start({ userstats });
    const session = await world.signIn('ivanov');
    if (!userstats) {
      expect((await failure(world.gateway.getCharges(session, '2026-10-01', '2026-10-31'))).code).toBe('NOT_SUPPORTED');
      return;
    }
    const charges = await world.gateway.getCharges(session, '2026-10-01', '2026-10-31');
    expect(charges.map((charge) => [charge.date, charge.amount.amount, charge.kind, charge.name])).toEqual([
      [new Date(2026, 9, 31, 18, 0, 0).toISOString(), '10.00', 'TARIFF', ''],
      [new Date(2026, 9, 15, 0, 0, 5).toISOString(), '-75.00', 'TARIFF', ''],
      [new Date(2026, 9, 1, 0, 10, 0).toISOString(), '50.00', 'SERVICE', 'IPTV'],
      [new Date(2026, 9, 1, 0, 0, 5).toISOString(), '150.00', 'TARIFF', ''],
    ]);
    const asked = world.simulator.requests().filter((request) => request.query.feecharges === 'true');
    expect(asked.map((request) => [request.query.datefrom, request.query.dateto])).toEqual([['2026-10-01', '2026-11-01']]);
    // September: the promised payment's fee, booked as a payment, is a charge of its own kind.
    expect(await world.gateway.getCharges(session, '2026-09-01', '2026-09-30')).toEqual([
      { date: new Date(2026, 8, 1, 9, 2, 11).toISOString(), amount: { amount: '5.00', currency: 'UAH' }, name: '', kind: 'PROMISE_PAY', note: null },
    ]);
    expect(await world.gateway.getCharges(await world.signIn('freeuser'), '2026-01-01', '2026-11-02')).toEqual([]);
  });

  it("offers no password reset but the ISP's contacts from getcontragentdata", async () => {
    await start({ userstats });
    expect(await world.gateway.getSupportContacts()).toBeNull();
    await world.signIn('ivanov');
    expect(await world.gateway.getSupportContacts()).toEqual({
      name: 'ISP LLC',
      phone: '+380441234567',
      email: 'billing@isp.example',
      address: 'Kyiv Khreshchatyk 1',
      website: 'https://isp.example',
    });
    expect((await failure(world.gateway.requestPasswordReset('ivanov'))).code).toBe('NOT_SUPPORTED');
    expect((await failure(world.gateway.confirmPasswordReset({ channel: 'SMS', billingRef: 'x', accountId: 'x' }, '1234', 'new-password'))).code).toBe('NOT_SUPPORTED');
  });

  it('declares what Ubilling can do', async () => {
    await start({ userstats, rules: { enabled: false } });
    expect(world.gateway.capabilities).toEqual({
      passwordLogin: true,
      autoLogin: false,
      promisePay: userstats,
      services: true,
      serviceConnect: false,
      serviceDisconnect: false,
      passwordReset: false,
      pushToken: true,
      payments: userstats,
      charges: userstats,
      invoices: false,
      traffic: userstats,
      tickets: userstats,
      announcements: userstats,
      pause: userstats,
      // Only where the ISP says userstats' tariff changer is on (UBILLING_TARIFF_CHANGE).
      tariffChange: false,
      passwordChange: false,
      contactsChange: false,
    });
    expect(world.gateway.kind).toBe('ubilling');
    await expect(world.gateway.registerPushToken(await world.signIn('ivanov'), 'token-123456', 'FCM')).resolves.toBeUndefined();
  });

  it('signs in automatically by IP only where the ISP enabled userbyip', async () => {
    await start({ userstats, autoLogin: true, settings: { userByIpEnabled: true } });
    const identity = await world.gateway.autoLogin('::ffff:172.16.0.15');
    expect(identity).toEqual({ login: 'ivanov', accountId: 'ivanov', secret: md5(PASSWORDS.ivanov) });
    expect((await world.gateway.getSubscriber(world.session(identity!))).login).toBe('ivanov');
    expect(await world.gateway.autoLogin('10.9.9.9')).toBeNull();
    world.simulator.configure({ userByIpEnabled: false });
    expect(await world.gateway.autoLogin('172.16.0.15')).toBeNull();
  });
});

describe('Ubilling adapter: sign-in freshness and availability', () => {
  it('takes a new password at once through justauth; without userstats an old password the cache still holds opens nothing', async () => {
    await start({ userstats: true });
    await world.signIn('ivanov');
    world.simulator.changePassword('ivanov', 'brand-new-9');
    expect((await world.gateway.login('ivanov', 'brand-new-9')).login).toBe('ivanov');
    expect((await failure(world.gateway.login('ivanov', PASSWORDS.ivanov))).code).toBe('INVALID_CREDENTIALS');

    const remoteOnly = await startWorld();
    try {
      await remoteOnly.signIn('ivanov');
      remoteOnly.simulator.changePassword('ivanov', 'brand-new-9');
      // The cache still takes the old password, the live table has the new one: neither opens a session until the cache catches up.
      expect((await failure(remoteOnly.gateway.login('ivanov', PASSWORDS.ivanov))).code).toBe('INVALID_CREDENTIALS');
      expect((await failure(remoteOnly.gateway.login('ivanov', 'brand-new-9'))).code).toBe('INVALID_CREDENTIALS');
      remoteOnly.simulator.flushUserCache();
      expect((await remoteOnly.gateway.login('ivanov', 'brand-new-9')).login).toBe('ivanov');
    } finally {
      await remoteOnly.simulator.close();
    }
  });

  it('ends the session when the password changed under it', async () => {
    await start({ userstats: true });
    const session = await world.signIn('ivanov');
    world.simulator.changePassword('ivanov', 'brand-new-9');
    expect((await failure(world.gateway.getSubscriber(session))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an account XMLAgent would confuse with another on the same IP', async () => {
    await start({ userstats: true });
    world.simulator.updateUser('petrenko', { ip: '172.16.0.15' });
    const refused = await failure(world.gateway.login('petrenko', PASSWORDS.petrenko));
    expect(refused.code).toBe('NOT_ALLOWED');
    expect(refused.message).toContain('network address');
  });

  it('auto-login is off without the flag, and makes no call', async () => {
    await start({ settings: { userByIpEnabled: true } });
    expect(await world.gateway.autoLogin('172.16.0.15')).toBeNull();
    expect(world.simulator.requestCount).toBe(0);
  });

  it('pings with the key; a wrong key is a clear UPSTREAM_ERROR that names the variable, not the key', async () => {
    await start();
    expect(await world.gateway.ping()).toBe(true);
    const wrong = await startWorld({ serial: 'UBffffffffffffffffffffffffffffffff' });
    try {
      expect(await wrong.gateway.ping()).toBe(false);
      const error = await failure(wrong.gateway.login('ivanov', PASSWORDS.ivanov));
      expect(error.code).toBe('UPSTREAM_ERROR');
      expect(error.detail).toContain('UBILLING_SERIAL');
      expect(exposed(error)).not.toContain('UBffffffffffffffffffffffffffffffff');
      for (const secret of ALL_SECRETS) expect(exposed(error)).not.toContain(secret);
    } finally {
      await wrong.simulator.close();
    }
  });

  it("reads the subscriber and the charges once per request, and again after a promised payment", async () => {
    await start({ rules: { enabled: true } });
    const identity = await world.gateway.login('petrenko', PASSWORDS.petrenko);
    const request = new RequestSession(identity);
    const calls = () => world.simulator.requests().filter((call) => call.query.param === 'getuserdatabylogin' || call.query.param === 'getuserspends').length;
    const before = calls();
    await Promise.all([
      world.gateway.getSubscriber(request),
      world.gateway.getPromisePay(request),
      world.gateway.getSpends(request),
      world.gateway.getServices(request),
    ]);
    expect(calls() - before).toBe(2);
    await world.gateway.takePromisePay(request, 'credit');
    expect((await world.gateway.getPromisePay(request)).active).toMatchObject({ amount: { amount: '105.00' } });
  });
});
