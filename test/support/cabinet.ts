import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { startCarbon5Simulator, type Carbon5Simulator, type Carbon5SimulatorOptions } from '../../server/billing/carbon5/simulator.js';
import { SimulatorServer } from '../../server/billing/simulator.js';
import { startUbillingSimulator, type UbillingSimulator } from '../../server/billing/ubilling/simulator.js';
import { startCabinet as startRunningCabinet } from '../../server/cabinet.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import type { Payments } from '../../server/payments/setup.js';
import type { AuditEntry, PushRegistration } from '../../server/store/store.js';
import { GraphQLClient } from './graphql-client.js';
import { LOGIN } from './operations.js';

export interface TestCabinet {
  url: string;
  /** The BFF's DATA_DIR, for a test that writes to its store as an operator's command would. */
  dataDir: string;
  simulator: Carbon5Simulator;
  /** The simulator the BFF talks to: the Carbon one above, or the demo simulator of another BILLING_KIND. */
  billing(): SimulatorServer<string>;
  /** Top-ups and their sweep, which a test runs by hand instead of waiting for its timer. */
  payments(): Payments;
  /** Every log line the BFF wrote, for tests that prove no secret reaches a log. */
  logs(): string;
  /** The audit log as stored, newest first. */
  audit(): AuditEntry[];
  /** The push subscriptions and tokens as stored, oldest first. */
  pushRegistrations(): { login: string; registration: PushRegistration; locale: string | null }[];
  close(): Promise<void>;
}

type PushRegistrationRow = { login: string; registration: string; locale: string | null };

export interface CabinetOptions {
  env?: Record<string, string>;
  carbon?: Carbon5SimulatorOptions;
}

/**
 * The whole BFF in-process on 127.0.0.1 with its own temporary data folder and its own Carbon
 * simulator (seeded with the demo, or with the test's own seed): each test gets fresh state.
 */
