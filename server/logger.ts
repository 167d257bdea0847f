import { constants } from 'node:os';
import pino, { type DestinationStream } from 'pino';
import { isErrorCode } from '../shared/errors.js';
import { currentRequestId } from './observability/request-context.js';

/**
 * Paths that could carry a secret. They are redacted by configuration, as a second line of
 * defence behind the rule that secrets are never passed to the logger at all.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'current',
  '*.current',
  'user_password',
  '*.user_password',
  'secret',
  '*.secret',
  'identity.secret',
  '*.identity.secret',
  'cookie',
  'headers.cookie',
  'headers.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
  'code',
  '*.code',
  'serial',
  '*.serial',
  'uberpassword',
  '*.uberpassword',
  'apiPassword',
  '*.apiPassword',
  'token',
  '*.token',
  'REDIS_URL',
  '*.REDIS_URL',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'METRICS_TOKEN',
  '*.METRICS_TOKEN',
  'CARBON_API_PASSWORD',
  '*.CARBON_API_PASSWORD',
  'UBILLING_SERIAL',
  '*.UBILLING_SERIAL',
];

const REDACTED = '[redacted]';
const ERRNO_CODES = new Set(Object.keys(constants.errno));

/**
 * A `code` is redacted for the password-reset codes (letters and digits only), but an error's code
 * (ours, Node's ECONNREFUSED, undici's UND_ERR_…) is what a reader of the log needs most: kept.
 */
function censor(value: unknown, path: string[]): unknown {
  const errorCode = typeof value === 'string' && (isErrorCode(value) || ERRNO_CODES.has(value) || value.includes('_'));
  return path.at(-1) === 'code' && errorCode ? value : REDACTED;
}

/**
 * Structured JSON logs, one object a line. Every line written while a request is handled carries
 * that request's id (`requestId`), the billing-call lines included, so one request can be followed
 * through the BFF and matched with the proxy's access log.
 */
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: undefined,
      mixin() {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      redact: { paths: REDACTED_PATHS, censor },
    },
    // Written as each line is logged: an asynchronous stdout is flushed at exit in a loop that never
    // ends once the reader has gone (EPIPE), and the process would outlive its SIGTERM.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export type Logger = ReturnType<typeof createLogger>;
