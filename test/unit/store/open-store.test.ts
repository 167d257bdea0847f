import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.js';
import { openStore } from '../../../server/store/index.js';

describe('openStore', () => {
  it('opens SQLite under DATA_DIR when neither REDIS_URL nor DATABASE_URL is set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'abonent-open-'));
    try {
      const store = await openStore(loadConfig({ DATA_DIR: dataDir }));
      expect((await store.ping()).map((check) => check.name)).toEqual(['sqlite']);
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses one of REDIS_URL and DATABASE_URL without the other, naming the missing one', async () => {
    const onlyRedis = openStore(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }));
    await expect(onlyRedis).rejects.toThrow(ConfigError);
    await expect(onlyRedis).rejects.toThrow(/DATABASE_URL: required with REDIS_URL/);
    await expect(openStore(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1/test' }))).rejects.toThrow(/REDIS_URL: required with DATABASE_URL/);
  });

  it('says which service did not answer at start, without its address or password', async () => {
    const opening = openStore(loadConfig({ REDIS_URL: 'redis://:secret-pw@127.0.0.1:1', DATABASE_URL: 'postgresql://postgres@127.0.0.1/test' }));
    const error = await opening.then(
      () => new Error('opened'),
      (reason: unknown) => reason as Error,
    );
    expect(error.message).toMatch(/^Redis \(REDIS_URL\) did not answer: /);
    expect(error.message).not.toMatch(/secret-pw|127\.0\.0\.1/);
  });
});
