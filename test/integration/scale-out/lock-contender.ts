/**
 * One of two processes that race for the notifier's lock over the shared store, as two BFF
 * instances' notifiers will. From START_AT until it has made ATTEMPTS tries, it tries the lock;
 * each pass it wins marks itself running in the store for a while, so a pass overlapping another
 * instance's would find the mark taken. Prints what happened as one JSON line.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../../server/config.js';
import { openStore } from '../../../server/store/index.js';

const store = await openStore(loadConfig());
const attempts = Number(process.env.ATTEMPTS ?? 15);
await sleep(Math.max(0, Number(process.env.START_AT) - Date.now()));
let ran = 0;
let skipped = 0;
let overlapped = 0;
for (let attempt = 0; attempt < attempts; attempt += 1) {
  const outcome = await store.withLock('notifier-pass', 10, async () => {
    if (!(await store.ephemeral.setIfAbsent('notifier-pass-running', process.pid, 10))) overlapped += 1;
    await sleep(60);
    await store.ephemeral.delete('notifier-pass-running');
  });
  if (outcome.ran) ran += 1;
  else skipped += 1;
  await sleep(Math.random() * 30);
}
await store.close();
process.stdout.write(`${JSON.stringify({ ran, skipped, overlapped })}\n`);
