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
