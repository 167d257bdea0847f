import { eventually } from '../../support/expectations.js';
import { describe, expect, it } from 'vitest';
import { carbonSeed } from '../../../server/billing/carbon5/demo-data.js';
import { cabinetsClosedAfterEach } from '../../support/cabinet.js';
import { GraphQLClient, type GraphQLResponse } from '../../support/graphql-client.js';
import { AUTO_LOGIN, DASHBOARD, LOGIN, pwaDocuments, REQUEST_RESET } from '../../support/operations.js';

const PASSWORD = 'S3cret-Passw0rd!';
const CONTEXT_PASSWORD = 'carbon-web-context-psw';

describe('the BFF as a gate', () => {
  const startCabinet = cabinetsClosedAfterEach();

  it('production accepts only the PWA’s persisted operations', async () => {
    const cabinet = await startCabinet();
    const client = new GraphQLClient(cabinet.url);
    const raw = await client.query('{ cabinet { name } }');
    expect(raw.errors?.[0]?.message).toMatch(/persisted/i);
    expect(raw.status).toBe(400);
    const documentId = pwaDocuments().find(({ text }) => /query\s+\w+\s*\{\s*cabinet\s*\{/.test(text))?.id;
    expect(documentId, 'the PWA has a cabinet query').toBeDefined();
    const persisted = await client.send({ documentId });
    expect(persisted.errors).toBeUndefined();
    expect(persisted.data?.cabinet).toBeDefined();
    expect((await client.send({ documentId: 'sha256:0000' })).errors?.[0]?.message).toMatch(/unknown operation/i);
  });

  it('has introspection and field suggestions off, batching off, and limits aliases', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    const client = new GraphQLClient(cabinet.url);
    expect((await client.query('{ __schema { types { name } } }')).errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await client.query('{ cabinett { name } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const batch = await client.send([{ query: '{ cabinet { name } }' }, { query: '{ cabinet { name } }' }]);
    expect(batch.status).toBe(400);
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: login(login: "BILL0000101", password: "guess${i}") { subscriber { login } }`).join(' ');
    const flood = await client.query(`mutation { ${aliases} }`);
    expect(flood.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses cross-site simple requests (CSRF)', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    const response = await fetch(`${cabinet.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ cabinet { name } }"}' });
    expect(response.status).toBe(403);
  });

  it('never signs anyone in by a forged X-Forwarded-For', async () => {
    const seed = carbonSeed().subscriber({ login: 'NET0001', autoLoginIps: ['100.64.1.5'] }).build();
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', AUTO_LOGIN_NETWORKS: '100.64.0.0/10' }, carbon: { seed } });
    const forged = await new GraphQLClient(cabinet.url).query(AUTO_LOGIN, undefined, { 'x-forwarded-for': '100.64.1.5' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(forged.data?.autoLogin ?? null).toBeNull();
  });

  it('trusts X-Forwarded-For only from a configured proxy', async () => {
    const seed = carbonSeed().subscriber({ login: 'NET0001', autoLoginIps: ['100.64.1.5'] }).build();
    const cabinet = await startCabinet({
      env: { ALLOW_ARBITRARY_OPERATIONS: 'true', AUTO_LOGIN_NETWORKS: '100.64.0.0/10', TRUST_PROXY: '127.0.0.1' },
      carbon: { seed },
    });
    const viaProxy = await new GraphQLClient(cabinet.url).query(AUTO_LOGIN, undefined, { 'x-forwarded-for': '100.64.1.5' });
    expect(viaProxy.errors).toBeUndefined();
    expect(viaProxy.data?.autoLogin.subscriber.login).toBe('NET0001');
  });

  it('keeps passwords, the context password and Carbon session ids out of every response and log line', async () => {
    const seed = carbonSeed().subscriber({ login: 'SECRET01', password: PASSWORD }).build();
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', CARBON_API_PASSWORD: CONTEXT_PASSWORD }, carbon: { seed, apiPassword: CONTEXT_PASSWORD } });
    const client = new GraphQLClient(cabinet.url);
    const responses: GraphQLResponse[] = [];
    responses.push(await client.query(LOGIN, { login: 'SECRET01', password: 'wrong-' + PASSWORD }));
    responses.push(await client.query(LOGIN, { login: 'SECRET01', password: PASSWORD }));
    expect(responses.at(-1)?.errors).toBeUndefined();
    responses.push(await client.query(DASHBOARD));
    cabinet.simulator.expireSession('SECRET01');
    responses.push(await client.query(DASHBOARD));
    cabinet.simulator.setFault('garbage');
    responses.push(await client.query(DASHBOARD));
    cabinet.simulator.setFault(null);
    responses.push(await client.query(REQUEST_RESET, { login: 'SECRET01' }));
    const everything = responses.map((response) => `${JSON.stringify(response.headers)}${response.raw}`).join('\n') + cabinet.logs();
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(CONTEXT_PASSWORD);
    expect(everything).not.toMatch(/\b\d{18}\b/);
    const code = await eventually(async () => /\b([A-Z0-9]{6})\b/.exec(cabinet.simulator.outbox().at(-1)?.text ?? '')![1]!);
    expect(everything).not.toContain(code);
  });

  it('answers the operations endpoints and the demo outbox only by their exact names, as the proxy hides them', async () => {
    const cabinet = await startCabinet();
    const get = async (path: string) => {
      const response = await fetch(`${cabinet.url}${path}`);
      return { status: response.status, body: await response.text() };
    };
    expect((await get('/metrics')).body).toContain('# TYPE abonent_graphql_operations_total');
    expect((await get('/healthz')).body).toBe('{"status":"ok"}');
    expect((await get('/readyz')).body).toContain('"checks"');
    expect((await get('/demo/outbox')).status).toBe(200);
    for (const path of ['/Metrics', '/METRICS', '/metrics/', '/ReadyZ', '/readyz/', '/HEALTHZ', '/healthz/', '/Demo/Outbox', '/demo/outbox/', '/DEMO/outbox']) {
      const answer = await get(path);
      expect(answer.body, path).not.toContain('# TYPE');
      expect(answer.body, path).not.toContain('"checks"');
      expect(answer.body, path).not.toContain('"status":"ok"');
      expect(answer.body.startsWith('['), path).toBe(false);
    }
  });

  it('asks the billing for readiness at most once in a few seconds, however often /readyz is called', async () => {
    const cabinet = await startCabinet();
    const billingCalls = () => Object.values(cabinet.simulator.calls).reduce((sum, count) => sum + count, 0);
    const before = billingCalls();
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${cabinet.url}/readyz`)));
    for (let again = 0; again < 10; again += 1) answers.push(await fetch(`${cabinet.url}/readyz`));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(billingCalls() - before).toBe(1);
  });

  it('sends HSTS with GraphQL answers too when the cabinet is on https', async () => {
    const cabinet = await startCabinet({ env: { PUBLIC_URL: 'https://cabinet.example.net' } });
    const graphql = await fetch(`${cabinet.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: '{"documentId":"sha256:0000"}' });
    expect(graphql.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await fetch(`${cabinet.url}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('keeps /metrics small whatever operation names an open API is sent', async () => {
    const cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    const client = new GraphQLClient(cabinet.url);
    for (let n = 0; n < 30; n += 1) await client.query(`query ${`Q${n}_`.padEnd(50_000, 'x')} { cabinet { name } }`);
    for (let n = 0; n < 150; n += 1) await client.query(`query Short${n} { cabinet { name } }`);
    const metrics = await (await fetch(`${cabinet.url}/metrics`)).text();
    expect(metrics.length).toBeLessThan(400_000);
    expect(metrics).toMatch(/abonent_graphql_operations_total\{operation="other",result="ok"\} (\d+)/);
  });

  it('looks persisted ids up as ids only: __proto__ and friends are unknown operations, not a crash', async () => {
    const cabinet = await startCabinet();
    const client = new GraphQLClient(cabinet.url);
    for (const documentId of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const answer = await client.send({ documentId });
      expect(answer.status, documentId).toBe(400);
      expect(answer.errors?.[0]?.message, documentId).toMatch(/unknown operation/i);
    }
    expect(cabinet.logs()).not.toMatch(/"stack"|\bat \S+ \(/);
  });
});
