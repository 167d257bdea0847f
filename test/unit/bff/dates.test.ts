import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysInMonth, ymd } from '../../../shared/dates.js';

describe('calendar dates', () => {
  it('takes the day of an instant in the local zone by default', () => {
    expect(ymd(new Date(2025, 0, 15, 23, 59))).toBe('2025-01-15');
    expect(ymd(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });

  it('takes the day of an instant in the zone it is given', () => {
    const instant = new Date('2026-11-22T22:30:00Z');
    expect(ymd(instant, 'UTC')).toBe('2026-11-22');
    expect(ymd(instant, 'Europe/Kyiv')).toBe('2026-11-23');
    expect(ymd(instant, 'America/New_York')).toBe('2026-11-22');
  });

  it('counts calendar days across month, year and daylight-saving changes', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('knows the length of each month', () => {
    expect(['2026-02-10', '2028-02-01', '2026-04-30', '2026-12-31'].map(daysInMonth)).toEqual([28, 29, 30, 31]);
  });
});
