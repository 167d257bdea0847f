import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { isErrorCode } from '../../shared/errors.js';
import { CabinetError, INTERNAL_ERROR_MESSAGE, knownFailure } from '../domain/errors.js';
import type { Logger } from '../logger.js';

/** Validates a resolver's input at the edge; a failure is BAD_USER_INPUT naming the argument. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, argument: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues[0]?.message ?? 'is not valid';
  throw new CabinetError('BAD_USER_INPUT', `${argument}: ${reason}`);
}

export const unauthenticated = () => new CabinetError('UNAUTHENTICATED', 'Please sign in');

/** What a @passwordConfirmed field does, in the words the subscriber reads when the password is still needed. */
const NEEDS_PASSWORD_TO: Record<string, string> = {
  startPause: 'pause the service',
  endPause: 'pause the service',
  changeTariff: 'change the tariff',
  cancelTariffChange: 'change the tariff',
  updateContacts: 'change your contacts',
};

export const passwordRequired = (field: string) =>
  new CabinetError('NOT_ALLOWED', `Please confirm your password to ${NEEDS_PASSWORD_TO[field] ?? 'change services'}.`, { reason: 'PASSWORD_REQUIRED' });

/**
 * Only our closed list of codes reaches a client:
 * - a CabinetError keeps its code and safe message; its detail (which billing or store call failed
 *   and how) goes to the server log;
 * - Yoga's own refusals (CSRF, bad JSON, persisted-only, validation) keep their message and HTTP status;
 * - a store that fails under us is STORE_UNAVAILABLE;
 * - anything else is our bug: INTERNAL_ERROR, logged with its stack, and the client learns nothing about it.
 */
export function maskError(error: unknown, logger: Logger): GraphQLError {
  const graphQLError = error instanceof GraphQLError ? error : null;
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const location = { nodes: graphQLError?.nodes, path: graphQLError?.path };
  const expected = knownFailure(original);
  if (expected) {
    if (expected.code.startsWith('UPSTREAM') || expected.code === 'STORE_UNAVAILABLE') {
      logger.warn({ code: expected.code, detail: expected.detail, path: graphQLError?.path }, 'dependency call failed');
    }
    return new GraphQLError(expected.message, {
      ...location,
      extensions: {
        code: expected.code,
        ...(expected.retryAfter === undefined ? {} : { retryAfter: expected.retryAfter }),
        ...(expected.reason === undefined ? {} : { reason: expected.reason }),
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
  return new GraphQLError(INTERNAL_ERROR_MESSAGE, { ...location, extensions: { code: 'INTERNAL_ERROR' } });
}
