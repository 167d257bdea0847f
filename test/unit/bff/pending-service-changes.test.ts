import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PendingServiceChanges } from '../../../server/domain/pending-service-changes.js';
import type { Service } from '../../../server/domain/types.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/store.js';

const service = (id: string, connected: boolean): Service => ({
  id,
  name: `Service ${id}`,
  description: null,
  price: { amount: '10.00', currency: 'UAH' },
  connected,
  canConnect: !connected,
  canDisconnect: connected,
  pending: false,
});

describe('pending service changes', () => {
  let dir: string;
  let store: Store;
  let pending: PendingServiceChanges;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'abonent-pending-'));
    store = openSqliteStore({ dataDir: dir });
    pending = new PendingServiceChanges(store.ephemeral);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows an accepted change as pending until the billing agrees, then forgets it', async () => {
    await pending.record('acc', '12', true);
    const [before] = await pending.apply('acc', [service('12', false)]);
    expect(before).toMatchObject({ connected: false, pending: true, canConnect: false, canDisconnect: false });
    const [after] = await pending.apply('acc', [service('12', true)]);
    expect(after).toMatchObject({ connected: true, pending: false });
    const [later] = await pending.apply('acc', [service('12', false)]);
    expect(later?.pending).toBe(false);
  });

  it("keeps one subscriber's intents away from another's", async () => {
    await pending.record('acc-a', '12', false);
    const [other] = await pending.apply('acc-b', [service('12', true)]);
    expect(other?.pending).toBe(false);
  });
});
