import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { it } from 'vitest';

/** The real servers on loopback that .ci/run starts; override to point the tests elsewhere. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function redisAnswers(): Promise<string | null> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis does not answer at ${TEST_REDIS_URL} (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

async function postgresAnswers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL does not answer at ${TEST_DATABASE_URL} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Null when Redis and PostgreSQL answer; otherwise why not. In CI a missing server fails the
 * run (.ci/run starts them); on a developer's machine the tests that need them are skipped, and
 * `reportMissing` says so in the test list rather than passing quietly.
 */
export async function missingServers(): Promise<string | null> {
  const reasons = (await Promise.all([redisAnswers(), postgresAnswers()])).filter((reason) => reason !== null);
  if (reasons.length === 0) return null;
  const message = `${reasons.join('; ')}. Start them (see .ci/run) or set TEST_REDIS_URL / TEST_DATABASE_URL.`;
  if (process.env.CI) throw new Error(message);
  return message;
}

export function reportMissing(missing: string | null): void {
  if (!missing) return;
  console.warn(`Shared-store tests skipped: ${missing}`);
  it.skip(`SKIPPED, the shared-store servers are missing: ${missing}`, () => undefined);
}

/** A key prefix and a schema of this run's own, so parallel runs and files never see each other's state. */
export function isolatedPlace(): { keyPrefix: string; schema: string } {
  const id = randomBytes(5).toString('hex');
  return { keyPrefix: `abonent-test-${id}:`, schema: `abonent_test_${id}` };
}

/** Removes what a run left: its keys and its schema. */
export async function removePlace(place: { keyPrefix: string; schema: string }): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    for await (const keys of redis.scanStream({ match: `${place.keyPrefix}*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${place.schema} CASCADE`);
  } finally {
    await client.end();
  }
}
