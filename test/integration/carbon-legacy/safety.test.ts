import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestPki } from '../../../server/billing/carbon-legacy/test-pki.js';
import { createCarbonLegacyGateway } from '../../../server/billing/carbon-legacy/gateway.js';
import type { CabinetError } from '../../../server/domain/errors.js';
import { closeWorlds, exposed, failure, OPERATOR, seedWith, startWorld, testPki } from './world.js';

/** Hostile input never reaches api.php; secrets never leave; a missing certificate or a broken billing fails fast and clearly. */

afterEach(closeWorlds);

const PASSWORD = 'Pa55-word-xyz';

const HOSTILE_LOGINS = [
  "iva'nov",
  'ivanov"',
  'ivanov; DROP TABLE USERS',
  "ivanov' OR '1'='1",
  'iva nov',
  'ivanov&proc=CLN_FIN_OPER_ADD',
  'ivanov%27',
  '../../etc/passwd',
  '`id`',
  '$(reboot)',
  'ivanov\u0000',
  'иванов',
  'ivanov😀',
  'null',
  'NULL',
  'a'.repeat(33),
  'x'.repeat(100_000),
  '',
  '   ',
];

const HOSTILE_PASSWORDS = ["' OR '1'='1", 'demo; DROP TABLE USERS', 'de mo', 'пароль', '😀😀', 'null', '%00', 'x'.repeat(33), 'y'.repeat(100_000), '&arg3=1'];

