import type { Logger } from '../logger.js';
import { openPostgresState } from './postgres.js';
import { openRedisState } from './redis.js';
import type { Store } from './store.js';

export interface SharedStoreOptions {
  redisUrl: string;
  redisKeyPrefix: string;
  databaseUrl: string;
  databaseSchema: string;
  logger?: Logger;
}

/** Redis for what is short-lived, PostgreSQL for what must last: the store several instances share. */
export async function openSharedStore(options: SharedStoreOptions): Promise<Store> {
  const shortLived = await openRedisState({ url: options.redisUrl, keyPrefix: options.redisKeyPrefix, logger: options.logger });
  const durable = await openPostgresState({ url: options.databaseUrl, schema: options.databaseSchema, logger: options.logger }).catch(async (error: unknown) => {
    await shortLived.close();
    throw error;
  });
  return {
    ephemeral: shortLived.ephemeral,
    limiter: shortLived.limiter,
    withLock: shortLived.withLock,
    push: durable.push,
    audit: durable.audit,
    settings: durable.settings,
    topUps: durable.topUps,
    notices: durable.notices,
    ping: () => Promise.all([shortLived.check(), durable.check()]),
    async close() {
      await Promise.all([shortLived.close(), durable.close()]);
    },
  };
}
