import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstOfNextMonth, ymd } from '../../../shared/dates.js';
import type { UbillingSimulator } from '../../../server/billing/ubilling/simulator.js';
import { cabinetPerTest, signedIn, startCabinet, startUbillingCabinet, type TestCabinet } from '../../support/cabinet.js';
import { codeOf, GraphQLClient } from '../../support/graphql-client.js';
import { LOGIN } from '../../support/operations.js';

const CAPABILITIES = /* GraphQL */ `
  query Capabilities { cabinet { capabilities { tariffChange passwordChange contactsChange } } }
`;
const TARIFF = /* GraphQL */ `
  query Tariff {
    me {
      tariff { name }
      nextTariff { name }
      nextTariffFrom
      tariffChangeCancellable
      tariffOptions { id name fee { amount currency } period speedIn speedOut changeFee { amount currency } from }
    }
  }
`;
const CHANGE = /* GraphQL */ `
  mutation Change($tariffId: ID!, $key: String!) {
    changeTariff(tariffId: $tariffId, idempotencyKey: $key) { balance { amount } nextTariff { name } nextTariffFrom tariffChangeCancellable }
  }
`;
const CANCEL = /* GraphQL */ `
  mutation Cancel($key: String!) { cancelTariffChange(idempotencyKey: $key) { nextTariff { name } nextTariffFrom tariffChangeCancellable } }
`;
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($current: String!, $newPassword: String!) { changePassword(current: $current, newPassword: $newPassword) }
`;
const UPDATE_CONTACTS = /* GraphQL */ `
  mutation UpdateContacts($phone: String, $email: String) { updateContacts(phone: $phone, email: $email) { phone email } }
`;
const ME = /* GraphQL */ `
  query Me { me { login phone email } }
`;
const CREATE_TICKET = /* GraphQL */ `
  mutation CreateTicket($text: String!, $key: String) { createTicket(subject: "Двічі", text: $text, idempotencyKey: $key) { id } }
