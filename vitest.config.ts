import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node loads graphql's CommonJS build for Yoga; our code must get the same copy, or
// `instanceof GraphQLError` fails across the two (the dual-package hazard).
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Checks the production build (and the start script that makes it): slow, so not in `unit`.
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 240_000, fileParallelism: false } },
      // Some integration tests start the server as its own process through tsx: on a busy 2-core
      // machine that alone takes 15–20 s, so a minute per test leaves room without hiding a hang.
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 90_000 } },
      ...(existsSync(chromium)
        // A page waits on the server and the billing simulator: give expect.poll the page's own 10 s, not 1 s.
        ? [{ extends: true as const, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 90_000, fileParallelism: false, expect: { poll: { timeout: 10_000 } } } }]
        : []),
    ],
  },
});
