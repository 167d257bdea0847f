import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carbonSeed, shiftDate } from '../../../server/billing/carbon5/demo-data.js';
import { createCarbon5Gateway } from '../../../server/billing/carbon5/gateway.js';
import { startCarbon5Simulator, type Carbon5Simulator } from '../../../server/billing/carbon5/simulator.js';
import { createLogger } from '../../../server/logger.js';
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
        .subscriber({ login: 'PLENTY', userId: 203, balance: '900.00' })
        .subscriber({ login: 'PROMISED', userId: 204, balance: '400.00', promisePay: { amount: '100.00', until: shiftDate(today, 1) } })
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

  const notifier = (settings: NotifierSettings = awake) =>
    new Notifier({
      gateway: createCarbon5Gateway({ url: simulator.url, timeoutMs: 3000, currency: 'UAH' }),
      store,
      sender: new WebPushSender({ ...generateVapidKeys(), subject: 'mailto:noc@example.net' }, new Agent({ rejectUnauthorized: false })),
      settings,
      logger: createLogger('silent'),
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
});
