import { describe, expect, it } from 'vitest';
import { formatRecentTime } from '../../../client/src/i18n/format.js';

describe('a recent time ("as of" a saved dashboard)', () => {
  it('is the time alone on the same day', () => {
    const savedAt = new Date(2026, 10, 22, 10, 42);
    expect(formatRecentTime('uk', savedAt, new Date(2026, 10, 22, 18, 5))).toBe('10:42');
    expect(formatRecentTime('en-GB', savedAt.toISOString(), new Date(2026, 10, 22, 23, 59))).toBe('10:42');
  });

  it('adds the day when it is older', () => {
    const text = formatRecentTime('en-GB', new Date(2026, 10, 21, 9, 5), new Date(2026, 10, 22, 8, 0));
    expect(text).toContain('21 Nov');
    expect(text).toContain('09:05');
  });
});
