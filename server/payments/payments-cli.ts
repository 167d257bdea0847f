/**
 * The operator's payments command (see USAGE in operator-commands.ts):
 *   npm run payments -- list | show <id> | credit <id> [--found <ref>] | fail <id> --note <why>
 * Uses the same configuration (the store) as the running cabinet.
 */
import { runOperatorCommand } from '../operator-command.js';
import { runPaymentsCommand, USAGE } from './operator-commands.js';

await runOperatorCommand(USAGE, (argv) => argv, async (argv, _config, store) => {
  process.exitCode = await runPaymentsCommand(argv, store.topUps, (line) => process.stdout.write(`${line}\n`));
});
