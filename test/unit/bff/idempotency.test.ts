import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CabinetError } from '../../../server/domain/errors.js';
import { requestFingerprint, runOnce } from '../../../server/domain/idempotency.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/store.js';

describe('runOnce', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'abonent-once-'));
    store = openSqliteStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a double tap once and gives both the same result', async () => {
    let calls = 0;
    const action = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { id: calls };
    };
    const [a, b] = await Promise.all([runOnce(store.ephemeral, 'k1', 'f', action), runOnce(store.ephemeral, 'k1', 'f', action)]);
    expect(calls).toBe(1);
    expect(a).toEqual({ id: 1 });
    expect(b).toEqual({ id: 1 });
    expect(await runOnce(store.ephemeral, 'k1', 'f', action)).toEqual({ id: 1 });
    expect(calls).toBe(1);
  });

  it('replays a billing refusal instead of calling again', async () => {
    let calls = 0;
    const refuse = async () => {
      calls += 1;
      throw new CabinetError('NOT_ALLOWED', 'Already taken this month');
    };
    await expect(runOnce(store.ephemeral, 'k2', 'f', refuse)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(runOnce(store.ephemeral, 'k2', 'f', refuse)).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: 'Already taken this month' });
    expect(calls).toBe(1);
  });

  it('lets a request that never reached the billing run again', async () => {
    let calls = 0;
    const action = async () => {
      calls += 1;
      if (calls === 1) throw new CabinetError('RATE_LIMITED', 'slow down', { retryAfter: 1 });
      return 'ok';
    };
    await expect(runOnce(store.ephemeral, 'k3', 'f', action)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await runOnce(store.ephemeral, 'k3', 'f', action)).toBe('ok');
    expect(calls).toBe(2);
  });

  it('without a key, simply runs', async () => {
    let calls = 0;
    await runOnce(store.ephemeral, null, 'f', async () => ++calls);
    await runOnce(store.ephemeral, null, 'f', async () => ++calls);
    expect(calls).toBe(2);
  });
});

describe('runOnce binds a key to its request', () => {
  it('refuses the same key with other arguments instead of replaying the first result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abonent-once-'));
    const store = openSqliteStore({ dataDir: dir });
    try {
      const first = requestFingerprint('takePromisePay', { offerId: '1' });
      expect(await runOnce(store.ephemeral, 'k9', first, async () => 'offer 1')).toBe('offer 1');
      await expect(runOnce(store.ephemeral, 'k9', requestFingerprint('takePromisePay', { offerId: '2' }), async () => 'offer 2')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await expect(runOnce(store.ephemeral, 'k9', requestFingerprint('connectService', { offerId: '1' }), async () => 'x')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await runOnce(store.ephemeral, 'k9', first, async () => 'again')).toBe('offer 1');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
