import { describe, expect, it } from 'vitest';
import { pwaOperation } from '../../support/operations.js';

/** A selection of the history lists (not the capability flags of the same names, which have no arguments or fields). */
const HISTORY_LISTS = /\b(?:charges|invoices)\s*[({]|\bmonthlySpend\b/;

describe('the history is fetched only by the screens that show it', () => {
  it('the dashboard’s document (query Start) asks for no charges, month totals or invoices', () => {
    expect(pwaOperation('Start')).not.toMatch(HISTORY_LISTS);
  });

  it('the history screen’s documents do ask for them, so the check above can fail', () => {
    expect(pwaOperation('SpendingHistory')).toMatch(/\binvoices\s*\{/);
    expect(pwaOperation('SpendingHistory')).toMatch(/\bcharges\s*\(/);
  });
});