export async function startCabinet(options: CabinetOptions = {}): Promise<TestCabinet> {
  const dataDir = mkdtempSync(join(tmpdir(), 'abonent-test-'));
  const simulator = await startCarbon5Simulator({ writeDelayMs: 200, ...options.carbon });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    AUTO_LOGIN_NETWORKS: '127.0.0.0/8,::1/128',
    // Without a BILLING_URL of its own, the test runs on a simulated billing: the Carbon one started
    // here, or (for another BILLING_KIND) that billing's demo simulator.
    ...(options.env?.BILLING_URL === undefined ? { DEMO: 'true' } : {}),
    ...options.env,
  });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const readStore = <T>(read: (db: Database.Database) => T): T => {
    const db = new Database(join(dataDir, 'abonent.sqlite'), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  // A test that sets BILLING_URL points the BFF elsewhere (e.g. at a closed port), and one on another
  // billing gets that billing's demo simulator; the Carbon simulator then idles.
  const ownBilling = config.BILLING_URL !== undefined || config.BILLING_KIND !== 'carbon5';
  const cabinet = await startRunningCabinet(config, createLogger(config.LOG_LEVEL, sink), ownBilling ? {} : { simulator });
  return {
    url: `http://127.0.0.1:${new URL(cabinet.url).port}`,
    dataDir,
    simulator,
    billing() {
      if (!(cabinet.simulator instanceof SimulatorServer)) throw new Error('this cabinet runs on a billing of its own, not a simulator');
      return cabinet.simulator;
    },
    payments() {
      if (!cabinet.payments) throw new Error('this cabinet takes no payments');
      return cabinet.payments;
    },
    logs: () => lines.join(''),
    audit: () =>
      readStore((db) => db.prepare('SELECT at, action, login, address, subject, result FROM audit_log ORDER BY id DESC').all() as AuditEntry[]),
    pushRegistrations: () =>
      readStore((db) => db.prepare('SELECT login, registration, locale FROM push_registrations ORDER BY created_at').all() as PushRegistrationRow[]).map(
        (row) => ({ ...row, registration: JSON.parse(row.registration) as PushRegistration }),
      ),
    async close() {
      // Every test that uses the cabinet is also a secrets test: whatever it did, the logs hold no secret.
      const leaked = secretsIn(
        lines.join(''),
        [config.CARBON_API_PASSWORD, options.carbon?.apiPassword, config.UBILLING_SERIAL, config.CARBON_LEGACY_PASSWORD, config.CARBON_LEGACY_PFX_PASSWORD],
        carbonPasswords(simulator),
      );
      await cabinet.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (leaked.length > 0) throw new Error(`secrets in the BFF's logs: ${leaked.join(', ')}`);
    },
  };
}

/** A cabinet on a Ubilling simulator of the test's own, with RemoteAPI and userstats; close both. */
export async function startUbillingCabinet(serial: string, env: Record<string, string> = {}): Promise<{ simulator: UbillingSimulator; cabinet: TestCabinet }> {
  const simulator = await startUbillingSimulator({ serial });
  const cabinet = await startCabinet({
    env: {
      ALLOW_ARBITRARY_OPERATIONS: 'true',
      BILLING_KIND: 'ubilling',
      BILLING_URL: simulator.url,
      UBILLING_SERIAL: serial,
      UBILLING_USERSTATS_URL: simulator.userstatsUrl,
      ...env,
    },
  });
  return { simulator, cabinet };
}

/** A fresh cabinet for each test of the describe that calls this, closed after the test. */
export function cabinetPerTest(options: CabinetOptions = {}): () => TestCabinet {
  let cabinet: TestCabinet | undefined;
  beforeEach(async () => {
    cabinet = await startCabinet(options);
  });
  afterEach(async () => {
    await cabinet?.close();
    cabinet = undefined;
  });
  return () => {
    if (!cabinet) throw new Error('the cabinet runs only during a test');
    return cabinet;
  };
}

/**
 * For tests that start their cabinet themselves, each with options of its own: the starter, and
 * every cabinet it started during a test is closed after that test.
 */
export function cabinetsClosedAfterEach(): (options?: CabinetOptions) => Promise<TestCabinet> {
  const running: TestCabinet[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((cabinet) => cabinet.close()));
  });
  return async (options) => {
    const cabinet = await startCabinet(options);
    running.push(cabinet);
    return cabinet;
  };
}

/** A client (one browser) signed in as `login`; throws when the sign-in fails. */
export async function signedIn(cabinet: TestCabinet, login: string, password: string): Promise<GraphQLClient> {
  const client = new GraphQLClient(cabinet.url);
  const signIn = await client.query(LOGIN, { login, password });
  if (signIn.errors) throw new Error(`sign-in as ${login} failed: ${signIn.errors[0]?.message ?? ''}`);
  return client;
}

/**
 * The Carbon simulator's passwords as they stand now (what it serves as gen_pwd), those long enough
 * not to occur in a log by chance: the seeded "demo" is everywhere, a test's own password is not.
 */
function carbonPasswords(simulator: Carbon5Simulator): string[] {
  // After a password change (changePassword, a reset) the account's password is the new one, so the new one is looked for too.
  return simulator.demoLogins.map(({ login }) => simulator.account(login).password).filter((password) => password.length >= 8);
}

function secretsIn(logs: string, keys: (string | undefined)[], passwords: string[]): string[] {
  const found: string[] = [];
  if (/gen_pwd|passwordFingerprint/.test(logs)) found.push("Carbon's gen_pwd or a session's password fingerprint");
  if (passwords.some((password) => logs.includes(password))) found.push("a subscriber's password");
  if (/\b\d{18}\b/.test(logs)) found.push('a Carbon suid');
  if (/abonent_session=|Bearer [A-Za-z0-9_-]{20}/.test(logs)) found.push('a session id');
  if (/"(?:password|newPassword|current|user_password|psw1|psw2)"\s*:\s*"(?!\[redacted\])/.test(logs)) found.push('a password field');
  for (const key of keys) if (key && logs.includes(key)) found.push('a billing key');
  return found;
}
