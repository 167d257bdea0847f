import type { I18n } from '../i18n/index.js';
import type { ApiError } from './api.js';

function waitText(t: I18n, seconds: number): string {
  return seconds < 60 ? t.plural(t.m.seconds, Math.max(1, Math.ceil(seconds))) : t.plural(t.m.minutes, Math.ceil(seconds / 60));
}

/** Every error code in plain words; NOT_ALLOWED carries the billing's own reason, shown as it is. */
export function errorText(t: I18n, error: ApiError): string {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return t.m.errorUnauthenticated;
    case 'INVALID_CREDENTIALS':
      return t.m.errorInvalidCredentials;
    case 'BAD_USER_INPUT':
      return t.m.errorBadUserInput;
    case 'NOT_SUPPORTED':
      return t.m.errorNotSupported;
    case 'NOT_ALLOWED':
      return error.message.trim() ? t.m.errorNotAllowed(error.message.trim()) : t.m.errorNotAllowedNoReason;
    case 'RATE_LIMITED':
      return error.retryAfter !== null && error.retryAfter > 0
        ? t.m.errorRateLimited(waitText(t, error.retryAfter))
        : t.m.errorRateLimitedSoon;
    case 'UPSTREAM_UNAVAILABLE':
      return t.m.errorUpstreamUnavailable;
    case 'UPSTREAM_ERROR':
      return t.m.errorUpstreamError;
    case 'STORE_UNAVAILABLE':
      return t.m.errorStoreUnavailable;
    case 'INTERNAL_ERROR':
      return t.m.errorInternal;
    case 'NETWORK':
      return t.m.errorNetwork;
    case 'UNKNOWN':
      return t.m.errorUnknown;
  }
}
