import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCarbon5Simulator, type Carbon5Simulator } from '../../../server/billing/carbon5/simulator.js';
import { startCabinet, type RunningCabinet } from '../../../server/cabinet.js';
import { loadConfig } from '../../../server/config.js';
import { createLogger } from '../../../server/logger.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { DASHBOARD, LOGIN } from '../../support/operations.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, isolatedPlace, missingServers, removePlace, reportMissing } from '../store/servers.js';
import { TcpProxy } from '../store/tcp-proxy.js';
import { startBff } from './processes.js';
import { eventually } from '../../support/expectations.js';

/**
 * The operations endpoints and graceful failure of one instance on the shared store. Redis,
 * PostgreSQL and the billing are each reached through a TCP proxy on loopback that the test can
 * cut, as if the service stopped, and restore.
 */
const missing = await missingServers();
reportMissing(missing);

const METRICS_TOKEN = 'metrics-token-0123456789';
const LOGIN_NAME = 'BILL0000101';


/** GET with headers fetch would refuse, answering status, headers and body. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe.skipIf(missing)('one instance on the shared store: health, metrics, logs and failures', () => {
  const place = isolatedPlace();
  const dataDir = mkdtempSync(join(tmpdir(), 'abonent-operations-'));
  const lines: string[] = [];
  let simulator: Carbon5Simulator;
  let redis: TcpProxy;
  let postgres: TcpProxy;
  let billing: TcpProxy;
  let cabinet: RunningCabinet;
  let client: GraphQLClient;

  beforeAll(async () => {
    simulator = await startCarbon5Simulator({ writeDelayMs: 0 });
    [redis, postgres, billing] = await Promise.all([TcpProxy.start(new URL(TEST_REDIS_URL)), TcpProxy.start(new URL(TEST_DATABASE_URL)), TcpProxy.start(new URL(simulator.url))]);
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      ALLOW_ARBITRARY_OPERATIONS: 'true',
      TRUST_PROXY: '127.0.0.1',
      BILLING_URL: billing.url(new URL(simulator.url)),
      BILLING_TIMEOUT_MS: '2000',
      REDIS_URL: redis.url(new URL(TEST_REDIS_URL)),
      REDIS_KEY_PREFIX: place.keyPrefix,
      DATABASE_URL: postgres.url(new URL(TEST_DATABASE_URL)),
      DATABASE_SCHEMA: place.schema,
      METRICS_TOKEN,
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    cabinet = await startCabinet(config, createLogger(config.LOG_LEVEL, sink));
    client = new GraphQLClient(`http://127.0.0.1:${new URL(cabinet.url).port}`);
    expect((await client.query(LOGIN, { login: LOGIN_NAME, password: 'demo' })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await cabinet?.close();
    await Promise.all([redis?.close(), postgres?.close(), billing?.close(), simulator?.close()]);
    await removePlace(place);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${new URL(cabinet.url).port}`;
  /** The dashboard once the session answers it again without errors, after what was cut is restored. */
  const dashboardOnceBack = () =>
    eventually(async () => {
      const result = await client.query(DASHBOARD);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result;
    });
  const readiness = async () => {
    const response = await get(`${base()}/readyz`);
    return { status: response.status, body: JSON.parse(response.body) as { status: string; checks: Record<string, { ok: boolean; error?: string; circuit?: string }> } };
  };

  it('is alive, and ready with each dependency named and no secret or address shown', async () => {
    expect((await get(`${base()}/healthz`)).status).toBe(200);
    const response = await get(`${base()}/readyz`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      status: 'ready',
      checks: {
        redis: { ok: true, latencyMs: expect.any(Number) },
        postgresql: { ok: true, latencyMs: expect.any(Number) },
        billing: { ok: true, latencyMs: expect.any(Number), kind: 'carbon5', circuit: 'closed' },
      },
    });
    for (const secret of [String(redis.port), String(postgres.port), String(billing.port), '127.0.0.1', 'postgres@', place.keyPrefix]) expect(response.body).not.toContain(secret);
  });

  it('serves Prometheus metrics only with the bearer token', async () => {
    expect((await client.query(DASHBOARD)).errors).toBeUndefined();
    expect((await get(`${base()}/metrics`)).status).toBe(401);
    expect((await get(`${base()}/metrics`, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    const metrics = await get(`${base()}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.body).toMatch(/^abonent_graphql_operations_total\{operation="Dashboard",result="ok"\} [1-9]/m);
    expect(metrics.body).toMatch(/^abonent_graphql_request_duration_seconds_count\{operation="Dashboard"\} [1-9]/m);
    expect(metrics.body).toMatch(/^abonent_upstream_calls_total\{call="carbon5 web_cabinet\.get_user",outcome="ok"\} [1-9]/m);
    expect(metrics.body).toMatch(/^abonent_upstream_call_duration_seconds_count\{call="carbon5 web_cabinet\.get_user"\} [1-9]/m);
    expect(metrics.body).toMatch(/^abonent_active_sessions 1$/m);
    expect(metrics.body).toContain('# TYPE abonent_rate_limit_rejections_total counter');
    expect(metrics.body).toContain('# TYPE abonent_push_sends_total counter');
  });

  it('counts rate-limit rejections by limit', async () => {
    const guesser = new GraphQLClient(base());
    for (let attempt = 0; attempt < 6; attempt += 1) await guesser.query(LOGIN, { login: 'BILL0000103', password: `guess-${attempt}` });
    const metrics = await get(`${base()}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(metrics.body).toMatch(/^abonent_rate_limit_rejections_total\{limit="signin-login"\} 1$/m);
  });

  it("gives each request an id, in the response and in each of its log lines, billing calls included; keeps a trusted proxy's id", async () => {
    const response = await client.query(DASHBOARD);
    const id = response.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const ofRequest = lines.map((line) => JSON.parse(line) as { requestId?: string; msg: string; call?: string }).filter((entry) => entry.requestId === id);
    expect(ofRequest.filter((entry) => entry.msg === 'billing call').map((entry) => entry.call)).toContain('carbon5 web_cabinet.get_user');

    // TRUST_PROXY is 127.0.0.1 here, so the test is the proxy; nginx sends its $request_id like this.
    const proxied = await client.query(DASHBOARD, undefined, { 'x-request-id': 'nginx-0123456789abcdef' });
    expect(proxied.headers['x-request-id']).toBe('nginx-0123456789abcdef');
    const malformed = await client.query(DASHBOARD, undefined, { 'x-request-id': 'bad id\u00e9' });
    expect(malformed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('Redis stopped: requests fail clearly, readiness says which, the process keeps running; all is back when Redis is', async () => {
    await redis.cut();
    const failed = await client.query(DASHBOARD);
    expect(failed.errors?.[0]).toMatchObject({
      message: 'The cabinet cannot reach its storage right now. Please try again in a minute.',
      extensions: { code: 'STORE_UNAVAILABLE' },
    });
    const notReady = await readiness();
    expect(notReady.status).toBe(503);
    expect(notReady.body.status).toBe('not ready');
    expect(notReady.body.checks.redis).toMatchObject({ ok: false, error: expect.any(String) });
    expect(notReady.body.checks.postgresql?.ok).toBe(true);
    expect((await get(`${base()}/healthz`)).status).toBe(200);
    expect(lines.some((line) => line.includes('"detail":"redis get: not connected"'))).toBe(true);

    await redis.restore();
    expect((await dashboardOnceBack()).data?.me.login).toBe(LOGIN_NAME);
    expect((await readiness()).status).toBe(200);
  });

  it('PostgreSQL stopped: readiness says so and sessions go on; back when PostgreSQL is', async () => {
    await postgres.cut();
    const notReady = await readiness();
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.postgresql).toMatchObject({ ok: false });
    expect(notReady.body.checks.redis?.ok).toBe(true);
    expect((await client.query(DASHBOARD)).errors).toBeUndefined();
    await postgres.restore();
    await eventually(async () => {
      if ((await readiness()).status !== 200) throw new Error('not ready yet');
    });
  });

  it('the billing stopped: its circuit opens and calls fail fast, then a probe closes it when the billing is back', async () => {
    await billing.cut();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await client.query(DASHBOARD)).errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    }
    const open = await readiness();
    expect(open.status).toBe(503);
    expect(open.body.checks.billing).toMatchObject({ ok: false, circuit: 'open' });
    const started = performance.now();
    const fast = await client.query(DASHBOARD);
    expect(fast.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(performance.now() - started).toBeLessThan(500);
    expect(lines.some((line) => line.includes('(circuit open)'))).toBe(true);
    const metrics = await get(`${base()}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(metrics.body).toMatch(/^abonent_upstream_circuit_open\{upstream="127\.0\.0\.1:\d+"\} 1$/m);
    expect(metrics.body).toMatch(/^abonent_upstream_calls_total\{call="carbon5 web_cabinet\.get_user",outcome="circuit_open"\} [1-9]/m);

    await billing.restore();
    expect((await dashboardOnceBack()).data?.me.login).toBe(LOGIN_NAME);
    expect((await readiness()).body.checks.billing).toMatchObject({ ok: true, circuit: 'closed' });
  });
});

describe('graceful shutdown of a BFF process on SIGTERM', () => {
  let simulator: Carbon5Simulator;
  beforeAll(async () => {
    simulator = await startCarbon5Simulator({ writeDelayMs: 0 });
  });
  afterAll(() => simulator?.close());

  /** A signed-in dashboard request that the billing holds for BILLING_TIMEOUT_MS (1.5 s). */
  /** Signs in, then sends a dashboard read the billing holds back; `sent` resolves once it is on its way. */
  const slowRequest = (url: string) => {
    let onTheWay!: () => void;
    const sent = new Promise<void>((resolve) => (onTheWay = resolve));
    const answered = (async () => {
      const client = new GraphQLClient(url);
      expect((await client.query(LOGIN, { login: LOGIN_NAME, password: 'demo' })).errors).toBeUndefined();
      simulator.setFault('slow');
      const reading = client.query(DASHBOARD).finally(() => simulator.setFault(null));
      onTheWay();
      return reading;
    })();
    // A busy machine must not turn "the request is in flight" into "it has not started yet".
    return { answered, inFlight: sent.then(() => sleep(300)) };
  };

  it('stops accepting, finishes the request in flight, closes the store and exits 0', async () => {
    const bff = await startBff({ BILLING_URL: simulator.url, BILLING_TIMEOUT_MS: '1500', ALLOW_ARBITRARY_OPERATIONS: 'true', SHUTDOWN_GRACE_MS: '5000' });
    const request = slowRequest(bff.url);
    await request.inFlight;
    const inFlight = request.answered;
    const exit = bff.stop();
    await sleep(200);
    await expect(get(`${bff.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await exit).toBe(0);
    expect(bff.lines.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
  });

  it('cuts a request still running after SHUTDOWN_GRACE_MS, and exits', async () => {
    // The billing would time out only after 10 s: a stop well before that was cut at the grace time.
    const bff = await startBff({ BILLING_URL: simulator.url, BILLING_TIMEOUT_MS: '10000', ALLOW_ARBITRARY_OPERATIONS: 'true', SHUTDOWN_GRACE_MS: '200' });
    const request = slowRequest(bff.url);
    const inFlight = request.answered.then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await request.inFlight;
    const started = Date.now();
    expect(await bff.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await inFlight).toMatch(/socket hang up|ECONNRESET/);
    expect(bff.lines.some((line) => line.includes('requests still running after the grace time'))).toBe(true);
  });
});
