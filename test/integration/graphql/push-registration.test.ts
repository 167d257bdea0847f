import { describe, expect, it } from 'vitest';
import { cabinetPerTest, signedIn } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';

const REGISTER = /* GraphQL */ `
  mutation Register($subscription: WebPushSubscriptionInput!, $locale: String) {
    registerPushSubscription(subscription: $subscription, locale: $locale)
  }
`;
const subscription = (device: string, keys = { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) }) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${device}`,
  keys,
});

describe('push registration through GraphQL', () => {
  const cabinet = cabinetPerTest({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });

  const registrations = () =>
    cabinet()
      .pushRegistrations()
      .map(({ login, registration, locale }) => ({ login, endpoint: registration.kind === 'webpush' ? registration.endpoint : registration.token, locale }))
      .sort((a, b) => a.endpoint.localeCompare(b.endpoint));

  it('gives the PWA a VAPID key that stays the same across restarts of the store', async () => {
    const { data } = await new GraphQLClient(cabinet().url).query('{ cabinet { vapidPublicKey } }');
    expect(data?.cabinet.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it("keeps several devices per subscriber, each bound to the session's subscriber, and lets only them remove theirs", async () => {
    const taras = await signedIn(cabinet(), 'BILL0000101', 'demo');
    const olena = await signedIn(cabinet(), 'BILL0000102', 'demo');
    expect((await taras.query(REGISTER, { subscription: subscription('phone'), locale: 'uk' })).data?.registerPushSubscription).toBe(true);
    expect((await taras.query(REGISTER, { subscription: subscription('laptop'), locale: 'en' })).data?.registerPushSubscription).toBe(true);
    expect(registrations()).toEqual([
      { login: 'BILL0000101', endpoint: 'https://fcm.googleapis.com/fcm/send/laptop', locale: 'en' },
      { login: 'BILL0000101', endpoint: 'https://fcm.googleapis.com/fcm/send/phone', locale: 'uk' },
    ]);
    const foreign = await olena.query('mutation($e: String!) { unregisterPush(endpointOrToken: $e) }', { e: 'https://fcm.googleapis.com/fcm/send/phone' });
    expect(foreign.data?.unregisterPush).toBe(false);
    const own = await taras.query('mutation($e: String!) { unregisterPush(endpointOrToken: $e) }', { e: 'https://fcm.googleapis.com/fcm/send/phone' });
    expect(own.data?.unregisterPush).toBe(true);
    expect(registrations()).toHaveLength(1);
  });

  it('refuses a subscription that is not an https push endpoint, and an unknown language', async () => {
    const client = await signedIn(cabinet(), 'BILL0000101', 'demo');
    const plain = await client.query(REGISTER, { subscription: { ...subscription('x'), endpoint: 'http://fcm.googleapis.com/x' } });
    expect(plain.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const language = await client.query(REGISTER, { subscription: subscription('y'), locale: 'de' });
    expect(language.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(registrations()).toEqual([]);
  });

  it('needs a session', async () => {
    const anonymous = await new GraphQLClient(cabinet().url).query(REGISTER, { subscription: subscription('z') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts only public push services: no address, no private name, no credentials, no other host', async () => {
    const client = await signedIn(cabinet(), 'BILL0000101', 'demo');
    for (const endpoint of [
      `${cabinet().url.replace('http:', 'https:')}/graphql`,
      'https://127.0.0.1:8443/push',
      'https://10.0.0.1/push',
      'https://[::1]/push',
      'https://[::ffff:169.254.169.254]/latest/meta-data',
      'https://169.254.169.254/latest/meta-data',
      'https://2130706433/push',
      'https://localhost/push',
      'https://user:pass@fcm.googleapis.com/fcm/send/x',
      'https://fcm.googleapis.com:8443/fcm/send/x',
      'https://fcm.googleapis.com.attacker.example/fcm/send/x',
      'https://push.example.net/send/x',
    ]) {
      const refused = await client.query(REGISTER, { subscription: { ...subscription('x'), endpoint } });
      expect(refused.errors?.[0]?.extensions?.code, endpoint).toBe('BAD_USER_INPUT');
    }
    expect(registrations()).toEqual([]);
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://web.push.apple.com/QGuQy',
      'https://wns2-by3p.notify.windows.com/w/?token=abc',
    ]) {
      const accepted = await client.query(REGISTER, { subscription: { ...subscription('x'), endpoint } });
      expect(accepted.data?.registerPushSubscription, endpoint).toBe(true);
    }
  });

  it('keeps a registration with the subscriber who made it: another one cannot take it over with other keys', async () => {
    const taras = await signedIn(cabinet(), 'BILL0000101', 'demo');
    const mallory = await signedIn(cabinet(), 'BILL0000102', 'demo');
    expect((await taras.query(REGISTER, { subscription: subscription('phone'), locale: 'uk' })).data?.registerPushSubscription).toBe(true);
    const takeover = await mallory.query(REGISTER, { subscription: subscription('phone', { p256dh: 'C'.repeat(87), auth: 'b'.repeat(22) }), locale: 'en' });
    expect(takeover.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    const stored = cabinet().pushRegistrations();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ login: 'BILL0000101', locale: 'uk', registration: { keys: { p256dh: 'B'.repeat(87) } } });
    // The owner may still renew it (new keys, another language).
    expect((await taras.query(REGISTER, { subscription: subscription('phone', { p256dh: 'D'.repeat(87), auth: 'c'.repeat(22) }), locale: 'en' })).data?.registerPushSubscription).toBe(true);
    expect(cabinet().pushRegistrations()[0]).toMatchObject({ login: 'BILL0000101', locale: 'en', registration: { keys: { p256dh: 'D'.repeat(87) } } });
  });

  it('caps registrations per subscriber at 10 and rate-limits registering', async () => {
    const client = await signedIn(cabinet(), 'BILL0000101', 'demo');
    for (let device = 0; device < 10; device += 1) {
      expect((await client.query(REGISTER, { subscription: subscription(`device-${device}`) })).data?.registerPushSubscription).toBe(true);
    }
    const eleventh = await client.query(REGISTER, { subscription: subscription('device-10') });
    expect(eleventh.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(registrations()).toHaveLength(10);
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 25; attempt += 1) codes.push((await client.query(REGISTER, { subscription: subscription('device-0') })).errors?.[0]?.extensions?.code);
    expect(codes.slice(0, 19)).toEqual(Array(19).fill(undefined));
    expect(codes.slice(19)).toEqual(Array(6).fill('RATE_LIMITED'));
  });
});
