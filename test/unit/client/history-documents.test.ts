import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every operation the PWA may send, as production accepts them: hash to text. */
const documents: string[] = Object.values(JSON.parse(readFileSync(new URL('../../../client/src/gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>);
const operation = (name: string) => documents.find((text) => new RegExp(`\\bquery ${name}\\b`).test(text));

/** A selection of the history lists (not the capability flags of the same names, which have no arguments or fields). */
const HISTORY_LISTS = /\b(?:charges|invoices)\s*[({]|\bmonthlySpend\b/;

describe('the history is fetched only by the screens that show it', () => {
  it('the dashboard’s document (query Start) asks for no charges, month totals or invoices', () => {
    const start = operation('Start');
    expect(start).toBeDefined();
    expect(start).not.toMatch(HISTORY_LISTS);
  });

  it('the history screen’s documents do ask for them, so the check above can fail', () => {
    expect(operation('SpendingHistory')).toMatch(/\binvoices\s*\{/);
    expect(operation('SpendingHistory')).toMatch(/\bcharges\s*\(/);
  });
});
