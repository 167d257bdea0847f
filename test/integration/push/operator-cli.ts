import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach } from 'vitest';
import { generateVapidKeys } from '../../../server/push/web-push-sender.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import { startFakePushService } from '../../support/fake-push-service.js';

const run = promisify(execFile);

/**
 * An operator's command (`script`) run as its own process, as `npm run` does, on a store of its
 * own in which two subscribers receive pushes: 101 on a phone in Ukrainian, 102 on a tablet in
 * English, both at a fake push service. Fresh for each test of the describe that calls it.
 */
export function operatorCli(script: string) {
  const keys = generateVapidKeys();
  let dataDir: string;
  let push: Awaited<ReturnType<typeof startFakePushService>>;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `abonent-${basename(script, '.ts')}-`));
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

  return {
    get dataDir() {
      return dataDir;
    },
    get push() {
      return push;
    },
    run: (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', script, ...args], {
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
      }),
  };
}
