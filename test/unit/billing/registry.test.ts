import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { billingKindSdl, billings, createBilling } from '../../../server/billing/registry.js';
import { ConfigError, configSchema, loadConfig } from '../../../server/config.js';
import { projectPath } from '../../../server/paths.js';
import type { Store } from '../../../server/store/store.js';

describe('the billing registry', () => {
  it('is where the configuration takes the kinds and each billing its variables from', () => {
    expect(configSchema.shape.BILLING_KIND.unwrap().options).toEqual(billings.map((billing) => billing.kind));
    for (const billing of billings) {
      for (const variable of Object.keys(billing.configSchema.shape)) expect(Object.keys(configSchema.shape), variable).toContain(variable);
    }
  });

  it('is where the GraphQL enum BillingKind comes from, and codegen reads the same', () => {
    expect(billingKindSdl).toBe(`enum BillingKind {\n  CARBON5\n  UBILLING\n  CARBON_LEGACY\n}\n`);
    expect(readFileSync(projectPath('shared', 'billing-kinds.generated.graphql'), 'utf8')).toContain(billingKindSdl);
    expect(readFileSync(projectPath('shared', 'schema.graphql'), 'utf8')).not.toMatch(/^enum BillingKind/m);
  });

  it('builds no billing without a BILLING_URL unless the demo is asked for', async () => {
    const building = createBilling(loadConfig({}), {} as Store);
    await expect(building).rejects.toThrow(ConfigError);
    await expect(building).rejects.toThrow(/^BILLING_URL is not set/);
  });
});

/**
 * The product never loads a simulator, demo data or the test PKI unless the demo starts: each
 * billing's startDemo imports its simulator dynamically, and nothing imports them statically.
 * Follows the static imports (not `import type`, which compile away) from server/main.ts.
 */
describe('what the server loads outside the demo', () => {
  const DEMO_ONLY = /server\/billing\/[^/]+\/(simulator|demo-data|test-pki)\.ts$/;

  function staticImports(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const specifiers: string[] = [];
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
      if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
    return specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
  }

  function loadedFrom(entry: string): Set<string> {
    const seen = new Set<string>();
    const queue = [entry];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...staticImports(file));
    }
    return seen;
  }

  it('reaches no simulator, demo data or test certificates from server/main.ts', () => {
    const loaded = [...loadedFrom(projectPath('server', 'main.ts'))].map((file) => relative(projectPath(), file));
    expect(loaded).toContain('server/billing/registry.ts');
    expect(loaded).toContain('server/billing/ubilling/index.ts');
    expect(loaded.filter((file) => DEMO_ONLY.test(file))).toEqual([]);
  });

  it('would notice a static import of one', () => {
    const loaded = [...loadedFrom(projectPath('server', 'billing', 'carbon5', 'simulator.ts'))].map((file) => relative(projectPath(), file));
    expect(loaded.filter((file) => DEMO_ONLY.test(file)).sort()).toEqual(['server/billing/carbon5/demo-data.ts', 'server/billing/carbon5/simulator.ts']);
  });
});
