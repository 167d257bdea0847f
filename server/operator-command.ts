import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { openStore } from './store/index.js';
import type { Store } from './store/store.js';

/**
 * How an operator's command (`npm run notify`, `announce`, `payments`) runs: its arguments read
 * first (`null` for --help, which prints `usage`), then the running cabinet's configuration and
 * store, closed whatever happens. Bad usage or configuration exits 2 with the message alone.
 */
export async function runOperatorCommand<Command>(
  usage: string,
  parse: (argv: string[]) => Command | null,
  run: (command: Command, config: Config, store: Store) => Promise<void>,
): Promise<void> {
  try {
    const command = parse(process.argv.slice(2));
    if (command === null) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    const config = loadConfig();
    const store = await openStore(config, createLogger(config.LOG_LEVEL));
    try {
      await run(command, config, store);
    } finally {
      await store.close();
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
