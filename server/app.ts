import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { Registry } from 'prom-client';
import { addressSet, contains } from './auth/client-address.js';
import { billingCircuit } from './billing/upstream.js';
import type { BillingSimulator } from './billing/simulator.js';
import type { CabinetServices } from './graphql/context.js';
import { createGraphQLHandler } from './graphql/yoga.js';
import { metricsRegistry } from './observability/metrics.js';
import { paymentWebhooksRouter } from './payments/webhooks.js';
import { requestIdFor, runInRequest } from './observability/request-context.js';
import { createPwaRouter } from './pwa/router.js';

export interface AppParts extends CabinetServices {
  simulator?: BillingSimulator;
  /** Metrics that belong to this cabinet (they read its store), served with the process's own. */
  cabinetMetrics: Registry;
  /** True once shutdown began: readiness fails so the balancer sends nothing new. */
  stopping(): boolean;
}

/** A readiness probe answers within this, whatever the billing does. */
const READINESS_TIMEOUT_MS = 3000;
/**
 * A billing that answered is asked again after this, however often /readyz is: each probe is
 * billing calls. A failure is not kept (its circuit makes asking again cheap), so an instance is
 * ready again as soon as the billing is.
 */
const BILLING_READINESS_CACHE_MS = 3000;
/** The largest GraphQL request body: the PWA's largest (a support message) is a few kilobytes. */
const MAX_GRAPHQL_BODY_BYTES = 64 * 1024;
const DECLARED_LENGTH = /^\d+$/;

/**
 * Refuses a body over the limit from its headers alone, before a byte of it is read: Node's parser
 * reads exactly Content-Length bytes, and a streamed (chunked) body, which has none, is not taken.
 * Yoga's own limit counts the bytes through a web stream, several times the cost of a dashboard's
 * GraphQL work.
 */
function refusedBody(req: IncomingMessage): { status: number; message: string } | null {
  if (req.headers['transfer-encoding'] !== undefined) return { status: 411, message: 'Send the request with its Content-Length.' };
  const length = req.headers['content-length'];
  if (length === undefined) return null;
  if (!DECLARED_LENGTH.test(length)) return { status: 400, message: 'The Content-Length header is not valid.' };
  return Number(length) > MAX_GRAPHQL_BODY_BYTES ? { status: 413, message: 'The request is too large.' } : null;
}

/** HSTS as helmet sends it on the PWA's answers, for GraphQL's too: one year, subdomains included. */
const HSTS = 'max-age=31536000; includeSubDomains';

const GRAPHQL_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The BFF's request listener. GraphQL is served beside Express rather than inside it: Yoga on the
 * bare request is about twice as fast (measured on two cores with autocannon: about 5,000 requests
 * a second beside Express, 2,800 mounted inside it), and it needs none of Express's middleware. Everything else (PWA, health, demo pages) is Express.
 */
export function buildApp(parts: AppParts): RequestListener {
  const graphql = createGraphQLHandler(parts);
  const https = parts.config.PUBLIC_URL?.startsWith('https:') ?? false;
  const graphqlHeaders = https ? { ...GRAPHQL_HEADERS, 'strict-transport-security': HSTS } : GRAPHQL_HEADERS;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // One spelling per path: the proxy hides /metrics, /readyz and /healthz by their exact names, so
  // /Metrics or /metrics/ must not reach them here.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const billingReadiness = cachedWhile(BILLING_READINESS_CACHE_MS, (check) => check.ok, () => checkBilling(parts));
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(parts, billingReadiness);
    res.status(readiness.status === 'ready' ? 200 : 503).set('cache-control', 'no-store').json(readiness);
  });
  const metricsAuthorized = bearerCheck(parts.config.METRICS_TOKEN);
  app.get('/metrics', async (req, res) => {
    if (!metricsAuthorized(req.headers.authorization)) {
      res.status(401).set('www-authenticate', 'Bearer realm="metrics"').json({ error: 'METRICS_TOKEN required' });
      return;
    }
    const registry = Registry.merge([metricsRegistry, parts.cabinetMetrics]);
    res.set('content-type', registry.contentType).set('cache-control', 'no-store').send(await registry.metrics());
  });
  const simulator = parts.simulator;
  if (simulator) {
    // Demo only: the codes the simulated billing "sent" by SMS or e-mail.
    app.get('/demo/outbox', (_req, res) => {
      res.set('cache-control', 'no-store').json(simulator.outbox());
    });
  }
  app.use(paymentWebhooksRouter(parts.payments));
  app.use(createPwaRouter(parts.config));

  const trustedProxies = addressSet(parts.config.TRUST_PROXY);
  return (req: IncomingMessage, res: ServerResponse) => {
    const proxyRequestId = req.headers['x-request-id'];
    const requestId = requestIdFor(proxyRequestId, proxyRequestId !== undefined && contains(trustedProxies, req.socket.remoteAddress ?? ''));
    res.setHeader('x-request-id', requestId);
    // While stopping, each answer closes its connection, so keep-alive clients reconnect to another instance.
    if (parts.stopping()) res.shouldKeepAlive = false;
    runInRequest({ requestId, logger: parts.logger }, () => {
      if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) {
        for (const [name, value] of Object.entries(graphqlHeaders)) res.setHeader(name, value);
        const refused = refusedBody(req);
        if (refused) {
          res.shouldKeepAlive = false;
          res.writeHead(refused.status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: refused.message, extensions: { code: 'BAD_USER_INPUT' } }] }));
          return;
        }
        void graphql(req, res);
        return;
      }
      app(req, res);
    });
  };
}

