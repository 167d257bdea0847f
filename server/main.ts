import { billingOf } from './billing/registry.js';
import { ConfigError, loadConfig } from './config.js';
import { startCabinet } from './cabinet.js';
import { createLogger } from './logger.js';

/** After the grace time, closing the billing and the store gets this long before the process gives up on them. */
const CLOSE_MARGIN_MS = 5000;

// `--demo` is DEMO=true; `npm start` passes it when BILLING_URL is unset.
const demoAsked = process.argv.slice(2).includes('--demo');
let config;
try {
  config = loadConfig(demoAsked ? { ...process.env, DEMO: 'true' } : process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const logger = createLogger(config.LOG_LEVEL);
let cabinet;
try {
  cabinet = await startCabinet(config, logger);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // A store or billing that cannot be reached at start: say which, and let the supervisor retry.
  logger.fatal({ reason: error instanceof Error ? error.message : String(error) }, 'Abonent could not start');
  process.exit(1);
}
const base = config.PUBLIC_URL ?? cabinet.url;
logger.info({ url: base, billing: config.BILLING_KIND, demo: config.DEMO, store: config.REDIS_URL ? 'redis+postgresql' : 'sqlite' }, 'Abonent is listening');
if (cabinet.simulator) {
  const logins = cabinet.simulator.demoLogins.map((demo) => `  ${demo.login.padEnd(14)} password: ${demo.password.padEnd(15)} ${demo.description}`);
  process.stdout.write(
    [
      '',
      `Abonent demo on ${billingOf(config.BILLING_KIND).demoBanner}: open ${base}`,
      'Demo logins:',
      ...logins,
      ...(cabinet.capabilities.passwordReset ? [`Password-reset codes the billing "sends" by SMS appear at ${base}/outbox`] : []),
      '',
    ].join('\n'),
  );
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down: no new connections; finishing requests in flight');
  const force = setTimeout(() => {
    logger.error('shutdown did not finish in time; exiting');
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS + CLOSE_MARGIN_MS);
  force.unref();
  cabinet.close().then(
    () => {
      logger.info('stopped');
      process.exit(0);
    },
    (error: unknown) => {
      logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
