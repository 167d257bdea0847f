import { describe, expect, it } from 'vitest';
import { cabinetsClosedAfterEach } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { CONNECTION, HISTORY, LOGIN } from '../../support/operations.js';

/** Everything the billing knows about the connection, over HTTP against each billing's demo simulator. */
describe('the subscriber profile, through GraphQL', () => {
  const startCabinet = cabinetsClosedAfterEach();

  async function profileOn(billingKind: string | null, login: string, password: string) {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', ...(billingKind ? { BILLING_KIND: billingKind } : {}) } });
    const client = new GraphQLClient(cabinet.url);
    expect((await client.query(LOGIN, { login, password })).errors).toBeUndefined();
    const { data, errors } = await client.query(CONNECTION);
    expect(errors).toBeUndefined();
    return data!;
  }

  it('on Carbon 5: addresses, contract and connection dates and the payment id; no traffic and no online state', async () => {
    const data = await profileOn(null, 'BILL0000101', 'demo');
    expect(data.cabinet.capabilities).toEqual({ charges: true, invoices: true, traffic: false });
    expect(data.me).toMatchObject({
      ipAddresses: ['10.20.0.101'],
      macAddresses: ['00:1a:2b:00:00:65'],
      contractDate: '2021-02-26',
      connectedSince: '2021-03-01',
      paymentId: '10000101',
      online: null,
      lastSeenOnline: null,
      trafficThisMonth: null,
      tariff: { includedTrafficMb: null },
    });
  });

  it('on the older Carbon: the IP from its INTEGER, the MAC, LOGGED as online and CREATE_DATE', async () => {
    const data = await profileOn('carbon-legacy', 'ivanov', 'demo');
    expect(data.cabinet.capabilities).toEqual({ charges: true, invoices: false, traffic: false });
    expect(data.me).toMatchObject({
      ipAddresses: ['10.30.3.233'],
      macAddresses: ['00:1a:2b:3c:03:e9'],
      online: true,
      connectedSince: '2019-03-01',
      contractDate: null,
      paymentId: 'Д-1001',
      trafficThisMonth: null,
    });
  });

  it('on Ubilling: the IP, the contract date, this month’s traffic in bytes and the payment id; no MAC', async () => {
    const data = await profileOn('ubilling', 'ivanov', 'ivanov-demo');
    expect(data.cabinet.capabilities).toEqual({ charges: true, invoices: false, traffic: true });
    expect(data.me).toMatchObject({
      ipAddresses: ['172.16.0.15'],
      macAddresses: [],
      contractDate: '2023-01-15',
      trafficThisMonth: { downloadBytes: '13249974108', uploadBytes: '1288490189' },
      online: null,
    });
    expect(data.me.paymentId).toMatch(/^\d+$/);
  });
});

describe('charges and what each month cost, through GraphQL', () => {
  const startCabinet = cabinetsClosedAfterEach();

  /** Starts a cabinet with `env`, signs in and reads the charges since the 1st of this month, the twelve months and the payments. */
  async function thisMonthsChargesOn(env: Record<string, string>, login: string, password: string) {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', ...env } });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login, password });
    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const answer = await client.query(
      `query ($from: Date) { cabinet { capabilities { charges } } me {
        charges(from: $from) { amount { amount currency } name kind note }
        monthlySpend { month total { amount } items { name kind amount { amount } } }
        payments { amount { amount } } } }`,
      { from: `${thisMonth}-01` },
    );
    return { ...answer, thisMonth };
  }

  it('on the older Carbon: CLN_FIN_OPER write-offs as positive charges, payments apart, twelve months with the empty ones at 0', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_KIND: 'carbon-legacy' } });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: 'ivanov', password: 'demo' });
    const { data, errors } = await client.query(HISTORY);
    expect(errors).toBeUndefined();
    expect(data!.me.charges).toEqual([expect.objectContaining({ amount: { amount: '10.00', currency: 'UAH' }, name: 'Абонентская плата', kind: 'OTHER' })]);
    expect(data!.me.payments.every((payment: { amount: { amount: string } }) => Number(payment.amount.amount) > 0)).toBe(true);
    const months = data!.me.monthlySpend;
    expect(months).toHaveLength(12);
    expect(months.map((month: { total: { amount: string } }) => month.total.amount).filter((total: string) => total !== '0.00')).toEqual(['10.00']);
    expect((await client.query(HISTORY, { months: 13 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('on Carbon 5: ArchAccountStack write-offs (the storno left out) as charges and twelve months of tariff and services', async () => {
    const { data, errors, thisMonth } = await thisMonthsChargesOn({}, 'BILL0000101', 'demo');
    expect(errors).toBeUndefined();
    expect(data!.cabinet.capabilities.charges).toBe(true);
    // Carbon writes the month's fees on the 1st, the tariff first: newest first they come in reverse.
    expect(data!.me.charges).toEqual([
      { amount: { amount: '30.00', currency: 'UAH' }, name: 'Оренда роутера', kind: 'SERVICE', note: null },
      { amount: { amount: '50.00', currency: 'UAH' }, name: 'Статична IP-адреса', kind: 'SERVICE', note: null },
      { amount: { amount: '250.00', currency: 'UAH' }, name: 'Домашній 100', kind: 'TARIFF', note: null },
    ]);
    const months = data!.me.monthlySpend as { month: string; total: { amount: string }; items: { name: string; kind: string; amount: { amount: string } }[] }[];
    expect(months).toHaveLength(12);
    expect(months.at(-1)!.month).toBe(thisMonth);
    // Every month the same 330.00: last month's tariff charged twice and reversed counts once.
    for (const month of months) {
      expect(month.total.amount).toBe('330.00');
      expect(month.items).toEqual([
        { name: 'Домашній 100', kind: 'TARIFF', amount: { amount: '250.00' } },
        { name: 'Статична IP-адреса', kind: 'SERVICE', amount: { amount: '50.00' } },
        { name: 'Оренда роутера', kind: 'SERVICE', amount: { amount: '30.00' } },
      ]);
    }
  });

  it('on Ubilling: XMLAgent feecharges as tariff and service charges, twelve months, and payments only money in', async () => {
    const { data, errors, thisMonth } = await thisMonthsChargesOn({ BILLING_KIND: 'ubilling' }, 'ivanov', 'ivanov-demo');
    expect(errors).toBeUndefined();
    expect(data!.cabinet.capabilities.charges).toBe(true);
    // The demo books the month's fees on the 1st: the tariff's at 00:00:05, each service's a little after 00:10.
    expect(data!.me.charges).toEqual([
      { amount: { amount: '30.00', currency: 'UAH' }, name: 'Кіно', kind: 'SERVICE', note: null },
      { amount: { amount: '50.00', currency: 'UAH' }, name: 'IPTV', kind: 'SERVICE', note: null },
      { amount: { amount: '150.00', currency: 'UAH' }, name: '', kind: 'TARIFF', note: null },
    ]);
    const months = data!.me.monthlySpend as { month: string; total: { amount: string } }[];
    expect(months).toHaveLength(12);
    expect(months.at(-1)!.month).toBe(thisMonth);
    expect(months.map((month) => month.total.amount)).toEqual([...Array(8).fill('200.00'), ...Array(4).fill('230.00')]);
    // Ubilling books the services' charges as negative payments: none of them is a payment here.
    expect(data!.me.payments.map((payment: { amount: { amount: string } }) => payment.amount.amount)).toEqual(['100.00', '200.00', '150.00']);
  });

  it('on Ubilling: a subscriber the billing charged nothing gets no charges and twelve months at 0', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_KIND: 'ubilling' } });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: 'freeuser', password: 'freeuser-demo' });
    const { data, errors } = await client.query(HISTORY);
    expect(errors).toBeUndefined();
    expect(data!.me.charges).toEqual([]);
    expect(data!.me.monthlySpend.map((month: { total: { amount: string }; items: unknown[] }) => [month.total.amount, month.items.length])).toEqual(Array(12).fill(['0.00', 0]));
  });

  it('on Ubilling: a month without charges (the paused one) costs 0 between months that cost the tariff', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_KIND: 'ubilling' } });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: 'sydorenko', password: 'sydorenko-demo' });
    const { data, errors } = await client.query(HISTORY);
    expect(errors).toBeUndefined();
    expect(data!.me.monthlySpend.map((month: { total: { amount: string } }) => month.total.amount)).toEqual([
      ...Array(8).fill('100.00'),
      '0.00',
      ...Array(3).fill('100.00'),
    ]);
  });
});