interface DependencyReadiness {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

const timedOut = <T>(value: T) => new Promise<T>((resolve) => setTimeout(resolve, READINESS_TIMEOUT_MS, value).unref());

/** Whether the billing answers the calls the cabinet depends on (the adapter's `ping`), within READINESS_TIMEOUT_MS. */
async function checkBilling(parts: AppParts): Promise<DependencyReadiness> {
  const started = performance.now();
  const answered = parts.gateway.ping().then(
    (ok): DependencyReadiness => ({ ok, latencyMs: Math.round(performance.now() - started), ...(ok ? {} : { error: 'no answer' }) }),
    (): DependencyReadiness => ({ ok: false, latencyMs: Math.round(performance.now() - started), error: 'no answer' }),
  );
  return Promise.race([answered, timedOut<DependencyReadiness>({ ok: false, latencyMs: READINESS_TIMEOUT_MS, error: 'timeout' })]);
}

/**
 * One load at a time, shared by the callers that wait for it; its answer is then kept for `ttlMs`
 * from when it was asked if `keep` says so, and asked again at the next call otherwise.
 */
function cachedWhile<T>(ttlMs: number, keep: (value: T) => boolean, load: () => Promise<T>): () => Promise<T> {
  let last: { at: number; value: Promise<T>; settled?: T } | null = null;
  return () => {
    const now = performance.now();
    const fresh = last !== null && (last.settled === undefined || (keep(last.settled) && now - last.at < ttlMs));
    if (!fresh) {
      const entry: { at: number; value: Promise<T>; settled?: T } = { at: now, value: load() };
      void entry.value.then((value) => (entry.settled = value));
      last = entry;
    }
    return last!.value;
  };
}

/**
 * Each dependency and whether it answers: the store's services by name, then the billing with
 * its circuit. Short reasons only; never an address, a URL or a credential. A dependency that
 * does not answer makes the instance "not ready", which takes it out of the balancer; the process
 * itself keeps running and comes back by itself when the dependency does. The store is asked
 * every time (it is local and cheap); the billing's answer is a few seconds old at most, and an
 * open circuit counts at once.
 */
async function checkReadiness(parts: AppParts, billingReadiness: () => Promise<DependencyReadiness>) {
  const [stores, billing] = await Promise.all([
    Promise.race([parts.store.ping(), timedOut([{ name: 'store' as const, ok: false, latencyMs: READINESS_TIMEOUT_MS, error: 'timeout' }])]),
    billingReadiness(),
  ]);
  const checks: Record<string, DependencyReadiness & { kind?: string; circuit?: string }> = {};
  for (const { name, ...check } of stores) checks[name] = check;
  const circuit = billingCircuit();
  const billingOk = billing.ok && circuit !== 'open';
  checks.billing = { ...billing, ok: billingOk, ...(billingOk || billing.error ? {} : { error: 'circuit open' }), kind: parts.gateway.kind, circuit };
  const ready = Object.values(checks).every((check) => check.ok);
  return { status: parts.stopping() ? 'shutting down' : ready ? 'ready' : 'not ready', checks };
}

/** Open when no token is configured (keep /metrics off the public site then); otherwise the exact bearer token. */
function bearerCheck(token: string | undefined): (authorization: string | undefined) => boolean {
  if (token === undefined) return () => true;
  // Hashing first gives equal lengths, which timingSafeEqual needs, without revealing the token's length.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(`Bearer ${token}`);
  return (authorization) => authorization !== undefined && timingSafeEqual(digest(authorization), expected);
}
