import { isIP } from 'node:net';
import { z } from 'zod';
import { billingKinds, billings } from './billing/registry.js';
import { ConfigError, flag, optionalText, optionalUrl, positiveInt } from './env.js';
import { paymentConfigShape } from './payments/config.js';
import { DEFAULT_PUSH_SERVICE_HOSTS } from './push/endpoint-policy.js';

export { ConfigError };

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

/** Every billing's own variables (server/billing/<kind>/config.ts), side by side with the common ones. */
type BillingVariables = UnionToIntersection<(typeof billings)[number]['configSchema']['shape']>;
type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (whole: infer I) => void ? I : never;
const billingVariables = Object.assign({}, ...billings.map((billing) => billing.configSchema.shape)) as BillingVariables;

export const configSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl,
  BILLING_KIND: z.enum(billingKinds).default('carbon5'),
  BILLING_URL: optionalUrl,
  BILLING_TIMEOUT_MS: positiveInt(5000),
  /**
   * Runs the cabinet on the billing's simulator, with its demo subscribers, the demo outbox and
   * auto-login from loopback. Only when asked for (`npm start` without BILLING_URL asks with --demo):
   * a production server without BILLING_URL refuses to start instead.
   */
  DEMO: flag,
  ...billingVariables,
  DATA_DIR: z.string().min(1).default('./data'),
  TRUST_PROXY: cidrList,
  /** Opens the API to documents other than the PWA's own (third-party apps); every other limit stays. */
  ALLOW_ARBITRARY_OPERATIONS: flag,
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
  ...paymentConfigShape,
  /** The push services' hosts (each with its subdomains) that Web Push subscriptions may point at. */
  PUSH_SERVICE_HOSTS: z
    .string()
    .default(DEFAULT_PUSH_SERVICE_HOSTS.join(','))
    .transform((text) => text.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be host names such as fcm.googleapis.com')).min(1)),
  /** Tests and the demo only: accept a push service on this machine. Refused with a real billing (BILLING_URL). */
  PUSH_ALLOW_LOOPBACK: flag,
}).superRefine((config, ctx) => {
  if (config.DEMO && config.BILLING_URL) {
    ctx.addIssue({ code: 'custom', path: ['DEMO'], message: 'the demo runs on a simulated billing: unset DEMO (or drop --demo) to use BILLING_URL, or unset BILLING_URL for the demo' });
  }
  if (config.PUSH_ALLOW_LOOPBACK && config.BILLING_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUSH_ALLOW_LOOPBACK'], message: 'is for tests and the demo only: not with a BILLING_URL' });
  }
  for (const billing of billings) billing.checkConfig(config, ctx);
  if (Boolean(config.VAPID_PUBLIC_KEY) !== Boolean(config.VAPID_PRIVATE_KEY)) {
    ctx.addIssue({ code: 'custom', path: [config.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'], message: 'set both VAPID keys, or neither to have them generated' });
  }
});

export type Config = z.infer<typeof configSchema>;

/** Reads the environment; a wrong value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** What is allowed but unwise, for the log at start: billing URLs over plain http carry passwords in the clear. */
export function configWarnings(config: Config): string[] {
  const plain = (['BILLING_URL', 'UBILLING_USERSTATS_URL'] as const).filter((name) => config[name]?.startsWith('http:'));
  return plain.map((name) => `${name} is plain http://: the billing's key and subscribers' passwords (or their md5) cross the network readable; use https://`);
}
