/**
 * Writes shared/billing-kinds.generated.graphql, the GraphQL enum BillingKind, from the billings in
 * server/billing/registry.ts, for graphql-codegen (the server builds the same enum in memory).
 * With --check, writes nothing and exits 1 when the file is not what the registry makes.
 */
import { billingKindSdl } from '../server/billing/registry.js';
import { projectPath } from '../server/paths.js';
import { writeGenerated } from './generated-file.js';

const path = projectPath('shared', 'billing-kinds.generated.graphql');
const text = `# Generated from server/billing/registry.ts by scripts/billing-kinds-sdl.ts (npm run codegen). Do not edit.\n${billingKindSdl}`;

writeGenerated(path, text);