`;

const nextMonth = () => firstOfNextMonth(ymd(new Date()));

describe('tariff change and profile on Carbon 5, through GraphQL', () => {
  let cabinet: TestCabinet;
  const start = async (env: Record<string, string> = {}) => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', CARBON_TARIFF_CHANGE_IDS: '16,17,18,19', ...env } });
  };
  afterEach(() => cabinet.close());

  it('offers the allowed tariffs but the current one, books the next period once per key, shows and cancels it', async () => {
    await start();
    expect((await new GraphQLClient(cabinet.url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ tariffChange: true, passwordChange: true, contactsChange: true });
    const client = await signedIn(cabinet, 'BILL0000101', 'demo');
    const before = (await client.query(TARIFF)).data?.me;
    const free = { amount: '0.00', currency: 'UAH' };
    const option = (id: string, name: string) => ({ id, name, fee: null, period: null, speedIn: null, speedOut: null, changeFee: free, from: nextMonth() });
    expect(before).toEqual({
      tariff: { name: 'Домашній 100' },
      nextTariff: null,
      nextTariffFrom: null,
      tariffChangeCancellable: false,
      tariffOptions: [option('16', 'Економ 50'), option('18', 'Швидкий 500'), option('19', 'Гігабіт 1000')],
    });

    expect(codeOf(await client.query(CHANGE, { tariffId: '17', key: 'carbon-current-tariff' }))).toBe('NOT_ALLOWED');
    expect(codeOf(await client.query(CHANGE, { tariffId: '99', key: 'carbon-unknown-tariff' }))).toBe('NOT_ALLOWED');
    expect(codeOf(await client.query(CHANGE, { tariffId: '18', key: 'short' }))).toBe('BAD_USER_INPUT');
    expect(cabinet.simulator.calls['Abonents.set'] ?? 0).toBe(0);

    const variables = { tariffId: '18', key: 'carbon-tariff-once' };
    const [first, second] = await Promise.all([client.query(CHANGE, variables), client.query(CHANGE, variables)]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(first.data?.changeTariff).toEqual({ balance: { amount: '412.50' }, nextTariff: { name: 'Швидкий 500' }, nextTariffFrom: nextMonth(), tariffChangeCancellable: true });
    expect(cabinet.simulator.calls['Abonents.set']).toBe(1);
    expect(cabinet.simulator.account('BILL0000101').nextTariff?.id).toBe(18);

    expect(codeOf(await client.query(CHANGE, { tariffId: '19', key: 'carbon-tariff-twice' }))).toBe('NOT_ALLOWED');
    expect(codeOf(await client.query(CHANGE, { tariffId: '19', key: 'carbon-tariff-once' }))).toBe('BAD_USER_INPUT');

    const cancelled = await client.query(CANCEL, { key: 'carbon-cancel-once' });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data?.cancelTariffChange).toEqual({ nextTariff: null, nextTariffFrom: null, tariffChangeCancellable: false });
    expect(cabinet.simulator.account('BILL0000101').nextTariff).toBeNull();
    expect(codeOf(await client.query(CANCEL, { key: 'carbon-cancel-nothing' }))).toBe('NOT_ALLOWED');
    expect(cabinet.audit().filter((entry) => entry.action.startsWith('tariff-change')).slice(0, 3)).toEqual([
      expect.objectContaining({ action: 'tariff-change-cancel', result: 'NOT_ALLOWED' }),
      expect.objectContaining({ action: 'tariff-change-cancel', result: 'ok' }),
      // The key reused for another tariff was refused before anything ran, and is not audited.
      expect.objectContaining({ action: 'tariff-change', subject: '19', result: 'NOT_ALLOWED' }),
    ]);
  });

  it('leaves a change the ISP booked to the ISP: not cancellable when its tariff is not on the allowed list', async () => {
    await start({ CARBON_TARIFF_CHANGE_IDS: '16,19' });
    const client = await signedIn(cabinet, 'BILL0000104', 'demo');
    expect((await client.query(TARIFF)).data?.me).toMatchObject({ nextTariff: { name: 'Швидкий 500' }, tariffChangeCancellable: false });
    expect(codeOf(await client.query(CANCEL, { key: 'carbon-cancel-isp-booked' }))).toBe('NOT_ALLOWED');
    expect(codeOf(await client.query(CHANGE, { tariffId: '16', key: 'carbon-change-while-booked' }))).toBe('NOT_ALLOWED');
    expect(cabinet.simulator.calls['Abonents.set'] ?? 0).toBe(0);
    expect(cabinet.simulator.account('BILL0000104').nextTariff?.id).toBe(18);
  });

  it('has no tariff change without an allowed list', async () => {
    await start({ CARBON_TARIFF_CHANGE_IDS: '' });
    expect((await new GraphQLClient(cabinet.url).query(CAPABILITIES)).data?.cabinet.capabilities).toMatchObject({ tariffChange: false });
    const client = await signedIn(cabinet, 'BILL0000101', 'demo');
    expect((await client.query(TARIFF)).data?.me).toMatchObject({ tariffOptions: [], tariffChangeCancellable: false });
    expect(codeOf(await client.query(CHANGE, { tariffId: '18', key: 'carbon-no-change' }))).toBe('NOT_SUPPORTED');
    expect(codeOf(await client.query(CANCEL, { key: 'carbon-no-cancel' }))).toBe('NOT_SUPPORTED');
  });

  it('changes the password with the current one, ends the other sessions, keeps this one, and never logs it', async () => {
    await start();
    const other = await signedIn(cabinet, 'BILL0000102', 'demo');
    const client = await signedIn(cabinet, 'BILL0000102', 'demo');
    const newPassword = 'Nova-parol-2026';
    expect(codeOf(await client.query(CHANGE_PASSWORD, { current: 'wrong-one', newPassword }))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await client.query(CHANGE_PASSWORD, { current: 'demo', newPassword: 'short' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(CHANGE_PASSWORD, { current: 'demo', newPassword: 'demo' }))).toBe('BAD_USER_INPUT');
    expect(cabinet.simulator.account('BILL0000102').password).toBe('demo');

    const changed = await client.query(CHANGE_PASSWORD, { current: 'demo', newPassword });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.changePassword).toBe(true);
    expect(cabinet.simulator.account('BILL0000102').password).toBe(newPassword);
    expect((await client.query(ME)).data?.me).toMatchObject({ login: 'BILL0000102' });
    expect((await other.query(ME)).data?.me).toBeNull();
    expect(codeOf(await new GraphQLClient(cabinet.url).query(LOGIN, { login: 'BILL0000102', password: 'demo' }))).toBe('INVALID_CREDENTIALS');
    await signedIn(cabinet, 'BILL0000102', newPassword);
    expect(cabinet.logs()).not.toContain(newPassword);
    expect(JSON.stringify(cabinet.audit())).not.toContain(newPassword);
    // Input refused before anything ran is not audited; the wrong current password is.
    expect(cabinet.audit().filter((entry) => entry.action === 'password-change').map((entry) => entry.result)).toEqual(['ok', 'INVALID_CREDENTIALS']);
  });

  it('changes the phone and the e-mail, each checked first', async () => {
    await start();
    const client = await signedIn(cabinet, 'BILL0000102', 'demo');
    expect(codeOf(await client.query(UPDATE_CONTACTS, {}))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(UPDATE_CONTACTS, { email: 'not an address' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(UPDATE_CONTACTS, { phone: '12345' }))).toBe('BAD_USER_INPUT');
    expect(cabinet.simulator.calls['web_cabinet.set_user_info'] ?? 0).toBe(0);
    const updated = await client.query(UPDATE_CONTACTS, { phone: '+380 (67) 111-22-33', email: 'olena@example.com' });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateContacts).toEqual({ phone: '+380671112233', email: 'olena@example.com' });
    expect(cabinet.simulator.account('BILL0000102')).toMatchObject({ phone: '+380671112233', email: 'olena@example.com' });
    expect(cabinet.audit()[0]).toMatchObject({ action: 'contacts-change', subject: 'phone+email', result: 'ok' });
  });

  it('writes one conversation for a double tap with one key', async () => {
    await start();
    const client = await signedIn(cabinet, 'BILL0000101', 'demo');
    const variables = { text: 'Немає зв’язку з ранку', key: 'ticket-double-tap-1' };
    const [first, second] = await Promise.all([client.query(CREATE_TICKET, variables), client.query(CREATE_TICKET, variables)]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(cabinet.simulator.calls['web_cabinet.create_ticket']).toBe(1);
  });
});

describe('tariff change on Ubilling, through GraphQL', () => {
  const SERIAL = 'UBtariffserial0123456789abcdef012';
  let simulator: UbillingSimulator;
  let cabinet: TestCabinet;
  beforeEach(async () => {
    ({ simulator, cabinet } = await startUbillingCabinet(SERIAL, { UBILLING_TARIFF_CHANGE: 'true', UBILLING_TARIFF_CHANGE_FEE_DOWN: '25' }));
  });
  afterEach(async () => {
    await cabinet.close();
    await simulator.close();
  });
  const password = (login: string) => simulator.demoLogins.find((demo) => demo.login === login)!.password;
  const forms = () => simulator.requests().filter((entry) => entry.method === 'POST' && entry.query.module === 'tariffchanger').length;

  it('offers tarifftoswitchallowed with the price list’s fees and the changer’s fee; sends the form once and reads the booking back', async () => {
    expect((await new GraphQLClient(cabinet.url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ tariffChange: true, passwordChange: false, contactsChange: false });
    const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
    expect((await client.query(TARIFF)).data?.me).toEqual({
      tariff: { name: 'Unlim-100' },
      nextTariff: null,
      nextTariffFrom: null,
      tariffChangeCancellable: false,
      tariffOptions: [
        { id: 'Unlim-50', name: 'Unlim-50', fee: { amount: '100.00', currency: 'UAH' }, period: 'MONTH', speedIn: null, speedOut: null, changeFee: { amount: '25.00', currency: 'UAH' }, from: nextMonth() },
        { id: 'Unlim-300', name: 'Unlim-300', fee: { amount: '250.00', currency: 'UAH' }, period: 'MONTH', speedIn: null, speedOut: null, changeFee: { amount: '0.00', currency: 'UAH' }, from: nextMonth() },
      ],
    });
    expect(codeOf(await client.query(CHANGE, { tariffId: 'Free', key: 'ub-tariff-not-offered' }))).toBe('NOT_ALLOWED');
    expect(forms()).toBe(0);

    const variables = { tariffId: 'Unlim-50', key: 'ub-tariff-once' };
    const [first, second] = await Promise.all([client.query(CHANGE, variables), client.query(CHANGE, variables)]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(first.data?.changeTariff).toEqual({ balance: { amount: '98.45' }, nextTariff: { name: 'Unlim-50' }, nextTariffFrom: nextMonth(), tariffChangeCancellable: false });
    expect(forms()).toBe(1);
    expect(simulator.payments('ivanov').filter((row) => row.note === 'TCHANGE:Unlim-50')).toHaveLength(1);

    // The changer itself would charge and book again: the cabinet does not send it.
    expect(codeOf(await client.query(CHANGE, { tariffId: 'Unlim-300', key: 'ub-tariff-twice' }))).toBe('NOT_ALLOWED');
    expect(codeOf(await client.query(CANCEL, { key: 'ub-tariff-cancel' }))).toBe('NOT_ALLOWED');
    expect(forms()).toBe(1);
    expect(codeOf(await client.query(CHANGE_PASSWORD, { current: password('ivanov'), newPassword: 'another-one-1' }))).toBe('NOT_SUPPORTED');
    expect(codeOf(await client.query(UPDATE_CONTACTS, { email: 'ivanov@example.org' }))).toBe('NOT_SUPPORTED');
  });

  it('offers nothing from a tariff the ISP does not let change', async () => {
    const client = await signedIn(cabinet, 'freeuser', password('freeuser'));
    expect((await client.query(TARIFF)).data?.me.tariffOptions).toEqual([]);
    expect(codeOf(await client.query(CHANGE, { tariffId: 'Unlim-50', key: 'ub-free-tariff' }))).toBe('NOT_ALLOWED');
    expect(forms()).toBe(0);
  });

  it('sends a form that failed on the way never again for its key', async () => {
    const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
    simulator.setFault('http500', 'module');
    const variables = { tariffId: 'Unlim-300', key: 'ub-tariff-failed' };
    expect(codeOf(await client.query(CHANGE, variables))).toBe('UPSTREAM_UNAVAILABLE');
    expect(codeOf(await client.query(CHANGE, variables))).toBe('UPSTREAM_UNAVAILABLE');
    expect(forms()).toBe(1);
    expect(cabinet.audit()[0]).toMatchObject({ action: 'tariff-change', subject: 'Unlim-300', result: 'UPSTREAM_UNAVAILABLE' });
  });
});

describe('tariff change and profile on the older Carbon', () => {
  const cabinet = cabinetPerTest({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_KIND: 'carbon-legacy' } });

  it('has none of them: false in capabilities, no options, NOT_SUPPORTED for the mutations', async () => {
    expect((await new GraphQLClient(cabinet().url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ tariffChange: false, passwordChange: false, contactsChange: false });
    const client = await signedIn(cabinet(), 'kovalenko', 'demo');
    expect((await client.query(TARIFF)).data?.me).toMatchObject({ tariffOptions: [], tariffChangeCancellable: false });
    expect(codeOf(await client.query(CHANGE, { tariffId: '1', key: 'legacy-tariff' }))).toBe('NOT_SUPPORTED');
    expect(codeOf(await client.query(CANCEL, { key: 'legacy-tariff-cancel' }))).toBe('NOT_SUPPORTED');
    expect(codeOf(await client.query(CHANGE_PASSWORD, { current: 'demo', newPassword: 'another-one-1' }))).toBe('NOT_SUPPORTED');
    expect(codeOf(await client.query(UPDATE_CONTACTS, { email: 'k@example.com' }))).toBe('NOT_SUPPORTED');
  });
});
