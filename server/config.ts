import { isIP } from 'node:net';
import { z } from 'zod';

/** A comma-separated list of addresses or CIDRs ("10.0.0.0/8, 192.0.2.7, ::1"). */
const cidrList = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    for (const item of items) {
      const [address, prefix, extra] = item.split('/');
      const family = isIP(address ?? '');
      const bits = family === 6 ? 128 : 32;
      const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
      if (!family || !prefixOk || extra !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not an IP address or CIDR` });
        return z.NEVER;
      }
    }
    return items;
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

export const configSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl,
  BILLING_KIND: z.enum(['carbon5', 'ubilling', 'carbon-legacy']).default('carbon5'),
  BILLING_URL: optionalUrl,
  BILLING_TIMEOUT_MS: positiveInt(5000),
  CARBON_API_PASSWORD: optionalText,
  DATA_DIR: z.string().min(1).default('./data'),
  TRUST_PROXY: cidrList,
  /** Opens the API to documents other than the PWA's own (third-party apps); every other limit stays. */
  ALLOW_ARBITRARY_OPERATIONS: z
    .enum(['true', 'false', '1', '0', ''])
    .default('')
    .transform((value) => value === 'true' || value === '1'),
  AUTO_LOGIN_NETWORKS: cidrList,
  /** Origins (scheme://host[:port]) of third-party web apps allowed to call the API from a browser; none by default. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => new URL(origin).origin))),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as UAH')
    .default('UAH'),
  CABINET_NAME: z.string().min(1).max(60).default('Abonent'),
  CABINET_SHORT_NAME: optionalText.pipe(z.string().max(12).optional()),
  CABINET_THEME_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #0b5cad')
    .default('#0b5cad'),
  /** The ISP's logo: a path to a square PNG or SVG file, read at start by the PWA router (server/pwa/logo.ts). */
  CABINET_LOGO: optionalText,
  CABINET_SUPPORT_PHONE: optionalText,
  CABINET_SUPPORT_EMAIL: optionalText.pipe(z.email().optional()),
  SESSION_IDLE_MINUTES: positiveInt(60 * 24 * 30),
  SESSION_MAX_MINUTES: positiveInt(60 * 24 * 90),
  /** Ubilling: the RemoteAPI key (`UB` + 32 hex digits). It is an admin credential: never logged, never sent to a client. */
  UBILLING_SERIAL: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9]{8,64}$/, 'must be the Ubilling serial: UB followed by 32 hex digits')
      .optional(),
  ),
  /** Ubilling: the subscriber cabinet (userstats) root, for XMLAgent and the self-credit agent. */
  UBILLING_USERSTATS_URL: optionalUrl,
  /** Ubilling: the ISP enabled RemoteAPI `userbyip` (alter.ini USERBYIP_ENABLED=1). */
  UBILLING_AUTO_LOGIN: z
    .enum(['true', 'false', '1', '0', ''])
    .default('')
    .transform((value) => value === 'true' || value === '1'),
  /** Ubilling self-credit rules, enforced by the BFF when there is no userstats URL (its SC_* settings). */
  UBILLING_CREDIT_ENABLED: z
    .enum(['true', 'false', '1', '0', ''])
    .default('')
    .transform((value) => value === 'true' || value === '1'),
  UBILLING_CREDIT_MIN_DAY: z.coerce.number().int().min(1).max(31).default(1),
  UBILLING_CREDIT_MAX_DAY: z.coerce.number().int().min(1).max(31).default(3),
  UBILLING_CREDIT_TERM_DAYS: z.coerce.number().int().min(1).max(90).default(3),
  UBILLING_CREDIT_PRICE: z
    .string()
    .regex(/^\d{1,6}(?:\.\d{1,2})?$/, 'must be an amount such as 5 or 5.50')
    .default('5'),
  UBILLING_CREDIT_ONCE_A_MONTH: z
    .enum(['true', 'false', '1', '0', ''])
    .default('')
    .transform((value) => value !== 'false' && value !== '0'),
  /** Comma-separated tariff names; empty = every tariff. */
  UBILLING_CREDIT_TARIFFS: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  /** The payment type the credit fee is booked under (SC_CASHTYPEID). */
  UBILLING_CREDIT_CASH_TYPE_ID: positiveInt(1),
  /**
   * Shared state for several instances behind a load balancer: Redis for sessions, counters and
   * locks, PostgreSQL for push subscriptions, the audit log and settings. Both or neither: with
   * neither, one SQLite file under DATA_DIR. May carry passwords: never logged.
   */
  REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional()),
  /** Put before every Redis key, so one Redis can serve several cabinets. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{0,64}$/, 'letters, digits and : _ . - only').default('abonent:'),
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' }).optional()),
  /** The PostgreSQL schema for Abonent's tables; created at start when missing. */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL name such as abonent').default('public'),
  /** When set, GET /metrics asks for `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** On SIGTERM: how long requests in flight may take to finish before their connections are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /**
   * Carbon legacy api.php: the client certificate the billing issued (its .pfx and password, or a
   * PEM certificate and key), the CA that signed the billing's own certificate (paths), and the API
   * administrator the BFF signs in as. Secrets: never logged, never sent to a client.
   */
  CARBON_LEGACY_PFX: optionalText,
  CARBON_LEGACY_PFX_PASSWORD: optionalText,
  CARBON_LEGACY_CERT: optionalText,
  CARBON_LEGACY_KEY: optionalText,
  CARBON_LEGACY_CA: optionalText,
  CARBON_LEGACY_LOGIN: optionalText,
  CARBON_LEGACY_PASSWORD: optionalText,
  /** The term of the promised payment the older Carbon grants (WEB_USER_PROMISE_PAY), as set in the billing. */
  CARBON_LEGACY_PROMISE_DAYS: z.coerce.number().int().min(1).max(31).default(3),
  /** Web Push keys; unset, a pair is generated on first start and kept in the store. */
  VAPID_PUBLIC_KEY: optionalText,
  VAPID_PRIVATE_KEY: optionalText,
  /** Who the push services may contact about our pushes: a mailto: or https: URL. */
  VAPID_SUBJECT: optionalText.pipe(z.string().regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https:// URL').optional()),
  /** Hours (in the process time zone, TZ) with no reminders, "from-to". */
  PUSH_QUIET_HOURS: z
    .string()
    .default('22-8')
    .transform((text, ctx) => {
      const match = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
      const [from, to] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
      if (!(from <= 23 && to <= 23)) {
        ctx.addIssue({ code: 'custom', message: 'must be two hours "from-to", e.g. 22-8' });
        return z.NEVER;
      }
      return { from, to };
    }),
  /** Days left at which the reminder goes out. */
  PUSH_DAYS_LEFT_AT: z
    .string()
    .default('3,1')
    .transform((text) => text.split(',').map((item) => Number(item.trim())))
    .pipe(z.array(z.number().int().min(0).max(60)).min(1)),
  PUSH_INTERVAL_MINUTES: positiveInt(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
}).superRefine((config, ctx) => {
  if (config.BILLING_KIND === 'ubilling' && config.BILLING_URL && !config.UBILLING_SERIAL) {
    ctx.addIssue({
      code: 'custom',
      path: ['UBILLING_SERIAL'],
      message: 'UBILLING_SERIAL (the RemoteAPI key) is required with BILLING_KIND=ubilling and a BILLING_URL',
    });
  }
  if (Boolean(config.VAPID_PUBLIC_KEY) !== Boolean(config.VAPID_PRIVATE_KEY)) {
    ctx.addIssue({ code: 'custom', path: [config.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'], message: 'set both VAPID keys, or neither to have them generated' });
  }
  if (config.UBILLING_CREDIT_MIN_DAY > config.UBILLING_CREDIT_MAX_DAY) {
    ctx.addIssue({ code: 'custom', path: ['UBILLING_CREDIT_MAX_DAY'], message: 'must not be before UBILLING_CREDIT_MIN_DAY' });
  }
  if (config.BILLING_KIND === 'carbon-legacy' && config.BILLING_URL) {
    const required = (variable: string, what: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message: `${variable} (${what}) is required with BILLING_KIND=carbon-legacy and a BILLING_URL` });
    if (!config.BILLING_URL.startsWith('https:')) {
      ctx.addIssue({ code: 'custom', path: ['BILLING_URL'], message: 'must be https:// with BILLING_KIND=carbon-legacy: api.php takes a client certificate' });
    }
    if (!config.CARBON_LEGACY_LOGIN) required('CARBON_LEGACY_LOGIN', 'the API administrator');
    if (!config.CARBON_LEGACY_PASSWORD) required('CARBON_LEGACY_PASSWORD', "the API administrator's password");
    if (config.CARBON_LEGACY_PFX && (config.CARBON_LEGACY_CERT || config.CARBON_LEGACY_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['CARBON_LEGACY_PFX'], message: 'set CARBON_LEGACY_PFX or CARBON_LEGACY_CERT and CARBON_LEGACY_KEY, not both' });
    }
    if (!config.CARBON_LEGACY_PFX && !config.CARBON_LEGACY_CERT) required('CARBON_LEGACY_CERT', 'the client certificate, or CARBON_LEGACY_PFX');
    if (!config.CARBON_LEGACY_PFX && !config.CARBON_LEGACY_KEY) required('CARBON_LEGACY_KEY', "the client certificate's key, or CARBON_LEGACY_PFX");
  }
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment; a wrong value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** True when the cabinet runs against its own billing simulator. */
export const isDemo = (config: Config) => config.BILLING_URL === undefined;
