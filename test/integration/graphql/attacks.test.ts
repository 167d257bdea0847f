import { afterEach, describe, expect, it } from 'vitest';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { AUTO_LOGIN, CONNECT_SERVICE, DASHBOARD, LOGIN, REQUEST_RESET } from '../../support/operations.js';

const GOOD = 'BILL0000101';

describe('attacks that must fail', () => {
  let cabinet: TestCabinet;
  afterEach(() => cabinet?.close());

  const open = async (env: Record<string, string> = {}) => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', ...env } });
    return new GraphQLClient(cabinet.url);
  };

  it('brute force by sequential requests: the login locks after five tries, even for the right password', async () => {
    const client = await open();
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await client.query(LOGIN, { login: GOOD, password: `guess-${attempt}` });
      expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await client.query(LOGIN, { login: GOOD, password: 'demo' });
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(800);
    expect(locked.data?.login ?? null).toBeNull();
  });

  it('brute force by aliases: every alias counts, so batching guesses gains nothing', async () => {
    const client = await open();
    const guesses = (from: number) =>
      Array.from({ length: 5 }, (_, i) => `g${i}: login(login: "${GOOD}", password: "guess-${from + i}") { subscriber { login } }`).join(' ');
    const codes: (string | undefined)[] = [];
    for (let request = 0; request < 8; request++) {
      const result = await client.query(`mutation { ${guesses(request * 5)} }`);
      codes.push(...(result.errors ?? []).map((error) => error.extensions?.code));
    }
    // Mutations run one after another and the first failure ends the request, so at most five guesses ever reach the billing.
    expect(cabinet.simulator.calls['web_cabinet.login'] ?? 0).toBeLessThanOrEqual(5);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect((await client.query(LOGIN, { login: GOOD, password: 'demo' })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('a lock on one address does not lock the subscriber out from home', async () => {
    const client = await open({ TRUST_PROXY: '127.0.0.1' });
    for (let attempt = 0; attempt < 6; attempt++) {
      await client.query(LOGIN, { login: GOOD, password: `guess-${attempt}` }, { 'x-forwarded-for': '198.51.100.7' });
    }
    const home = await client.query(LOGIN, { login: GOOD, password: 'demo' }, { 'x-forwarded-for': '100.64.1.5' });
    expect(home.errors).toBeUndefined();
  });

  it('password-reset requests are limited per login', async () => {
    const client = await open();
    for (let attempt = 0; attempt < 3; attempt++) expect((await client.query(REQUEST_RESET, { login: GOOD })).errors).toBeUndefined();
    const fourth = await client.query(REQUEST_RESET, { login: GOOD });
    expect(fourth.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(cabinet.simulator.outbox().filter((message) => message.login === GOOD)).toHaveLength(3);
  });

  it('a session opened by address must confirm the password before changing services', async () => {
    const client = await open();
    expect((await client.query(AUTO_LOGIN)).errors).toBeUndefined();
    const refused = await client.query(CONNECT_SERVICE, { id: '86' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ALLOWED', reason: 'PASSWORD_REQUIRED' });
    const wrong = await client.query('mutation { confirmPassword(password: "nope") }');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const confirmed = await client.query('mutation { confirmPassword(password: "demo") }');
    expect(confirmed.data?.confirmPassword).toBe(true);
    expect((await client.query(CONNECT_SERVICE, { id: '86' })).errors).toBeUndefined();
  });

  it('CSRF: a simple form post and a GET without the header are refused', async () => {
    await open();
    const form = await fetch(`${cabinet.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation%7Blogout%7D',
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    const get = await fetch(`${cabinet.url}/graphql?query=${encodeURIComponent('{ me { login balance { amount } } }')}`);
    expect(get.status).toBe(403);
  });

  it('refuses a query past each limit: tokens, aliases, directives, depth', async () => {
    const client = await open();
    const tokens = await client.query(`{ ${Array.from({ length: 400 }, (_, i) => `f${i}: __typename`).join(' ')} }`);
    expect(tokens.errors?.[0]?.message).toMatch(/token/i);
    const aliases = await client.query(`{ ${Array.from({ length: 6 }, (_, i) => `c${i}: cabinet { name }`).join(' ')} }`);
    expect(aliases.errors?.[0]?.message).toMatch(/alias/i);
    const directives = await client.query(`{ cabinet { name ${'@include(if: true) '.repeat(12)} } }`);
    expect(directives.errors?.[0]?.message).toMatch(/directive/i);
    const deep = await client.query(`{ me { ${'a { '.repeat(12)}b${' }'.repeat(12)} } }`);
    expect(deep.errors?.map((error) => error.message).join(' ')).toMatch(/depth/i);
  });

  it('refuses an oversized body', async () => {
    await open();
    const response = await fetch(`${cabinet.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
      body: JSON.stringify({ query: '{ cabinet { name } }', variables: { pad: 'x'.repeat(100_000) } }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()) as unknown).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('refuses a body streamed without a length, whose size it could not know before reading it', async () => {
    await open();
    const chunks = [JSON.stringify({ query: '{ cabinet { name } }' })];
    const response = await fetch(`${cabinet.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
      body: new ReadableStream({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk) controller.enqueue(new TextEncoder().encode(chunk));
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  it('keeps an audit trail of sign-ins and money actions without passwords', async () => {
    const client = await open();
    await client.query(LOGIN, { login: GOOD, password: 'not-it-123' });
    await client.query(LOGIN, { login: GOOD, password: 'demo' });
    await client.query(DASHBOARD);
    await client.query(CONNECT_SERVICE, { id: '86' });
    await client.query('mutation { logout }');
    const entries = cabinet.audit();
    expect(entries.map((entry) => [entry.action, entry.login, entry.subject, entry.result].filter(Boolean).join(' '))).toEqual([
      'sign-out BILL0000101 ok',
      'connect-service BILL0000101 86 ok',
      'sign-in BILL0000101 ok',
      'sign-in BILL0000101 INVALID_CREDENTIALS',
    ]);
    expect(entries.every((entry) => entry.address === '127.0.0.1')).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/not-it-123|demo"/);
  });
});
