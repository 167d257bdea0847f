import type { I18n, TextKey } from '../i18n/index.js';
import type { ApiError, ApiErrorCode } from './api.js';

function waitText(t: I18n, seconds: number): string {
  return seconds < 60 ? t.plural(t.m.seconds, Math.max(1, Math.ceil(seconds))) : t.plural(t.m.minutes, Math.ceil(seconds / 60));
}

/** The codes whose words need nothing from the error itself. */
const PLAIN: Record<Exclude<ApiErrorCode, 'NOT_ALLOWED' | 'RATE_LIMITED'>, TextKey> = {
  UNAUTHENTICATED: 'errorUnauthenticated',
  INVALID_CREDENTIALS: 'errorInvalidCredentials',
  BAD_USER_INPUT: 'errorBadUserInput',
  NOT_SUPPORTED: 'errorNotSupported',
  UPSTREAM_UNAVAILABLE: 'errorUpstreamUnavailable',
  UPSTREAM_ERROR: 'errorUpstreamError',
  STORE_UNAVAILABLE: 'errorStoreUnavailable',
  INTERNAL_ERROR: 'errorInternal',
  NETWORK: 'errorNetwork',
  UNKNOWN: 'errorUnknown',
};

/** Every error code in plain words; NOT_ALLOWED carries the billing's own reason, shown as it is. */
export function errorText(t: I18n, error: ApiError): string {
  if (error.code === 'NOT_ALLOWED') return error.message.trim() ? t.m.errorNotAllowed({ reason: error.message.trim() }) : t.m.errorNotAllowedNoReason;
  if (error.code === 'RATE_LIMITED') {
    return error.retryAfter !== null && error.retryAfter > 0 ? t.m.errorRateLimited({ wait: waitText(t, error.retryAfter) }) : t.m.errorRateLimitedSoon;
  }
  return t.m[PLAIN[error.code]];
}
