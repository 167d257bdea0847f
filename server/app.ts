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

const GRAPHQL_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The BFF's request listener. GraphQL is served beside Express rather than inside it: Yoga on the
 * bare request is about twice as fast (reference/engineering.md §5.2), and it needs none of
 * Express's middleware. Everything else (PWA, health, demo pages) is Express.
 */
export function buildApp(parts: AppParts): RequestListener {
  const graphql = createGraphQLHandler(parts);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
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
          upgradeInsecureRequests: parts.config.PUBLIC_URL?.startsWith('https:') ? [] : null,
        },
      },
      strictTransportSecurity: parts.config.PUBLIC_URL?.startsWith('https:') ? undefined : false,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(parts);
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
  app.use(createPwaRouter(parts.config));

  const trustedProxies = addressSet(parts.config.TRUST_PROXY);
  return (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFor(req.headers['x-request-id'], contains(trustedProxies, req.socket.remoteAddress ?? ''));
    res.setHeader('x-request-id', requestId);
    // While stopping, each answer closes its connection, so keep-alive clients reconnect to another instance.
    if (parts.stopping()) res.shouldKeepAlive = false;
    runInRequest({ requestId, logger: parts.logger }, () => {
      if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) {
        for (const [name, value] of Object.entries(GRAPHQL_HEADERS)) res.setHeader(name, value);
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

/**
 * Each dependency and whether it answers: the store's services by name, then the billing with
 * its circuit. Short reasons only; never an address, a URL or a credential. A dependency that
 * does not answer makes the instance "not ready", which takes it out of the balancer; the process
 * itself keeps running and comes back by itself when the dependency does.
 */
async function checkReadiness(parts: AppParts) {
  const timedOut = <T>(value: T) => new Promise<T>((resolve) => setTimeout(resolve, READINESS_TIMEOUT_MS, value).unref());
  const billingCheck = async (): Promise<DependencyReadiness> => {
    const started = performance.now();
    const ok = await parts.gateway.ping().catch(() => false);
    return { ok, latencyMs: Math.round(performance.now() - started), ...(ok ? {} : { error: 'no answer' }) };
  };
  const [stores, billing] = await Promise.all([
    Promise.race([parts.store.ping(), timedOut([{ name: 'store' as const, ok: false, latencyMs: READINESS_TIMEOUT_MS, error: 'timeout' }])]),
    Promise.race([billingCheck(), timedOut<DependencyReadiness>({ ok: false, latencyMs: READINESS_TIMEOUT_MS, error: 'timeout' })]),
  ]);
  const checks: Record<string, DependencyReadiness & { kind?: string; circuit?: string }> = {};
  for (const { name, ...check } of stores) checks[name] = check;
  checks.billing = { ...billing, kind: parts.gateway.kind, circuit: billingCircuit() };
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
