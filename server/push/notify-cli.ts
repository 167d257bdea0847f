/**
 * Operators' messages to subscribers' phones:
 *   npm run notify -- --login <login> --title <title> --body <text>
 *   npm run notify -- --all --title <title> --body <text>
 * Uses the same configuration (store, VAPID keys, push services) as the running cabinet. Prints
 * what happened as JSON; exits 1 when nothing was delivered (and says why), 2 on wrong usage.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/index.js';
import type { PushMessage } from '../../shared/push.js';
import { deliverTo, forEachAtOnce } from './notifier.js';
import { pushEndpointPolicy, vapidKeys } from './setup.js';
import { WebPushSender } from './web-push-sender.js';

const USAGE = 'usage: npm run notify -- (--login <login> | --all) --title <title> --body <text>';
/** Subscribers sent to at once: one whose devices' push service is slow holds one of these. */
const SUBSCRIBERS_AT_ONCE = 8;

function parseCommand(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { login: { type: 'string' }, all: { type: 'boolean' }, title: { type: 'string' }, body: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) return null;
  const title = values.title?.trim();
  const body = values.body?.trim() ?? '';
  if (!title || title.length > 120 || body.length > 1000 || Boolean(values.login) === Boolean(values.all)) throw new Error(USAGE);
  return { login: values.login, title, body };
}

function whyNothingWasDelivered(report: { subscribers: number; failed: number; removed: number }): string {
  if (report.subscribers === 0) return 'nothing was delivered: no subscriber with a push registration matches';
  return `nothing was delivered: ${report.failed} failed (the push service did not accept them), ${report.removed} removed (gone, or not a known push service)`;
}

try {
  const command = parseCommand(process.argv.slice(2));
  if (!command) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore(config, logger);
  const keys = await vapidKeys(config, store).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const sender = new WebPushSender({ ...keys, subject: config.VAPID_SUBJECT ?? `mailto:${config.CABINET_SUPPORT_EMAIL ?? 'noc@localhost'}` }, pushEndpointPolicy(config));
  try {
    const message: PushMessage = { title: command.title, body: command.body, url: '/', tag: `operator-${Date.now()}`, actions: [] };
    const accounts = (await store.push.accounts()).filter((account) => !command.login || account.login.toLowerCase() === command.login.toLowerCase());
    const report = { subscribers: accounts.length, sent: 0, removed: 0, failed: 0 };
    await forEachAtOnce(accounts, SUBSCRIBERS_AT_ONCE, () => false, async (account) => {
      const delivery = await deliverTo(store, sender, account.accountId, () => message);
      report.sent += delivery.sent;
      report.removed += delivery.removed;
      report.failed += delivery.failed;
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    if (report.sent === 0) {
      process.stderr.write(`${whyNothingWasDelivered(report)}\n`);
      process.exitCode = 1;
    }
  } finally {
    sender.close();
    await store.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
