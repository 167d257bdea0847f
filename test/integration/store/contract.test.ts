import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSharedStore } from '../../../server/store/combined.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { AuditEntry, Store } from '../../../server/store/store.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, isolatedPlace, missingServers, removePlace, reportMissing } from './servers.js';

/**
 * One contract, every implementation: what the BFF relies on from its store holds for the SQLite
 * file and for Redis + PostgreSQL alike. Each implementation is opened twice over the same state,
 * as two instances would, so "shared" is tested and not assumed. Real clocks and short lives.
 */
interface Implementation {
  name: string;
  /** Opens one more store over the same state. */
  open(): Promise<Store>;
  cleanUp(): Promise<void>;
}

const missing = await missingServers();

function sqlite(): Implementation {
  const dir = mkdtempSync(join(tmpdir(), 'abonent-contract-'));
  return {
    name: 'SQLite',
    open: async () => openSqliteStore({ dataDir: dir }),
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function shared(): Implementation {
  const place = isolatedPlace();
  return {
    name: 'Redis + PostgreSQL',
    open: () => openSharedStore({ redisUrl: TEST_REDIS_URL, redisKeyPrefix: place.keyPrefix, databaseUrl: TEST_DATABASE_URL, databaseSchema: place.schema }),
    cleanUp: () => removePlace(place),
  };
}

const implementations = [sqlite(), ...(missing ? [] : [shared()])];
reportMissing(missing);
afterAll(async () => {
  await Promise.all(implementations.map((implementation) => implementation.cleanUp()));
});

describe.each(implementations)('$name store', (implementation) => {
  let one: Store;
  let other: Store;
  let run = 0;
  /** Keys of this test's own: the state is shared by every test of the implementation. */
  const key = (name: string) => `contract-${run}-${name}`;

  beforeEach(async () => {
    run += 1;
    [one, other] = await Promise.all([implementation.open(), implementation.open()]);
  });
  afterEach(async () => {
    await Promise.all([one.close(), other.close()]);
  });

  it('keeps JSON values until their time to live ends, for every instance', async () => {
    expect(await one.ephemeral.get(key('missing'))).toBeNull();
    await one.ephemeral.set(key('a'), { n: 1, text: 'ґ' }, 1);
    expect(await other.ephemeral.get(key('a'))).toEqual({ n: 1, text: 'ґ' });
    await other.ephemeral.set(key('a'), [2], 1);
    expect(await one.ephemeral.get(key('a'))).toEqual([2]);
    await sleep(1100);
    expect(await one.ephemeral.get(key('a'))).toBeNull();
  });

  it('deletes', async () => {
    await one.ephemeral.set(key('gone'), 'x', 60);
    await other.ephemeral.delete(key('gone'));
    expect(await one.ephemeral.get(key('gone'))).toBeNull();
  });

  it('setIfAbsent lets exactly one of many racing instances store, and another after expiry', async () => {
    const tries = Array.from({ length: 20 }, (_, index) => (index % 2 ? one : other).ephemeral.setIfAbsent(key('k'), index, 1));
    const stored = (await Promise.all(tries)).filter(Boolean);
    expect(stored).toHaveLength(1);
    await sleep(1100);
    expect(await other.ephemeral.setIfAbsent(key('k'), 'again', 60)).toBe(true);
    expect(await one.ephemeral.get(key('k'))).toBe('again');
  });

  it('counts atomically across instances, in a window that starts at the first increment', async () => {
    const counts = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? one : other).ephemeral.increment(key('c'), 1.5)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await one.ephemeral.increment(key('c'), 1.5)).toBe(21);
    await sleep(1600);
    expect(await one.ephemeral.increment(key('c'), 1.5)).toBe(1);
  });

  it('counts the members of an expiring set, each member once, each expiring on its own', async () => {
    await one.ephemeral.noteMember(key('set'), 'a', 1);
    await other.ephemeral.noteMember(key('set'), 'b', 60);
    await one.ephemeral.noteMember(key('set'), 'b', 60);
    expect(await other.ephemeral.countMembers(key('set'))).toBe(2);
    await sleep(1100);
    expect(await one.ephemeral.countMembers(key('set'))).toBe(1);
    expect(await one.ephemeral.countMembers(key('empty'))).toBe(0);
  });

  it('rate limiters of two instances count together, block, and forget on delete', async () => {
    const options = { keyPrefix: key('limit'), points: 3, durationSeconds: 60 };
    const [first, second] = [one.limiter(options), other.limiter(options)];
    await first.consume('login|addr');
    await second.consume('login|addr');
    await first.consume('login|addr');
    const refused = await second.consume('login|addr').catch((rejection: unknown) => rejection);
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(50_000);
    await first.consume('another|addr');
    await second.delete('login|addr');
    await first.consume('login|addr');
  });

  it('withLock runs one holder at a time across instances, and is free again after', async () => {
    let running = 0;
    let most = 0;
    const pass = async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(150);
      running -= 1;
      return 'done';
    };
    const outcomes = await Promise.all([one.withLock(key('lock'), 5, pass), other.withLock(key('lock'), 5, pass), one.withLock(key('lock'), 5, pass)]);
    expect(outcomes.filter((outcome) => outcome.ran)).toEqual([{ ran: true, value: 'done' }]);
    expect(most).toBe(1);
    expect(await other.withLock(key('lock'), 5, pass)).toEqual({ ran: true, value: 'done' });
  });

  it('withLock renews a lock held longer than its time to live, and frees it when the holder fails', async () => {
    const holding = one.withLock(key('long'), 0.6, async (signal) => {
      await sleep(1500);
      return signal.aborted;
    });
    await sleep(900);
    expect(await other.withLock(key('long'), 0.6, async () => 'stolen')).toEqual({ ran: false });
    expect(await holding).toEqual({ ran: true, value: false });
    await expect(other.withLock(key('failing'), 5, () => Promise.reject(new Error('the pass broke')))).rejects.toThrow('the pass broke');
    expect(await one.withLock(key('failing'), 5, async () => 'free')).toEqual({ ran: true, value: 'free' });
  });

  it('binds push registrations to their subscriber and lists the subscribers it holds', async () => {
    const account = key('acc');
    const webpush = { kind: 'webpush' as const, endpoint: `https://push.example/${account}`, keys: { p256dh: 'p', auth: 'a' } };
    await one.push.save({ accountId: account, login: 'a-login', registration: { kind: 'native', token: `tok-${account}`, platform: 'FCM' }, locale: 'uk' });
    await other.push.save({ accountId: account, login: 'a-login', registration: webpush, locale: null });
    expect(await one.push.remove(`${account}-other`, `tok-${account}`)).toBe(false);
    const listed = await other.push.listFor(account);
    expect(listed.map((entry) => entry.registration)).toEqual([{ kind: 'native', token: `tok-${account}`, platform: 'FCM' }, webpush]);
    expect(listed[0]).toMatchObject({ accountId: account, login: 'a-login', locale: 'uk' });
    expect(Number.isNaN(Date.parse(listed[0]!.createdAt))).toBe(false);
    expect(await one.push.accounts()).toContainEqual({ accountId: account, login: 'a-login' });
    expect(await one.push.remove(account, `tok-${account}`)).toBe(true);
    expect(await other.push.listFor(account)).toHaveLength(1);
  });

  it('keeps a push address with the subscriber who registered it, and caps each subscriber at 10', async () => {
    const address = `tok-kept-${key('x')}`;
    expect(await one.push.save({ accountId: key('first'), login: 'first', registration: { kind: 'native', token: address, platform: 'APNS' }, locale: null })).toBe('saved');
    expect(await other.push.save({ accountId: key('second'), login: 'second', registration: { kind: 'native', token: address, platform: 'APNS' }, locale: 'en' })).toBe('taken');
    expect(await one.push.listFor(key('second'))).toEqual([]);
    expect(await one.push.listFor(key('first'))).toMatchObject([{ login: 'first', locale: null }]);
    expect(await other.push.save({ accountId: key('first'), login: 'first', registration: { kind: 'native', token: address, platform: 'APNS' }, locale: 'uk' })).toBe('saved');
    expect(await one.push.listFor(key('first'))).toMatchObject([{ locale: 'uk' }]);
    const many = key('many');
    for (let device = 0; device < 10; device += 1) {
      expect(await one.push.save({ accountId: many, login: 'many', registration: { kind: 'native', token: `tok-${many}-${device}`, platform: 'FCM' }, locale: null })).toBe('saved');
    }
    expect(await other.push.save({ accountId: many, login: 'many', registration: { kind: 'native', token: `tok-${many}-10`, platform: 'FCM' }, locale: null })).toBe('limit');
    expect(await other.push.save({ accountId: many, login: 'many', registration: { kind: 'native', token: `tok-${many}-3`, platform: 'FCM' }, locale: 'en' })).toBe('saved');
    expect(await one.push.listFor(many)).toHaveLength(10);
  });

  it('holds the cap of 10 when 20 devices of one subscriber register at once through two instances', async () => {
    const crowd = key('crowd');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, device) =>
        (device % 2 ? one : other).push.save({ accountId: crowd, login: 'crowd', registration: { kind: 'native', token: `tok-${crowd}-${device}`, platform: 'FCM' }, locale: null }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'saved')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome === 'limit')).toHaveLength(10);
    expect(await one.push.listFor(crowd)).toHaveLength(10);
  });

  it('keeps the audit log, newest first, as recorded', async () => {
    const entries: AuditEntry[] = [1, 2, 3].map((n) => ({
      at: new Date(Date.UTC(2026, 10, 22, 10, 0, n, 250)).toISOString(),
      action: n === 2 ? 'promise-pay' : 'sign-in',
      login: n === 3 ? null : `login-${run}`,
      address: '203.0.113.7',
      subject: n === 2 ? '144' : null,
      result: n === 1 ? 'INVALID_CREDENTIALS' : 'ok',
    }));
    for (const entry of entries) await (entry.action === 'promise-pay' ? other : one).audit.record(entry);
    expect(await other.audit.recent(3)).toEqual([...entries].reverse());
  });

  it('makes a setting once: racing instances agree on the first one stored', async () => {
    const name = key('vapid');
    const made = await Promise.all([
      one.settings.getOrCreate(name, async () => ({ made: 'by one' })),
      other.settings.getOrCreate(name, async () => ({ made: 'by other' })),
    ]);
    expect(made[0]).toEqual(made[1]);
    let called = false;
    const again = await one.settings.getOrCreate(name, () => {
      called = true;
      return { made: 'late' };
    });
    expect(again).toEqual(made[0]);
    expect(called).toBe(false);
  });

  it('keeps the ISP’s notices for every instance, newest first, until they end, and hands each to one push', async () => {
    const now = new Date();
    const later = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const ended = await one.notices.publish({ title: 'Роботи вчора', body: 'Закінчено', until: later(-60_000) });
    const outage = await one.notices.publish({ title: 'Планові роботи', body: 'Вночі з 02:00 до 04:00 можливі перерви.', until: later(3_600_000) });
    const tariffs = await other.notices.publish({ title: 'Нові тарифи', body: 'З 1-го числа — «Гігабіт».', until: null });
    expect(tariffs.id).toBeGreaterThan(outage.id);
    expect(outage).toMatchObject({ title: 'Планові роботи', until: later(3_600_000), publishedAt: expect.any(String) });

    expect((await one.notices.current(now)).map((notice) => notice.id)).toEqual([tariffs.id, outage.id]);
    expect(await other.notices.current(now)).toEqual(await one.notices.current(now));
    expect((await one.notices.current(new Date(now.getTime() + 7_200_000))).map((notice) => notice.id)).toEqual([tariffs.id]);
    expect((await one.notices.current(new Date(now.getTime() - 120_000))).map((notice) => notice.id)).toContain(ended.id);

    // Two instances claim at once: each live notice goes to exactly one of them, oldest first, and never again.
    const [first, second] = await Promise.all([one.notices.claimUnpushed(now), other.notices.claimUnpushed(now)]);
    const claimed = [...first, ...second].map((notice) => notice.id).sort((a, b) => a - b);
    expect(claimed).toEqual([outage.id, tariffs.id]);
    for (const batch of [first, second]) expect(batch.map((notice) => notice.id)).toEqual([...batch.map((notice) => notice.id)].sort((a, b) => a - b));
    expect(await one.notices.claimUnpushed(now)).toEqual([]);
    expect(await other.notices.claimUnpushed(now)).toEqual([]);
  });

  it('says each of its services answers', async () => {
    const checks = await one.ping();
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) expect(check).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
  });
});
