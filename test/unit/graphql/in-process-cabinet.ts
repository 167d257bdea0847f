import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AbuseLimits } from '../../../server/auth/abuse-limits.js';
import { addressSet } from '../../../server/auth/client-address.js';
import { SessionManager } from '../../../server/auth/sessions.js';
import { loadConfig } from '../../../server/config.js';
import { PendingServiceChanges } from '../../../server/domain/pending-service-changes.js';
import type { CabinetServices } from '../../../server/graphql/context.js';
import { CSRF_HEADER, createGraphQLHandler } from '../../../server/graphql/yoga.js';
import { createLogger } from '../../../server/logger.js';
import { openStore } from '../../../server/store/index.js';
import type { Store } from '../../../server/store/store.js';
import { FakeGateway } from '../../support/fake-gateway.js';

/** Addresses in this network may sign in automatically. */
export const HOME_NETWORK = '198.51.100.0/24';

export interface GraphQLAnswer<TData = Record<string, unknown>> {
  status: number;
  text: string;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** One browser: it keeps the session cookie the cabinet sets, and calls from one address. */
export interface TestClient {
  request<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<TData>>;
  readonly cookie: string | null;
}

export interface InProcessCabinet {
  gateway: FakeGateway;
  store: Store;
  client(address?: string): TestClient;
  logs(): string;
  close(): Promise<void>;
}

/**
 * The GraphQL layer without a listening server: Yoga's own `fetch`, a fake billing, and the
 * SQLite store in a temporary folder. A request takes milliseconds.
 */
export async function inProcessCabinet(options: { gateway?: FakeGateway } = {}): Promise<InProcessCabinet> {
  const dataDir = mkdtempSync(join(tmpdir(), 'abonent-graphql-'));
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'info' });
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const store = await openStore(config, logger);
  const gateway = options.gateway ?? new FakeGateway();
  const services: CabinetServices = {
    config,
    gateway,
    store,
    sessions: new SessionManager(store.ephemeral, { idleMinutes: 60, maxMinutes: 600, secureCookie: false }),
    limits: new AbuseLimits(store),
    pendingServiceChanges: new PendingServiceChanges(store.ephemeral),
    autoLoginNetworks: addressSet([HOME_NETWORK]),
    logger,
    demo: false,
    vapidPublicKey: null,
  };
  const yoga = createGraphQLHandler(services);

  return {
    gateway,
    store,
    logs: () => lines.join(''),
    client(address = '203.0.113.7') {
      let cookie: string | null = null;
      return {
        get cookie() {
          return cookie;
        },
        async request<TData>(query: string, variables?: Record<string, unknown>) {
          const setCookies: string[] = [];
          const req = { headers: cookie ? { cookie } : {}, socket: { remoteAddress: address } } as unknown as IncomingMessage;
          const res = { appendHeader: (name: string, value: string) => name === 'set-cookie' && setCookies.push(value) } as unknown as ServerResponse;
          const response = await yoga.fetch(
            'http://cabinet.test/graphql',
            { method: 'POST', headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) },
            { req, res },
          );
          for (const header of setCookies) {
            const pair = header.split(';')[0] ?? '';
            cookie = pair.endsWith('=') ? null : pair;
          }
          const text = await response.text();
          return { status: response.status, text, ...(JSON.parse(text) as Omit<GraphQLAnswer<TData>, 'status' | 'text'>) };
        },
      };
    },
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const LOGIN = 'mutation ($login: String!, $password: String!) { login(login: $login, password: $password) { subscriber { login } } }';
export const AUTO_LOGIN = 'mutation { autoLogin { subscriber { login } } }';
export const CONFIRM_PASSWORD = 'mutation ($password: String!) { confirmPassword(password: $password) }';
export const ME = '{ me { login balance { amount } } }';
export const DASHBOARD = '{ me { login balance { amount } spends { name } services { id connected pending } promisePay { active { amount { amount } } offers { id } } payments { date } } }';
export const TAKE_PROMISE_PAY =
  'mutation ($offerId: ID!, $key: String) { takePromisePay(offerId: $offerId, idempotencyKey: $key) { balance { amount } promisePay { active { amount { amount } } } } }';
export const CONNECT = 'mutation ($serviceId: ID!, $key: String) { connectService(serviceId: $serviceId, idempotencyKey: $key) { id connected pending canConnect } }';
export const DISCONNECT = 'mutation ($serviceId: ID!, $key: String) { disconnectService(serviceId: $serviceId, idempotencyKey: $key) { id connected pending } }';

/** A client signed in with the fake billing's password for `login`. */
export async function signedInClient(cabinet: InProcessCabinet, login = 'alice'): Promise<TestClient> {
  const client = cabinet.client();
  const answer = await client.request(LOGIN, { login, password: `${login}-pw` });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return client;
}
