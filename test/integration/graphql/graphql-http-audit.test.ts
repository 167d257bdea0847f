import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCabinet, type TestCabinet } from '../../support/cabinet.js';

/**
 * The GraphQL-over-HTTP conformance suite, as ordinary tests, over real HTTP. Every audit must pass
 * except these deliberate deviations, each a security choice:
 */
const EXPECTED_DEVIATIONS: Record<string, string> = {
  // The audit sends `{ __type(name: $name) { name } }` to check variables; that is introspection, off in production.
  '28B9': 'introspection is disabled in production',
  '2EA1': 'introspection is disabled in production (graphql-response+json variant)',
  // GET without a preflight-forcing header is a CSRF vector; the CSRF plugin answers 403.
  '5A70': 'GET without the x-graphql-csrf header is refused (CSRF prevention)',
  D6D5: 'GET without the x-graphql-csrf header is refused (CSRF prevention)',
  '6A70': 'GET without the x-graphql-csrf header is refused (CSRF prevention)',
};

describe('graphql-http server audits (production settings, third-party clients allowed)', () => {
  let cabinet: TestCabinet;
  beforeAll(async () => {
    cabinet = await startCabinet({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });
  });
  afterAll(() => cabinet?.close());

  for (const audit of serverAudits({ url: () => `${cabinet.url}/graphql`, fetchFn: fetch })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      if (audit.id in EXPECTED_DEVIATIONS) {
        expect(result.status, EXPECTED_DEVIATIONS[audit.id]).not.toBe('ok');
      } else {
        expect(result.status, result.status === 'ok' ? '' : result.reason).toBe('ok');
      }
    });
  }
});
