/**
 * The operator's payments command (see USAGE in operator-commands.ts):
 *   npm run payments -- list | show <id> | credit <id> [--found <ref>] | fail <id> --note <why>
 * Uses the same configuration (the store) as the running cabinet.
 */
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { runPaymentsCommand, UsageError } from './operator-commands.js';

try {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    process.exitCode = await runPaymentsCommand(process.argv.slice(2), store.topUps, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await store.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof UsageError || error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
