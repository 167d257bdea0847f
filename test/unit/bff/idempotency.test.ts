import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CabinetError } from '../../../server/domain/errors.js';
import { runOnce } from '../../../server/domain/idempotency.js';
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
    const [a, b] = await Promise.all([runOnce(store.ephemeral, 'k1', action), runOnce(store.ephemeral, 'k1', action)]);
    expect(calls).toBe(1);
    expect(a).toEqual({ id: 1 });
    expect(b).toEqual({ id: 1 });
    expect(await runOnce(store.ephemeral, 'k1', action)).toEqual({ id: 1 });
    expect(calls).toBe(1);
  });

  it('replays a billing refusal instead of calling again', async () => {
    let calls = 0;
    const refuse = async () => {
      calls += 1;
      throw new CabinetError('NOT_ALLOWED', 'Already taken this month');
    };
    await expect(runOnce(store.ephemeral, 'k2', refuse)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(runOnce(store.ephemeral, 'k2', refuse)).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: 'Already taken this month' });
    expect(calls).toBe(1);
  });

  it('lets a request that never reached the billing run again', async () => {
    let calls = 0;
    const action = async () => {
      calls += 1;
      if (calls === 1) throw new CabinetError('RATE_LIMITED', 'slow down', { retryAfter: 1 });
      return 'ok';
    };
    await expect(runOnce(store.ephemeral, 'k3', action)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await runOnce(store.ephemeral, 'k3', action)).toBe('ok');
    expect(calls).toBe(2);
  });

  it('without a key, simply runs', async () => {
    let calls = 0;
    await runOnce(store.ephemeral, null, async () => ++calls);
    await runOnce(store.ephemeral, null, async () => ++calls);
    expect(calls).toBe(2);
  });
});
