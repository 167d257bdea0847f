import { afterEach, describe, expect, it } from 'vitest';
import type { UbillingSimulator } from '../../../server/billing/ubilling/simulator.js';
import { cabinetPerTest, signedIn, startUbillingCabinet, type TestCabinet } from '../../support/cabinet.js';
import { codeOf, GraphQLClient } from '../../support/graphql-client.js';

const CAPABILITIES = /* GraphQL */ `
  query Capabilities { cabinet { capabilities { pause } } }
`;
const PAUSE = /* GraphQL */ `
  query Pause {
    me {
      status
      pausedUntil
      pause {
        available active from to daysAllowed daysUsed
        activationFee { amount currency } pricePerMonth { amount }
        rules { refusal earliestStart chooseStart endRequired maxDays canEnd }
      }
    }
  }
`;
const START = /* GraphQL */ `
  mutation Start($from: Date!, $to: Date, $key: String!) {
    startPause(from: $from, to: $to, idempotencyKey: $key) { status balance { amount } pause { active from to rules { refusal } } }
  }
`;
const END = /* GraphQL */ `
  mutation End($key: String!) { endPause(idempotencyKey: $key) { status pause { active } } }
`;

const pad = (value: number) => String(value).padStart(2, '0');
/** The local calendar day `days` from today, as the billings and the BFF count days. */
const day = (days = 0) => {
  const at = new Date(Date.now() + days * 86_400_000);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

describe('pausing the service on Carbon 5, through GraphQL', () => {
  const cabinet = cabinetPerTest({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', CARBON_PAUSE_MAX_DAYS: '30' } });

  it('books a voluntary block for the chosen days once per key, within the longest pause, and audits it', async () => {
    expect((await new GraphQLClient(cabinet().url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ pause: true });
    const client = await signedIn(cabinet(), 'BILL0000101', 'demo');
    const before = (await client.query(PAUSE)).data?.me.pause;
    expect(before).toEqual({
      available: true,
      active: false,
      from: null,
      to: null,
      daysAllowed: null,
      daysUsed: null,
      activationFee: null,
      pricePerMonth: null,
      rules: { refusal: null, earliestStart: day(), chooseStart: true, endRequired: true, maxDays: 30, canEnd: false },
    });

    const tooLong = await client.query(START, { from: day(1), to: day(31), key: 'pause-too-long-1' });
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(START, { from: day(-1), to: day(5), key: 'pause-in-the-past' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(START, { from: day(1), to: null, key: 'pause-without-end' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(START, { from: '2026-02-30', to: day(5), key: 'pause-not-a-day' }))).toBe('BAD_USER_INPUT');
    expect(cabinet().simulator.calls['web_cabinet.block_user'] ?? 0).toBe(0);

    const variables = { from: day(1), to: day(7), key: 'pause-carbon-once' };
    const [first, second] = await Promise.all([client.query(START, variables), client.query(START, variables)]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(first.data?.startPause).toMatchObject({ status: 'ACTIVE', pause: { active: false, from: day(1), to: day(7), rules: { refusal: 'ALREADY_PAUSED' } } });
    expect(cabinet().simulator.calls['web_cabinet.block_user']).toBe(1);

    const reused = await client.query(START, { ...variables, to: day(8) });
    expect(codeOf(reused)).toBe('BAD_USER_INPUT');
    const again = await client.query(START, { from: day(2), to: day(8), key: 'pause-carbon-again' });
    expect(codeOf(again)).toBe('NOT_ALLOWED');
    expect(cabinet().simulator.calls['web_cabinet.block_user']).toBe(1);
    // Newest first; the refused attempts before them are audited too.
    expect(cabinet().audit().filter((entry) => entry.action === 'pause-start').slice(0, 2)).toEqual([
      expect.objectContaining({ login: 'BILL0000101', result: 'NOT_ALLOWED' }),
      expect.objectContaining({ login: 'BILL0000101', subject: `${day(1)}..${day(7)}`, result: 'ok' }),
    ]);
  });

  it('shows the running pause of the frozen demo subscriber; only the ISP ends it', async () => {
    const client = await signedIn(cabinet(), 'BILL0000104', 'demo');
    const me = (await client.query(PAUSE)).data?.me;
    expect(me).toMatchObject({ status: 'FROZEN', pausedUntil: day(11), pause: { available: false, active: true, from: day(-3), to: day(11), rules: { canEnd: false } } });
    const ended = await client.query(END, { key: 'end-pause-carbon-1' });
    expect(codeOf(ended)).toBe('NOT_ALLOWED');
  });

  it('needs a valid key', async () => {
    const client = await signedIn(cabinet(), 'BILL0000101', 'demo');
    const noKey = await client.query(/* GraphQL */ `mutation { startPause(from: "2030-01-01", to: "2030-01-02") { status } }`);
    expect(noKey.errors?.length).toBeGreaterThan(0);
    expect(codeOf(await client.query(START, { from: day(1), to: day(2), key: 'short' }))).toBe('BAD_USER_INPUT');
  });
});

describe('pausing the service on Ubilling, through GraphQL', () => {
  const SERIAL = 'UBpauseserial0123456789abcdef0123';
  let simulator: UbillingSimulator;
  let cabinet: TestCabinet;
  const start = async (env: Record<string, string> = {}) => {
    ({ simulator, cabinet } = await startUbillingCabinet(SERIAL, env));
  };
  afterEach(async () => {
    await cabinet.close();
    await simulator.close();
  });
  const password = (login: string) => simulator.demoLogins.find((demo) => demo.login === login)!.password;
  const sent = (request: string) => simulator.requests().filter((entry) => entry.query[request] === 'true').length;

  it('applies freezedata’s rules before dofreeze, which checks none and charges; freezes once per key', async () => {
    await start();
    const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
    expect((await client.query(PAUSE)).data?.me.pause).toEqual({
      available: true,
      active: false,
      from: null,
      to: null,
      daysAllowed: 60,
      daysUsed: 0,
      activationFee: { amount: '20.00', currency: 'UAH' },
      pricePerMonth: { amount: '10.00' },
      rules: { refusal: null, earliestStart: day(), chooseStart: false, endRequired: false, maxDays: null, canEnd: false },
    });
    expect(codeOf(await client.query(START, { from: day(), to: day(5), key: 'ub-pause-with-end' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(START, { from: day(1), key: 'ub-pause-tomorrow' }))).toBe('BAD_USER_INPUT');
    expect(sent('dofreeze')).toBe(0);

    const [first, second] = await Promise.all([client.query(START, { from: day(), key: 'ub-pause-once' }), client.query(START, { from: day(), key: 'ub-pause-once' })]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(first.data?.startPause).toMatchObject({ status: 'FROZEN', balance: { amount: '103.45' }, pause: { active: true, from: day(), to: null } });
    expect(sent('dofreeze')).toBe(1);
    expect(simulator.payments('ivanov').filter((row) => row.note === 'AFFEE_XMLAGENT')).toHaveLength(1);
    expect(cabinet.audit()[0]).toMatchObject({ action: 'pause-start', login: 'ivanov', result: 'ok' });
  });

  it.each([
    ['petrenko', 'NEGATIVE_BALANCE'],
    ['freeuser', 'TARIFF_NOT_ALLOWED'],
  ])('refuses %s (%s) without calling dofreeze', async (login, refusal) => {
    await start();
    const client = await signedIn(cabinet, login, password(login));
    expect((await client.query(PAUSE)).data?.me.pause).toMatchObject({ available: false, rules: { refusal } });
    expect(codeOf(await client.query(START, { from: day(), key: `ub-refused-${login}` }))).toBe('NOT_ALLOWED');
    expect(sent('dofreeze')).toBe(0);
  });

  it('refuses a pause once the days allowed are used up', async () => {
    await start();
    simulator.updateUser('ivanov', { freezeDaysUsed: 60 });
    const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
    expect((await client.query(PAUSE)).data?.me.pause).toMatchObject({ available: false, daysUsed: 60, rules: { refusal: 'NO_DAYS_LEFT' } });
    expect(codeOf(await client.query(START, { from: day(), key: 'ub-no-days-left' }))).toBe('NOT_ALLOWED');
    expect(sent('dofreeze')).toBe(0);
  });

  it('ends the frozen demo subscriber’s pause only where the ISP allows it', async () => {
    await start();
    const client = await signedIn(cabinet, 'sydorenko', password('sydorenko'));
    expect((await client.query(PAUSE)).data?.me.pause).toMatchObject({ active: true, from: day(-5), rules: { canEnd: false } });
    expect(codeOf(await client.query(END, { key: 'ub-end-not-allowed' }))).toBe('NOT_ALLOWED');
    expect(sent('dounfreeze')).toBe(0);
    await cabinet.close();
    await simulator.close();

    await start({ UBILLING_SELF_UNFREEZE: 'true' });
    simulator.configure({ selfUnfreezeAllowed: true });
    const allowed = await signedIn(cabinet, 'sydorenko', password('sydorenko'));
    const ended = await allowed.query(END, { key: 'ub-end-allowed' });
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endPause).toEqual({ status: 'ACTIVE', pause: { active: false } });
    expect(sent('dounfreeze')).toBe(1);
  });

  it('hides the pause without userstats', async () => {
    await start({ UBILLING_USERSTATS_URL: '' });
    expect((await new GraphQLClient(cabinet.url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ pause: false });
    const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
    expect((await client.query(PAUSE)).data?.me.pause).toBeNull();
    expect(codeOf(await client.query(START, { from: day(), key: 'ub-no-userstats' }))).toBe('NOT_SUPPORTED');
  });
});

describe('pausing the service on the older Carbon', () => {
  const cabinet = cabinetPerTest({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_KIND: 'carbon-legacy' } });

  it('has no pause: false in capabilities, null in me, NOT_SUPPORTED for the mutations', async () => {
    expect((await new GraphQLClient(cabinet().url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ pause: false });
    const client = await signedIn(cabinet(), 'kovalenko', 'demo');
    expect((await client.query(PAUSE)).data?.me.pause).toBeNull();
    expect(codeOf(await client.query(START, { from: day(), to: day(3), key: 'legacy-pause' }))).toBe('NOT_SUPPORTED');
    expect(codeOf(await client.query(END, { key: 'legacy-pause-end' }))).toBe('NOT_SUPPORTED');
  });
});
