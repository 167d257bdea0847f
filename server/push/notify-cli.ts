/**
 * Operators' messages to subscribers' phones:
 *   npm run notify -- --login <login> --title <title> --body <text>
 *   npm run notify -- --all --title <title> --body <text>
 * Uses the same configuration (store, VAPID keys, push services) as the running cabinet. Prints
 * what happened as JSON; exits 1 when nothing was delivered (and says why), 2 on wrong usage.
 */
import { parseArgs } from 'node:util';
import { runOperatorCommand } from '../operator-command.js';
import type { PushMessage } from '../../shared/push.js';
import { broadcast, withOperatorSender } from './operator-broadcast.js';

const USAGE = 'usage: npm run notify -- (--login <login> | --all) --title <title> --body <text>';

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

await runOperatorCommand(USAGE, parseCommand, async (command, config, store) => {
  const message: PushMessage = { title: command.title, body: command.body, url: '/', tag: `operator-${Date.now()}`, actions: [] };
  const accounts = (await store.push.accounts()).filter((account) => !command.login || account.login.toLowerCase() === command.login.toLowerCase());
  const delivery = await withOperatorSender(config, store, (sender) => broadcast(store, sender, accounts.map((account) => account.accountId), message));
  const report = { subscribers: accounts.length, ...delivery };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (report.sent === 0) {
    process.stderr.write(`${whyNothingWasDelivered(report)}\n`);
    process.exitCode = 1;
  }
});
