import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates.js';
import { carbonSeed } from '../../../server/billing/carbon5/demo-data.js';
import { createCarbon5Gateway } from '../../../server/billing/carbon5/gateway.js';
import { startCarbon5Simulator, type Carbon5Simulator } from '../../../server/billing/carbon5/simulator.js';
import type { BillingGateway } from '../../../server/domain/gateway.js';
import { createLogger } from '../../../server/logger.js';
import { DEFAULT_PUSH_SERVICE_HOSTS, type PushEndpointPolicy } from '../../../server/push/endpoint-policy.js';
import { Notifier, type NotifierSettings } from '../../../server/push/notifier.js';
import { generateVapidKeys, WebPushSender } from '../../../server/push/web-push-sender.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/store.js';
import { startFakePushService } from '../../support/fake-push-service.js';

const today = new Date().toISOString().slice(0, 10);
const hourNow = new Date().getUTCHours();
const awake: NotifierSettings = { quietHours: { from: (hourNow + 2) % 24, to: (hourNow + 3) % 24 }, daysLeftAt: [3, 1], timeZone: 'UTC' };

describe('the days-left notifier, end to end to a Web Push service', () => {
  let dir: string;
  let store: Store;
  let simulator: Carbon5Simulator;
  let push: Awaited<ReturnType<typeof startFakePushService>>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'abonent-notifier-'));
    store = openSqliteStore({ dataDir: dir });
    push = await startFakePushService();
    simulator = await startCarbon5Simulator({
      seed: carbonSeed()
        .subscriber({ login: 'THREE', userId: 201, balance: '25.00' })
        .subscriber({ login: 'BLOCKED', userId: 202, balance: '-300.00', blocked: true })
        .subscriber({
          login: 'PLENTY',
          userId: 203,
          balance: '900.00',
          tickets: [{ id: 7, subject: 'Wi-Fi', text: 'Drops every evening', createdAt: `${today} 08:00:00`, closed: false, comments: [] }],
        })
        .subscriber({ login: 'PROMISED', userId: 204, balance: '400.00', promisePay: { amount: '100.00', until: addDays(today, 1) } })
        .subscriber({ login: 'GONE', userId: 205, balance: '8.34' })
        .build(),
    });
  });
  afterEach(async () => {
    await simulator.close();
    await push.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const register = async (login: string, accountId: string, locale: string) =>
    store.push.save({ accountId, login, registration: { kind: 'webpush', ...push.subscription(login) }, locale });

  /** The fake push service is on loopback: only the tests' opt-in lets the sender reach it. */
  const testPolicy: PushEndpointPolicy = { hosts: DEFAULT_PUSH_SERVICE_HOSTS, allowLoopback: true };

  /** Every subscriber blocked, without a billing: for the tests about where and how fast pushes go. */
  const blockedEverywhere = {
    capabilities: { promisePay: true },
    getSubscriber: async () => ({ status: 'BLOCKED', daysLeft: null }),
    getPromisePay: async () => ({ active: null, offers: [] }),
  } as unknown as BillingGateway;

  const notifier = (settings: NotifierSettings = awake, policy = testPolicy, passDeadlineMs?: number, gateway?: BillingGateway) =>
    new Notifier({
      gateway: gateway ?? createCarbon5Gateway({ url: simulator.url, timeoutMs: 3000, currency: 'UAH' }),
      store,
      sender: new WebPushSender({ ...generateVapidKeys(), subject: 'mailto:noc@example.net' }, policy, { tls: { rejectUnauthorized: false } }),
      settings,
      logger: createLogger('silent'),
      passDeadlineMs,
    });

  it('sends each rule once, encrypted, in the subscriber’s language, and not twice the same day', async () => {
    await register('THREE', '201', 'uk-UA');
    await register('BLOCKED', '202', 'en');
    await register('PLENTY', '203', 'en');
    await register('PROMISED', '204', 'ru');
    const first = await notifier().runPass();
    expect(first).toMatchObject({ skipped: null, checked: 4, sent: 3 });
    const byTag = Object.fromEntries(push.received.map((push) => [push.message.tag, push]));
    expect(byTag['days-left']?.message).toMatchObject({ title: 'Залишилось 3 дні послуги', url: '/' });
    expect(byTag['blocked']?.message).toMatchObject({ title: 'Service stopped', url: '/promise-pay' });
    expect((byTag['blocked']?.message.actions as { action: string }[]).map((action) => action.action)).toEqual(['promise-pay', 'top-up']);
    expect(byTag['promise-ends']?.message.title).toBe('Обещанный платёж заканчивается завтра');
    expect(byTag['days-left']?.headers['content-encoding']).toBe('aes128gcm');
    expect(String(byTag['days-left']?.headers.authorization)).toMatch(/^vapid t=[\w.-]+, ?k=[\w-]+$/);

    const second = await notifier().runPass();
    expect(second.sent).toBe(0);
    expect(push.received).toHaveLength(3);
  });

  it('tells once when support answers, opening that conversation; answers from before the first look are old news', async () => {
    await register('PLENTY', '203', 'uk');
    expect((await notifier().runPass()).sent).toBe(0);
    simulator.answerTicket('PLENTY', 7, 'We changed the channel of your router.');
    expect((await notifier().runPass()).sent).toBe(1);
    expect(push.received[0]?.message).toMatchObject({ title: 'Підтримка відповіла', url: '/support?ticket=7', tag: 'support-7' });
    expect((await notifier().runPass()).sent).toBe(0);
  });

  it('stays silent in quiet hours', async () => {
    await register('THREE', '201', 'en');
    const quiet = await notifier({ ...awake, quietHours: { from: hourNow, to: (hourNow + 1) % 24 } }).runPass();
    expect(quiet.skipped).toBe('quiet-hours');
    expect(push.received).toHaveLength(0);
  });

  it('removes a subscription the push service says is gone (410)', async () => {
    await register('GONE', '205', 'en');
    push.answerWith(410);
    const pass = await notifier().runPass();
    expect(pass.removed).toBe(1);
    expect(await store.push.listFor('205')).toEqual([]);
  });

  it('runs one pass at a time', async () => {
    await register('THREE', '201', 'en');
    const [a, b] = await Promise.all([notifier().runPass(), notifier().runPass()]);
    expect([a.skipped, b.skipped].filter((skip) => skip === 'another-pass-running')).toHaveLength(1);
    expect(push.received).toHaveLength(1);
  });

  it('sends nothing to an endpoint that is not a public push service, and removes it', async () => {
    // Kept from before endpoints were checked: the fake service is on loopback, which production never reaches.
    await register('THREE', '201', 'en');
    const pass = await notifier(awake, { hosts: DEFAULT_PUSH_SERVICE_HOSTS, allowLoopback: false }, undefined, blockedEverywhere).runPass();
    expect(pass).toMatchObject({ sent: 0, removed: 1 });
    expect(push.received).toHaveLength(0);
    expect(await store.push.listFor('201')).toEqual([]);
  });

  it('is not stalled by a subscriber whose push service never answers', { timeout: 30_000 }, async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      for (let device = 0; device < 10; device += 1) {
        await store.push.save({ accountId: '202', login: 'BLOCKED', registration: { kind: 'webpush', endpoint: `https://127.0.0.1:${port}/push/${device}`, keys: push.subscription().keys }, locale: 'en' });
      }
      await register('THREE', '201', 'en');
      const started = performance.now();
      const pass = await notifier(awake, testPolicy, undefined, blockedEverywhere).runPass();
      expect(performance.now() - started).toBeLessThan(9000);
      expect(pass).toMatchObject({ checked: 2, sent: 1, unfinished: 0 });
      expect(push.received.map((received) => received.message.tag)).toEqual(['blocked']);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('stops starting work at its deadline and says how many subscribers it did not reach', async () => {
    await register('THREE', '201', 'en');
    await register('BLOCKED', '202', 'en');
    const pass = await notifier(awake, testPolicy, 0, blockedEverywhere).runPass();
    expect(pass).toMatchObject({ checked: 0, sent: 0, unfinished: 2 });
    expect(push.received).toHaveLength(0);
  });
});
