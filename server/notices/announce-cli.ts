/**
 * The ISP's own notice to every subscriber, whatever the billing (an outage, planned works):
 *   npm run announce -- --title <title> --body <text> [--until <YYYY-MM-DD | ISO date-time>]
 * Kept in the store and shown on the dashboard until `--until` (or until the subscriber marks it
 * read), and pushed once to every subscriber's devices: the push is claimed in the store, so a
 * second run or another instance never sends the same notice again. Prints what happened as JSON;
 * exits 2 on wrong usage.
 */
import { parseArgs } from 'node:util';
import { runOperatorCommand } from '../operator-command.js';
import type { PushMessage } from '../../shared/push.js';
import { broadcast, withOperatorSender } from '../push/operator-broadcast.js';
import { cabinetNoticeId } from './announcements.js';

const USAGE = 'usage: npm run announce -- --title <title> --body <text> [--until <YYYY-MM-DD | ISO date-time>]';
const TITLE_MAX = 120;
const BODY_MAX = 2000;

function parseCommand(argv: string[], now: Date) {
  const { values } = parseArgs({
    args: argv,
    options: { title: { type: 'string' }, body: { type: 'string' }, until: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) return null;
  const title = values.title?.trim() ?? '';
  const body = values.body?.trim() ?? '';
  if (!title || title.length > TITLE_MAX || !body || body.length > BODY_MAX) throw new Error(USAGE);
  let until: string | null = null;
  if (values.until !== undefined) {
    // A bare date means the end of that day in the cabinet's zone.
    const at = /^\d{4}-\d{2}-\d{2}$/.test(values.until) ? new Date(`${values.until}T23:59:59`) : new Date(values.until);
    if (Number.isNaN(at.getTime()) || at <= now) throw new Error(`--until must be a date or date-time in the future\n${USAGE}`);
    until = at.toISOString();
  }
  return { title, body, until };
}

await runOperatorCommand(USAGE, (argv) => parseCommand(argv, new Date()), async (command, config, store) => {
  const notice = await store.notices.publish(command);
  const report = { notice: cabinetNoticeId(notice), until: notice.until, subscribers: 0, sent: 0, removed: 0, failed: 0 };
  const claimed = await store.notices.claimUnpushed(new Date());
  if (claimed.length > 0) {
    await withOperatorSender(config, store, async (sender) => {
      const accounts = await store.push.accounts();
      report.subscribers = accounts.length;
      for (const claim of claimed) {
        const message: PushMessage = { title: claim.title, body: claim.body, url: '/notices', tag: cabinetNoticeId(claim), actions: [] };
        const delivery = await broadcast(store, sender, accounts.map((account) => account.accountId), message);
        report.sent += delivery.sent;
        report.removed += delivery.removed;
        report.failed += delivery.failed;
      }
    });
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
});
