import { createCarbonLegacyGateway, type CarbonLegacyGateway } from '../../../server/billing/carbon-legacy/gateway.js';
import type { ClientTls } from '../../../server/billing/carbon-legacy/certificates.js';
import { createTestPki, type TestPki } from '../../../server/billing/carbon-legacy/test-pki.js';
import { carbonLegacySeed, demoSeed, type LegacySeed } from '../../../server/billing/carbon-legacy/demo-data.js';
import { startCarbonLegacySimulator, type CarbonLegacySimulator } from '../../../server/billing/carbon-legacy/simulator.js';
import { CabinetError } from '../../../server/domain/errors.js';
import type { SubscriberSession } from '../../../server/domain/gateway.js';
import type { BillingIdentity } from '../../../server/domain/types.js';
import { billingSession } from '../../support/billing-session.js';
export { failure } from '../../support/expectations.js';

/** A simulated Carbon legacy billing and an adapter pointed at it, built fresh for each test. */

export const NOW = new Date(2025, 0, 15, 12, 0, 0);
export const TODAY = '2025-01-15';
export const OPERATOR = { login: 'api-cabinet', password: 'Op3rator-Secret-77' };

let sharedPki: Promise<TestPki> | undefined;

/** One CA per test file: making it is the slow part, and no test changes it. */
export function testPki(): Promise<TestPki> {
  sharedPki ??= createTestPki('Carbon legacy test');
  return sharedPki;
}

/** The demo subscribers, under the test operator. */
export function demoWithOperator(): LegacySeed {
  return { ...demoSeed(TODAY), operator: OPERATOR };
}

/** A seed with the test operator and the given subscribers. */
export const seedWith = (build: (seed: ReturnType<typeof carbonLegacySeed>) => ReturnType<typeof carbonLegacySeed>) => build(carbonLegacySeed().operator(OPERATOR)).build();

export interface WorldOptions {
  seed?: LegacySeed;
  /** What the adapter presents and trusts; the simulator's own client certificate and CA by default. */
  tls?: ClientTls;
  operator?: { login: string; password: string };
  timeoutMs?: number;
  operatorSessionTtlMs?: number;
}

export interface World {
  simulator: CarbonLegacySimulator;
  gateway: CarbonLegacyGateway;
  pki: TestPki;
  signIn(login: string, password?: string): Promise<SubscriberSession>;
  session(identity: BillingIdentity): SubscriberSession;
  /** How many times a procedure ran since `mark` was taken. */
  ran(procedure: string, mark: Readonly<Record<string, number>>): number;
}

const open: World[] = [];

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const pki = await testPki();
  const simulator = await startCarbonLegacySimulator({
    seed: options.seed ?? demoWithOperator(),
    pki,
    now: () => NOW,
    operatorSessionTtlMs: options.operatorSessionTtlMs,
  });
  const gateway = createCarbonLegacyGateway({
    url: simulator.url,
    tls: options.tls ?? { pfx: pki.client.pfx, passphrase: pki.client.passphrase, ca: pki.ca.cert },
    operator: options.operator ?? OPERATOR,
    timeoutMs: options.timeoutMs ?? 2_000,
    currency: 'RUB',
    clock: () => NOW,
  });
  const session = (identity: BillingIdentity) => billingSession(identity);
  const world: World = {
    simulator,
    gateway,
    pki,
    session,
    signIn: async (login, password = 'demo') => session(await gateway.login(login, password)),
    ran: (procedure, mark) => (simulator.calls[procedure] ?? 0) - (mark[procedure] ?? 0),
  };
  open.push(world);
  return world;
}

/** Closes every world the test opened; for afterEach. */
export async function closeWorlds(): Promise<void> {
  await Promise.all(open.splice(0).map(async (world) => {
    await world.gateway.close();
    await world.simulator.close();
  }));
}


/** Everything of an error that could reach a log line or a client. */
export const exposed = (error: CabinetError) =>
  JSON.stringify({ message: error.message, detail: error.detail, stack: error.stack, cause: String(error.cause), causeDetail: (error.cause as CabinetError | undefined)?.detail });
