import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { carbonSeed } from '../../../server/billing/carbon5/demo-data.js';
import { createCarbon5Gateway } from '../../../server/billing/carbon5/gateway.js';
import { startCarbon5Simulator, type Carbon5Simulator } from '../../../server/billing/carbon5/simulator.js';
import { CabinetError } from '../../../server/domain/errors.js';
import type { SubscriberSession } from '../../../server/domain/gateway.js';
import { billingSession } from '../../support/billing-session.js';
import type { BillingIdentity } from '../../../server/domain/types.js';
import { failure } from '../../support/expectations.js';

const API_PASSWORD = 'psw-Zx81-context';
const PASSWORD = 'Pa55-word-xyz';
const LOGIN = 'BILL0000301';

const simulators: Carbon5Simulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function billing(timeoutMs = 2000) {
  const seed = carbonSeed().subscriber({ login: LOGIN, password: PASSWORD, balance: '-50.00' }).build();
  const simulator = await startCarbon5Simulator({ apiPassword: API_PASSWORD, seed, writeDelayMs: 0 });
  simulators.push(simulator);
  const gateway = createCarbon5Gateway({ url: simulator.url, apiPassword: API_PASSWORD, timeoutMs, currency: 'UAH' });
  const identity = await gateway.login(LOGIN, PASSWORD);
  return { simulator, gateway, session: sessionOf(identity), identity };
}

function sessionOf(identity: BillingIdentity): SubscriberSession {
  return billingSession(identity);
}


async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('a billing that is down or broken', () => {
  it('is UPSTREAM_UNAVAILABLE when nothing listens', async () => {
    const gateway = createCarbon5Gateway({ url: await closedPortUrl(), apiPassword: API_PASSWORD, timeoutMs: 2000, currency: 'UAH' });
    expect((await failure(gateway.login(LOGIN, PASSWORD))).code).toBe('UPSTREAM_UNAVAILABLE');
    const session = sessionOf({ login: LOGIN, accountId: '101', secret: '123456789012345678' });
    expect((await failure(gateway.getServices(session))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await gateway.ping()).toBe(false);
  });

  it('is UPSTREAM_UNAVAILABLE soon after the timeout when Carbon is slow, and never repeats a money call', async () => {
    const { simulator, gateway, session } = await billing(300);
    simulator.setFault('slow');
    let started = Date.now();
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1500);

    const before = simulator.calls['web_cabinet.add_promise_pay'] ?? 0;
    expect((await failure(gateway.takePromisePay(session, '144'))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((simulator.calls['web_cabinet.add_promise_pay'] ?? 0) - before).toBe(1);

    started = Date.now();
    await simulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is UPSTREAM_UNAVAILABLE on HTTP 500', async () => {
    const { simulator, gateway, session } = await billing();
    simulator.setFault('http500');
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await failure(gateway.getServices(session))).code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('is UPSTREAM_ERROR on garbage from system_api and from REST v2', async () => {
    const { simulator, gateway, session } = await billing();
    simulator.setFault('garbage');
    expect((await failure(gateway.login(LOGIN, PASSWORD))).code).toBe('UPSTREAM_ERROR');
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UPSTREAM_ERROR');
    expect((await failure(gateway.getServices(session))).code).toBe('UPSTREAM_ERROR');
    expect((await failure(gateway.takePromisePay(session, '144'))).code).toBe('UPSTREAM_ERROR');
    simulator.setFault(null);
    expect((await gateway.getServices(session)).length).toBeGreaterThan(0);
  });

  it('is UPSTREAM_ERROR when auto-login answers a session without naming the login', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"session_id": "144997776676316356", "user": {"pk": 5}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const gateway = createCarbon5Gateway({ url: `http://127.0.0.1:${port}/`, timeoutMs: 2000, currency: 'UAH' });
      expect((await failure(gateway.autoLogin('10.0.0.7'))).code).toBe('UPSTREAM_ERROR');
      expect(await gateway.login('BILL0000005', 'x')).toEqual({ login: 'BILL0000005', accountId: '5', secret: '144997776676316356' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('is UPSTREAM_ERROR when Carbon refuses the configured psw', async () => {
    const { simulator } = await billing();
    const misconfigured = createCarbon5Gateway({ url: simulator.url, apiPassword: 'not-the-psw', timeoutMs: 2000, currency: 'UAH' });
    expect((await failure(misconfigured.login(LOGIN, PASSWORD))).code).toBe('UPSTREAM_ERROR');
  });
});

describe('secrets', () => {
  it('never appear in an error’s message, detail or stack', async () => {
    const { simulator, gateway, session, identity } = await billing(300);
    const suid = identity.secret ?? '';
    expect(suid).toMatch(/^\d{18}$/);
    const errors: CabinetError[] = [];
    const collect = async (promise: Promise<unknown>) => errors.push(await failure(promise));

    await collect(gateway.login(LOGIN, `${PASSWORD}-wrong`));
    await collect(gateway.connectService(session, '87'));
    await collect(gateway.disconnectService(session, '87'));
    await collect(gateway.confirmPasswordReset({ channel: 'SMS', billingRef: '101', accountId: '101' }, 'ABCDEF', PASSWORD));
    await collect(createCarbon5Gateway({ url: simulator.url, apiPassword: `${API_PASSWORD}-x`, timeoutMs: 2000, currency: 'UAH' }).login(LOGIN, PASSWORD));
    await collect(gateway.getSubscriber(sessionOf({ ...identity, accountId: '999', secret: `${suid}9` })));
    for (const fault of ['garbage', 'http500', 'slow'] as const) {
      simulator.setFault(fault);
      await collect(gateway.login(LOGIN, PASSWORD));
      await collect(gateway.getSubscriber(session));
      await collect(gateway.getServices(session));
    }
    await simulator.close();
    await collect(gateway.getSubscriber(session));

    expect(new Set(errors.map((error) => error.code))).toEqual(
      new Set(['INVALID_CREDENTIALS', 'NOT_ALLOWED', 'UNAUTHENTICATED', 'UPSTREAM_ERROR', 'UPSTREAM_UNAVAILABLE']),
    );
    for (const error of errors) {
      const text = [error.message, error.detail, error.stack, String(error.cause ?? '')].join('\n');
      for (const secret of [API_PASSWORD, PASSWORD, suid, session.identity.secret ?? suid, 'psw=', 'arg1=', 'passwd', simulator.url]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
