import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logger.js';
import { lockRunner, type LockKeeper } from './lock.js';
import type { DependencyCheck, EphemeralStore, ShortLivedState } from './store.js';
import { storeFailureReason, storeUnavailable } from './store.js';

export interface RedisStateOptions {
  /** redis:// or rediss:// (REDIS_URL); it may carry a password, so it is never logged. */
  url: string;
  /** Put before every key (REDIS_KEY_PREFIX), so one Redis can serve several cabinets or test runs. */
  keyPrefix: string;
  /** A command with no answer after this long fails, rather than holding a subscriber's request. */
  commandTimeoutMs?: number;
  logger?: Logger;
}

export interface RedisState extends ShortLivedState {
  check(): Promise<DependencyCheck>;
  close(): Promise<void>;
}

// Scripts run atomically in Redis; times come from Redis's own clock, so instances whose clocks
// differ still agree on what has expired.
const INCREMENT = `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;
const RENEW_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const NOTE_MEMBER = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1`;
const COUNT_MEMBERS = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])`;

const milliseconds = (seconds: number) => Math.max(1, Math.ceil(seconds * 1000));

/**
 * Sessions, reset tickets, idempotency keys, rate-limit counters and locks in Redis, shared by every
 * instance. A command sent while the connection is down fails at once (no offline queue) with
 * UPSTREAM_UNAVAILABLE, rather than waiting with the subscriber; the client reconnects by itself.
 * Fails to open when Redis does not answer, so a misconfigured instance never starts half-working.
 */
export async function openRedisState(options: RedisStateOptions): Promise<RedisState> {
  const redis = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3000,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
  });
  watchConnection(redis, options.logger);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis (REDIS_URL) did not answer: ${storeFailureReason(error)}`, { cause: error });
  }

  const guard = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw storeUnavailable(`redis ${operation}: ${storeFailureReason(error)}`, error);
    }
  };

  const ephemeral: EphemeralStore = {
    async get<T>(key: string) {
      const text = await guard('get', () => redis.get(key));
      return text === null ? null : (JSON.parse(text) as T);
    },
    async set(key, value, ttlSeconds) {
      await guard('set', () => redis.set(key, JSON.stringify(value), 'PX', milliseconds(ttlSeconds)));
    },
    async setIfAbsent(key, value, ttlSeconds) {
      return (await guard('set nx', () => redis.set(key, JSON.stringify(value), 'PX', milliseconds(ttlSeconds), 'NX'))) === 'OK';
    },
    async delete(key) {
      await guard('del', () => redis.del(key));
    },
    async increment(key, ttlSeconds) {
      return Number(await guard('incr', () => redis.eval(INCREMENT, 1, key, milliseconds(ttlSeconds))));
    },
    async noteMember(set, member, ttlSeconds) {
      await guard('zadd', () => redis.eval(NOTE_MEMBER, 1, set, member, milliseconds(ttlSeconds)));
    },
    async countMembers(set) {
      return Number(await guard('zcard', () => redis.eval(COUNT_MEMBERS, 1, set)));
    },
  };

  const locks: LockKeeper = {
    async acquire(key, token, ttlSeconds) {
      return (await guard('lock', () => redis.set(key, token, 'PX', milliseconds(ttlSeconds), 'NX'))) === 'OK';
    },
    async renew(key, token, ttlSeconds) {
      return Number(await guard('lock renew', () => redis.eval(RENEW_LOCK, 1, key, token, milliseconds(ttlSeconds)))) === 1;
    },
    async release(key, token) {
      await guard('lock release', () => redis.eval(RELEASE_LOCK, 1, key, token));
    },
  };

  return {
    ephemeral,
    limiter: (limits) =>
      new SharedRateLimiter({
        storeClient: redis,
        keyPrefix: limits.keyPrefix,
        points: limits.points,
        duration: limits.durationSeconds,
        blockDuration: limits.blockSeconds ?? 0,
        rejectIfRedisNotReady: true,
      }),
    withLock: lockRunner(locks),
    async check() {
      const started = performance.now();
      try {
        await redis.ping();
        return { name: 'redis', ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { name: 'redis', ok: false, latencyMs: Math.round(performance.now() - started), error: storeFailureReason(error) };
      }
    },
    async close() {
      redis.removeAllListeners('close');
      try {
        await redis.quit();
      } catch {
        // Not connected: nothing to say goodbye to; stop reconnecting.
        redis.disconnect();
      }
    },
  };
}

/** Counts in Redis; when Redis fails it says so as UPSTREAM_UNAVAILABLE instead of a bare client error. */
class SharedRateLimiter extends RateLimiterRedis {
  override async consume(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    try {
      return await super.consume(key, points, options);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rejection;
      throw storeUnavailable(`redis rate limiter ${this.keyPrefix}: ${storeFailureReason(rejection)}`, rejection);
    }
  }

  override async reward(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    try {
      return await super.reward(key, points, options);
    } catch (error) {
      throw storeUnavailable(`redis rate limiter ${this.keyPrefix}: ${storeFailureReason(error)}`, error);
    }
  }

  override async delete(key: string | number, options?: Record<string, unknown>): Promise<boolean> {
    try {
      return await super.delete(key, options);
    } catch (error) {
      throw storeUnavailable(`redis rate limiter ${this.keyPrefix}: ${storeFailureReason(error)}`, error);
    }
  }
}

/** One line when the connection drops and one when it is back, not one per reconnection attempt. */
function watchConnection(redis: Redis, logger: Logger | undefined): void {
  let lost = false;
  redis.on('ready', () => {
    if (lost) logger?.info({ store: 'redis' }, 'store connection is back');
    lost = false;
  });
  redis.on('close', () => {
    if (!lost) logger?.warn({ store: 'redis' }, 'store connection lost; reconnecting');
    lost = true;
  });
  // Failed commands reach their callers and failed reconnections are retried; without a listener
  // ioredis would print each one to the console.
  redis.on('error', () => undefined);
}
