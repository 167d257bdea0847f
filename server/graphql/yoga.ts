import { existsSync, readFileSync } from 'node:fs';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { isErrorCode } from '../../shared/errors.js';
import { resolveClientAddress, addressSet } from '../auth/client-address.js';
import { CabinetError } from '../domain/errors.js';
import { useOperationMetrics } from '../observability/graphql-plugin.js';
import { projectPath } from '../paths.js';
import type { CabinetServices, GraphQLContext, ServerContext } from './context.js';
import { SubscriberReads, subscriberSession } from './context.js';
import { unauthenticated } from './errors.js';
import { buildSchema } from './schema.js';

export const CSRF_HEADER = 'x-graphql-csrf';

/** The PWA's own operations, by hash, from the codegen manifest. */
function loadPersistedDocuments(): Record<string, string> {
  const file = projectPath('client', 'src', 'gql', 'persisted-documents.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

export function createGraphQLHandler(services: CabinetServices) {
  const { config, sessions } = services;
  const production = config.NODE_ENV === 'production';
  const trustedProxies = addressSet(config.TRUST_PROXY);
  const persisted = loadPersistedDocuments();
  const armor = new EnvelopArmor({
    maxDepth: { n: 10, flattenFragments: true },
    maxAliases: { n: 5 },
    costLimit: { maxCost: 2000 },
    maxTokens: { n: 1000 },
    maxDirectives: { n: 10 },
    blockFieldSuggestion: { enabled: true },
  });

  const plugins: Plugin[] = [
    useOperationMetrics(services.store.ephemeral),
    ...(armor.protect().plugins as Plugin[]),
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    useDisableIntrospection({ isDisabled: () => production }),
    // The PWA sends only document ids; production accepts nothing else unless the ISP opens it.
    usePersistedOperations({
      getPersistedOperation: (key) => persisted[key] ?? null,
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
    maxRequestBodySize: 64 * 1024,
    // Cookie sessions: no other origin may call with credentials unless the ISP lists it.
    cors: config.CORS_ORIGINS.length > 0 ? { origin: config.CORS_ORIGINS, credentials: true, methods: ['POST'] } : false,
    maskedErrors: {
      maskError: (error) => maskError(error, services),
    },
    plugins,
    context: async ({ req, res }): Promise<GraphQLContext> => {
      const forwardedFor = req.headers['x-forwarded-for'];
      const clientAddress = resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor, trustedProxies);
      const id = sessions.readId(req.headers.cookie, req.headers.authorization);
      let reads: SubscriberReads | null = null;
      const context: GraphQLContext = {
        ...services,
        clientAddress,
        session: id ? await sessions.load(id) : null,
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

/**
 * Only our closed list of codes reaches a client. A CabinetError keeps its safe message; its
 * detail (which billing or store call failed and how) goes to the server log. Anything else is a bug: it is
 * logged with its stack and the client learns nothing about it.
 */
function maskError(error: unknown, { logger }: CabinetServices): Error {
  const graphQLError = error instanceof GraphQLError ? error : null;
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const location = { nodes: graphQLError?.nodes, path: graphQLError?.path };
  if (original instanceof CabinetError) {
    if (original.code.startsWith('UPSTREAM')) logger.warn({ code: original.code, detail: original.detail, path: graphQLError?.path }, 'dependency call failed');
    return new GraphQLError(original.message, {
      ...location,
      extensions: {
        code: original.code,
        ...(original.retryAfter === undefined ? {} : { retryAfter: original.retryAfter }),
        ...(original.reason === undefined ? {} : { reason: original.reason }),
      },
    });
  }
  // Yoga's own refusals (CSRF, batching, bad JSON, persisted-only) carry their HTTP status in `http`.
  // A request that broke before GraphQL (bad JSON: Yoga marks it with an `originalError` extension,
  // which we do not pass on) keeps its 400 even for application/json clients, as Yoga itself does.
  if (graphQLError && (graphQLError.extensions.http || !graphQLError.originalError)) {
    const { http, code, originalError: brokenRequest } = graphQLError.extensions as { http?: object; code?: unknown; originalError?: unknown };
    const status = http && brokenRequest ? { ...http, spec: false } : http;
    return new GraphQLError(graphQLError.message, {
      ...location,
      extensions: { code: isErrorCode(code) ? code : 'BAD_USER_INPUT', ...(status ? { http: status } : {}) },
    });
  }
  logger.error({ err: original, path: graphQLError?.path }, 'unexpected error in a resolver');
  return new GraphQLError('Something went wrong on our side. Please try again.', { ...location, extensions: { code: 'UPSTREAM_ERROR' } });
}
