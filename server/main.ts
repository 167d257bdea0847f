import { ConfigError, isDemo, loadConfig } from './config.js';
import { startCabinet } from './cabinet.js';
import { createLogger } from './logger.js';

try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const cabinet = await startCabinet(config, logger);
  const base = config.PUBLIC_URL ?? cabinet.url;
  logger.info({ url: base, billing: config.BILLING_KIND, demo: isDemo(config) }, 'Abonent is listening');
  if (cabinet.simulator) {
    const logins = cabinet.simulator.demoLogins.map((demo) => `  ${demo.login.padEnd(14)} password: ${demo.password.padEnd(8)} ${demo.description}`);
    process.stdout.write(
      [
        '',
        `Abonent demo on a simulated ${config.BILLING_KIND} billing: open ${base}`,
        'Demo logins:',
        ...logins,
        `Password-reset codes the billing "sends" appear at ${base}/demo/outbox`,
        '',
      ].join('\n'),
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void cabinet.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
