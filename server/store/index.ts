import { ConfigError, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Store } from './store.js';

/**
 * SQLite under DATA_DIR by default (one machine, nothing to install); Redis and PostgreSQL when
 * REDIS_URL and DATABASE_URL are both set (any number of instances). One without the other is
 * refused: half the state in a shared service and half in one machine's file would look like it
 * scales out and silently would not. Only the store configured is loaded: the Redis and PostgreSQL
 * clients cost a SQLite start a noticeable share of its time.
 */
export async function openStore(config: Config, logger?: Logger): Promise<Store> {
  const { REDIS_URL: redisUrl, DATABASE_URL: databaseUrl } = config;
  if (redisUrl && databaseUrl) {
    const { openSharedStore } = await import('./combined.js');
    return openSharedStore({ redisUrl, redisKeyPrefix: config.REDIS_KEY_PREFIX, databaseUrl, databaseSchema: config.DATABASE_SCHEMA, logger });
  }
  if (redisUrl || databaseUrl) {
    throw new ConfigError(
      `Invalid configuration:\n  ${redisUrl ? 'DATABASE_URL' : 'REDIS_URL'}: required with ${redisUrl ? 'REDIS_URL' : 'DATABASE_URL'}. ` +
        'Set both to share state between instances (Redis for sessions and counters, PostgreSQL for push subscriptions and the audit log), ' +
        'or neither for the single-machine SQLite store under DATA_DIR.',
    );
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore({ dataDir: config.DATA_DIR });
}
