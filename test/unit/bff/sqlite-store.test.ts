import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/store.js';

describe('SQLite store', () => {
  let dir: string;
  let clock: number;
  let store: Store;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'abonent-store-'));
    clock = 1_000_000;
    store = openSqliteStore({ dataDir: dir, now: () => clock });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps values until their time to live ends', async () => {
    await store.ephemeral.set('a', { n: 1 }, 10);
    expect(await store.ephemeral.get('a')).toEqual({ n: 1 });
    clock += 10_000;
    expect(await store.ephemeral.get('a')).toBeNull();
  });

  it('setIfAbsent stores once, and again after expiry', async () => {
    expect(await store.ephemeral.setIfAbsent('k', 1, 5)).toBe(true);
    expect(await store.ephemeral.setIfAbsent('k', 2, 5)).toBe(false);
    expect(await store.ephemeral.get('k')).toBe(1);
    clock += 5_000;
    expect(await store.ephemeral.setIfAbsent('k', 3, 5)).toBe(true);
    expect(await store.ephemeral.get('k')).toBe(3);
  });

  it('counts within a window that starts at the first increment', async () => {
    expect(await store.ephemeral.increment('c', 60)).toBe(1);
    clock += 30_000;
    expect(await store.ephemeral.increment('c', 60)).toBe(2);
    clock += 30_000;
    expect(await store.ephemeral.increment('c', 60)).toBe(1);
  });

  it('binds push registrations to their subscriber', async () => {
    await store.push.save({ accountId: '1', login: 'a', registration: { kind: 'native', token: 'tok-123456', platform: 'FCM' }, locale: 'uk' });
    expect(await store.push.remove('2', 'tok-123456')).toBe(false);
    expect(await store.push.listFor('1')).toHaveLength(1);
    expect(await store.push.remove('1', 'tok-123456')).toBe(true);
    expect(await store.push.listFor('1')).toEqual([]);
  });

  it('survives a reopen: the state is on disk', async () => {
    await store.ephemeral.set('persist', 'yes', 60);
    await store.close();
    store = openSqliteStore({ dataDir: dir, now: () => clock });
    expect(await store.ephemeral.get('persist')).toBe('yes');
  });
});
