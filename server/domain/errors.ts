import type { ErrorCode } from '../../shared/errors.js';

/**
 * An expected failure with a code from the closed list. The message is safe to show a subscriber:
 * for NOT_ALLOWED it is the billing's own reason. Never put a secret, a URL or an upstream body here;
 * those go to `detail`, which only reaches the server log.
 */
export class CabinetError extends Error {
  readonly code: ErrorCode;
  readonly retryAfter?: number;
  readonly detail?: string;
  /** A machine-readable refinement of the code, e.g. PASSWORD_REQUIRED for a NOT_ALLOWED that a password would lift. */
  readonly reason?: string;

  constructor(code: ErrorCode, message: string, options: { retryAfter?: number; detail?: string; reason?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CabinetError';
    this.code = code;
    this.retryAfter = options.retryAfter;
    this.detail = options.detail;
    this.reason = options.reason;
  }
}

export const notSupported = (what: string) => new CabinetError('NOT_SUPPORTED', `${what} is not available with this billing`);

export const upstreamUnavailable = (detail: string, cause?: unknown) =>
  new CabinetError('UPSTREAM_UNAVAILABLE', 'The billing system is not reachable right now. Please try again later.', { detail, cause });

export const upstreamError = (detail: string, cause?: unknown) =>
  new CabinetError('UPSTREAM_ERROR', 'The billing system gave an answer we could not understand.', { detail, cause });

export const notAllowed = (reason: string) => new CabinetError('NOT_ALLOWED', reason);

export const invalidCredentials = () => new CabinetError('INVALID_CREDENTIALS', 'Wrong login or password');

/** What the subscriber reads when we failed them: nothing more; the stack is in the server log. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again in a minute.';

export const storeUnavailableMessage = 'The cabinet cannot reach its storage right now. Please try again in a minute.';

/**
 * SQLite answers that mean the database cannot be used right now (locked, full, unreadable, closed),
 * as opposed to a statement we got wrong. Redis and PostgreSQL failures arrive already wrapped as
 * STORE_UNAVAILABLE by their stores.
 */
const SQLITE_OUTAGE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|NOMEM)/;

function sqliteOutage(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (error.name === 'SqliteError' && typeof code === 'string' && SQLITE_OUTAGE.test(code)) return code;
  if (error instanceof TypeError && error.message === 'The database connection is not open') return 'closed';
  return null;
}

/**
 * A failure as the closed list names it: a CabinetError as it is, a store that fails under us as
 * STORE_UNAVAILABLE. Null means our own bug (INTERNAL_ERROR).
 */
export function knownFailure(error: unknown): CabinetError | null {
  if (error instanceof CabinetError) return error;
  const sqlite = sqliteOutage(error);
  return sqlite === null ? null : new CabinetError('STORE_UNAVAILABLE', storeUnavailableMessage, { detail: `sqlite: ${sqlite}`, cause: error });
}
