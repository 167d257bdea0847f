import type { z } from 'zod';
import type { BillingGateway } from '../domain/gateway.js';
import type { Store } from '../store/store.js';
import type { BillingSimulator } from './simulator.js';

/** The common configuration every billing reads besides its own variables. */
export interface BillingConnection {
  BILLING_KIND: string;
  BILLING_URL?: string | undefined;
  BILLING_TIMEOUT_MS: number;
  CURRENCY: string;
}

/** What a billing's code sees of the configuration: the common part and its own variables. */
export type BillingConfig<Schema extends z.ZodObject> = BillingConnection & z.output<Schema>;

/** The demo of a billing: its simulator, and what the gateway needs to reach it besides its URL. */
export interface BillingDemo<Connection> {
  simulator: BillingSimulator;
  connection: Connection;
}

/**
 * Everything the rest of the cabinet knows about one billing, exported by its folder's index.ts
 * and listed once in registry.ts: the configuration, the GraphQL enum, the factory and the demo
 * all come from here. The simulator is loaded only by startDemo, so production never loads it.
 */
export interface BillingDescription<Kind extends string, GraphqlName extends string, Schema extends z.ZodObject, Connection> {
  /** BILLING_KIND. */
  readonly kind: Kind;
  /** Its value in the GraphQL enum BillingKind. */
  readonly graphqlName: GraphqlName;
  /** The demo's first line: "Abonent demo on <demoBanner>". */
  readonly demoBanner: string;
  /** This billing's own environment variables; server/config.ts adds them to the common ones. */
  readonly configSchema: Schema;
  /**
   * Reports what is missing or contradictory in this billing's variables, given the whole
   * configuration (most are required only with BILLING_KIND set to this billing and a BILLING_URL).
   */
  checkConfig(config: BillingConfig<Schema>, ctx: z.RefinementCtx): void;
  /** Starts the simulator on loopback (imported here, and only here). */
  startDemo(config: BillingConfig<Schema>): Promise<BillingDemo<Connection>>;
  /**
   * The adapter for the billing at `url`; `demo` is what startDemo returned, in demo mode. The
   * adapter's code is imported here, so a cabinet loads only the billing it is configured for.
   */
  createGateway(options: { config: BillingConfig<Schema>; store: Store; url: string; demo: Connection | undefined }): Promise<BillingGateway>;
}
