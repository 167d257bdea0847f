import type { z } from 'zod';
import type { Config } from '../config.js';
import type { BillingGateway } from '../domain/gateway.js';
import { ConfigError } from '../env.js';
import type { Store } from '../store/store.js';
import { carbonLegacy } from './carbon-legacy/index.js';
import { carbon5 } from './carbon5/index.js';
import type { BillingDescription } from './description.js';
import type { BillingSimulator } from './simulator.js';
import { ubilling } from './ubilling/index.js';

/** Every billing the cabinet speaks to, one line each; a new one is its folder plus a line here. */
export const billings = [carbon5, ubilling, carbonLegacy] as const;

export type BillingKind = (typeof billings)[number]['kind'];
export type GraphqlBillingKind = (typeof billings)[number]['graphqlName'];

export const billingKinds = billings.map((billing) => billing.kind) as [BillingKind, ...BillingKind[]];

/** Any one of the billings, with what differs between them left opaque. */
type SomeBilling = BillingDescription<BillingKind, GraphqlBillingKind, z.ZodObject, unknown>;

export function billingOf(kind: BillingKind): SomeBilling {
  const billing: SomeBilling | undefined = billings.find((candidate) => candidate.kind === kind);
  if (!billing) throw new Error(`No billing "${kind}"`);
  return billing;
}

export const graphqlNameOf = (kind: BillingKind): GraphqlBillingKind => billingOf(kind).graphqlName;

/** The GraphQL enum of the billings, for the server's schema and, through scripts/billing-kinds-sdl.ts, for codegen. */
export const billingKindSdl = `enum BillingKind {\n${billings.map((billing) => `  ${billing.graphqlName}\n`).join('')}}\n`;

export interface Billing {
  gateway: BillingGateway;
  /** Present in demo mode: the simulator the gateway talks to. */
  simulator?: BillingSimulator;
}

/** Stops the start unless there is a billing to serve: a BILLING_URL, or the demo asked for. */
export function requireBilling(config: Config): void {
  if (!config.DEMO && !config.BILLING_URL) {
    throw new ConfigError(
      'BILLING_URL is not set: it is the address of the billing this cabinet serves. For the demo on a simulated billing, run `npm start` without BILLING_URL, or set DEMO=true.',
    );
  }
}

/**
 * Builds the configured billing's adapter; in demo mode (DEMO=true), starts that billing's
 * simulator on loopback first. State an adapter keeps between requests lives in the store, shared
 * by every instance.
 */
export async function createBilling(config: Config, store: Store): Promise<Billing> {
  requireBilling(config);
  const billing = billingOf(config.BILLING_KIND);
  if (!config.DEMO) return { gateway: await billing.createGateway({ config, store, url: config.BILLING_URL!, demo: undefined }) };
  const demo = await billing.startDemo(config);
  return { gateway: await billing.createGateway({ config, store, url: demo.simulator.url, demo: demo.connection }), simulator: demo.simulator };
}
