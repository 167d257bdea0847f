import pino, { type DestinationStream } from 'pino';

/**
 * Structured JSON logs. Paths that could carry a secret are redacted by configuration, as a second
 * line of defence behind the rule that secrets are never passed to the logger at all.
 */
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
    level,
    base: undefined,
    redact: {
      paths: [
        'password',
        '*.password',
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
      ],
      censor: '[redacted]',
    },
  },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
