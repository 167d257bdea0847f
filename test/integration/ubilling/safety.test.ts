import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createUbillingGateway } from '../../../server/billing/ubilling/gateway.js';
import { md5 } from '../../../server/billing/ubilling/replies.js';
import type { CabinetError } from '../../../server/domain/errors.js';
import { ALL_SECRETS, PASSWORDS, SERIAL, STOCK_RULES, exposed, failure, startWorld, type World, type WorldOptions } from './world.js';

/** Hostile input never reaches Ubilling; secrets never leave; a broken billing fails fast and clearly. */

let world: World;
afterEach(async () => {
  await world?.simulator.close();
});
const start = async (options: WorldOptions = {}) => (world = await startWorld(options));

const HOSTILE_LOGINS = [
  "iva'nov",
  'ivanov"',
  'ivanov; rm -rf /',
  "ivanov' OR '1'='1",
  'iva nov',
  'ivanov&param=getuserdatabymobile',
  'ivanov%27',
  'ivanov-admin',
  '../../etc/passwd',
  '`id`',
  '$(reboot)',
  'ivanov\u0000',
  'ivanov\u0000\n',
  'іванов',
  'ivanov😀',
  'a'.repeat(51),
  'x'.repeat(100_000),
  '',
  '   ',
];

function expectNoSecrets(error: CabinetError) {
  const text = exposed(error);
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

describe.each([false, true])('hostile input (userstats: %s)', (userstats) => {
  it('refuses every hostile login before any request', async () => {
    await start({ userstats, autoLogin: true, settings: { userByIpEnabled: true } });
    for (const login of HOSTILE_LOGINS) {
      const error = await failure(world.gateway.login(login, PASSWORDS.ivanov));
      expect(['BAD_USER_INPUT', 'INVALID_CREDENTIALS']).toContain(error.code);
      expect(error.message).not.toContain(login.trim() || '\u0000never');
    }
    expect(world.simulator.requestCount).toBe(0);
  });

  it('sends a login typed with spaces around it as the bare login', async () => {
    await start({ userstats });
    expect((await world.gateway.login(' ivanov\n', PASSWORDS.ivanov)).login).toBe('ivanov');
    expect(world.simulator.requests().every((request) => (request.query.login ?? request.query.uberlogin) === 'ivanov')).toBe(true);
  });

  it('refuses a tampered session login before any request', async () => {
    await start({ userstats });
    for (const login of [...HOSTILE_LOGINS, ' ivanov', 'ivanov\n']) {
      const session = world.session({ login, accountId: login, secret: md5(PASSWORDS.ivanov) });
      expect((await failure(world.gateway.getSubscriber(session))).code).toBe('UNAUTHENTICATED');
      expect((await failure(world.gateway.takePromisePay(session, 'credit'))).code).toBe('UNAUTHENTICATED');
    }
    expect(world.simulator.requestCount).toBe(0);
  });

  it('ignores hostile client addresses for auto-login', async () => {
    await start({ userstats, autoLogin: true, settings: { userByIpEnabled: true } });
    for (const ip of ['172.16.0.15; ls', '172.16.0.15&ip=1.2.3.4', '::1', '', '999.1.1.1', "1.1.1.1'"]) {
      expect(await world.gateway.autoLogin(ip)).toBeNull();
    }
    expect(world.simulator.requestCount).toBe(0);
  });
});

describe('what reaches Ubilling', () => {
  it('sends a hostile password only as the value of userpass, and only allow-listed names', async () => {
    await start();
    const error = await failure(world.gateway.login('ivanov', "pw'&action=usercash&summ=1000&op=set&key=x"));
    expect(error.code).toBe('INVALID_CREDENTIALS');
    const [only, ...rest] = world.simulator.requests();
    expect(rest).toEqual([]);
    expect(Object.keys(only!.query).sort()).toEqual(['action', 'key', 'login', 'module', 'param', 'userpass']);
    expect(only!.query).toMatchObject({ action: 'asterisk', param: 'getuserdatabylogin', login: 'ivanov' });
  });

  it('never calls the mobile lookups, and every call carries the session login', async () => {
    await start({ userstats: true, rules: { enabled: true } });
    const session = await world.signIn('petrenko');
    await world.gateway.getSubscriber(session);
    await world.gateway.getSpends(session);
    await world.gateway.getPromisePay(session);
    await world.gateway.takePromisePay(session, 'credit');
    await world.gateway.getPayments(session);
    for (const request of world.simulator.requests()) {
      expect(request.query.param ?? '').not.toMatch(/bymobile/);
      expect(request.query.number).toBeUndefined();
      expect(request.query.login ?? request.query.uberlogin).toBe('petrenko');
    }
  });
});

describe('secrets', () => {
  it('keeps the serial, the passwords and their md5 out of errors and identities', async () => {
    const errors: CabinetError[] = [];
    await start({ userstats: true, timeoutMs: 300 });
    errors.push(await failure(world.gateway.login('ivanov', 'wrong-password')));
    errors.push(await failure(world.gateway.takePromisePay(await world.signIn('ivanov'), 'credit')));
    for (const fault of ['http500', 'garbage', 'fatal', 'slow', 'reset'] as const) {
      world.simulator.setFault(fault);
      errors.push(await failure(world.gateway.login('ivanov', PASSWORDS.ivanov)));
    }
    world.simulator.setFault(null);
    const remoteOnly = await startWorld({ serial: 'UB' + 'e'.repeat(32) });
    try {
      errors.push(await failure(remoteOnly.gateway.login('petrenko', PASSWORDS.petrenko)));
      expect(JSON.stringify(await remoteOnly.gateway.autoLogin('172.16.0.15'))).toBe('null');
    } finally {
      await remoteOnly.simulator.close();
    }
    expect(errors).toHaveLength(8);
    for (const error of errors) expectNoSecrets(error);
    expect(exposed(errors[7]!)).not.toContain('e'.repeat(32));
  });

  it('keeps only the password md5 in a RemoteAPI-only identity, and returns no password in any result', async () => {
    await start({ autoLogin: true, settings: { userByIpEnabled: true } });
    const identity = await world.gateway.login('ivanov', PASSWORDS.ivanov);
    expect(identity.secret).toBe(md5(PASSWORDS.ivanov));
    const session = world.session(identity);
    // The md5 stays in the server-side session; what the adapter returns besides it carries no password.
    const withoutSecret = (found: { secret?: string } | null) => found && { ...found, secret: undefined };
    const results = JSON.stringify([
      withoutSecret(identity),
      withoutSecret(await world.gateway.autoLogin('172.16.0.15')),
      await world.gateway.getSubscriber(session),
      await world.gateway.getSpends(session),
      await world.gateway.getPromisePay(session),
      await world.gateway.getSupportContacts(),
    ]);
    for (const secret of ALL_SECRETS) expect(results).not.toContain(secret);
  });
});

describe('a broken billing', () => {
  it.each([
    ['http500', 'UPSTREAM_UNAVAILABLE'],
    ['reset', 'UPSTREAM_UNAVAILABLE'],
    ['fatal', 'UPSTREAM_UNAVAILABLE'],
    ['garbage', 'UPSTREAM_ERROR'],
  ] as const)('%s → %s', async (fault, code) => {
    await start({ userstats: true });
    const session = await world.signIn('ivanov');
    world.simulator.setFault(fault);
    expect((await failure(world.gateway.getSubscriber(session))).code).toBe(code);
    expect((await failure(world.gateway.login('ivanov', PASSWORDS.ivanov))).code).toBe(code);
    expect(await world.gateway.ping()).toBe(false);
  });

  it('Asterisk database down, as on a real Ubilling: subscriber reads are UPSTREAM_UNAVAILABLE and readiness says not ready', async () => {
    await start({ userstats: true });
    const session = await world.signIn('ivanov');
    expect(await world.gateway.ping()).toBe(true);
    world.simulator.setFault('asterisk-db-down');
    expect((await failure(world.gateway.getSubscriber(session))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await world.gateway.ping()).toBe(false);
  });

  it('userstats cut off from the billing core ("Core API connectivity failed!"): UPSTREAM_UNAVAILABLE, and not ready', async () => {
    await start({ userstats: true });
    const session = await world.signIn('ivanov');
    world.simulator.setFault('core-down');
    const error = await failure(world.gateway.getPayments(session));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toMatch(/not reachable/);
    expect((await failure(world.gateway.login('ivanov', PASSWORDS.ivanov))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await world.gateway.ping()).toBe(false);
    world.simulator.setFault(null);
    expect(await world.gateway.ping()).toBe(true);
  });

  it('gives up on a slow billing within the timeout', async () => {
    await start({ timeoutMs: 300 });
    world.simulator.setFault('slow');
    const started = Date.now();
    expect((await failure(world.gateway.login('ivanov', PASSWORDS.ivanov))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('still reads replies with PHP notices before them', async () => {
    await start({ userstats: true });
    world.simulator.setFault('notices');
    const session = await world.signIn('ivanov');
    expect(await world.gateway.getSubscriber(session)).toMatchObject({ balance: { amount: '123.45' }, daysLeft: 29, fullName: 'Іванов Іван' });
    expect(await world.gateway.getSpends(session)).toHaveLength(3);
  });

  it('is UPSTREAM_UNAVAILABLE when nothing listens', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const gateway = createUbillingGateway({
      url: `http://127.0.0.1:${port}/`,
      serial: SERIAL,
      timeoutMs: 500,
      currency: 'UAH',
      autoLogin: false,
      creditRules: STOCK_RULES,
    });
    const error = await failure(gateway.login('ivanov', PASSWORDS.ivanov));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expectNoSecrets(error);
    expect(await gateway.ping()).toBe(false);
  });

  it('is a clear UPSTREAM_ERROR when the ISP turned the asterisk calls off', async () => {
    await start();
    world.simulator.configure({ asteriskEnabled: false });
    const error = await failure(world.gateway.login('ivanov', PASSWORDS.ivanov));
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.detail).toContain('ASTERISK_ENABLED');
  });
});
