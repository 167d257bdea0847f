import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { CabinetError } from '../domain/errors.js';

/** Validates a resolver's input at the edge; a failure is BAD_USER_INPUT naming the argument. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, argument: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues[0]?.message ?? 'is not valid';
  throw new CabinetError('BAD_USER_INPUT', `${argument}: ${reason}`);
}

/** The only shape an expected failure takes on the wire: a message and a code from the closed list. */
export function toGraphQLError(error: CabinetError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }) },
  });
}

export const unauthenticated = () => new CabinetError('UNAUTHENTICATED', 'Please sign in');