describe('hostile input', () => {
  it('refuses every hostile login before any request', async () => {
    const { gateway, simulator } = await startWorld();
    for (const login of HOSTILE_LOGINS) {
      const error = await failure(gateway.login(login, 'demo'));
      expect(['BAD_USER_INPUT', 'INVALID_CREDENTIALS']).toContain(error.code);
      if (login.trim()) expect(error.message).not.toContain(login.trim());
    }
    expect(simulator.requests()).toEqual([]);
  });

  it('never sends a password anywhere, hostile or not: it is compared in the BFF', async () => {
    const seed = seedWith((builder) => builder.subscriber({ login: 'ivanov', password: PASSWORD }));
    const { gateway, simulator } = await startWorld({ seed });
    for (const password of HOSTILE_PASSWORDS) expect((await failure(gateway.login('ivanov', password))).code).toBe('INVALID_CREDENTIALS');
    expect(await gateway.login('ivanov', PASSWORD)).toEqual({ login: 'ivanov', accountId: '1001', secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const sent = JSON.stringify(simulator.requests());
    for (const password of [...HOSTILE_PASSWORDS, PASSWORD].filter((password) => password !== 'null')) expect(sent).not.toContain(password);
  });

  it('refuses hostile service and offer ids before any request', async () => {
    const { gateway, signIn, simulator } = await startWorld();
    const session = await signIn('kovalenko');
    const mark = simulator.calls;
    for (const id of ["5'", '5;', '5 ', ' 5', '5&UK=2', '0x5', '5.0', '١', '５', 'null', '', '1'.repeat(11), '9'.repeat(100_000)]) {
      expect((await failure(gateway.connectService(session, id))).code, id).toBe('BAD_USER_INPUT');
      expect((await failure(gateway.disconnectService(session, id))).code, id).toBe('BAD_USER_INPUT');
      expect((await failure(gateway.takePromisePay(session, id))).code, id).toBe('BAD_USER_INPUT');
    }
    expect(simulator.requests().length).toBe(Object.values(mark).reduce((sum, count) => sum + count, 0));
  });

  it('refuses a tampered session before any request', async () => {
    const { gateway, session, simulator } = await startWorld();
    for (const accountId of ['1001 OR 1=1', '1001;', '', ' 1001', '-1', '1001&SELECT_ID=1', 'ivanov', '1'.repeat(11)]) {
      const tampered = session({ login: 'ivanov', accountId });
      expect((await failure(gateway.getSubscriber(tampered))).code).toBe('UNAUTHENTICATED');
      expect((await failure(gateway.getPayments(tampered))).code).toBe('UNAUTHENTICATED');
      expect((await failure(gateway.connectService(tampered, '5'))).code).toBe('UNAUTHENTICATED');
      expect((await failure(gateway.takePromisePay(tampered, '300.00'))).code).toBe('UNAUTHENTICATED');
    }
    expect(simulator.requests()).toEqual([]);
  });

  it('sends only the session’s own USER_ID, whatever service is asked for', async () => {
    const { gateway, signIn, simulator } = await startWorld();
    const session = await signIn('ivanov');
    await gateway.connectService(session, '5');
    await gateway.disconnectService(session, '5');
    await gateway.getPayments(session);
    const subscriberCalls = simulator.requests().filter((request) => ['CLN_USR_GET', 'CLN_USR_USLUGA_LIST', 'CLN_FIN_OPER'].includes(request.procedure));
    expect(subscriberCalls.every((request) => request.args[1] === '1001')).toBe(true);
    expect(simulator.requests().filter((request) => request.procedure === 'CLN_USR_USLUGA_EDIT').every((request) => request.args[2] === '1001')).toBe(true);
  });
});

describe('client certificates', () => {
  it('a client without a certificate is refused by the billing, and the adapter says UPSTREAM_UNAVAILABLE with where to look', async () => {
    const pki = await testPki();
    const { gateway, simulator } = await startWorld({ tls: { ca: pki.ca.cert } });
    const error = await failure(gateway.login('ivanov', 'demo'));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toBe('The billing system is not reachable right now. Please try again later.');
    expect(error.detail).toMatch(/^carbon-legacy CLN_AUTH_LOGIN: .*client certificate/);
    expect(simulator.refusedConnections).toBeGreaterThan(0);
    expect(simulator.requests()).toEqual([]);
    expect(await gateway.ping()).toBe(false);
  });

  it('a client certificate from another CA is refused the same way', async () => {
    const pki = await testPki();
    const stranger = await createTestPki('Another');
    const { gateway, simulator } = await startWorld({ tls: { pfx: stranger.client.pfx, passphrase: stranger.client.passphrase, ca: pki.ca.cert } });
    const error = await failure(gateway.login('ivanov', 'demo'));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.detail).toContain('CARBON_LEGACY_PFX');
    expect(simulator.refusedConnections).toBeGreaterThan(0);
    expect(simulator.requests()).toEqual([]);
  });

  it('a billing whose certificate our CA did not sign is not talked to', async () => {
    const pki = await testPki();
    const stranger = await createTestPki('Another');
    const { gateway, simulator } = await startWorld({ tls: { pfx: pki.client.pfx, passphrase: pki.client.passphrase, ca: stranger.ca.cert } });
    const error = await failure(gateway.login('ivanov', 'demo'));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.detail).toMatch(/CERT|SIGNED|VERIFY/);
    expect(simulator.requests()).toEqual([]);
  });

  it('takes the certificate as a PEM pair as well as a .pfx', async () => {
    const pki = await testPki();
    const { gateway } = await startWorld({ tls: { cert: pki.client.cert, key: pki.client.key, ca: pki.ca.cert } });
    expect(await gateway.login('ivanov', 'demo')).toMatchObject({ accountId: '1001' });
  });
});

