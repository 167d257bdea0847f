/** The closed list of `extensions.code` values the API returns. Nothing else reaches a client. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'BAD_USER_INPUT',
  'NOT_SUPPORTED',
  'NOT_ALLOWED',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_ERROR',
  /** The cabinet's own storage (Redis, PostgreSQL, SQLite) does not answer; the billing may be fine. */
  'STORE_UNAVAILABLE',
  /** A bug on our side: the message says nothing more; the server log has the stack. */
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
