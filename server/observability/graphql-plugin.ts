import { createHash } from 'node:crypto';
import { GraphQLError, getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isErrorCode } from '../../shared/errors.js';
import { CabinetError } from '../domain/errors.js';
import type { EphemeralStore } from '../store/store.js';
import { ACTIVE_SESSION_WINDOW_SECONDS, ACTIVE_SESSIONS_SET, graphqlDuration, graphqlOperations } from './metrics.js';

/** Operation names become label values; past this many distinct ones, or this long, they count as "other". */
const MAX_OPERATION_NAMES = 100;
const MAX_OPERATION_NAME_LENGTH = 64;
/** An instance notes a session as active at most this often, so a busy dashboard is not a store write per request. */
const NOTE_INTERVAL_MS = 60_000;
/** How many recently noted sessions an instance remembers before it starts afresh. */
const MAX_REMEMBERED_SESSIONS = 50_000;

interface RequestState {
  startedAt: number;
  operation?: string;
  result?: string;
}

/**
 * Counts and times GraphQL requests by operation, and notes signed-in sessions as active in the
 * store for the active-sessions gauge. A request refused before execution (CSRF, an unknown
 * persisted document, a broken body) counts as operation "(none)", result "rejected".
 */
export function useOperationMetrics(ephemeral: EphemeralStore): Plugin {
  const requests = new WeakMap<Request, RequestState>();
  const knownOperations = new Set<string>();
  const notedAt = new Map<string, number>();

  const operationLabel = (name: string) => {
    if (name.length > MAX_OPERATION_NAME_LENGTH) return 'other';
    if (knownOperations.has(name)) return name;
    if (knownOperations.size >= MAX_OPERATION_NAMES) return 'other';
    knownOperations.add(name);
    return name;
  };

  const noteActive = (sessionId: string) => {
    const now = Date.now();
    const last = notedAt.get(sessionId);
    if (last !== undefined && now - last < NOTE_INTERVAL_MS) return;
    if (notedAt.size >= MAX_REMEMBERED_SESSIONS) notedAt.clear();
    notedAt.set(sessionId, now);
    // The member is a hash: the store never holds a session id that could be replayed as a cookie.
    const member = createHash('sha256').update(sessionId).digest('base64url');
    // A store that does not answer must not fail the subscriber's request over a metric.
    ephemeral.noteMember(ACTIVE_SESSIONS_SET, member, ACTIVE_SESSION_WINDOW_SECONDS).catch(() => notedAt.delete(sessionId));
  };

  return {
    onRequest({ request }) {
      requests.set(request, { startedAt: performance.now() });
    },
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request; session?: { id: string } | null };
      const state = context.request ? requests.get(context.request) : undefined;
      if (context.session) noteActive(context.session.id);
      if (!state) return;
      state.operation = operationLabel(getOperationAST(args.document, args.operationName)?.name?.value ?? '(anonymous)');
      return {
        onExecuteDone({ result }) {
          state.result = 'errors' in result ? resultLabel(result as ExecutionResult) : 'ok';
        },
      };
    },
    onResponse({ request }) {
      const state = requests.get(request);
      if (!state) return;
      const operation = state.operation ?? '(none)';
      graphqlOperations.inc({ operation, result: state.result ?? 'rejected' });
      graphqlDuration.observe({ operation }, (performance.now() - state.startedAt) / 1000);
    },
  };
}

/** "ok", or the first error's code from the closed list; anything else is a bug: INTERNAL. */
function resultLabel(result: ExecutionResult): string {
  const error = result.errors?.[0];
  if (!error) return 'ok';
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  if (original instanceof CabinetError) return original.code;
  const code = error.extensions?.code;
  return isErrorCode(code) ? code : 'INTERNAL';
}
