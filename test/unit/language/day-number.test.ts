/** dayNumber counts days by arithmetic exactly as session-dates used to with Date.UTC (from the year 100 on). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isCalendarDate } from '../../../server/src/language/values.js';

const DAY_MS = 86_400_000;
const iso = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('dayNumber', () => {
  it('agrees with Date.UTC on every real date from the year 100 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const date = iso(year, month, day);
        fc.pre(isCalendarDate(date, 0));
        expect(dayNumber(date)).toBe(Math.round(Date.UTC(year, month - 1, day) / DAY_MS));
      }),
      { numRuns: 5000, seed: 2026 },
    );
  });

  it('counts the edges: the epoch, leap days, century years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / DAY_MS);
    expect(dayNumber('2024-03-01')! - dayNumber('2024-02-28')!).toBe(2);
    expect(dayNumber('2100-03-01')! - dayNumber('2100-02-28')!).toBe(1);
  });

  it('leaves the years before 100 to Date (which reads them as 1900 + the year)', () => {
    expect(dayNumber('0050-01-01')).toBeUndefined();
  });
});
