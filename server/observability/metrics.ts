import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Store } from '../store/store.js';

/**
 * The process's metrics, served at /metrics. Prometheus scrapes each instance on its own and adds
 * them up, so every counter here counts this process only. Label values come from closed sets
 * (call names, error codes, limit names) or are capped (operation names), never from a subscriber.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Every metric of the process is one of these: labelled, registered once, and timed in the same buckets.
const counter = <Label extends string>(name: string, help: string, labelNames: readonly Label[]) => new Counter({ name, help, labelNames, registers });
const gauge = <Label extends string>(name: string, help: string, labelNames: readonly Label[]) => new Gauge({ name, help, labelNames, registers });
const histogram = <Label extends string>(name: string, help: string, labelNames: readonly Label[]) =>
  new Histogram({ name, help, labelNames, buckets: DURATION_BUCKETS, registers });

export const graphqlOperations = counter('abonent_graphql_operations_total', 'GraphQL requests by operation name and result: ok, an error code, or rejected before execution', ['operation', 'result']);

export const graphqlDuration = histogram('abonent_graphql_request_duration_seconds', 'Time from the request to the response, by GraphQL operation name', ['operation']);

export const upstreamCalls = counter('abonent_upstream_calls_total', 'Billing calls by call name and outcome: ok, unavailable, error, or circuit_open (not sent: the billing is down)', ['call', 'outcome']);

export const upstreamDuration = histogram('abonent_upstream_call_duration_seconds', 'Time a billing call took, retries included, by call name', ['call']);

export const upstreamRetries = counter('abonent_upstream_retries_total', 'Billing reads sent again after a quick failure, by call name', ['call']);

export const upstreamCircuitOpen = gauge('abonent_upstream_circuit_open', '1 while calls to this billing host fail fast because it stopped answering', ['upstream']);

export const rateLimitRejections = counter('abonent_rate_limit_rejections_total', 'Requests refused by an abuse limit, by limit', ['limit']);

/** For the push notifier: one increment per notification handed to a push service. */
export const pushSends = counter('abonent_push_sends_total', 'Push notifications sent, by kind (webpush, native) and result (sent, gone, failed, refused: not a known push service)', ['kind', 'result']);

/** Each state change of a top-up (server/payments/ledger.ts), so NEEDS_REVIEW and FAILED can be alerted on. */
export const topUpTransitions = counter('abonent_topup_transitions_total', 'Top-ups entering a state (CREATED, PAID, CREDITING, CREDITED, FAILED, EXPIRED, NEEDS_REVIEW), by state and method', ['state', 'method']);

export const paymentWebhooks = counter('abonent_payment_webhooks_total', 'Acquirer confirmations received, by acquirer and result: accepted, or why refused (bad-signature, unknown-order, amount-mismatch, malformed)', ['acquirer', 'result']);

/** The store set that `noteActiveSession` fills and the active-sessions gauge counts. */
export const ACTIVE_SESSIONS_SET = 'active-sessions';
/** A session counts as active for this long after its last request. */
export const ACTIVE_SESSION_WINDOW_SECONDS = 5 * 60;

/**
 * The metrics that read the store, in a registry of the cabinet's own (merged into the process's
 * at scrape time). Active sessions are the signed-in sessions that made a GraphQL request in the
 * last five minutes, across every instance sharing the store: an exact count of a set kept in the
 * store, not a scan of every session.
 */
export function storeMetrics(store: Store): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'abonent_active_sessions',
    help: `Signed-in sessions that made a request in the last ${ACTIVE_SESSION_WINDOW_SECONDS / 60} minutes, across all instances`,
    registers: [registry],
    async collect() {
      try {
        this.set(await store.ephemeral.countMembers(ACTIVE_SESSIONS_SET));
      } catch {
        // The store is down (readiness says so): keep the last value rather than fail the scrape.
      }
    },
  });
  return registry;
}

/** The store as it was, with its rate limiters counting their refusals in the metrics. */
export function countingRateLimitRejections(store: Store): Store {
  return {
    ...store,
    limiter(options) {
      const limiter = store.limiter(options);
      const consume = limiter.consume.bind(limiter);
      limiter.consume = async (...args) => {
        try {
          return await consume(...args);
        } catch (rejection) {
          if (rejection instanceof RateLimiterRes) rateLimitRejections.inc({ limit: options.keyPrefix });
          throw rejection;
        }
      };
      return limiter;
    },
  };
}
