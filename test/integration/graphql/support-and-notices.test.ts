import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UbillingSimulator } from '../../../server/billing/ubilling/simulator.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import { cabinetPerTest, signedIn, startUbillingCabinet, type TestCabinet } from '../../support/cabinet.js';
import { codeOf, GraphQLClient } from '../../support/graphql-client.js';

const CAPABILITIES = /* GraphQL */ `
  query Capabilities { cabinet { capabilities { tickets announcements } } }
`;
const TICKETS = /* GraphQL */ `
  query Tickets { me { tickets { id subject status createdAt } } }
`;
const TICKET = /* GraphQL */ `
  query Ticket($id: ID!) { me { ticket(id: $id) { id subject status createdAt messages { from text at } } } }
`;
const CREATE_TICKET = /* GraphQL */ `
  mutation CreateTicket($subject: String, $text: String!) {
    createTicket(subject: $subject, text: $text) { id subject status messages { from text } }
  }
`;
const REPLY = /* GraphQL */ `
  mutation Reply($id: ID!, $text: String!) { replyToTicket(ticketId: $id, text: $text) { id status messages { from text } } }
`;
const ANNOUNCEMENTS = /* GraphQL */ `
  query Announcements { me { announcements { id title text at read } } }
`;
const MARK_READ = /* GraphQL */ `
  mutation MarkRead { markAnnouncementsRead }
`;


/** What an operator's `npm run announce` does: a notice in the cabinet's own store. */
async function announce(cabinet: TestCabinet, title: string, body: string, until: string | null = null) {
  const store = openSqliteStore({ dataDir: cabinet.dataDir });
  try {
    return await store.notices.publish({ title, body, until });
  } finally {
    await store.close();
  }
}

