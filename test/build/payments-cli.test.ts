import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

const run = promisify(execFile);

// The compiled command, as `npm run payments` runs it on a production install (no tsx there).
describe('npm run payments: the operator settles top-ups in review', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', 'server'], { cwd: projectRoot, stdio: 'inherit' });
  });
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'abonent-payments-cli-'));
    const store = openSqliteStore({ dataDir });
    await store.topUps.create({ id: 'order-1', accountId: '101', login: 'BILL0000101', amount: { amount: '150.00', currency: 'UAH' }, method: 'liqpay' });
    await store.topUps.transition('order-1', ['CREATED'], 'PAID');
    await store.topUps.transition('order-1', ['PAID'], 'CREDITING');
    await store.topUps.transition('order-1', ['CREDITING'], 'NEEDS_REVIEW', { note: 'billing outcome unknown: timeout' });
    await store.close();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const payments = (...args: string[]) =>
    run(process.execPath, ['dist/server/payments/payments-cli.js', ...args], { cwd: projectRoot, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });

  it('lists it, shows its history, and records the payment found in the billing', async () => {
    const listed = await payments('list');
    expect(JSON.parse(listed.stdout)).toMatchObject({ id: 'order-1', state: 'NEEDS_REVIEW', amount: '150.00 UAH', lastNote: 'billing outcome unknown: timeout' });
    const shown = JSON.parse((await payments('show', 'order-1')).stdout) as { history: { state: string }[] };
    expect(shown.history.map((event) => event.state)).toEqual(['CREATED', 'PAID', 'CREDITING', 'NEEDS_REVIEW']);
    const settled = await payments('credit', 'order-1', '--found', 'PAY-2024-77');
    expect(JSON.parse(settled.stdout)).toMatchObject({ state: 'CREDITED' });
    const store = openSqliteStore({ dataDir });
    expect(await store.topUps.get('order-1')).toMatchObject({ state: 'CREDITED', billingReference: 'PAY-2024-77' });
    await store.close();
  });

  it('changes nothing twice, and explains its usage', async () => {
    await payments('fail', 'order-1', '--note', 'refunded to the card');
    await expect(payments('credit', 'order-1')).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/is FAILED: only NEEDS_REVIEW/) });
    await expect(payments('fail', 'order-1')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/fail needs --note/) });
    await expect(payments('refund', 'order-1')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run payments/) });
  });
});
