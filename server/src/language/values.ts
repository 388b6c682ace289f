/**
 * Reading a statement's parts from the text: words, strings, numbers, session ranges and dates.
 * Both parser paths read through these (the fast path from its scanner's offsets, the Chevrotain
 * path from its tokens), so a part means the same whichever path read it. Offsets are into the
 * whole text; `end` is just past the part.
 */
import type { SessionSpan, Word } from './ast.js';
import type { Report } from './diagnostic.js';
import { numberLimitProblem, type LimitedNumber } from './limits.js';

export type Reporter = (report: Report) => void;

export function wordAt(text: string, start: number, end: number): Word {
  return { value: text.slice(start, end), span: { start, end } };
}

/** A string's value: without its quotes, with `\"` and `\\` resolved (an unclosed string has no closing quote). */
export function stringValueAt(text: string, start: number, end: number, closed: boolean): string {
  const inner = text.slice(start + 1, closed ? end - 1 : end);
  return inner.includes('\\') ? inner.replace(/\\(["\\])/g, '$1') : inner;
}

export function stringWordAt(text: string, start: number, end: number, closed = true): Word {
  return { value: stringValueAt(text, start, end, closed), span: { start, end } };
}

/** The value of the digits in [start, end): exact for up to 15 digits, like Number() beyond. */
function digitsValue(text: string, start: number, end: number): number {
  if (end - start > 15) return Number(text.slice(start, end));
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/** The number, or a report and nothing when it is beyond what a plan can mean (limits.ts). */
function bounded(text: string, start: number, end: number, value: number, kind: LimitedNumber, report: Reporter): Word<number> | undefined {
  const problem = numberLimitProblem(kind, value, text.slice(start, end));
  if (problem === undefined) return { value, span: { start, end } };
  report({ span: { start, end }, message: problem });
  return undefined;
}

/** An integer or a decimal, as Number() reads it, within its kind's bound. */
export function numberWordAt(text: string, start: number, end: number, decimal: boolean, kind: LimitedNumber, report: Reporter): Word<number> | undefined {
  return bounded(text, start, end, decimal ? Number(text.slice(start, end)) : digitsValue(text, start, end), kind, report);
}

/** `50min` → 50, within a day. */
export function durationWordAt(text: string, start: number, end: number, report: Reporter): Word<number> | undefined {
  return bounded(text, start, end, digitsValue(text, start, end - 3), 'minutes', report);
}

/** `4` or `4-13`; a range with no end, past the session bound, or running backwards is reported and read as nothing. */
export function sessionSpanAt(text: string, start: number, end: number, report: Reporter): SessionSpan | undefined {
  let dash = start;
  while (dash < end && text.charCodeAt(dash) !== 45) dash++;
  const span = { start, end };
  if (dash === end) {
    const n = digitsValue(text, start, end);
    const problem = numberLimitProblem('session', n, text.slice(start, end));
    if (problem === undefined) return { first: n, last: n, span };
    report({ span, message: problem });
    return undefined;
  }
  const first = digitsValue(text, start, dash);
  if (dash + 1 === end) {
    report({ span, message: `The range \`${text.slice(start, end)}\` has no end. Write both ends, e.g. \`${first}-${first + 3}\`, or a single session number.` });
    return undefined;
  }
  const last = digitsValue(text, dash + 1, end);
  const problem = numberLimitProblem('session', Math.max(first, last), first > last ? text.slice(start, dash) : text.slice(dash + 1, end));
  if (problem !== undefined) {
    report({ span, message: problem });
    return undefined;
  }
  if (last < first) {
    report({ span, message: `The range \`${text.slice(start, end)}\` runs backwards. Write the lower number first: \`${last}-${first}\`.`, fixes: [{ title: `Change to ${last}-${first}`, edits: [{ span, newText: `${last}-${first}` }], safe: true }] });
    return undefined;
  }
  return { first, last, span };
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the YYYY-MM-DD at `start` names a day that exists (the lexer only checks the shape). */
export function isCalendarDate(text: string, start: number): boolean {
  const year = digitsValue(text, start, start + 4);
  const month = digitsValue(text, start + 5, start + 7);
  const day = digitsValue(text, start + 8, start + 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lastDay = month === 2 && leap ? 29 : daysInMonth[month - 1];
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay;
}

/**
 * Days since 1970-01-01 of the well-formed YYYY-MM-DD `date` (one isCalendarDate accepts), as
 * Math.round(Date.UTC(…) / 86,400,000) gives them; undefined before the year 100, where Date.UTC
 * reads the year as 1900 + it. Civil-from-days arithmetic (H. Hinnant's `days_from_civil`).
 */
export function dayNumber(date: string): number | undefined {
  const year = digitsValue(date, 0, 4);
  if (year < 100) return undefined;
  const month = digitsValue(date, 5, 7);
  const day = digitsValue(date, 8, 10);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** A date that exists, or a report and nothing. */
export function dateWordAt(text: string, start: number, end: number, report: Reporter): Word | undefined {
  if (!isCalendarDate(text, start)) {
    report({ span: { start, end }, message: `\`${text.slice(start, end)}\` is not a calendar date. Write a real date as YYYY-MM-DD.` });
    return undefined;
  }
  return wordAt(text, start, end);
}
