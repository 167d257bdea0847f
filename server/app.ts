import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import type { BillingSimulator } from './billing/simulator.js';
import type { CabinetServices } from './graphql/context.js';
import { createGraphQLHandler } from './graphql/yoga.js';
import { createPwaRouter } from './pwa/router.js';

export interface AppParts extends CabinetServices {
  simulator?: BillingSimulator;
}

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
    const [store, billing] = await Promise.all([parts.store.ping().catch(() => false), parts.gateway.ping().catch(() => false)]);
    res.status(store && billing ? 200 : 503).json({ status: store && billing ? 'ready' : 'not ready', checks: { store, billing } });
  });
  const simulator = parts.simulator;
  if (simulator) {
    // Demo only: the codes the simulated billing "sent" by SMS or e-mail.
    app.get('/demo/outbox', (_req, res) => {
      res.set('cache-control', 'no-store').json(simulator.outbox());
    });
  }
  app.use(createPwaRouter(parts.config));

  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) {
      for (const [name, value] of Object.entries(GRAPHQL_HEADERS)) res.setHeader(name, value);
      void graphql(req, res);
      return;
    }
    app(req, res);
  };
}