describe('a billing that is down or broken', () => {
  async function closedPortUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `https://127.0.0.1:${port}`;
  }

  it('is UPSTREAM_UNAVAILABLE when nothing listens', async () => {
    const pki = await testPki();
    const gateway = createCarbonLegacyGateway({
      url: await closedPortUrl(),
      tls: { pfx: pki.client.pfx, passphrase: pki.client.passphrase, ca: pki.ca.cert },
      operator: OPERATOR,
      timeoutMs: 2000,
      currency: 'RUB',
    });
    expect((await failure(gateway.login('ivanov', 'demo'))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await gateway.ping()).toBe(false);
    await gateway.close();
  });

  it('is UPSTREAM_UNAVAILABLE soon after the timeout, and never repeats a money call', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld({ timeoutMs: 300 });
    const session = await signIn('kovalenko');
    simulator.setFault('slow');
    const started = Date.now();
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1500);
    simulator.setFault('slow', 'WEB_USER_PROMISE_PAY');
    const mark = simulator.calls;
    await expect(gateway.takePromisePay(session, '420.50')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(ran('WEB_USER_PROMISE_PAY', mark)).toBe(1);
  });

  it('sends a write once on HTTP 500, where a read is tried again', async () => {
    const { gateway, signIn, simulator, ran } = await startWorld();
    const session = await signIn('kovalenko');
    simulator.setFault('http500', 'WEB_USER_PROMISE_PAY');
    let mark = simulator.calls;
    expect((await failure(gateway.takePromisePay(session, '420.50'))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(ran('WEB_USER_PROMISE_PAY', mark)).toBe(1);
    simulator.setFault('http500', 'CLN_USR_GET');
    mark = simulator.calls;
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(ran('CLN_USR_GET', mark)).toBeGreaterThan(1);
  });

  it('is UPSTREAM_UNAVAILABLE on HTTP 500 and UPSTREAM_ERROR on a PHP warning instead of XML', async () => {
    const { gateway, signIn, simulator } = await startWorld();
    const session = await signIn('ivanov');
    simulator.setFault('http500');
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UPSTREAM_UNAVAILABLE');
    simulator.setFault('garbage');
    expect((await failure(gateway.getSubscriber(session))).code).toBe('UPSTREAM_ERROR');
    expect((await failure(gateway.login('kovalenko', 'demo'))).code).toBe('UPSTREAM_ERROR');
    simulator.setFault(null);
    expect((await gateway.getServices(session)).length).toBe(4);
  });
});

describe('secrets', () => {
  it('never appear in an error’s message, detail, stack or cause', async () => {
    const pki = await testPki();
    const seed = seedWith((builder) => builder.subscriber({ login: 'ivanov', password: PASSWORD, balance: '-50.00' }));
    const world = await startWorld({ seed, timeoutMs: 300 });
    const { gateway, simulator } = world;
    const session = await world.signIn('ivanov', PASSWORD);
    const suid = simulator.requests()[1]?.args[0] ?? '';
    expect(suid).toMatch(/^\d{9}$/);
    const errors: CabinetError[] = [];
    const collect = async (promise: Promise<unknown>) => errors.push(await failure(promise));

    await collect(gateway.login('ivanov', `${PASSWORD}-wrong`));
    await collect(gateway.login('ivanov', 'x'.repeat(40)));
    await collect(gateway.connectService(session, '7'));
    await collect(gateway.disconnectService(session, '7'));
    const wrongOperator = await startWorld({ seed, operator: { login: OPERATOR.login, password: `${OPERATOR.password}-x` } });
    await collect(wrongOperator.gateway.login('ivanov', PASSWORD));
    const withoutCertificate = await startWorld({ seed, tls: { ca: pki.ca.cert } });
    await collect(withoutCertificate.gateway.login('ivanov', PASSWORD));
    for (const fault of ['garbage', 'http500', 'slow'] as const) {
      simulator.setFault(fault);
      await collect(gateway.login('ivanov', PASSWORD));
      await collect(gateway.getSubscriber(session));
      await collect(gateway.takePromisePay(session, '350.00'));
    }
    await simulator.close();
    await collect(gateway.getSubscriber(session));

    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(['INVALID_CREDENTIALS', 'NOT_ALLOWED', 'UPSTREAM_ERROR', 'UPSTREAM_UNAVAILABLE']));
    const secrets = [PASSWORD, OPERATOR.password, pki.client.passphrase, pki.client.key.split('\n')[1]!, suid, simulator.url, 'arg2=', 'api.php?'];
    for (const error of errors) for (const secret of secrets) expect(exposed(error)).not.toContain(secret);
  });
});
