import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedStore } from '../../../server/store/combined.js';
import type { Store } from '../../../server/store/store.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, isolatedPlace, missingServers, removePlace, reportMissing } from './servers.js';
import { TcpProxy } from './tcp-proxy.js';
import { eventually, failure } from '../../support/expectations.js';

/**
 * Redis or PostgreSQL "stopped" mid-run. The real servers are shared with other runs, so each is
 * reached through a TCP proxy on loopback that the test cuts (every connection closed, new ones
 * refused, as from a stopped server) and restores.
 */
const missing = await missingServers();
reportMissing(missing);



const entry = (subject: string) => ({ at: new Date().toISOString(), action: 'sign-in' as const, login: 'fault', address: '127.0.0.1', subject, result: 'ok' as const });

describe.skipIf(missing)('the shared store when Redis or PostgreSQL stops', () => {
  const place = isolatedPlace();
  let redis: TcpProxy;
  let postgres: TcpProxy;
  let store: Store;

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([TcpProxy.start(new URL(TEST_REDIS_URL)), TcpProxy.start(new URL(TEST_DATABASE_URL))]);
    store = await openSharedStore({
      redisUrl: redis.url(new URL(TEST_REDIS_URL)),
      redisKeyPrefix: place.keyPrefix,
      databaseUrl: postgres.url(new URL(TEST_DATABASE_URL)),
      databaseSchema: place.schema,
    });
  });
  afterAll(async () => {
    await store?.close();
    await Promise.all([redis?.close(), postgres?.close()]);
    await removePlace(place);
  });

  it('Redis stopped: short-lived state fails at once and says so, durable state goes on; all is back when Redis is', async () => {
    await store.ephemeral.set('kept', 'across the outage', 600);
    const limiter = store.limiter({ keyPrefix: 'fault', points: 5, durationSeconds: 60 });
    await redis.cut();

    const started = Date.now();
    const failed = await failure(store.ephemeral.get('kept'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(failed.code).toBe('STORE_UNAVAILABLE');
    expect(failed.message).toBe('The cabinet cannot reach its storage right now. Please try again in a minute.');
    expect(failed.detail).toMatch(/^redis get: /);
    expect((await failure(limiter.consume('someone'))).detail).toMatch(/^redis rate limiter fault: /);
    expect((await failure(store.withLock('notifier', 5, async () => 'ran'))).code).toBe('STORE_UNAVAILABLE');
    expect(await store.ping()).toEqual([
      { name: 'redis', ok: false, latencyMs: expect.any(Number), error: expect.any(String) },
      { name: 'postgresql', ok: true, latencyMs: expect.any(Number) },
    ]);
    await store.audit.record(entry('while redis was down'));

    await redis.restore();
    expect(await eventually(async () => store.ephemeral.get('kept'))).toBe('across the outage');
    await limiter.consume('someone');
    expect(await store.withLock('notifier', 5, async () => 'ran')).toEqual({ ran: true, value: 'ran' });
    expect((await store.ping()).every((check) => check.ok)).toBe(true);
  });

  it('PostgreSQL stopped: durable state fails and says so, short-lived state goes on; all is back when PostgreSQL is', async () => {
    await store.audit.record(entry('before'));
    await postgres.cut();

    const failed = await failure(store.audit.record(entry('during')));
    expect(failed.code).toBe('STORE_UNAVAILABLE');
    expect(failed.detail).toMatch(/^postgresql audit record: /);
    expect((await failure(store.push.listFor('1'))).detail).toMatch(/^postgresql push list: /);
    await store.ephemeral.set('sessions still work', true, 60);
    const checks = await store.ping();
    expect(checks.find((check) => check.name === 'postgresql')).toMatchObject({ ok: false, error: expect.any(String) });
    expect(checks.find((check) => check.name === 'redis')).toMatchObject({ ok: true });

    await postgres.restore();
    await eventually(() => store.audit.record(entry('after')));
    expect((await store.audit.recent(2)).map((recorded) => recorded.subject)).toEqual(['after', 'before']);
    expect((await store.ping()).every((check) => check.ok)).toBe(true);
  });
});
