import { afterEach, describe, expect, it } from 'vitest';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { LOGIN } from '../../support/operations.js';

/** Four Carbon demo subscribers sharing one address, as neighbours behind one NAT do. */
const NEIGHBOURS = ['BILL0000101', 'BILL0000102', 'BILL0000103', 'BILL0000104'];
const OFFICE = { 'x-forwarded-for': '100.64.7.7' };

describe('the per-address sign-in limit counts failures, not successes (over HTTP)', () => {
  let cabinet: TestCabinet;
  afterEach(() => cabinet?.close());

  const open = async () => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', TRUST_PROXY: '127.0.0.1' } });
    return new GraphQLClient(cabinet.url);
  };

  it('40 successful sign-ins from one address do not lock it', async () => {
    const client = await open();
    for (let attempt = 0; attempt < 40; attempt++) {
      const answer = await client.query(LOGIN, { login: NEIGHBOURS[attempt % NEIGHBOURS.length], password: 'demo' }, OFFICE);
      expect(answer.errors, `sign-in ${attempt + 1}`).toBeUndefined();
    }
  });

  it('30 failures from one address still lock it, for every login, successes before them notwithstanding', async () => {
    const client = await open();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await client.query(LOGIN, { login: NEIGHBOURS[attempt % NEIGHBOURS.length], password: 'demo' }, OFFICE)).errors).toBeUndefined();
    }
    const failures = await Promise.all(Array.from({ length: 30 }, (_, guess) => client.query(LOGIN, { login: `SPRAY${guess}`, password: 'summer2026' }, OFFICE)));
    expect(failures.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual(Array(30).fill('INVALID_CREDENTIALS'));
    const locked = await client.query(LOGIN, { login: NEIGHBOURS[0], password: 'demo' }, OFFICE);
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    expect((await client.query(LOGIN, { login: NEIGHBOURS[0], password: 'demo' }, { 'x-forwarded-for': '100.64.8.8' })).errors).toBeUndefined();
  });
});
