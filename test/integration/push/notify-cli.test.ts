import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateVapidKeys } from '../../../server/push/web-push-sender.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import { startFakePushService } from '../../support/fake-push-service.js';

const run = promisify(execFile);

describe('npm run notify: operators’ messages', () => {
  let dataDir: string;
  let push: Awaited<ReturnType<typeof startFakePushService>>;
  const keys = generateVapidKeys();

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'abonent-notify-'));
    push = await startFakePushService();
    const store = openSqliteStore({ dataDir });
    await store.push.save({ accountId: '101', login: 'BILL0000101', registration: { kind: 'webpush', ...push.subscription('phone') }, locale: 'uk' });
    await store.push.save({ accountId: '102', login: 'BILL0000102', registration: { kind: 'webpush', ...push.subscription('tablet') }, locale: 'en' });
    await store.close();
  });
  afterEach(async () => {
    await push.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const notify = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'server/push/notify-cli.ts', ...args], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        VAPID_PUBLIC_KEY: keys.publicKey,
        VAPID_PRIVATE_KEY: keys.privateKey,
        VAPID_SUBJECT: 'mailto:noc@example.net',
        // The fake push service is on loopback, which only a cabinet without a real billing may opt into.
        PUSH_ALLOW_LOOPBACK: 'true',
        // The fake push service's certificate is self-signed; only this child process trusts it.
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
      },
    });

  it('sends to one subscriber by login', async () => {
    const { stdout } = await notify('--login', 'bill0000101', '--title', 'Works tonight', '--body', 'From 2:00 to 4:00');
    expect(JSON.parse(stdout)).toEqual({ subscribers: 1, sent: 1, removed: 0, failed: 0 });
    expect(push.received.map((received) => received.message.title)).toEqual(['Works tonight']);
  });

  it('sends to everyone with a subscription', async () => {
    const { stdout } = await notify('--all', '--title', 'New tariffs', '--body', 'Faster for the same price');
    expect(JSON.parse(stdout)).toEqual({ subscribers: 2, sent: 2, removed: 0, failed: 0 });
    expect(push.received).toHaveLength(2);
  });

  it('explains its usage and sends nothing when the arguments are wrong', async () => {
    await expect(notify('--title', 'No audience')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run notify/) });
    expect(push.received).toHaveLength(0);
  });

  it('exits non-zero and says why when nothing was delivered', async () => {
    await expect(notify('--login', 'nobody', '--title', 'Hello')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"subscribers":0'),
      stderr: expect.stringMatching(/nothing was delivered: no subscriber/),
    });
    push.answerWith(500);
    await expect(notify('--all', '--title', 'Hello')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"failed":2'),
      stderr: expect.stringMatching(/nothing was delivered: 2 failed/),
    });
  });
});
