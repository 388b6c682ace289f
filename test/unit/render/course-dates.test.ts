import { describe, expect, it } from 'vitest';
import { cadencePeriod, estimatedEnd, parseDay } from '../../../server/src/render/course-dates.js';

describe('course dates', () => {
  it('puts the last of 16 weekly sessions 15 weeks after the start', () => {
    expect(estimatedEnd('2026-02-02', 16, 'weekly')).toBe('2026-05-18');
  });

  it('steps two weeks for biweekly and a month for monthly sessions', () => {
    expect(estimatedEnd('2026-01-05', 4, 'biweekly')).toBe('2026-02-16');
    expect(estimatedEnd('2026-01-15', 6, 'monthly')).toBe('2026-06-15');
  });

  it('keeps monthly sessions inside short months', () => {
    expect(estimatedEnd('2026-01-31', 2, 'monthly')).toBe('2026-02-28');
  });

  it('gives no end without a real start date, a count or a known cadence', () => {
    expect(estimatedEnd('2026-02-30', 12, 'weekly')).toBeUndefined();
    expect(estimatedEnd(undefined, 12, 'weekly')).toBeUndefined();
    expect(estimatedEnd('2026-02-02', undefined, 'weekly')).toBeUndefined();
    expect(estimatedEnd('2026-02-02', 12, 'fortnightly')).toBeUndefined();
  });

  it('maps cadences to FHIR Timing periods', () => {
    expect(cadencePeriod('weekly')).toEqual({ period: 1, periodUnit: 'wk' });
    expect(cadencePeriod('biweekly')).toEqual({ period: 2, periodUnit: 'wk' });
    expect(cadencePeriod('monthly')).toEqual({ period: 1, periodUnit: 'mo' });
    expect(parseDay('2026-13-01')).toBeUndefined();
  });
});
