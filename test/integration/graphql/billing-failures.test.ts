import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cabinetsClosedAfterEach } from '../../support/cabinet.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { DASHBOARD, LOGIN } from '../../support/operations.js';

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a billing that is down, slow or answering garbage', () => {
  const startCabinet = cabinetsClosedAfterEach();

  it('down: a clear UPSTREAM_UNAVAILABLE, and the cabinet itself still answers', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_URL: `http://127.0.0.1:${await closedPort()}` } });
    const client = new GraphQLClient(cabinet.url);
    const result = await client.query(LOGIN, { login: 'BILL0000101', password: 'demo' });
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(result.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|http/);
    expect((await client.query('{ cabinet { name } }')).data?.cabinet.name).toBe('Abonent');
  });

  it('slow: gives up at the timeout instead of hanging', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', BILLING_TIMEOUT_MS: '300' } });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: 'BILL0000101', password: 'demo' });
    cabinet.simulator.setFault('slow');
    const started = Date.now();
    const result = await client.query(DASHBOARD);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('garbage: UPSTREAM_ERROR with nothing of the answer passed on', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    const client = new GraphQLClient(cabinet.url);
    await client.query(LOGIN, { login: 'BILL0000101', password: 'demo' });
    cabinet.simulator.setFault('garbage');
    const result = await client.query(DASHBOARD);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(Object.keys(result.errors?.[0]?.extensions ?? {})).toEqual(['code']);
    cabinet.simulator.setFault(null);
    expect((await client.query(DASHBOARD)).data?.me?.login).toBe('BILL0000101');
  });

  it('HTTP 500: UPSTREAM_UNAVAILABLE', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    const client = new GraphQLClient(cabinet.url);
    cabinet.simulator.setFault('http500');
    const result = await client.query(LOGIN, { login: 'BILL0000101', password: 'demo' });
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
