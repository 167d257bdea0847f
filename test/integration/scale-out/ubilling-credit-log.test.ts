import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBilling } from '../../../server/billing/registry.js';
import { startUbillingSimulator, type UbillingSimulator } from '../../../server/billing/ubilling/simulator.js';
import { loadConfig } from '../../../server/config.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/store.js';
import { billingSession } from '../../support/billing-session.js';
import { PASSWORDS, SERIAL, failure, seed } from '../ubilling/world.js';

/**
 * Ubilling's once-a-month rule for credits set through RemoteAPI `sc` rests on the BFF's own log
 * (Ubilling's is not readable over RemoteAPI). Built by createBilling, that log is in the store:
 * a credit taken through one instance is known to another, and to the next start.
 */
describe("Ubilling's credit log in the store", () => {
  const stores: Store[] = [];
  let simulator: UbillingSimulator;
  let dataDir: string;
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await simulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second credit this month through another instance', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'abonent-credit-log-'));
    simulator = await startUbillingSimulator({ serial: SERIAL, seed: seed() });
    const config = loadConfig({
      BILLING_KIND: 'ubilling',
      BILLING_URL: simulator.url,
      UBILLING_SERIAL: SERIAL,
      UBILLING_CREDIT_ENABLED: 'true',
      UBILLING_CREDIT_MIN_DAY: '1',
      UBILLING_CREDIT_MAX_DAY: '31',
      DATA_DIR: dataDir,
    });
    const instance = async () => {
      const store = openSqliteStore({ dataDir });
      stores.push(store);
      return (await createBilling(config, store)).gateway;
    };
    const [one, other] = [await instance(), await instance()];

    const onOne = billingSession(await one.login('petrenko', PASSWORDS.petrenko));
    expect((await one.getPromisePay(onOne)).offers).toHaveLength(1);
    await one.takePromisePay(onOne, 'credit');
    simulator.updateUser('petrenko', { credit: 0, creditExpire: 0 });

    const onOther = billingSession(await other.login('petrenko', PASSWORDS.petrenko));
    expect((await other.getPromisePay(onOther)).offers).toEqual([]);
    expect(await failure(other.takePromisePay(onOther, 'credit'))).toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'You have already taken a promised payment this month.',
    });
    expect(simulator.requests().filter((request) => request.query.action === 'sc')).toHaveLength(1);
  });
});
