import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersistedDocuments } from '../../../server/graphql/yoga.js';
import { inProcessCabinet, type InProcessCabinet } from './in-process-cabinet.js';

/** How graphql-armor words a refusal: "Query Cost limit of 3000 exceeded, found 3612.5.", "Aliases limit of 5 exceeded…". */
const OVER_A_LIMIT = /limit of \d+ exceeded/i;

/**
 * The server refuses a document over its cost, depth, alias, token or directive limits before it
 * runs. The PWA's own operations must fit them, or a screen never loads: a fragment that added
 * a level to the dashboard's query once took its cost past the limit, and only the browser tests saw it.
 */
describe("the PWA's operations and the server's query limits", () => {
  let cabinet: InProcessCabinet;
  beforeAll(async () => {
    cabinet = await inProcessCabinet();
  });
  afterAll(() => cabinet.close());

  it('refuses a document over a limit with words this test recognises', async () => {
    const aliases = Array.from({ length: 6 }, (_, index) => `a${index}: cabinet { name }`).join(' ');
    const answer = await cabinet.client().request(`{ ${aliases} }`);
    expect(answer.errors?.[0]?.message).toMatch(OVER_A_LIMIT);
  });

  it("refuses a document that asks for the dashboard three times, by its cost", async () => {
    const start = Object.values(loadPersistedDocuments()).find((document) => /\bquery Start\b/.test(document)) ?? '';
    const thrice = start.replace(/me \{ \.\.\.DashboardFields \}/, ['a', 'b', 'c'].map((alias) => `${alias}: me { ...DashboardFields }`).join(' '));
    expect(thrice).not.toBe(start);
    const answer = await cabinet.client().request(thrice);
    expect(answer.errors?.[0]?.message).toMatch(/cost limit of \d+ exceeded/i);
  });

  it.each(Object.entries(loadPersistedDocuments()).map(([hash, document]) => [/\b(?:query|mutation) (\w+)/.exec(document)?.[1] ?? hash, document]))(
    '%s fits every limit',
    async (_name, document) => {
      const answer = await cabinet.client().request(document);
      expect(answer.errors?.map((error) => error.message).filter((message) => OVER_A_LIMIT.test(message)) ?? []).toEqual([]);
    },
  );
});
