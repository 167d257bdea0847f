import { readFileSync } from 'node:fs';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createYoga, type Plugin } from 'graphql-yoga';
import { resolveClientAddress, addressSet } from '../auth/client-address.js';
import { stillValid, useEndRefusedSessions } from '../auth/session-check.js';
import { ConfigError } from '../config.js';
import { useOperationMetrics } from '../observability/graphql-plugin.js';
import { persistedDocumentsPath } from '../paths.js';
import type { CabinetServices, GraphQLContext, ServerContext } from './context.js';
import { SubscriberReads, subscriberSession } from './context.js';
import { maskError, unauthenticated } from './errors.js';
import { buildSchema } from './schema.js';

export const CSRF_HEADER = 'x-graphql-csrf';

/**
 * The PWA's own operations, by hash, from the codegen manifest. Without it the PWA could not make a
 * single request, so a missing or broken file stops the start rather than refusing every request.
 */
export function loadPersistedDocuments(file = persistedDocumentsPath): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`The PWA's persisted operations are missing (${file}): \`npm run codegen\` makes them and \`npm run build\` puts them in the build.`);
  }
  let documents: unknown;
  try {
    documents = JSON.parse(text);
  } catch {
    documents = null;
  }
  const valid = typeof documents === 'object' && documents !== null && !Array.isArray(documents) && Object.values(documents).every((document) => typeof document === 'string');
  if (!valid || Object.keys(documents as object).length === 0) {
    throw new ConfigError(`The PWA's persisted operations in ${file} are not a list of documents by hash: run \`npm run codegen\`, then \`npm run build\`.`);
  }
  return documents as Record<string, string>;
}

export function createGraphQLHandler(services: CabinetServices) {
  const { config, sessions } = services;
  const production = config.NODE_ENV === 'production';
  const trustedProxies = addressSet(config.TRUST_PROXY);
  // A Map, not the parsed object: an id such as `__proto__` must find nothing.
  const persisted = new Map(Object.entries(loadPersistedDocuments()));
  const armor = new EnvelopArmor({
    maxDepth: { n: 10, flattenFragments: true },
    maxAliases: { n: 5 },
    // Login and AutoLogin answer the whole dashboard, about 2,000 by this count; 3,000 leaves the
    // dashboard room to grow and still refuses a document that asks for much more.
    // test/unit/graphql/query-limits.test.ts runs every PWA operation against these limits.
    costLimit: { maxCost: 3000 },
    maxTokens: { n: 1000 },
    maxDirectives: { n: 10 },
    blockFieldSuggestion: { enabled: true },
  });

  const plugins: Plugin[] = [
    useOperationMetrics(services.store.ephemeral),
    useEndRefusedSessions(services),
    ...(armor.protect().plugins as Plugin[]),
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    useDisableIntrospection({ isDisabled: () => production }),
    // The PWA sends only document ids; production accepts nothing else unless the ISP opens it.
    usePersistedOperations({
      getPersistedOperation: (key) => persisted.get(key) ?? null,
      extractPersistedOperationId: (params) =>
        typeof (params as { documentId?: unknown }).documentId === 'string'
          ? (params as { documentId: string }).documentId
          : ((params.extensions?.persistedQuery as { sha256Hash?: string } | undefined)?.sha256Hash ?? null),
      allowArbitraryOperations: !production || config.ALLOW_ARBITRARY_OPERATIONS,
      customErrors: {
        notFound: { message: 'Unknown operation: this app may be out of date. Please reload it.', extensions: { http: { status: 400 } } },
        keyNotFound: { message: 'Send a query or the documentId of a known operation.', extensions: { http: { status: 400 } } },
        persistedQueryOnly: { message: 'Only the persisted operations of the cabinet app are accepted here.', extensions: { http: { status: 400 } } },
      },
    }),
  ];

  return createYoga<ServerContext, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: !production,
    logging: false,
    batching: false,
    multipart: false,
    // Enforced from the headers before Yoga (app.ts).
    maxRequestBodySize: false,
    // Cookie sessions: no other origin may call with credentials unless the ISP lists it.
    cors: config.CORS_ORIGINS.length > 0 ? { origin: config.CORS_ORIGINS, credentials: true, methods: ['POST'] } : false,
    maskedErrors: {
      maskError: (error) => maskError(error, services.logger),
    },
    plugins,
    context: async ({ req, res }): Promise<GraphQLContext> => {
      const forwardedFor = req.headers['x-forwarded-for'];
      const clientAddress = resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor, trustedProxies);
      const id = sessions.readId(req.headers.cookie, req.headers.authorization);
      let reads: SubscriberReads | null = null;
      const loaded = id ? await sessions.load(id) : null;
      const session = loaded && (await stillValid(services, loaded));
      if (loaded && !session) res.appendHeader('set-cookie', sessions.clearCookie());
      const context: GraphQLContext = {
        ...services,
        clientAddress,
        session,
        setSessionCookie: (value) => res.appendHeader('set-cookie', value),
        // `this`, not the object built here: Yoga hands resolvers a merged copy of the context.
        reads(this: GraphQLContext) {
          const session = this.session;
          if (!session) throw unauthenticated();
          if (reads?.sessionId !== session.id) reads = new SubscriberReads(services, session.id, subscriberSession(sessions, session));
          return reads;
        },
      };
      return context;
    },
  });
}
