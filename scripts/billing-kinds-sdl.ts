/**
 * Writes shared/billing-kinds.generated.graphql, the GraphQL enum BillingKind, from the billings in
 * server/billing/registry.ts, for graphql-codegen (the server builds the same enum in memory).
 * With --check, writes nothing and exits 1 when the file is not what the registry makes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { billingKindSdl } from '../server/billing/registry.js';
import { projectPath } from '../server/paths.js';

const path = projectPath('shared', 'billing-kinds.generated.graphql');
const text = `# Generated from server/billing/registry.ts by scripts/billing-kinds-sdl.ts (npm run codegen). Do not edit.\n${billingKindSdl}`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: stale as well
  }
  if (current !== text) {
    console.error('shared/billing-kinds.generated.graphql is stale: run `npm run codegen`.');
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
}