describe('invoices, through GraphQL', () => {
  const startCabinet = cabinetsClosedAfterEach();

  const INVOICES = /* GraphQL */ `
    query { cabinet { capabilities { invoices } } me { invoices { number date periodEnd total { amount currency } lines { name amount { amount } quantity } } } }
  `;

  async function invoicesOn(env: Record<string, string>, login: string, password: string) {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', ...env } });
    const client = new GraphQLClient(cabinet.url);
    expect((await client.query(LOGIN, { login, password })).errors).toBeUndefined();
    return client.query(INVOICES);
  }

  it('on Carbon 5: a year of FinanceOperations invoices, newest first, each with its FinanceOperationsDetail lines', async () => {
    const { data, errors } = await invoicesOn({}, 'BILL0000101', 'demo');
    expect(errors).toBeUndefined();
    expect(data!.cabinet.capabilities.invoices).toBe(true);
    const invoices = data!.me.invoices as { number: string; date: string; periodEnd: string; total: { amount: string }; lines: unknown[] }[];
    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    expect(invoices.length).toBeGreaterThanOrEqual(11);
    expect(invoices[0]).toEqual({
      number: `10000101-${thisMonth.replace('-', '')}`,
      date: `${thisMonth}-01`,
      periodEnd: expect.stringMatching(new RegExp(`^${thisMonth}-(28|29|30|31)$`)),
      total: { amount: '330.00', currency: 'UAH' },
      lines: [
        { name: 'Домашній 100', amount: { amount: '250.00' }, quantity: '1.000' },
        { name: 'Статична IP-адреса', amount: { amount: '50.00' }, quantity: '1.000' },
        { name: 'Оренда роутера', amount: { amount: '30.00' }, quantity: '1.000' },
      ],
    });
    expect(invoices.map((invoice) => invoice.date)).toEqual([...invoices.map((invoice) => invoice.date)].sort().reverse());
  });

  it('on Carbon 5: an answer the adapter cannot read is UPSTREAM_ERROR, never a made-up invoice', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: 'BILL0000101', password: 'demo' });
    cabinet.simulator.setFault('garbage');
    const { errors } = await client.query('query { me { invoices { number } } }');
    expect(errors?.[0]?.extensions?.code).toMatch(/^UPSTREAM_(ERROR|UNAVAILABLE)$/);
  });

  it('on Ubilling and the older Carbon: no invoices and the capability false', async () => {
    for (const [kind, login, password] of [['ubilling', 'ivanov', 'ivanov-demo'], ['carbon-legacy', 'ivanov', 'demo']] as const) {
      const { data, errors } = await invoicesOn({ BILLING_KIND: kind }, login, password);
      expect(errors).toBeUndefined();
      expect(data).toEqual({ cabinet: { capabilities: { invoices: false } }, me: { invoices: [] } });
    }
  });
});
