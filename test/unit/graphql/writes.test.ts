import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGateway, seedSubscriber } from '../../support/fake-gateway.js';
import { CONNECT, DASHBOARD, DISCONNECT, TAKE_PROMISE_PAY, inProcessCabinet, signedInClient, type InProcessCabinet } from './in-process-cabinet.js';

type Dashboard = { me: { balance: { amount: string }; services: { id: string; connected: boolean; pending: boolean }[] } };

describe('reads and writes through the GraphQL layer', () => {
  let cabinet: InProcessCabinet;
  afterEach(() => cabinet.close());

  describe('with a billing that applies changes at once', () => {
    beforeEach(async () => {
      cabinet = await inProcessCabinet({ gateway: new FakeGateway({ accounts: [seedSubscriber('alice'), seedSubscriber('bob')] }) });
    });

    it('reads each kind once per request however many fields need it, and afresh in the next request', async () => {
      const client = await signedInClient(cabinet);
      const before = cabinet.gateway.callsOf('getSubscriber');
      const answer = await client.request('{ me { login } again: me { balance { amount } } }');
      expect(answer.errors).toBeUndefined();
      expect(cabinet.gateway.callsOf('getSubscriber') - before).toBe(1);
      await client.request(DASHBOARD);
      expect(cabinet.gateway.callsOf('getSubscriber') - before).toBe(2);
      expect(cabinet.gateway.callsOf('getServices')).toBe(1);
    });

    it('answers a write with what the billing holds after it, not what the request read before', async () => {
      const client = await signedInClient(cabinet);
      const answer = await client.request('mutation { takePromisePay(offerId: "7") { balance { amount } promisePay { active { amount { amount } } } } }');
      expect(answer.data).toEqual({ takePromisePay: { balance: { amount: '220.00' }, promisePay: { active: { amount: { amount: '100.00' } } } } });
    });

    it('idempotency: the same key twice makes one billing call and gives the first answer again', async () => {
      const client = await signedInClient(cabinet);
      const first = await client.request(TAKE_PROMISE_PAY, { offerId: '7', key: 'tap-0001' });
      const second = await client.request(TAKE_PROMISE_PAY, { offerId: '7', key: 'tap-0001' });
      expect(first.errors).toBeUndefined();
      expect(second.data).toEqual(first.data);
      expect(cabinet.gateway.callsOf('takePromisePay')).toBe(1);

      const connected = await client.request(CONNECT, { serviceId: '11', key: 'tap-0002' });
      const again = await client.request(CONNECT, { serviceId: '11', key: 'tap-0002' });
      expect(again.data).toEqual(connected.data);
      expect(cabinet.gateway.callsOf('connectService')).toBe(1);
    });

    it('idempotency: a refusal is replayed too, without a second call; a new key asks the billing again', async () => {
      const client = await signedInClient(cabinet);
      await client.request(TAKE_PROMISE_PAY, { offerId: '7', key: 'tap-0003' });
      const refused = await client.request(TAKE_PROMISE_PAY, { offerId: '7', key: 'tap-0004' });
      const replayed = await client.request(TAKE_PROMISE_PAY, { offerId: '7', key: 'tap-0004' });
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
      expect(replayed.errors?.[0]).toMatchObject({ message: refused.errors?.[0]?.message, extensions: { code: 'NOT_ALLOWED' } });
      expect(cabinet.gateway.callsOf('takePromisePay')).toBe(2);
    });

    it("idempotency: one subscriber's key never replays another's result", async () => {
      const alice = await signedInClient(cabinet, 'alice');
      const bob = await signedInClient(cabinet, 'bob');
      await alice.request(TAKE_PROMISE_PAY, { offerId: '7', key: 'shared-key-01' });
      const bobs = await bob.request<{ takePromisePay: { balance: { amount: string } } }>(TAKE_PROMISE_PAY, { offerId: '7', key: 'shared-key-01' });
      expect(bobs.errors).toBeUndefined();
      expect(cabinet.gateway.callsOf('takePromisePay')).toBe(2);
      expect(cabinet.gateway.account('bob').promisePay.active).not.toBeNull();
    });
  });

  describe('with a billing that queues service changes (like Carbon)', () => {
    beforeEach(async () => {
      cabinet = await inProcessCabinet({ gateway: new FakeGateway({ queueServiceChanges: true }) });
    });

    it('shows an accepted change as pending until the billing applies it', async () => {
      const client = await signedInClient(cabinet);
      const connected = await client.request(CONNECT, { serviceId: '11' });
      expect(connected.data).toEqual({ connectService: { id: '11', connected: false, pending: true, canConnect: false } });
      const disconnected = await client.request(DISCONNECT, { serviceId: '12' });
      expect(disconnected.data).toEqual({ disconnectService: { id: '12', connected: true, pending: true } });

      const waiting = await client.request<Dashboard>(DASHBOARD);
      expect(waiting.data?.me.services).toEqual([
        { id: '11', connected: false, pending: true },
        { id: '12', connected: true, pending: true },
      ]);

      cabinet.gateway.applyQueue();
      const applied = await client.request<Dashboard>(DASHBOARD);
      expect(applied.data?.me.services).toEqual([
        { id: '11', connected: true, pending: false },
        { id: '12', connected: false, pending: false },
      ]);
    });
  });
});