describe('support conversations and notices on Carbon 5, through GraphQL', () => {
  const cabinet = cabinetPerTest({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });

  it('lists the conversations, writes, replies, and shows the ISP’s answer; texts stay text', async () => {
    expect((await new GraphQLClient(cabinet().url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ tickets: true, announcements: true });
    const client = await signedIn(cabinet(), 'BILL0000101', 'demo');
    const listed = (await client.query(TICKETS)).data?.me.tickets;
    expect(listed).toEqual([
      expect.objectContaining({ id: '3101', subject: 'Повільний інтернет увечері', status: 'OPEN' }),
      expect.objectContaining({ id: '3050', status: 'CLOSED' }),
    ]);
    const first = (await client.query(TICKET, { id: '3101' })).data?.me.ticket;
    expect(first.messages.map((message: { from: string }) => message.from)).toEqual(['SUBSCRIBER', 'ISP']);

    const text = 'Роутер <b>блимає</b> червоним & не вмикається\nЩо робити?';
    const created = await client.query(CREATE_TICKET, { subject: '  Немає інтернету  ', text });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createTicket).toMatchObject({ subject: 'Немає інтернету', status: 'OPEN', messages: [{ from: 'SUBSCRIBER', text }] });
    const id = created.data?.createTicket.id;

    const replied = await client.query(REPLY, { id, text: 'Індикатор LOS горить.' });
    expect(replied.errors).toBeUndefined();
    expect(replied.data?.replyToTicket.messages).toHaveLength(2);

    cabinet().simulator.answerTicket('BILL0000101', Number(id), 'Виїжджаємо сьогодні до 18:00.');
    const answered = (await client.query(TICKET, { id })).data?.me.ticket;
    expect(answered.messages.at(-1)).toMatchObject({ from: 'ISP', text: 'Виїжджаємо сьогодні до 18:00.' });
    expect((await client.query(TICKET, { id: '777777' })).data?.me.ticket).toBeNull();
  });

  it('refuses a closed conversation, someone else’s, bad text and a flood; a garbled billing answer is a clear error', async () => {
    const client = await signedIn(cabinet(), 'BILL0000102', 'demo');
    // 3101 and 3050 are BILL0000101's: for BILL0000102 they do not exist, and nothing is sent on.
    expect(codeOf(await client.query(REPLY, { id: '3101', text: 'hello' }))).toBe('NOT_ALLOWED');
    expect(cabinet().simulator.account('BILL0000101').tickets.find((ticket) => ticket.id === 3101)?.comments).toHaveLength(1);
    expect(codeOf(await client.query(CREATE_TICKET, { text: '   ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(CREATE_TICKET, { text: 'x'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.query(CREATE_TICKET, { subject: 'a\u0007b', text: 'ok' }))).toBe('BAD_USER_INPUT');

    const owner = await signedIn(cabinet(), 'BILL0000101', 'demo');
    expect(codeOf(await owner.query(REPLY, { id: '3050', text: 'Ще питання' }))).toBe('NOT_ALLOWED');

    cabinet().simulator.setFault('garbage');
    expect(codeOf(await client.query(CREATE_TICKET, { text: 'Через збій' }))).toBe('UPSTREAM_ERROR');
    cabinet().simulator.setFault(null);

    const outcomes: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 11; attempt++) outcomes.push(codeOf(await client.query(CREATE_TICKET, { text: `Повідомлення ${attempt}` })));
    expect(outcomes.filter((code) => code === undefined).length).toBeLessThanOrEqual(10);
    expect(outcomes.at(-1)).toBe('RATE_LIMITED');
    expect(cabinet().simulator.account('BILL0000102').tickets.length).toBeLessThanOrEqual(10);
    expect(cabinet().audit().filter((entry) => entry.action === 'ticket-create' && entry.login === 'BILL0000102').length).toBeGreaterThanOrEqual(11);
  });

  it('shows the ISP’s own notices, newest first, unread until marked read; expired ones are gone', async () => {
    await announce(cabinet(), 'Old', 'Gone already', new Date(Date.now() - 60_000).toISOString());
    await announce(cabinet(), 'Роботи на мережі', 'Вночі з 2 до 4 можливі перерви.');
    const latest = await announce(cabinet(), 'Нові тарифи', '<b>not html</b>');
    const client = await signedIn(cabinet(), 'BILL0000101', 'demo');
    const before = (await client.query(ANNOUNCEMENTS)).data?.me.announcements;
    expect(before.map((notice: { title: string }) => notice.title)).toEqual(['Нові тарифи', 'Роботи на мережі']);
    expect(before[0]).toMatchObject({ id: `cabinet-${latest.id}`, text: '<b>not html</b>', read: false, at: latest.publishedAt });
    expect((await client.query(MARK_READ)).data?.markAnnouncementsRead).toBe(true);
    expect((await client.query(ANNOUNCEMENTS)).data?.me.announcements.every((notice: { read: boolean }) => notice.read)).toBe(true);
    // Read marks are per subscriber.
    const other = await signedIn(cabinet(), 'BILL0000102', 'demo');
    expect((await other.query(ANNOUNCEMENTS)).data?.me.announcements.every((notice: { read: boolean }) => !notice.read)).toBe(true);
  });
});

describe('support conversations and notices on Ubilling, through GraphQL', () => {
  const SERIAL = 'UBsupportserial0123456789abcdef01';
  let simulator: UbillingSimulator;
  let cabinet: TestCabinet;
  const start = async (userstats: boolean) => {
    ({ simulator, cabinet } = await startUbillingCabinet(SERIAL, userstats ? {} : { UBILLING_USERSTATS_URL: '' }));
  };
  afterEach(async () => {
    await cabinet.close();
    await simulator.close();
  });
  const password = (login: string) => simulator.demoLogins.find((demo) => demo.login === login)!.password;

  describe('with userstats (XMLAgent)', () => {
    beforeEach(() => start(true));

    it('threads XMLAgent’s rows into conversations, writes base64 text, replies only into own open ones', async () => {
      const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
      const listed = (await client.query(TICKETS)).data?.me.tickets;
      expect(listed).toEqual([
        expect.objectContaining({ id: '41', subject: 'Не працює IPTV на другому телевізорі.', status: 'OPEN' }),
        expect.objectContaining({ id: '30', status: 'CLOSED' }),
      ]);
      const thread = (await client.query(TICKET, { id: '41' })).data?.me.ticket;
      expect(thread.messages.map((message: { from: string }) => message.from)).toEqual(['SUBSCRIBER', 'ISP']);

      const created = await client.query(CREATE_TICKET, { subject: 'Рахунок', text: 'Потрібен акт + рахунок / з ПДВ = 100%' });
      expect(created.errors).toBeUndefined();
      const id = created.data?.createTicket.id;
      const row = simulator.tickets().find((ticket) => String(ticket.id) === id);
      expect(row).toMatchObject({ from: 'ivanov', replyid: null, text: 'Рахунок\n\nПотрібен акт + рахунок / з ПДВ = 100%' });

      expect((await client.query(REPLY, { id, text: 'Дякую' })).data?.replyToTicket.messages).toHaveLength(2);
      simulator.answerTicket('ivanov', Number(id), 'Надіслали на пошту.');
      expect((await client.query(TICKET, { id })).data?.me.ticket.messages.at(-1)).toMatchObject({ from: 'ISP', text: 'Надіслали на пошту.' });

      // XMLAgent would post into a closed thread or anyone's: the BFF does not let it.
      const rows = simulator.tickets().length;
      expect(codeOf(await client.query(REPLY, { id: '30', text: 'Ще одне' }))).toBe('NOT_ALLOWED');
      const stranger = await signedIn(cabinet, 'petrenko', password('petrenko'));
      expect(codeOf(await stranger.query(REPLY, { id: '41', text: 'Чужа розмова' }))).toBe('NOT_ALLOWED');
      expect(simulator.tickets()).toHaveLength(rows);
    });

    it('shows Ubilling’s announcements as plain text after the cabinet’s own, and marks them all read', async () => {
      await announce(cabinet, 'Аварія', 'Ремонт магістралі до 15:00.');
      const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
      const notices = (await client.query(ANNOUNCEMENTS)).data?.me.announcements;
      expect(notices.map((notice: { title: string }) => notice.title)).toEqual(['Аварія', 'Планові роботи', 'Нові тарифи']);
      const html = notices[1];
      expect(html).toMatchObject({ id: '2', at: null, read: false });
      expect(html.text).toBe('У ніч на суботу з 02:00 до 04:00 можливі перерви в роботі інтернету.\nВибачте за незручності.');
      expect((await client.query(MARK_READ)).errors).toBeUndefined();
      expect((await client.query(ANNOUNCEMENTS)).data?.me.announcements.map((notice: { read: boolean }) => notice.read)).toEqual([true, true, true]);
    });

    it('keeps the notices of the cabinet when Ubilling fails to list its own', async () => {
      await announce(cabinet, 'Аварія', 'Ремонт.');
      const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
      simulator.setFault('garbage', 'announcements');
      const response = await client.query(ANNOUNCEMENTS);
      simulator.setFault(null);
      expect(response.errors).toBeUndefined();
      expect(response.data?.me.announcements.map((notice: { title: string }) => notice.title)).toEqual(['Аварія']);
    });
  });

  it('without userstats there are no conversations: false in capabilities, NOT_SUPPORTED to write', async () => {
    await start(false);
    expect((await new GraphQLClient(cabinet.url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ tickets: false, announcements: true });
    const client = await signedIn(cabinet, 'ivanov', password('ivanov'));
    expect((await client.query(TICKETS)).data?.me.tickets).toEqual([]);
    expect(codeOf(await client.query(CREATE_TICKET, { text: 'Привіт' }))).toBe('NOT_SUPPORTED');
  });
});

describe('support conversations on the older Carbon', () => {
  const cabinet = cabinetPerTest({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_KIND: 'carbon-legacy' } });

  it('has none (the PWA shows the ISP’s contacts), but shows the ISP’s notices', async () => {
    expect((await new GraphQLClient(cabinet().url).query(CAPABILITIES)).data?.cabinet.capabilities).toEqual({ tickets: false, announcements: true });
    await announce(cabinet(), 'Notice', 'Body');
    const client = await signedIn(cabinet(), 'kovalenko', 'demo');
    expect((await client.query(TICKETS)).data?.me.tickets).toEqual([]);
    expect(codeOf(await client.query(REPLY, { id: '1', text: 'Hi' }))).toBe('NOT_SUPPORTED');
    expect((await client.query(ANNOUNCEMENTS)).data?.me.announcements).toEqual([expect.objectContaining({ title: 'Notice', read: false })]);
  });
});
