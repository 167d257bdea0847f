import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCarbon5Gateway } from '../../../server/billing/carbon5/gateway.js';
import { createLogger } from '../../../server/logger.js';
import { DEFAULT_PUSH_SERVICE_HOSTS } from '../../../server/push/endpoint-policy.js';
import { Notifier } from '../../../server/push/notifier.js';
import { generateVapidKeys, WebPushSender } from '../../../server/push/web-push-sender.js';
import { openSqliteStore } from '../../../server/store/sqlite.js';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient, type GraphQLResponse } from '../../support/graphql-client.js';
import { DASHBOARD, LOGIN } from '../../support/operations.js';

const GOOD = 'BILL0000101';
const TEN_MINUTES_LATER = () => Date.now() + 10 * 60_000 + 1000;
const WEB_PUSH = `mutation { registerPushSubscription(subscription: { endpoint: "https://fcm.googleapis.com/fcm/send/phone", keys: { p256dh: "${'B'.repeat(87)}", auth: "${'a'.repeat(22)}" } }) }`;

/**
 * Carbon 5 keeps one live suid per account: a sign-in elsewhere or the notifier's operator-made suid
 * ends the app's. A session opened with a password lives on while the account's password is the one
 * it was opened with, and ends once it is not.
 */
describe('Carbon 5 sessions over HTTP: kept while the password holds, ended when it changes', () => {
  let cabinet: TestCabinet;
  afterEach(async () => {
    vi.useRealTimers();
    await cabinet?.close();
  });

  const open = async () => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
  };

  const signedIn = async (password = 'demo') => {
    const client = new GraphQLClient(cabinet.url);
    expect((await client.query(LOGIN, { login: GOOD, password })).errors).toBeUndefined();
    return client;
  };

  const dynamicSessions = () => cabinet.simulator.calls['Users.get_or_create_dynamic_session'] ?? 0;

  it('a second device signing in, or Carbon ending the suid, does not sign the first device out', async () => {
    await open();
    const laptop = await signedIn();
    const phone = await signedIn();
    expect(cabinet.simulator.account(GOOD).signedIn).toBe(true);
    expect((await laptop.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
    expect((await phone.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
    cabinet.simulator.expireSession(GOOD);
    expect((await laptop.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
    expect((await laptop.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
    expect(dynamicSessions()).toBeGreaterThanOrEqual(2);
  });

  it("the push notifier's pass does not sign the subscriber out, nor drop the subscriber's push registration", async () => {
    await open();
    const client = await signedIn();
    expect((await client.query(WEB_PUSH)).data?.registerPushSubscription).toBe(true);
    const store = openSqliteStore({ dataDir: cabinet.dataDir });
    try {
      const hour = new Date().getUTCHours();
      const notifier = new Notifier({
        gateway: createCarbon5Gateway({ url: cabinet.simulator.url, timeoutMs: 3000, currency: 'UAH' }),
        store,
        sender: new WebPushSender({ ...generateVapidKeys(), subject: 'mailto:noc@example.net' }, { hosts: DEFAULT_PUSH_SERVICE_HOSTS, allowLoopback: false }),
        // Awake, and no reminder due: the pass only reads the account, as every pass does.
        settings: { quietHours: { from: (hour + 2) % 24, to: (hour + 3) % 24 }, daysLeftAt: [], timeZone: 'UTC' },
        logger: createLogger('silent'),
      });
      const before = dynamicSessions();
      expect(await notifier.runPass()).toMatchObject({ skipped: null, checked: 1, sent: 0 });
      expect(dynamicSessions()).toBeGreaterThan(before);
    } finally {
      await store.close();
    }
    expect((await client.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
    expect(cabinet.pushRegistrations()).toHaveLength(1);
  });

  it('a password changed in the billing ends the session at the next request once the suid ended, and its push registrations', async () => {
    await open();
    const client = await signedIn();
    expect((await client.query(WEB_PUSH)).data?.registerPushSubscription).toBe(true);
    cabinet.simulator.changePassword(GOOD, 'changed-by-the-operator');
    cabinet.simulator.expireSession(GOOD);
    const before = dynamicSessions();
    expect((await client.query(DASHBOARD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(dynamicSessions()).toBe(before);
    expect(cabinet.pushRegistrations()).toEqual([]);
    expect((await client.query(DASHBOARD)).data?.me).toBeNull();
    expect((await signedIn('changed-by-the-operator').then((again) => again.query(DASHBOARD))).data?.me?.login).toBe(GOOD);
  });

  it('a password changed in the billing ends the session at the ten-minute check while its suid lives on; an unchanged one keeps it', async () => {
    await open();
    const client = await signedIn();
    const passwordReads = () => cabinet.simulator.calls['Users.objects.get'] ?? 0;
    const before = passwordReads();
    vi.useFakeTimers({ toFake: ['Date'], now: TEN_MINUTES_LATER() });
    expect((await client.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
    expect(passwordReads()).toBe(before + 1);

    cabinet.simulator.changePassword(GOOD, 'changed-in-carbons-cabinet');
    // Within the stated ten minutes the session still reads the account...
    expect((await client.query(DASHBOARD)).data?.me?.login).toBe(GOOD);
    vi.setSystemTime(TEN_MINUTES_LATER());
    // ...and past them the check ends it, though Carbon never ended its suid.
    expect(cabinet.simulator.account(GOOD).signedIn).toBe(true);
    expect((await client.query(DASHBOARD)).data?.me).toBeNull();
    expect(dynamicSessions()).toBe(0);
  });

  it("never returns or logs Carbon's gen_pwd or the session's password fingerprint", async () => {
    await open();
    const password = 'Own-Password-7391';
    cabinet.simulator.changePassword(GOOD, password);
    const client = await signedIn(password);
    const answers: GraphQLResponse[] = [];
    const ask = async () => {
      const answer = await client.query(DASHBOARD);
      answers.push(answer);
      return answer;
    };
    const record = storedSession(cabinet, client);
    expect(record).not.toContain(password);
    const hash = /"hash":"([A-Za-z0-9_-]{43})"/.exec(record)?.[1];
    expect(hash).toBeDefined();

    cabinet.simulator.expireSession(GOOD);
    expect((await ask()).data?.me?.login).toBe(GOOD);
    vi.useFakeTimers({ toFake: ['Date'], now: TEN_MINUTES_LATER() });
    expect((await ask()).data?.me?.login).toBe(GOOD);
    cabinet.simulator.changePassword(GOOD, 'Changed-Password-8402');
    vi.setSystemTime(TEN_MINUTES_LATER());
    expect((await ask()).data?.me).toBeNull();
    const other = new GraphQLClient(cabinet.url);
    answers.push(await other.query(LOGIN, { login: GOOD, password }));

    const seen = answers.map((answer) => `${answer.raw} ${JSON.stringify(answer.headers)}`).join('\n') + cabinet.logs();
    for (const secret of [password, 'Changed-Password-8402', hash!, 'gen_pwd', 'passwordFingerprint']) expect(seen).not.toContain(secret);
  });
});

/** The session's record as the store holds it, under the hash of the id in the client's cookie. */
function storedSession(cabinet: TestCabinet, client: GraphQLClient): string {
  const id = client.cookie!.split('=')[1]!;
  const db = new Database(join(cabinet.dataDir, 'abonent.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT value FROM ephemeral WHERE key = ?').get(`session:${createHash('sha256').update(id).digest('hex')}`) as { value: string } | undefined;
    return row?.value ?? '';
  } finally {
    db.close();
  }
}
