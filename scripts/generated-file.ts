import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { projectRoot } from '../server/paths.js';

/**
 * Writes a generated file; with --check on the command line, writes nothing and exits 1 when the file
 * is not `text` (`npm test` runs codegen:check, so a stale generated file fails it).
 */
export function writeGenerated(path: string, text: string): void {
  if (!process.argv.includes('--check')) {
    writeFileSync(path, text);
    return;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: stale as well
  }
  if (current !== text) {
    console.error(`${relative(projectRoot, path)} is stale: run \`npm run codegen\`.`);
    process.exit(1);
  }
}
