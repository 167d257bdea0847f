import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { carbonSeed } from '../../../server/billing/carbon5/demo-data.js';
import { projectPath } from '../../../server/paths.js';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';
import { GraphQLClient, type GraphQLResponse } from '../../support/graphql-client.js';
import { AUTO_LOGIN, DASHBOARD, LOGIN, REQUEST_RESET } from '../../support/operations.js';

const PASSWORD = 'S3cret-Passw0rd!';
const CONTEXT_PASSWORD = 'carbon-web-context-psw';

describe('the BFF as a gate', () => {
  let cabinet: TestCabinet;
  afterEach(() => cabinet?.close());

  it('production accepts only the PWA’s persisted operations', async () => {
    cabinet = await startCabinet();
    const client = new GraphQLClient(cabinet.url);
    const raw = await client.query('{ cabinet { name } }');
    expect(raw.errors?.[0]?.message).toMatch(/persisted/i);
    expect(raw.status).toBe(400);
    const manifest = JSON.parse(readFileSync(projectPath('client', 'src', 'gql', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
    const [documentId] = Object.entries(manifest).find(([, document]) => /query\s+\w+\s*\{\s*cabinet\s*\{/.test(document)) ?? [];
    expect(documentId, 'the PWA has a cabinet query').toBeDefined();
    const persisted = await client.send({ documentId });
    expect(persisted.errors).toBeUndefined();
    expect(persisted.data?.cabinet).toBeDefined();
    expect((await client.send({ documentId: 'sha256:0000' })).errors?.[0]?.message).toMatch(/unknown operation/i);
  });

  it('has introspection and field suggestions off, batching off, and limits aliases', async () => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
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
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
    const response = await fetch(`${cabinet.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ cabinet { name } }"}' });
    expect(response.status).toBe(403);
  });

  it('never signs anyone in by a forged X-Forwarded-For', async () => {
    const seed = carbonSeed().subscriber({ login: 'NET0001', autoLoginIps: ['100.64.1.5'] }).build();
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', AUTO_LOGIN_NETWORKS: '100.64.0.0/10' }, carbon: { seed } });
    const forged = await new GraphQLClient(cabinet.url).query(AUTO_LOGIN, undefined, { 'x-forwarded-for': '100.64.1.5' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(forged.data?.autoLogin ?? null).toBeNull();
  });

  it('trusts X-Forwarded-For only from a configured proxy', async () => {
    const seed = carbonSeed().subscriber({ login: 'NET0001', autoLoginIps: ['100.64.1.5'] }).build();
    cabinet = await startCabinet({
      env: { ALLOW_ARBITRARY_OPERATIONS: 'true', AUTO_LOGIN_NETWORKS: '100.64.0.0/10', TRUST_PROXY: '127.0.0.1' },
      carbon: { seed },
    });
    const viaProxy = await new GraphQLClient(cabinet.url).query(AUTO_LOGIN, undefined, { 'x-forwarded-for': '100.64.1.5' });
    expect(viaProxy.errors).toBeUndefined();
    expect(viaProxy.data?.autoLogin.subscriber.login).toBe('NET0001');
  });

  it('keeps passwords, the context password and Carbon session ids out of every response and log line', async () => {
    const seed = carbonSeed().subscriber({ login: 'SECRET01', password: PASSWORD }).build();
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true', CARBON_API_PASSWORD: CONTEXT_PASSWORD }, carbon: { seed, apiPassword: CONTEXT_PASSWORD } });
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
    const code = /\b([A-Z0-9]{6})\b/.exec(cabinet.simulator.outbox().at(-1)?.text ?? '')?.[1];
    expect(code).toBeDefined();
    expect(everything).not.toContain(code!);
  });
});
