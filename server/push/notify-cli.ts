/**
 * Operators' messages to subscribers' phones:
 *   npm run notify -- --login <login> --title <title> --body <text>
 *   npm run notify -- --all --title <title> --body <text>
 * Uses the same configuration (store, VAPID keys) as the running cabinet.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/index.js';
import type { PushMessage } from './messages.js';
import { deliverTo } from './notifier.js';
import { vapidKeys } from './setup.js';
import { WebPushSender } from './web-push-sender.js';

const USAGE = 'usage: npm run notify -- (--login <login> | --all) --title <title> --body <text>';

function parseCommand(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { login: { type: 'string' }, all: { type: 'boolean' }, title: { type: 'string' }, body: { type: 'string' } },
    strict: true,
  });
  const title = values.title?.trim();
  const body = values.body?.trim() ?? '';
  if (!title || title.length > 120 || body.length > 1000 || Boolean(values.login) === Boolean(values.all)) throw new Error(USAGE);
  return { login: values.login, title, body };
}

try {
  const command = parseCommand(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore(config, logger);
  try {
    const keys = await vapidKeys(config, store);
    const sender = new WebPushSender({ ...keys, subject: config.VAPID_SUBJECT ?? `mailto:${config.CABINET_SUPPORT_EMAIL ?? 'noc@localhost'}` });
    const message: PushMessage = { title: command.title, body: command.body, url: '/', tag: `operator-${Date.now()}`, actions: [] };
    const accounts = (await store.push.accounts()).filter((account) => !command.login || account.login.toLowerCase() === command.login.toLowerCase());
    let sent = 0;
    let removed = 0;
    for (const account of accounts) {
      const delivery = await deliverTo(store, sender, account.accountId, () => message);
      sent += delivery.sent;
      removed += delivery.removed;
    }
    process.stdout.write(`${JSON.stringify({ subscribers: accounts.length, sent, removed })}\n`);
    process.exitCode = accounts.length === 0 ? 1 : 0;
  } finally {
    await store.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
