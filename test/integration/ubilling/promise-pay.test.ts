import { afterEach, describe, expect, it } from 'vitest';
import { NOV_2, STOCK_SC, failure, startWorld, type Login, type World, type WorldOptions } from './world.js';

/** Promised payments: through the userstats creditor agent, or RemoteAPI `sc` under the BFF's rules. */

let world: World;
afterEach(async () => {
  await world?.simulator.close();
});
const start = async (options: WorldOptions = {}) => (world = await startWorld(options));

/** Why no offer is listed, then what taking one anyway is told. */
async function refusal(login: Login) {
  const session = await world.signIn(login);
  const { offers, refusal: reason } = await world.gateway.getPromisePay(session);
  expect(offers).toEqual([]);
  const before = world.simulator.user(login);
  const error = await failure(world.gateway.takePromisePay(session, 'credit'));
  expect(world.simulator.user(login)).toEqual(before);
  expect(error.code).toBe('NOT_ALLOWED');
  return [reason, error.message];
}

const scCalls = () => world.simulator.requests().filter((request) => request.query.action === 'sc');

describe('through the creditor agent (userstats configured)', () => {
  it("offers Ubilling's credit with its price and real term, then takes it", async () => {
    // maxday 5 makes the agent's creditterm quirk visible: it reports SC_MAXDAY, not SC_TERM.
    await start({ userstats: true, settings: { selfCredit: { ...STOCK_SC, maxDay: 5 } } });
    const session = await world.signIn('petrenko');
    const promisePay = await world.gateway.getPromisePay(session);
    expect(promisePay.active).toBeNull();
    expect(promisePay.offers).toEqual([
      {
        id: 'credit',
        amount: { amount: '105.00', currency: 'UAH' },
        days: 3,
        fee: { amount: '5.00', currency: 'UAH' },
        // The agent's intro sentence is in userstats' language, whatever the subscriber's: the app words the offer from these fields.
        description: null,
      },
    ]);
    expect(world.simulator.user('petrenko')).toMatchObject({ credit: 0, cash: -15.5 });

    await world.gateway.takePromisePay(session, 'credit');
    expect(world.simulator.user('petrenko')).toMatchObject({ credit: 105, cash: -20.5, creditExpire: new Date(2026, 10, 5).getTime() / 1000 });
    expect(world.simulator.payments('petrenko')).toEqual([expect.objectContaining({ summ: -5, note: 'SCFEE' })]);
    expect(await world.gateway.getPromisePay(session)).toEqual({ active: { amount: { amount: '105.00', currency: 'UAH' }, until: '2026-11-05' }, offers: [], refusal: 'ALREADY_USED' });
    expect(await world.gateway.getSubscriber(session)).toMatchObject({ status: 'DEBT', credit: { amount: '105.00' } });
  });

  it('explains each refusal of the agent in plain words', async () => {
    await start({ userstats: true });
    expect(await refusal('ivanov')).toEqual(['NO_DEBT', 'Your balance is enough for the service, so a promised payment is not needed.']);
    expect(await refusal('frozen')).toEqual(['PAUSED', 'Your account is paused or switched off, so a promised payment is not available.']);
    expect(await refusal('bigdebt')).toEqual(['DEBT_TOO_LARGE', 'Your debt is larger than a promised payment can cover. Please top up your account.']);
    expect(await refusal('onpromise')).toEqual(['ALREADY_USED', 'You already have a promised payment.']);
    world.simulator.configure({ selfCredit: { ...STOCK_SC, tariffsAllowed: ['Unlim-100'] } });
    expect(await refusal('petrenko')).toEqual(['TARIFF_NOT_ALLOWED', 'A promised payment is not available on your tariff.']);
    world.simulator.configure({ selfCredit: { ...STOCK_SC, minDay: 10, maxDay: 20 } });
    expect(await refusal('petrenko')).toEqual(['WRONG_DAY', 'A promised payment can be taken only from day 10 to day 20 of the month.']);
    world.simulator.configure({ selfCredit: { ...STOCK_SC, enabled: false } });
    expect(await refusal('petrenko')).toEqual(['NOT_OFFERED', 'Your provider does not offer promised payments.']);
  });

  it('refuses a second credit in a month and one before the last was paid', async () => {
    await start({ userstats: true });
    const session = await world.signIn('petrenko');
    await world.gateway.takePromisePay(session, 'credit');
    world.simulator.updateUser('petrenko', { credit: 0, creditExpire: 0 });
    expect(await refusal('petrenko')).toEqual(['ALREADY_USED', 'You have already taken a promised payment this month.']);
    world.simulator.configure({ selfCredit: { ...STOCK_SC, monthControl: false, hackControl: true } });
    expect(await refusal('petrenko')).toEqual(['NOT_PAID_PREVIOUS', 'A promised payment is available again once you have paid for the previous one.']);
  });

  it('accepts only its own offer id', async () => {
    await start({ userstats: true });
    const error = await failure(world.gateway.takePromisePay(await world.signIn('petrenko'), 'credit-9999'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(world.simulator.user('petrenko')).toMatchObject({ credit: 0 });
  });
});

describe("through RemoteAPI sc under the BFF's rules (no userstats)", () => {
  it('checks the rules, calls sc once, and remembers the month', async () => {
    await start({ rules: { enabled: true } });
    const session = await world.signIn('petrenko');
    expect((await world.gateway.getPromisePay(session)).offers).toEqual([
      { id: 'credit', amount: { amount: '105.00', currency: 'UAH' }, days: 3, fee: { amount: '5.00', currency: 'UAH' }, description: null },
    ]);
    await world.gateway.takePromisePay(session, 'credit');
    expect(scCalls()).toEqual([
      { method: 'GET', path: '/', query: { module: 'remoteapi', key: '[redacted]', action: 'sc', login: 'petrenko', cr: '105.00', end: '2026-11-05', fee: '5.00', ct: '1' } },
    ]);
    expect(world.simulator.user('petrenko')).toMatchObject({ credit: 105, cash: -20.5 });
    world.simulator.updateUser('petrenko', { credit: 0, creditExpire: 0 });
    expect(await refusal('petrenko')).toEqual(['ALREADY_USED', 'You have already taken a promised payment this month.']);
    expect(scCalls()).toHaveLength(1);
  });

  it('refuses before any sc call, each reason explained', async () => {
    await start({ rules: { enabled: true, tariffsAllowed: ['Unlim-50'] } });
    expect(await refusal('ivanov')).toEqual(['NO_DEBT', 'Your balance is enough for the service, so a promised payment is not needed.']);
    expect(await refusal('frozen')).toEqual(['PAUSED', 'Your account is paused or switched off, so a promised payment is not available.']);
    expect(await refusal('switchedoff')).toEqual(['PAUSED', 'Your account is paused or switched off, so a promised payment is not available.']);
    expect(await refusal('bigdebt')).toEqual(['DEBT_TOO_LARGE', 'Your debt is larger than a promised payment can cover. Please top up your account.']);
    expect(await refusal('onpromise')).toEqual(['ALREADY_USED', 'You already have a promised payment.']);
    world.simulator.updateUser('ivanov', { cash: -10 });
    expect(await refusal('ivanov')).toEqual(['TARIFF_NOT_ALLOWED', 'A promised payment is not available on your tariff.']);
    expect(scCalls()).toEqual([]);
  });

  it('refuses outside the allowed days of the month', async () => {
    await start({ rules: { enabled: true, minDay: 5, maxDay: 7 }, now: NOV_2 });
    expect(await refusal('petrenko')).toEqual(['WRONG_DAY', 'A promised payment can be taken only from day 5 to day 7 of the month.']);
    expect(scCalls()).toEqual([]);
  });

  it('is not offered at all when the rules are off', async () => {
    await start({ rules: { enabled: false } });
    const session = await world.signIn('petrenko');
    expect(world.gateway.capabilities.promisePay).toBe(false);
    expect(await world.gateway.getPromisePay(session)).toEqual({ active: null, offers: [], refusal: 'NOT_OFFERED' });
    expect((await failure(world.gateway.takePromisePay(session, 'credit'))).code).toBe('NOT_SUPPORTED');
    expect(scCalls()).toEqual([]);
  });

  it('shows a running credit with its expiry', async () => {
    await start({ rules: { enabled: true } });
    expect(await world.gateway.getPromisePay(await world.signIn('onpromise'))).toEqual({
      active: { amount: { amount: '105.00', currency: 'UAH' }, until: '2026-11-04' },
      offers: [],
      refusal: 'ALREADY_USED',
    });
  });
});

describe('the credit is bound to the session and read back (hardening)', () => {
  it('refuses a credit when the pair resolves to another account on the same address, and leaves both untouched', async () => {
    await start({ userstats: true });
    const session = await world.signIn('petrenko');
    // The operator moves petrenko onto ivanov's address: userstats now resolves petrenko's pair to ivanov.
    world.simulator.updateUser('petrenko', { ip: world.simulator.user('ivanov')!.ip });
    world.simulator.updateUser('ivanov', { cash: -15.5 });
    const error = await failure(world.gateway.takePromisePay(session, 'credit'));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(world.simulator.user('ivanov')).toMatchObject({ credit: 0, creditExpire: 0 });
    expect(world.simulator.user('petrenko')).toMatchObject({ credit: 0, creditExpire: 0 });
    expect((await failure(world.gateway.getPromisePay(session))).code).toBe('NOT_ALLOWED');
    expect(await world.gateway.verifySession(session)).toBe(false);
  });

  it('reports the truth when sc says SC:OK but the core set no credit, and does not mark the month used', async () => {
    await start({ settings: { coreSetsCredit: false } });
    const session = await world.signIn('petrenko');
    const error = await failure(world.gateway.takePromisePay(session, 'credit'));
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.detail).toMatch(/no credit/);
    expect(world.simulator.user('petrenko')).toMatchObject({ credit: 0 });
  });

  it("counts a credit taken in Ubilling's own cabinet for the once-a-month rule", async () => {
    await start();
    world.simulator.updateUser('petrenko', { credit: 105, creditExpire: Math.floor(new Date(2026, 10, 4).getTime() / 1000) });
    const session = await world.signIn('petrenko');
    await world.gateway.getPromisePay(session);
    // The credit ends and the subscriber is in debt again, in the same month.
    world.simulator.updateUser('petrenko', { credit: 0, creditExpire: 0, cash: -15.5 });
    expect((await world.gateway.getPromisePay(world.session(session.identity))).offers).toEqual([]);
    expect((await failure(world.gateway.takePromisePay(world.session(session.identity), 'credit'))).message).toBe('You have already taken a promised payment this month.');
    expect(scCalls()).toEqual([]);
  });
});
