/** Calendar arithmetic for the course: when the last planned session falls if every session keeps the cadence. */

/** The FHIR Timing repeat of a cadence: `weekly` once a week, `biweekly` every 2 weeks, `monthly` once a month. */
export function cadencePeriod(cadence: string | undefined): { period: number; periodUnit: 'wk' | 'mo' } | undefined {
  switch (cadence) {
    case 'weekly':
      return { period: 1, periodUnit: 'wk' };
    case 'biweekly':
      return { period: 2, periodUnit: 'wk' };
    case 'monthly':
      return { period: 1, periodUnit: 'mo' };
    default:
      return undefined;
  }
}

/** A `YYYY-MM-DD` date as a UTC date, or undefined when it is not a real calendar date. */
export function parseDay(value: string | undefined): Date | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The date of session `count` when session 1 is on `start` and each later one follows the cadence
 * (monthly sessions keep the day of the month, moved back to the month's last day when needed).
 */
export function estimatedEnd(start: string | undefined, count: number | undefined, cadence: string | undefined): string | undefined {
  const first = parseDay(start);
  const period = cadencePeriod(cadence);
  if (!first || !period || count === undefined || !Number.isInteger(count) || count < 1 || count > 1000) return undefined;
  const steps = (count - 1) * period.period;
  if (period.periodUnit === 'wk') return formatDay(new Date(first.getTime() + steps * 7 * 86_400_000));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + steps;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatDay(new Date(Date.UTC(year, month, Math.min(first.getUTCDate(), lastDay))));
}
