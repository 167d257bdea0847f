import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { LOGIN } from '../../support/operations.js';

const REGISTER = /* GraphQL */ `
  mutation Register($subscription: WebPushSubscriptionInput!, $locale: String) {
    registerPushSubscription(subscription: $subscription, locale: $locale)
  }
`;
const subscription = (device: string) => ({
  endpoint: `https://push.example.net/send/${device}`,
  keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) },
});

describe('push registration through GraphQL', () => {
  let cabinet: TestCabinet;
  beforeEach(async () => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
  });
  afterEach(() => cabinet.close());

  const registrations = () =>
    cabinet
      .pushRegistrations()
      .map(({ login, registration, locale }) => ({ login, endpoint: registration.kind === 'webpush' ? registration.endpoint : registration.token, locale }))
      .sort((a, b) => a.endpoint.localeCompare(b.endpoint));

  it('gives the PWA a VAPID key that stays the same across restarts of the store', async () => {
    const { data } = await new GraphQLClient(cabinet.url).query('{ cabinet { vapidPublicKey } }');
    expect(data?.cabinet.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it("keeps several devices per subscriber, each bound to the session's subscriber, and lets only them remove theirs", async () => {
    const taras = new GraphQLClient(cabinet.url);
    const olena = new GraphQLClient(cabinet.url);
    await taras.query(LOGIN, { login: 'BILL0000101', password: 'demo' });
    await olena.query(LOGIN, { login: 'BILL0000102', password: 'demo' });
    expect((await taras.query(REGISTER, { subscription: subscription('phone'), locale: 'uk' })).data?.registerPushSubscription).toBe(true);
    expect((await taras.query(REGISTER, { subscription: subscription('laptop'), locale: 'en' })).data?.registerPushSubscription).toBe(true);
    expect(registrations()).toEqual([
      { login: 'BILL0000101', endpoint: 'https://push.example.net/send/laptop', locale: 'en' },
      { login: 'BILL0000101', endpoint: 'https://push.example.net/send/phone', locale: 'uk' },
    ]);
    const foreign = await olena.query('mutation($e: String!) { unregisterPush(endpointOrToken: $e) }', { e: 'https://push.example.net/send/phone' });
    expect(foreign.data?.unregisterPush).toBe(false);
    const own = await taras.query('mutation($e: String!) { unregisterPush(endpointOrToken: $e) }', { e: 'https://push.example.net/send/phone' });
    expect(own.data?.unregisterPush).toBe(true);
    expect(registrations()).toHaveLength(1);
  });

  it('refuses a subscription that is not an https push endpoint, and an unknown language', async () => {
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: 'BILL0000101', password: 'demo' });
    const plain = await client.query(REGISTER, { subscription: { ...subscription('x'), endpoint: 'http://push.example.net/x' } });
    expect(plain.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const language = await client.query(REGISTER, { subscription: subscription('y'), locale: 'de' });
    expect(language.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(registrations()).toEqual([]);
  });

  it('needs a session', async () => {
    const anonymous = await new GraphQLClient(cabinet.url).query(REGISTER, { subscription: subscription('z') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
